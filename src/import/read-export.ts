// Reading a Windows export file as text, whatever wrote it (docs/import.md "Reading the files"):
// UTF-8 with or without a byte-order mark (PowerShell 7, Excel's "CSV UTF-8"), UTF-16 LE or BE
// (`-Encoding Unicode`, Out-File), ASCII (Windows PowerShell 5.1's Export-Csv default) and, for
// bytes that are not UTF-8, Windows-1252 (an "ANSI" save from Excel). Line ends are made `\n`,
// and Windows PowerShell 5.1's `#TYPE …` first line is dropped while keeping line numbers true.
import { isUtf8 } from "node:buffer";
import { CSV_FILE_MAX_BYTES, readUserFile } from "../scenario/index.js";

/** The text of an export, ready for the CSV reader. */
export interface ExportText {
  /** The file's text from its header row on; lines end in `\r\n` or `\n` (`newline`). */
  readonly text: string;
  readonly newline: "\r\n" | "\n";
  /** The line number, in the file as the user sees it, of the first line of `text`. */
  readonly firstLine: number;
}

export type ReadResult = { ok: true; value: ExportText } | { ok: false; message: string };

const WINDOWS_1252 = new TextDecoder("windows-1252");

function swapBytes(bytes: Uint8Array): Buffer {
  const copy = Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2)));
  return copy.swap16();
}

/**
 * Decodes an export's bytes: a byte-order mark decides (UTF-8, UTF-16 LE, UTF-16 BE); without
 * one, a zero byte in the first pair means UTF-16 (a NUL never starts or follows an ASCII
 * character in a CSV), else UTF-8, else Windows-1252 when the bytes are not valid UTF-8.
 */
export function decodeExport(bytes: Uint8Array): string {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return b.subarray(3).toString("utf8");
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return b.subarray(2).toString("utf16le");
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return swapBytes(b.subarray(2)).toString("utf16le");
  if (b.length >= 2 && b[0] !== 0 && b[1] === 0) return b.toString("utf16le");
  if (b.length >= 2 && b[0] === 0 && b[1] !== 0) return swapBytes(b).toString("utf16le");
  return isUtf8(b) ? b.toString("utf8") : WINDOWS_1252.decode(b);
}

/**
 * The line end is the file's first one: `\r\n` (Windows) or `\n`; a file whose lines end in a
 * lone `\r` is rewritten with `\n` (the only copy made of a large file: CRLF text is read as it
 * is). A `#TYPE …` first line (PowerShell 5.1) is dropped.
 */
export function exportText(decoded: string): ExportText {
  const lf = decoded.indexOf("\n");
  const cr = decoded.indexOf("\r");
  let text = decoded;
  let newline: "\r\n" | "\n" = "\n";
  if (cr !== -1 && (lf === -1 || cr < lf - 1)) text = decoded.replace(/\r\n?/g, "\n");
  else if (cr !== -1 && cr === lf - 1) newline = "\r\n";
  if (/^#TYPE\b/i.test(text)) {
    const end = text.indexOf("\n");
    return { text: end === -1 ? "" : text.slice(end + 1), firstLine: 2, newline };
  }
  return { text, firstLine: 1, newline };
}

/**
 * Reads and decodes an export file: only a regular file of at most CSV_FILE_MAX_BYTES (stat first,
 * then a capped read); otherwise `cannot read file (…)` or `the file is N bytes, more than …`.
 */
export function readExport(path: string): ReadResult {
  const read = readUserFile(path, CSV_FILE_MAX_BYTES, "a CSV export");
  if (!read.ok) return { ok: false, message: read.message };
  return { ok: true, value: exportText(decodeExport(read.bytes)) };
}
