// CSV text for kmsim's output files (FORMAT.md "CSV conventions"): header row first, fields
// comma-separated and quoted only when needed, `\n` line ends including the last line. Whole
// tables go through papaparse's `unparse`; rows built one at a time in hot paths (timeline,
// events) use `csvRow`, which applies the same quoting rule.
import Papa from "papaparse";
import { formatNumber } from "./format.js";

/** A CSV cell: numbers are written with formatNumber, null and undefined as an empty field. */
export type CsvCell = string | number | null | undefined;

function cellText(cell: CsvCell): string {
  if (cell === null || cell === undefined) return "";
  return typeof cell === "number" ? formatNumber(cell) : cell;
}

/** A whole CSV document: the header, then the rows, every line ending in `\n` (FORMAT.md "CSV conventions"). */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const data = rows.map((row) => {
    if (row.length !== header.length) {
      throw new RangeError(`toCsv: a row has ${row.length} cells for ${header.length} columns`);
    }
    return row.map(cellText);
  });
  // papaparse ends a header-only document with a newline of its own; every other with none.
  if (data.length === 0) return csvRow(header);
  const text = Papa.unparse({ fields: [...header], data }, { newline: "\n", quotes: false, header: true });
  return text + "\n";
}

/** One record as a one-row CSV document, columns in the record's key order. */
export function recordToCsv(record: Readonly<Record<string, CsvCell>>): string {
  const header = Object.keys(record);
  return toCsv(header, [header.map((k) => record[k])]);
}

/** Whether a field needs quotes, by papaparse's rule (delimiter, quote, CR, LF, BOM, or a leading/trailing space). */
function needsQuotes(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 44 /* , */ || c === 34 /* " */ || c === 10 || c === 13 || c === 0xfeff) return true;
  }
  return s.length > 0 && (s.charCodeAt(0) === 32 || s.charCodeAt(s.length - 1) === 32);
}

/** One field, quoted (with quotes doubled) only when needed. */
export function csvField(cell: CsvCell): string {
  const s = cellText(cell);
  return needsQuotes(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV line including its `\n`, quoting like `toCsv`. */
export function csvRow(cells: readonly CsvCell[]): string {
  let line = "";
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) line += ",";
    line += csvField(cells[i]);
  }
  return line + "\n";
}
