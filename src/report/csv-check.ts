// Checks a CSV text against the table it should hold (`kmsim report`, FORMAT.md "CSV conventions"):
// the header exactly, every row complete, every cell of the kind its column holds, the file ended
// by a line end (kmsim ends every line with `\n`, so a file without one was cut short). Problems
// come back as `line N: message`, at most MAX_CSV_PROBLEMS per file, so a hostile or damaged file
// is reported, never trusted, and never echoed whole.

/** What a column holds. */
export type CellKind = "text" | "id" | "whole" | "number" | "flag" | "time";

export interface ColumnRule {
  readonly name: string;
  readonly kind: CellKind;
  /** The cell may be empty (e.g. a percentile with no activation, a host a strategy lacks). */
  readonly empty?: boolean;
}

export interface TableRule {
  readonly columns: readonly ColumnRule[];
  /** At least this many data rows (1: a header-only file is damaged). */
  readonly minRows: number;
  /** At most this many data rows (summary.csv: exactly one). */
  readonly maxRows?: number;
  /** Where the column list comes from, for the header message (e.g. "manifest.json's hosts"). */
  readonly source: string;
  /** A check across a row's cells (given by column name), after each cell passed its kind; a message or null. */
  readonly row?: (cell: (name: string) => string, line: number) => string | null;
  /** Checks after the last row (e.g. the row count manifest.json implies); a message or null. */
  readonly end?: (rows: number) => string | null;
}

/** At most this many problems are listed per file; the rest are counted. */
export const MAX_CSV_PROBLEMS = 10;

const WHOLE = /^\d{1,15}$/;
const NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;
const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
const ID = /^[A-Za-z0-9_-]+$/;

const KIND_TEXT: Readonly<Record<CellKind, string>> = {
  text: "text",
  id: "a name of letters, digits, _ and -",
  whole: "a whole number ≥ 0",
  number: "a number",
  flag: "1 or 0",
  time: "a time YYYY-MM-DDTHH:MM:SSZ",
};

/** A short, printable excerpt of a cell for a message (a damaged file may hold anything). */
export function excerpt(s: string): string {
  const cut = s.length > 40 ? `${s.slice(0, 40)}…` : s;
  return JSON.stringify(cut).replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function cellOk(kind: CellKind, s: string): boolean {
  switch (kind) {
    case "text":
      return true;
    case "id":
      return ID.test(s);
    case "whole":
      return WHOLE.test(s);
    case "number":
      return NUMBER.test(s);
    case "flag":
      return s === "0" || s === "1";
    case "time":
      return TIME.test(s);
    default: {
      const never: never = kind;
      return never;
    }
  }
}

/** The fields of one line (quotes as FORMAT.md's CSV conventions write them), or null when a quote is not closed. */
export function splitCsvLine(line: string): string[] | null {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    if (line.charCodeAt(i) === 34 /* " */) {
      let field = "";
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) return null;
        field += line.slice(i, q);
        if (line.charCodeAt(q + 1) === 34) {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      out.push(field);
      if (i === line.length) return out;
      if (line.charCodeAt(i) !== 44 /* , */) return null;
      i++;
    } else {
      const comma = line.indexOf(",", i);
      if (comma < 0) {
        out.push(line.slice(i));
        return out;
      }
      out.push(line.slice(i, comma));
      i = comma + 1;
    }
  }
}

/** What is wrong with a header: the first difference from the expected columns, or null. */
function headerProblem(found: readonly string[], rule: TableRule): string | null {
  const expected = rule.columns.map((c) => c.name);
  for (let i = 0; i < Math.max(found.length, expected.length); i++) {
    if (found[i] === expected[i]) continue;
    const column = `column ${i + 1}`;
    if (i >= found.length) {
      const missing = expected.slice(i);
      const names = missing.slice(0, 5).join(", ") + (missing.length > 5 ? `, … (${missing.length} in all)` : "");
      return `the header ends after ${found.length} columns; ${rule.source} implies ${expected.length}: missing ${names}`;
    }
    if (i >= expected.length) return `${column} ${excerpt(found[i])} is not a column ${rule.source} implies (it implies ${expected.length})`;
    const elsewhere = expected.indexOf(found[i]);
    const why = elsewhere >= 0 ? ` (it belongs at column ${elsewhere + 1}: columns reordered?)` : "";
    return `${column} is ${excerpt(found[i])}, expected ${JSON.stringify(expected[i])} as ${rule.source} implies${why}`;
  }
  return null;
}

/** Every problem of a CSV text against a table rule, as `line N: message` (empty: the file is sound). */
export function checkCsv(text: string, rule: TableRule): string[] {
  const problems: string[] = [];
  let more = 0;
  const report = (line: number, message: string): void => {
    if (problems.length < MAX_CSV_PROBLEMS) problems.push(`line ${line}: ${message}`);
    else more++;
  };
  const done = (): string[] => (more > 0 ? [...problems, `${more} more problem${more === 1 ? "" : "s"} not shown`] : problems);

  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body === "") return [`line 1: the file is empty; expected the header ${rule.columns.map((c) => c.name).slice(0, 6).join(",")}…`];
  const lines = body.split("\n");
  const ended = lines.at(-1) === "";
  if (ended) lines.pop();

  const header = splitCsvLine(lines[0].replace(/\r$/, ""));
  if (header === null) return [`line 1: a quote is not closed`];
  const headerWrong = headerProblem(header, rule);
  if (headerWrong !== null) return [`line 1: ${headerWrong}`];

  const index = new Map(rule.columns.map((c, i) => [c.name, i]));
  let rows = 0;
  for (let i = 1; i < lines.length; i++) {
    const n = i + 1;
    const raw = lines[i].replace(/\r$/, "");
    if (raw === "") {
      report(n, "an empty line");
      continue;
    }
    rows++;
    const cells = splitCsvLine(raw);
    if (cells === null) {
      report(n, "a quote is not closed");
      continue;
    }
    if (cells.length !== rule.columns.length) {
      const cut = i === lines.length - 1 && !ended ? " (the file ends mid-row: cut short?)" : "";
      report(n, `${cells.length} fields, expected ${rule.columns.length} (one per column of the header)${cut}`);
      continue;
    }
    let sound = true;
    rule.columns.forEach((c, k) => {
      const s = cells[k];
      if (s === "" ? c.empty === true : cellOk(c.kind, s)) return;
      sound = false;
      report(n, `${c.name} must be ${KIND_TEXT[c.kind]}${c.empty === true ? " or empty" : ""}, found ${excerpt(s)}`);
    });
    if (sound && rule.row !== undefined) {
      const message = rule.row((name) => cells[index.get(name) ?? -1] ?? "", n);
      if (message !== null) report(n, message);
    }
  }
  if (!ended) report(lines.length, "the last line has no line end: the file was cut short (kmsim ends every line with \\n)");
  if (rows < rule.minRows) report(lines.length, rows === 0 ? "no rows after the header" : `${rows} rows, expected at least ${rule.minRows}`);
  if (rule.maxRows !== undefined && rows > rule.maxRows) report(lines.length, `${rows} rows, expected ${rule.maxRows === 1 ? "one" : `at most ${rule.maxRows}`}`);
  if (rule.end !== undefined) {
    const message = rule.end(rows);
    if (message !== null) report(lines.length, message);
  }
  return done();
}
