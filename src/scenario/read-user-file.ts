// Reading a file the user named, safely (FORMAT.md "Limits"): stat first and read only regular
// files, refuse one larger than the limit for its kind before reading a byte, and read with a cap
// so that a file which lies about its size (/proc files say 0) or grows meanwhile is cut off and
// refused. A FIFO, a device (/dev/zero) or a directory is refused without being opened, so nothing
// blocks and nothing grows without bound. Shared by scenario files, the importer's exports and
// report's CSVs; it lives here, the lowest layer that may touch the file system.
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from "node:fs";

/** The most a scenario file (YAML or JSON) may hold: far more than any estate within the limits needs. */
export const SCENARIO_FILE_MAX_BYTES = 4 * 1024 * 1024;
/** The most a CSV read by `kmsim import` or `kmsim report` may hold (below V8's longest string). */
export const CSV_FILE_MAX_BYTES = 256 * 1024 * 1024;

export type UserFileRead = { ok: true; bytes: Buffer } | { ok: false; message: string };

/** What a file is, for "not a regular file" messages. */
function kindOf(st: Stats): string {
  if (st.isDirectory()) return "a directory";
  if (st.isFIFO()) return "a named pipe (FIFO)";
  if (st.isCharacterDevice()) return "a character device";
  if (st.isBlockDevice()) return "a block device";
  if (st.isSocket()) return "a socket";
  return "something else";
}

function notRegular(st: Stats): UserFileRead {
  if (st.isDirectory()) return { ok: false, message: "cannot read file (it is a directory)" };
  return { ok: false, message: `cannot read file (it is ${kindOf(st)}, not a regular file)` };
}

function failure(e: unknown): string {
  const code = typeof e === "object" && e !== null && "code" in e ? String(e.code) : "";
  if (code === "ENOENT") return "no such file";
  if (code === "ENOTDIR") return "no such file (a part of the path is not a folder)";
  if (code === "EISDIR") return "it is a directory";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "ELOOP") return "too many symbolic links";
  return code !== "" ? code : e instanceof Error ? e.message : String(e);
}

/** `4194304 bytes (4 MiB)`, `83886080 bytes (80.0 MiB)`. */
export function formatBytes(n: number): string {
  const mib = n / (1024 * 1024);
  if (n < 1024 * 1024) return `${n} bytes`;
  return `${n} bytes (${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB)`;
}

const CHUNK = 1 << 16;

/**
 * The bytes of a regular file of at most `maxBytes`, or a message (`cannot read file (…)`, `the
 * file is N bytes, more than …`) to print as `FILE: message`. `what` names the kind of input in
 * the size message, e.g. "a scenario file".
 */
export function readUserFile(path: string, maxBytes: number, what: string): UserFileRead {
  const tooLarge = (size: string): UserFileRead => ({
    ok: false,
    message: `the file is ${size}, more than the ${formatBytes(maxBytes)} ${what} may have (FORMAT.md "Limits")`,
  });
  let st: Stats;
  try {
    st = statSync(path);
  } catch (e) {
    return { ok: false, message: `cannot read file (${failure(e)})` };
  }
  if (!st.isFile()) return notRegular(st);
  if (st.size > maxBytes) return tooLarge(formatBytes(st.size));
  let fd: number;
  try {
    // O_NONBLOCK: should the path have been swapped for a FIFO since the stat, opening it must not wait for a writer.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return { ok: false, message: `cannot read file (${failure(e)})` };
  }
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile()) return notRegular(opened);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // Never more than maxBytes + 1 in all: one byte past the limit proves the file is too large.
      const want = Math.min(CHUNK, maxBytes + 1 - total);
      const chunk = Buffer.allocUnsafe(want);
      const n = readSync(fd, chunk, 0, want, null);
      if (n === 0) break;
      chunks.push(n === want ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > maxBytes) return tooLarge(`more than ${formatBytes(maxBytes)} (its size was given as ${st.size} bytes)`);
    }
    return { ok: true, bytes: Buffer.concat(chunks, total) };
  } catch (e) {
    return { ok: false, message: `cannot read file (${failure(e)})` };
  } finally {
    closeSync(fd);
  }
}
