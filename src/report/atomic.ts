// Atomic output (FORMAT.md "Commands": a failed run leaves no partial output files): every file
// is written in full to a temp file in its own folder and renamed into place; a set of files is
// committed only once all of them exist, and temp files are removed on failure.
import { randomBytes } from "node:crypto";
import { mkdir, open, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { threadId } from "node:worker_threads";

/** A file already written in full to a temp path inside the target folder, waiting for its final name. */
export interface StagedFile {
  readonly tempPath: string;
  /** The final file name inside the folder. */
  readonly name: string;
}

let tempCounter = 0;

/** A fresh temp path next to `path` (same folder, so the rename stays on one file system); ends in `.tmp`. */
export function tempPathFor(path: string): string {
  tempCounter++;
  const tag = `${process.pid}-${threadId}-${tempCounter}-${randomBytes(4).toString("hex")}`;
  return join(dirname(path), `.${basename(path)}.${tag}.tmp`);
}

async function writeAndSync(path: string, text: string): Promise<void> {
  const fh = await open(path, "wx");
  try {
    await fh.writeFile(text, "utf8");
    await fh.sync();
  } finally {
    await fh.close();
  }
}

async function removeQuietly(path: string): Promise<void> {
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
    await rename(temp, path);
  } catch (err) {
    await removeQuietly(temp);
    throw err;
  }
}

/**
 * Writes a set of files into `folder` only after all of their contents exist: each text goes to a
 * temp file first (together with files already `staged`, e.g. events.csv), and only then are all
 * renamed into place. On any failure every temp file is removed (staged ones included) and files
 * already renamed by this call are deleted, so the folder never holds a partial set.
 */
export async function writeFolderAtomic(
  folder: string,
  files: Readonly<Record<string, string>>,
  staged: readonly StagedFile[] = [],
): Promise<void> {
  const pending: { temp: string; final: string }[] = staged.map((s) => ({
    temp: s.tempPath,
    final: join(folder, s.name),
  }));
  const renamed: string[] = [];
  try {
    await mkdir(folder, { recursive: true });
    for (const [name, text] of Object.entries(files)) {
      const final = join(folder, name);
      const temp = tempPathFor(final);
      pending.push({ temp, final });
      await writeAndSync(temp, text);
    }
    for (const p of pending) {
      await rename(p.temp, p.final);
      renamed.push(p.final);
    }
  } catch (err) {
    for (const p of pending) await removeQuietly(p.temp);
    for (const r of renamed) await removeQuietly(r);
    throw err;
  }
}
