// The journal of a campaign (FORMAT.md "Campaigns"): every finished run, stored as it finishes, so
// an interrupted, killed or crashed campaign resumes with only the runs it lacks. Each writing
// process appends to a file of its own (a torn last line after kill -9 can only be its own); each
// record carries a checksum, so a torn or damaged line is skipped, never trusted; a lock refuses a
// second writer on the same folder. Nothing here ever deletes a record except `--fresh`.
import { createHash } from "node:crypto";
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { IdSet } from "./id-set.js";

export const JOURNAL_DIR = "journal";
const LOCK_FILE = "lock";

/** One finished run: its identity and its summary row. */
export interface JournalRecord {
  readonly id: string;
  readonly record: Readonly<Record<string, number | string>>;
}

function checksum(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

/** A record as one journal line: `<checksum> <json>`. */
export function journalLine(r: JournalRecord): string {
  const json = JSON.stringify({ id: r.id, record: r.record });
  return `${checksum(json)} ${json}\n`;
}

/** The records of one journal file's text; lines that are torn or fail their checksum are skipped. */
export function parseJournal(text: string): { records: JournalRecord[]; skipped: number } {
  const records: JournalRecord[] = [];
  let skipped = 0;
  const lines = text.split("\n");
  // A file that does not end in a line break ends in a torn line (the writer was killed mid-write).
  for (const line of lines.slice(0, -1)) {
    const space = line.indexOf(" ");
    const json = line.slice(space + 1);
    if (space !== 16 || checksum(json) !== line.slice(0, 16)) {
      skipped++;
      continue;
    }
    const parsed = JSON.parse(json) as JournalRecord;
    records.push({ id: parsed.id, record: parsed.record });
  }
  if (lines[lines.length - 1] !== "") skipped++;
  return { records, skipped };
}

/** Every stored run of a campaign folder, by identity (a run stored twice is the same run). */
export function readJournal(folder: string): { runs: Map<string, JournalRecord["record"]>; skipped: number } {
  const runs = new Map<string, JournalRecord["record"]>();
  const skipped = eachSoundRecord(folder, (buf, json, end) => {
    const r = JSON.parse(buf.toString("utf8", json, end)) as JournalRecord;
    runs.set(r.id, r.record);
  });
  return { runs, skipped };
}

/**
 * The identities of every stored run, compactly, for planning: taken from the bytes (no string
 * per line), so millions of records are checked in little memory.
 */
export function readJournalIds(folder: string): { ids: IdSet; skipped: number } {
  const ids = new IdSet(estimateRecords(folder));
  const skipped = eachSoundRecord(folder, (buf, json) => ids.addBytes(buf, json + ID_AT));
  return { ids, skipped };
}

/**
 * Calls `visit` with the bytes of every sound record of the folder's journal files (the record's
 * JSON is buf[json, end)), reading them in chunks: a journal may be larger than a string can be.
 * Returns how many lines were skipped (torn or failing their checksum).
 */
function eachSoundRecord(folder: string, visit: (buf: Buffer, json: number, end: number) => void): number {
  let skipped = 0;
  for (const path of journalFiles(folder)) {
    const fd = openSync(path, "r");
    try {
      let buffer = Buffer.alloc(1 << 20);
      let filled = 0;
      for (;;) {
        const n = readSync(fd, buffer, filled, buffer.length - filled, null);
        filled += n;
        let start = 0;
        for (let nl = buffer.indexOf(10, start); nl >= 0 && nl < filled; nl = buffer.indexOf(10, start)) {
          if (soundBytes(buffer, start, nl)) visit(buffer, start + 17, nl);
          else skipped++;
          start = nl + 1;
        }
        if (n === 0) {
          if (filled > start) skipped++; // a torn last line
          break;
        }
        buffer.copy(buffer, 0, start, filled);
        filled -= start;
        if (filled === buffer.length) {
          const bigger = Buffer.alloc(buffer.length * 2); // a line longer than the buffer
          buffer.copy(bigger, 0, 0, filled);
          buffer = bigger;
        }
      }
    } finally {
      closeSync(fd);
    }
  }
  return skipped;
}

/** Whether the line [start, end) of `buf` is `<checksum> <json>` with a checksum that holds. */
function soundBytes(buf: Buffer, start: number, end: number): boolean {
  if (end - start < 17 + ID_AT + 32 || buf[start + 16] !== 32) return false;
  const digest = createHash("sha256").update(buf.subarray(start + 17, end)).digest();
  for (let i = 0; i < 8; i++) {
    const hi = hexValue(buf[start + 2 * i]);
    const lo = hexValue(buf[start + 2 * i + 1]);
    if (hi < 0 || lo < 0 || ((hi << 4) | lo) !== digest[i]) return false;
  }
  return true;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/** The journal files of a campaign folder, in name order. */
function journalFiles(folder: string): string[] {
  const dir = join(folder, JOURNAL_DIR);
  try {
    return readdirSync(dir).filter((n) => n.endsWith(".jsonl")).sort().map((n) => join(dir, n));
  } catch {
    return [];
  }
}

/**
 * About how many records the journal holds (an upper bound for sizing): each file's size over the
 * shortest of its first lines, so the set is sized once instead of doubling (and copying) as it fills.
 */
function estimateRecords(folder: string): number {
  let total = 0;
  const head = Buffer.alloc(1 << 16);
  for (const path of journalFiles(folder)) {
    const size = statSync(path).size;
    const fd = openSync(path, "r");
    let n: number;
    try {
      n = readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
    const lines = head.subarray(0, n).toString("latin1").split("\n").slice(0, -1);
    const shortest = Math.min(...lines.map((l) => l.length + 1), size || 1);
    total += Math.ceil(size / Math.max(1, shortest));
  }
  return total;
}

/** Where the identity starts in a record's JSON: `{"id":"` is always first (journalLine writes it so). */
const ID_AT = '{"id":"'.length;


/** Removes a campaign folder's journal (`--fresh`). */
export function discardJournal(folder: string): void {
  rmSync(join(folder, JOURNAL_DIR), { recursive: true, force: true });
}

/** Why the lock could not be taken, or null when it was. */
export type LockRefusal = string;

/** The writer of one campaign folder: holds the lock and appends to its own journal file. */
export class JournalWriter {
  private readonly fd: number;
  private pending: string[] = [];
  private closed = false;

  private constructor(
    private readonly dir: string,
    file: string,
  ) {
    this.fd = openSync(join(dir, file), "a");
  }

  /** Takes the folder's lock and opens a journal file of this process; a message if another live writer holds the lock. */
  static open(folder: string): JournalWriter | LockRefusal {
    const dir = join(folder, JOURNAL_DIR);
    mkdirSync(dir, { recursive: true });
    const refusal = takeLock(dir);
    if (refusal !== null) return refusal;
    const file = `${hostname().replace(/[^A-Za-z0-9_-]/g, "_")}-${process.pid}-${Date.now()}.jsonl`;
    return new JournalWriter(dir, file);
  }

  /** Queues finished runs; they are on disk after the next flush. */
  add(records: readonly JournalRecord[]): void {
    for (const r of records) this.pending.push(journalLine(r));
  }

  /** Writes and syncs what was added: a batch is either stored whole or (torn) skipped on reading. */
  flush(): void {
    if (this.pending.length === 0) return;
    writeSync(this.fd, this.pending.join(""));
    fsyncSync(this.fd);
    this.pending = [];
  }

  /** Flushes, closes the file and releases the lock. Safe to call twice. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.flush();
    } finally {
      closeSync(this.fd);
      releaseLock(this.dir);
    }
  }
}

function takeLock(dir: string): LockRefusal | null {
  const path = join(dir, LOCK_FILE);
  const me = `${hostname()} ${process.pid}\n`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, me);
      closeSync(fd);
      return null;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    const holder = readFileSync(path, "utf8").trim();
    const [host, pidText] = holder.split(" ");
    const pid = Number(pidText);
    // A lock left by a process of this machine that is gone (kill -9, a crash) is stale.
    if (host === hostname() && Number.isInteger(pid) && !alive(pid)) {
      unlinkSync(path);
      continue;
    }
    return `another kmsim (process ${pidText ?? "?"} on ${host ?? "?"}) is writing this campaign folder; wait for it, or remove ${path} if it is gone`;
  }
  return `could not take the lock ${path}`;
}

function releaseLock(dir: string): void {
  try {
    unlinkSync(join(dir, LOCK_FILE));
  } catch {
    // already gone
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
