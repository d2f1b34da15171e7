// One result per folder, never stale, never over what kmsim did not write (FORMAT.md "Result
// folders"). A command builds its whole result in a temp sibling folder (`.<name>.kmsim-<pid>-…`
// beside the result folder) and swaps it in at the end: the old folder is renamed away, the new
// one renamed in, the old one removed. A failed or interrupted command removes its temp folder,
// so the previous result stays whole and no file of an older run survives a newer one.
//
// Before anything runs, the target is checked: it must be missing, an empty folder or a kmsim
// result (its manifest.json starts with the "kmsim" key), must not hold an input of the command,
// and its parent must take the temp folder (creating it is the writability check).
import { randomBytes } from "node:crypto";
import { closeSync, fsyncSync, lstatSync, mkdirSync, openSync, readSync, readdirSync, realpathSync, renameSync, rmSync, statSync } from "node:fs";
import type { Stats } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { writeAll } from "./file-sink.js";

/** An output path kmsim refuses (exit 2): the message names the path and the reason. */
export class OutputFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutputFolderError";
  }
}

export interface ResultFolderOptions {
  /** Files the command reads (scenario, manifest…): a result folder holding one is refused. */
  readonly inputs: readonly string[];
  /**
   * Create missing parent folders (the default `results/<name>/…` layout). A `--out` folder's
   * parent must exist: a typo then fails instead of building a tree somewhere unexpected.
   */
  readonly createParents: boolean;
  /** How the target is named in messages (e.g. `--out`); default: the path. */
  readonly label?: string;
}

/** Stages not yet committed or aborted, and old folders not yet removed: the interrupt handler's work list. */
const live = new Set<ResultStage>();

/** A temp sibling folder that becomes the result folder on commit(). */
export class ResultStage {
  /** The temp folder the files go to. */
  readonly dir: string;
  private state: "open" | "committed" | "aborted" = "open";
  /** The previous result, renamed away during commit and removed right after. */
  private away: string | null = null;

  constructor(
    /** The result folder (absolute). */
    readonly target: string,
    dir: string,
  ) {
    this.dir = dir;
    live.add(this);
  }

  /** The path of a file of the result, inside the temp folder. */
  path(name: string): string {
    return join(this.dir, name);
  }

  /** Writes a whole file into the temp folder (never over an existing one) and syncs it. */
  writeFile(name: string, text: string): void {
    if (this.state !== "open") throw new Error(`ResultStage: write after ${this.state}`);
    const fd = openSync(this.path(name), "wx");
    try {
      writeAll(fd, Buffer.from(text, "utf8"));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  /**
   * Swaps the temp folder in: the old result (if any) is renamed away, the new one renamed in,
   * then the old one removed. Synchronous, so no signal handler runs between the two renames.
   */
  commit(): void {
    if (this.state !== "open") throw new Error(`ResultStage: commit after ${this.state}`);
    const target = this.target;
    let away: string | null = null;
    if (exists(target)) {
      away = siblingPath(target, "old");
      renameSync(target, away);
    }
    try {
      renameSync(this.dir, target);
    } catch (err) {
      if (away !== null) renameSync(away, target);
      throw err;
    }
    this.state = "committed";
    this.away = away;
    this.removeLeftovers();
  }

  /** Removes the temp folder and everything in it (idempotent); the previous result is untouched. */
  abort(): void {
    if (this.state === "open") {
      rmSync(this.dir, { recursive: true, force: true });
      this.state = "aborted";
    }
    this.removeLeftovers();
  }

  private removeLeftovers(): void {
    if (this.away !== null) rmSync(this.away, { recursive: true, force: true });
    this.away = null;
    live.delete(this);
  }
}

/**
 * Removes every open temp folder and every old folder of a swap in progress (the SIGINT/SIGTERM
 * handler: the process exits right after). Synchronous on purpose.
 */
export function abortOpenStagesSync(): void {
  for (const stage of [...live]) {
    try {
      stage.abort();
    } catch {
      // best effort while exiting
    }
  }
}

/**
 * Checks `target` as a result folder and creates its temp sibling (FORMAT.md "Result folders").
 * Throws OutputFolderError (exit 2) before anything is simulated.
 */
export function openResultStage(target: string, options: ResultFolderOptions): ResultStage {
  const label = options.label ?? target;
  if (target.trim() === "") throw new OutputFolderError(`kmsim: ${options.label ?? "the result folder"} is empty: name a folder`);
  const abs = resolve(target);
  const parent = dirname(abs);
  if (parent === abs) throw new OutputFolderError(`${label}: the root folder cannot be a result folder`);
  const cwd = process.cwd();
  if (abs === cwd || isInside(cwd, abs)) throw new OutputFolderError(`${label}: holds the current folder; name a folder of its own`);

  const stat = lstatOrNull(abs);
  if (stat !== null) {
    if (!stat.isDirectory()) throw new OutputFolderError(`${label}: exists and is not a folder`);
    for (const input of options.inputs) {
      const real = realOrNull(input);
      if (real !== null && (real === realOrNull(abs) || isInside(real, realOrNull(abs) ?? abs))) {
        throw new OutputFolderError(`${label}: holds the input ${input}, which the result would replace; choose another folder`);
      }
    }
    if (readdirSync(abs).length > 0 && !isKmsimResult(abs)) {
      throw new OutputFolderError(`${label}: not empty and not a kmsim result (no kmsim manifest.json); kmsim replaces only folders it wrote`);
    }
  }

  const parentStat = lstatOrNull(parent);
  if (parentStat === null) {
    if (!options.createParents) throw new OutputFolderError(`${label}: the parent folder ${parent} does not exist`);
    try {
      mkdirSync(parent, { recursive: true });
    } catch (err) {
      throw new OutputFolderError(`${label}: cannot create the folder ${parent} (${reason(err)})`);
    }
  } else if (!statIsDir(parent)) {
    throw new OutputFolderError(`${label}: ${parent} is not a folder`);
  }
  removeStaleSiblings(abs);
  const dir = siblingPath(abs, "new");
  try {
    mkdirSync(dir);
  } catch (err) {
    throw new OutputFolderError(`${label}: cannot write in ${parent} (${reason(err)})`);
  }
  return new ResultStage(abs, dir);
}

/** A kmsim result folder: manifest.json written by kmsim (its first key is "kmsim"). */
export function isKmsimResult(folder: string): boolean {
  let fd: number;
  try {
    fd = openSync(join(folder, "manifest.json"), "r");
  } catch {
    return false;
  }
  try {
    const head = Buffer.alloc(64);
    const n = readSync(fd, head, 0, head.length, 0);
    return /^\{\s*"kmsim":\s*"/.test(head.subarray(0, n).toString("utf8"));
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}

const SIBLING = /^\.(.+)\.kmsim-(new|old)-(\d+)-[0-9a-f]+\.tmp$/;

/** `.<name>.kmsim-<new|old>-<pid>-<random>.tmp` beside `target`. */
function siblingPath(target: string, kind: "new" | "old"): string {
  return join(dirname(target), `.${basename(target)}.kmsim-${kind}-${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
}

/** Temp siblings of `target` left by a kmsim process that no longer exists (killed with SIGKILL, power cut). */
function removeStaleSiblings(target: string): void {
  const parent = dirname(target);
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names) {
    const m = SIBLING.exec(name);
    if (m === null || m[1] !== basename(target) || processAlive(Number(m[3]))) continue;
    rmSync(join(parent, name), { recursive: true, force: true });
  }
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel !== "" && rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

function exists(path: string): boolean {
  return lstatOrNull(path) !== null;
}

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

function statIsDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function realOrNull(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}

function reason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  return e.code !== undefined ? `${e.code}: ${e.message.replace(/^[A-Z]+: /, "").replace(/, \w+ '.*'$/, "")}` : String(err);
}
