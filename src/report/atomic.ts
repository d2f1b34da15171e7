// Atomic writes of single files and of a few files in an existing folder (FORMAT.md "Commands":
// a failed or interrupted command leaves no partial output files): every file is written in full
// to a temp file in its own folder and renamed into place; a set of files is committed only once
// all of them exist, and temp files are removed on failure. Temp files still on disk are listed,
// so that the SIGINT/SIGTERM handler can remove them (removeLiveTempsSync). Whole result folders
// are swapped in instead (result-folder.ts).
import { randomBytes } from "node:crypto";
import { renameSync, unlinkSync } from "node:fs";
import { mkdir, open, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { threadId } from "node:worker_threads";

let tempCounter = 0;
/** Temp files created and not yet renamed or removed. */
const liveTemps = new Set<string>();

/** Removes every temp file still on disk (the interrupt handler: the process exits right after). */
export function removeLiveTempsSync(): void {
  for (const path of liveTemps) {
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  }
  liveTemps.clear();
}

/** A fresh temp path next to `path` (same folder, so the rename stays on one file system); ends in `.tmp`. */
export function tempPathFor(path: string): string {
  tempCounter++;
  const tag = `${process.pid}-${threadId}-${tempCounter}-${randomBytes(4).toString("hex")}`;
  return join(dirname(path), `.${basename(path)}.${tag}.tmp`);
}

async function writeAndSync(path: string, text: string): Promise<void> {
  liveTemps.add(path);
  const fh = await open(path, "wx");
  try {
    await fh.writeFile(text, "utf8");
    await fh.sync();
  } finally {
    await fh.close();
  }
}

async function removeQuietly(path: string): Promise<void> {
  liveTemps.delete(path);
  try {
    await unlink(path);
  } catch {
    // already gone
  }
}

/** Writes `text` to `path` atomically: a temp file in the same folder, fsync, then rename. The folder is created if missing. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = tempPathFor(path);
  try {
    await writeAndSync(temp, text);
    renameSync(temp, path);
    liveTemps.delete(temp);
  } catch (err) {
    await removeQuietly(temp);
    throw err;
  }
}

/**
 * Writes a set of files into `folder` only after all of their contents exist: each text goes to a
 * temp file first, and only then are all renamed into place (synchronously, so no signal handler
 * runs in between). `beforeCommit` runs once every temp file exists (a test pause point). On any
 * failure every temp file is removed and files already renamed by this call are deleted.
 */
export async function writeFolderAtomic(
  folder: string,
  files: Readonly<Record<string, string>>,
  beforeCommit?: () => Promise<void>,
): Promise<void> {
  const pending: { temp: string; final: string }[] = [];
  const renamed: string[] = [];
  try {
    await mkdir(folder, { recursive: true });
    for (const [name, text] of Object.entries(files)) {
      const final = join(folder, name);
      const temp = tempPathFor(final);
      pending.push({ temp, final });
      await writeAndSync(temp, text);
    }
    if (beforeCommit !== undefined) await beforeCommit();
    for (const p of pending) {
      renameSync(p.temp, p.final);
      liveTemps.delete(p.temp);
      renamed.push(p.final);
    }
  } catch (err) {
    for (const p of pending) await removeQuietly(p.temp);
    for (const r of renamed) await removeQuietly(r);
    throw err;
  }
}
