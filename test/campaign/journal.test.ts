// FORMAT.md "Campaigns": finished runs go to an append-only journal of checksummed records, one
// file per writing process; a torn or damaged record is skipped, never trusted; a lock refuses a
// second writer on the same folder, and a lock left by a process that is gone is taken over.
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { JournalWriter, journalLine, parseJournal, readJournal, readJournalIds, discardJournal } from "../../src/campaign/journal.js";

const folders: string[] = [];
function folder(): string {
  const f = mkdtempSync(join(tmpdir(), "kmsim-journal-"));
  folders.push(f);
  return f;
}
afterEach(() => {
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});

const rec = (id: string, v: number) => ({ id, record: { scenario: "s", clients_lapsed: v } });

function open(dir: string): JournalWriter {
  const w = JournalWriter.open(dir);
  if (typeof w === "string") throw new Error(w);
  return w;
}

describe("the campaign journal", () => {
  it("gives back every flushed record by identity", () => {
    const dir = folder();
    const w = open(dir);
    w.add([rec("a", 1), rec("b", 2)]);
    w.flush();
    w.add([rec("c", 3)]);
    w.close();
    expect(Object.fromEntries(readJournal(dir).runs)).toEqual({ a: rec("a", 1).record, b: rec("b", 2).record, c: rec("c", 3).record });
  });

  it("skips a torn last line (a writer killed mid-write) and a line whose checksum fails", () => {
    const good = journalLine(rec("a", 1));
    const damaged = journalLine(rec("b", 2)).replace('"clients_lapsed":2', '"clients_lapsed":3');
    const torn = journalLine(rec("c", 3)).slice(0, 30);
    const parsed = parseJournal(good + damaged + torn);
    expect(parsed.records.map((r) => r.id)).toEqual(["a"]);
    expect(parsed.skipped).toBe(2);
  });

  it("one file per writing process: a resumed campaign never appends to a file that may end torn", () => {
    const dir = folder();
    const first = open(dir);
    first.add([rec("a", 1)]);
    first.close();
    appendFileSync(join(dir, "journal", readdirSync(join(dir, "journal")).find((n) => n.endsWith(".jsonl")) ?? ""), '0123456789abcdef {"id":"tor');
    const second = open(dir);
    second.add([rec("b", 2)]);
    second.close();
    expect([...readJournal(dir).runs.keys()].sort()).toEqual(["a", "b"]);
  });

  it("refuses a second writer while the first holds the lock, and takes over a lock whose process is gone", () => {
    const dir = folder();
    const w = open(dir);
    const refused = JournalWriter.open(dir);
    expect(typeof refused).toBe("string");
    expect(refused).toMatch(new RegExp(`another kmsim \\(process ${process.pid} on .*\\) is writing this campaign folder`));
    w.close();
    // A process id that cannot be alive (above the kernel's pid limit).
    writeFileSync(join(dir, "journal", "lock"), `${hostname()} 4194305\n`);
    const taken = open(dir);
    expect(readFileSync(join(dir, "journal", "lock"), "utf8")).toBe(`${hostname()} ${process.pid}\n`);
    taken.close();
  });

  it("is read in chunks: records across chunk boundaries and non-ASCII text survive; readJournalIds sees the same runs", () => {
    const dir = folder();
    const w = open(dir);
    const many = Array.from({ length: 30_000 }, (_, i) => ({ id: i.toString(16).padStart(8, "0").padEnd(32, "a"), record: { scenario: "été-ü", n: i } }));
    w.add(many);
    w.close();
    const runs = readJournal(dir).runs;
    expect(runs.size).toBe(30_000);
    expect(runs.get((29_999).toString(16).padStart(8, "0").padEnd(32, "a"))).toEqual({ scenario: "été-ü", n: 29_999 });
    const ids = readJournalIds(dir).ids;
    expect(ids.size).toBe(30_000);
    expect(many.every((r) => ids.has(r.id))).toBe(true);
  });

  it("--fresh discards it", () => {
    const dir = folder();
    const w = open(dir);
    w.add([rec("a", 1)]);
    w.close();
    discardJournal(dir);
    expect(readJournal(dir).runs.size).toBe(0);
  });
});
