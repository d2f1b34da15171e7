// The run chart's view of timeline.csv: the table parsed column by column, the entities its
// columns name (hosts, links, site DNS), and each series thinned for drawing without losing a
// spike: per pixel column, the first, lowest, highest and last rows are kept (so a few minutes in
// notification in a ten-year run still show), then repeats are dropped (a step line needs only
// its changes).
import Papa from "papaparse";
import { STATE_COLUMNS } from "../columns.js";

export interface TimelineTable {
  readonly columns: readonly string[];
  readonly minutes: readonly number[];
  /** Calendar time of minute 0, ms since the epoch (from the first row's `time`). */
  readonly t0: number;
  /** Values by column name (a Map: column names are ids, never object keys). */
  readonly values: ReadonlyMap<string, readonly number[]>;
}

/** Parses timeline.csv text (FORMAT.md "Run folder"); throws on a malformed table. */
export function parseTimeline(csv: string): TimelineTable {
  const parsed = Papa.parse<string[]>(csv.trim(), { header: false, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`timeline.csv: ${parsed.errors[0].message} (row ${parsed.errors[0].row})`);
  const [header, ...rows] = parsed.data;
  if (header === undefined || header[0] !== "minute" || header[1] !== "time") {
    throw new Error("timeline.csv: the header must start with minute,time");
  }
  const minutes: number[] = [];
  const columns: number[][] = header.map(() => []);
  let t0 = 0;
  rows.forEach((row, r) => {
    if (row.length !== header.length) throw new Error(`timeline.csv: a row has ${row.length} fields for ${header.length} columns`);
    const minute = Number(row[0]);
    if (r === 0) t0 = Date.parse(row[1]) - minute * 60_000;
    minutes.push(minute);
    for (let i = 2; i < header.length; i++) columns[i].push(Number(row[i]));
  });
  const values = new Map<string, number[]>();
  for (let i = 2; i < header.length; i++) if (!values.has(header[i])) values.set(header[i], columns[i]);
  return { columns: header, minutes, t0: Number.isFinite(t0) ? t0 : 0, values };
}

/** The entities a timeline's columns name, in file order (FORMAT.md timeline.csv columns). */
export interface TimelineEntities {
  /** Hosts: a `<host>_up` column followed by `<host>_count`. */
  readonly hosts: readonly string[];
  /** Links: the other `<link>_up` columns (host and link ids never end in `_dns`, FORMAT.md). */
  readonly links: readonly string[];
  /** Sites with a `<site>_dns_up` column. */
  readonly dnsSites: readonly string[];
  /** Whether the `office_*` state columns are there (some group has Office). */
  readonly hasOffice: boolean;
}

export function timelineEntities(columns: readonly string[]): TimelineEntities {
  const names = new Set(columns);
  const hosts: string[] = [];
  const links: string[] = [];
  const dnsSites: string[] = [];
  for (const c of columns.slice(2)) {
    if (!c.endsWith("_up")) continue;
    const id = c.slice(0, -3);
    if (names.has(`${id}_count`)) hosts.push(id);
    else if (id.endsWith("_dns")) dnsSites.push(id.slice(0, -4));
    else links.push(id);
  }
  const hasOffice = STATE_COLUMNS.every((s) => names.has(`office_${s}`));
  return { hosts, links, dnsSites, hasOffice };
}

/** A point of a step line: the value holds from minute `m` to the next point. */
export interface StepPoint {
  readonly m: number;
  readonly v: number;
}

/**
 * The points drawn for one column over [first row, endMinute]: at most the first, lowest,
 * highest and last row of each of `buckets` equal time slices, without repeated values, plus a
 * last point at `endMinute` holding the final value.
 */
export function stepSeries(table: TimelineTable, column: string, buckets: number, endMinute: number): StepPoint[] {
  const minutes = table.minutes;
  const values = table.values.get(column);
  const n = minutes.length;
  if (values === undefined || n === 0) return [];
  const first = minutes[0];
  const span = Math.max(endMinute - first, 1);
  const keep: number[] = [];
  let b = -1;
  let iFirst = 0;
  let iMin = 0;
  let iMax = 0;
  const flush = (iLast: number): void => {
    // In time order, without duplicates.
    const picked = [iFirst, iMin, iMax, iLast].sort((x, y) => x - y);
    for (let k = 0; k < picked.length; k++) if (k === 0 || picked[k] !== picked[k - 1]) keep.push(picked[k]);
  };
  for (let i = 0; i < n; i++) {
    const bi = Math.min(buckets - 1, Math.floor(((minutes[i] - first) / span) * buckets));
    if (bi !== b) {
      if (b >= 0) flush(i - 1);
      b = bi;
      iFirst = iMin = iMax = i;
    } else {
      if (values[i] < values[iMin]) iMin = i;
      if (values[i] > values[iMax]) iMax = i;
    }
  }
  flush(n - 1);
  const out: StepPoint[] = [];
  for (const i of keep) {
    if (out.length > 0 && out[out.length - 1].v === values[i]) continue;
    out.push({ m: minutes[i], v: values[i] });
  }
  const last = values[n - 1];
  const lastMinute = Math.max(endMinute, minutes[n - 1]);
  if (out[out.length - 1].m !== lastMinute) out.push({ m: lastMinute, v: last });
  return out;
}

/** Minutes (within [first row, endMinute)) during which `column` is below `threshold` while `upColumn` is 1. */
export function minutesBelow(table: TimelineTable, column: string, upColumn: string, threshold: number, endMinute: number): number {
  const v = table.values.get(column);
  const up = table.values.get(upColumn);
  if (v === undefined || up === undefined) return 0;
  const m = table.minutes;
  let total = 0;
  for (let i = 0; i < m.length; i++) {
    const next = i + 1 < m.length ? m[i + 1] : Math.max(endMinute, m[i]);
    if (up[i] !== 0 && v[i] < threshold) total += next - m[i];
  }
  return total;
}

/** The largest value of a column (0 for none). */
export function columnMax(table: TimelineTable, column: string): number {
  let max = 0;
  for (const x of table.values.get(column) ?? []) if (x > max) max = x;
  return max;
}
