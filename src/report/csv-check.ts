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

/**
 * Checks a CSV line by line against a table rule (a file of any size: nothing but the current line
 * is held). Feed it every line without its `\n` with `line`, then call `finish` with whether the
 * file ended with a line end; it returns the problems as `line N: message` (empty: sound).
 */
export class CsvChecker {
  private readonly problems: string[] = [];
  private more = 0;
  private n = 0;
  private rows = 0;
  private headerDone = false;
  private fatal: string | null = null;
  private readonly index: Map<string, number>;
  private pending: string | null = null;

  constructor(private readonly rule: TableRule) {
    this.index = new Map(rule.columns.map((c, i) => [c.name, i]));
  }

  private report(line: number, message: string): void {
    if (this.problems.length < MAX_CSV_PROBLEMS) this.problems.push(`line ${line}: ${message}`);
    else this.more++;
  }

  /** The next line of the file (without its line end). */
  line(text: string): void {
    // Each line is checked when the next arrives, so the last one is known to be the last.
    if (this.pending !== null) this.check(this.pending, false, true);
    this.pending = text;
  }

  private check(text: string, last: boolean, ended: boolean): void {
    this.n++;
    if (this.fatal !== null) return;
    const n = this.n;
    if (!this.headerDone) {
      this.headerDone = true;
      const raw = (n === 1 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r$/, "");
      const header = splitCsvLine(raw);
      if (header === null) this.fatal = "line 1: a quote is not closed";
      else {
        const headerWrong = headerProblem(header, this.rule);
        if (headerWrong !== null) this.fatal = `line 1: ${headerWrong}`;
      }
      return;
    }
    const raw = text.replace(/\r$/, "");
    if (raw === "") {
      this.report(n, "an empty line");
      return;
    }
    this.rows++;
    const cells = splitCsvLine(raw);
    if (cells === null) {
      this.report(n, "a quote is not closed");
      return;
    }
    const rule = this.rule;
    if (cells.length !== rule.columns.length) {
      const cut = last && !ended ? " (the file ends mid-row: cut short?)" : "";
      this.report(n, `${cells.length} fields, expected ${rule.columns.length} (one per column of the header)${cut}`);
      return;
    }
    let sound = true;
    rule.columns.forEach((c, k) => {
      const s = cells[k];
      if (s === "" ? c.empty === true : cellOk(c.kind, s)) return;
      sound = false;
      this.report(n, `${c.name} must be ${KIND_TEXT[c.kind]}${c.empty === true ? " or empty" : ""}, found ${excerpt(s)}`);
    });
    if (sound && rule.row !== undefined) {
      const message = rule.row((name) => cells[this.index.get(name) ?? -1] ?? "", n);
      if (message !== null) this.report(n, message);
    }
  }

  /** The problems of the whole file; `ended`: whether its last byte was a line end. */
  finish(ended: boolean): string[] {
    const rule = this.rule;
    if (this.pending === null) return [`line 1: the file is empty; expected the header ${rule.columns.map((c) => c.name).slice(0, 6).join(",")}…`];
    this.check(this.pending, true, ended);
    this.pending = null;
    if (this.fatal !== null) return [this.fatal];
    const lines = this.n;
    if (!ended) this.report(lines, "the last line has no line end: the file was cut short (kmsim ends every line with \\n)");
    if (this.rows < rule.minRows) this.report(lines, this.rows === 0 ? "no rows after the header" : `${this.rows} rows, expected at least ${rule.minRows}`);
    if (rule.maxRows !== undefined && this.rows > rule.maxRows) this.report(lines, `${this.rows} rows, expected ${rule.maxRows === 1 ? "one" : `at most ${rule.maxRows}`}`);
    if (rule.end !== undefined) {
      const message = rule.end(this.rows);
      if (message !== null) this.report(lines, message);
    }
    return this.more > 0 ? [...this.problems, `${this.more} more problem${this.more === 1 ? "" : "s"} not shown`] : this.problems;
  }
}

/** Every problem of a CSV text against a table rule, as `line N: message` (empty: the file is sound). */
export function checkCsv(text: string, rule: TableRule): string[] {
  const checker = new CsvChecker(rule);
  if (text === "" || text === "\ufeff") return checker.finish(true);
  const lines = text.split("\n");
  const ended = lines.at(-1) === "";
  if (ended) lines.pop();
  for (const line of lines) checker.line(line);
  return checker.finish(ended);
}
