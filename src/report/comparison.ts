// The comparison folder's tables (FORMAT.md "Comparison folder"): runs.csv with the union of the
// strategies' columns and comparison.csv with per-strategy statistics (the ranking: ranking.ts).
import { toCsv, type CsvCell } from "./csv.js";
import { formatNumber } from "./format.js";
import { summarize, type Summary } from "./stats.js";

/** One finished run: its strategy label ("" for the base) and its summary row. */
export interface ComparedRun {
  readonly strategy: string;
  readonly replication: number;
  readonly record: Readonly<Record<string, number | string>>;
}

/** Union of the runs' summary columns, in order of first appearance (strategies in file order). */
export function unionColumns(headers: readonly (readonly string[])[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const header of headers) {
    for (const column of header) {
      if (!seen.has(column)) {
        seen.add(column);
        out.push(column);
      }
    }
  }
  return out;
}

/**
 * The columns of runs.csv: summary.csv's sections (columns.ts summaryColumnSections), each the
 * union over the strategies in order of first appearance, so every strategy's host columns stay
 * in their section whichever strategy has them.
 */
export function runsColumns(sectionsPerStrategy: readonly (readonly (readonly string[])[])[]): string[] {
  const sectionCount = Math.max(0, ...sectionsPerStrategy.map((s) => s.length));
  const out: string[] = [];
  for (let i = 0; i < sectionCount; i++) out.push(...unionColumns(sectionsPerStrategy.map((s) => s[i] ?? [])));
  return out;
}

/** runs.csv: one row per run, empty cells where a strategy lacks a column. */
export function runsCsv(columns: readonly string[], runs: readonly ComparedRun[]): string {
  return toCsv(
    columns,
    runs.map((run) => columns.map((c): CsvCell => cell(run.record[c]))),
  );
}

function cell(v: number | string | undefined): CsvCell {
  if (v === undefined) return "";
  return typeof v === "number" ? formatNumber(v) : v;
}

export const COMPARISON_COLUMNS = ["strategy", "metric", "mean", "sd", "ci95_low", "ci95_high", "min", "max", "n"] as const;

/** Statistics of one metric over one strategy's replications (only runs with a value count). */
export function metricSummary(runs: readonly ComparedRun[], metric: string): Summary {
  const values: number[] = [];
  for (const run of runs) {
    const v = run.record[metric];
    if (typeof v === "number") values.push(v);
  }
  return summarize(values);
}

/**
 * comparison.csv: for each strategy (in the given order) and each numeric summary column from
 * `clients` on, mean, sd, t-based 95 % interval, min, max and n; sd and interval empty for n < 2.
 */
export function comparisonCsv(strategies: readonly string[], metrics: readonly string[], runs: readonly ComparedRun[]): string {
  const rows: CsvCell[][] = [];
  for (const strategy of strategies) {
    const own = runs.filter((r) => r.strategy === strategy);
    for (const metric of metrics) {
      const s = metricSummary(own, metric);
      rows.push([strategy, metric, num(s.mean), num(s.sd), num(s.ci95Low), num(s.ci95High), num(s.min), num(s.max), formatNumber(s.n)]);
    }
  }
  return toCsv(COMPARISON_COLUMNS, rows);
}

function num(v: number | null): CsvCell {
  return v === null ? "" : formatNumber(v);
}
