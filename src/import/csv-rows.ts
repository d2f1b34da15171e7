// The rows of an Export-Csv file (docs/import.md "Reading the files"), read with papaparse one
// row at a time so that a 200 000-row export is never held as a table: the header row names the
// columns (matched case-insensitively, as PowerShell does), every later row is handed over with
// its line number in the file, blank lines are skipped, and broken rows are errors naming their line.
import Papa from "papaparse";
import type { ExportText } from "./read-export.js";
import type { Problems } from "./problems.js";

/** Column name → index in a row's fields, for the columns asked for (−1: optional and absent). */
export type ColumnIndex<K extends string> = Readonly<Record<K, number>>;

export interface CsvSpec<R extends string, O extends string> {
  /** Columns the file must have, spelled as Export-Csv writes them. */
  readonly required: readonly R[];
  /** Columns read when present. */
  readonly optional: readonly O[];
}

/** Reads `source` row by row; returns false (after recording why) when the file cannot be read at all. */
export function readCsvRows<R extends string, O extends string>(
  file: string,
  source: ExportText,
  spec: CsvSpec<R, O>,
  problems: Problems,
  onRow: (fields: readonly string[], columns: ColumnIndex<R | O>, line: number) => void,
): boolean {
  const { text, firstLine, newline } = source;
  let columns: ColumnIndex<R | O> | undefined;
  let width = 0;
  let usable = true;
  // Line numbers: papaparse's cursor is the offset just after each row; the "\n"s before a
  // row's start give its line (a "\r\n" holds one). Counted incrementally, so the whole file is scanned once.
  let lineAtOffset = firstLine;
  let offset = 0;
  const lineOf = (start: number): number => {
    for (let i = text.indexOf("\n", offset); i !== -1 && i < start; i = text.indexOf("\n", i + 1)) lineAtOffset++;
    offset = start;
    return lineAtOffset;
  };
  let rowStart = 0;

  Papa.parse<string[]>(text, {
    delimiter: delimiterOf(text),
    newline,
    step: (result, parser) => {
      const line = lineOf(rowStart);
      rowStart = result.meta.cursor;
      const fields = result.data;
      const broken = result.errors[0];
      if (broken !== undefined) {
        problems.add(file, line, `not a well-formed CSV row: ${broken.message.replace(/\.$/, "").toLowerCase()}`);
        return;
      }
      if (fields.length === 1 && fields[0].trim() === "") return; // a blank line
      if (columns === undefined) {
        columns = headerColumns(file, line, fields, spec, problems);
        width = fields.length;
        if (columns === undefined) {
          usable = false;
          parser.abort();
        }
        return;
      }
      if (fields.length !== width) {
        problems.add(file, line, `expected ${width} fields as in the header row, got ${fields.length}`);
        return;
      }
      onRow(fields, columns, line);
    },
  });
  if (usable && columns === undefined) {
    problems.add(file, undefined, "the file is empty: expected a CSV export with a header row (Export-Csv -NoTypeInformation)");
    return false;
  }
  return usable;
}

/**
 * The field delimiter: the one of `,` `;` TAB that appears most often outside quotes in the
 * header line (Export-Csv writes `,`; `-UseCulture` writes the list separator, `;` in much of
 * Europe). A header of one column is read with `,`.
 */
export function delimiterOf(text: string): string {
  const end = text.indexOf("\n");
  const header = (end === -1 ? text : text.slice(0, end)).replace(/"[^"]*"/g, "").replace(/\r$/, "");
  let best = ",";
  let most = 0;
  for (const d of [",", ";", "\t"]) {
    const n = header.split(d).length - 1;
    if (n > most) {
      best = d;
      most = n;
    }
  }
  return best;
}

function headerColumns<R extends string, O extends string>(
  file: string,
  line: number,
  header: readonly string[],
  spec: CsvSpec<R, O>,
  problems: Problems,
): ColumnIndex<R | O> | undefined {
  const at = new Map<string, number>();
  header.forEach((name, i) => {
    const key = name.trim().toLowerCase();
    if (!at.has(key)) at.set(key, i);
  });
  const missing = spec.required.filter((c) => !at.has(c.toLowerCase()));
  if (missing.length > 0) {
    const found = header.map((h) => h.trim()).filter((h) => h !== "");
    problems.add(
      file,
      line,
      `missing column${missing.length === 1 ? "" : "s"} ${missing.join(", ")} (columns found: ${found.length === 0 ? "none" : found.join(", ")})`,
    );
    return undefined;
  }
  const index: Record<string, number> = {};
  for (const c of [...spec.required, ...spec.optional]) index[c] = at.get(c.toLowerCase()) ?? -1;
  return index as ColumnIndex<R | O>;
}
