// The tables of a sweep folder (FORMAT.md "Sweep folder"): points.csv (each point's values as
// written), runs.csv (a summary row per run, after its point and values) and sweep.csv (per point
// and strategy, the statistics of every numeric summary column, like comparison.csv).
import { COMPARISON_COLUMNS, metricSummary, type ComparedRun } from "./comparison.js";
import { csvRow, type CsvCell } from "./csv.js";
import { formatNumber } from "./format.js";

/** One point of a sweep: its number and each parameter's value as written. */
export interface SweepPoint {
  readonly point: number;
  readonly values: readonly string[];
}

/** The runs of one point and strategy, replications ascending. */
export interface SweepGroup {
  readonly point: SweepPoint;
  readonly strategy: string;
  readonly runs: readonly ComparedRun[];
}

/** `p_<name>` for each parameter. */
export function parameterColumns(names: readonly string[]): string[] {
  return names.map((n) => `p_${n}`);
}

/** points.csv. */
export function pointsCsv(names: readonly string[], points: Iterable<SweepPoint>): string {
  let text = csvRow(["point", ...parameterColumns(names)]);
  for (const p of points) text += csvRow([p.point, ...p.values]);
  return text;
}

/** runs.csv: point, parameter values, then the summary row (empty where a run lacks a column). */
export function sweepRunsCsv(names: readonly string[], columns: readonly string[], groups: Iterable<SweepGroup>): string {
  let text = csvRow(["point", ...parameterColumns(names), ...columns]);
  for (const g of groups) {
    for (const run of g.runs) text += csvRow([g.point.point, ...g.point.values, ...columns.map((c) => cell(run.record[c]))]);
  }
  return text;
}

/** sweep.csv: point, parameter values, then comparison.csv's columns for each strategy and metric. */
export function sweepCsv(names: readonly string[], metrics: readonly string[], groups: Iterable<SweepGroup>): string {
  let text = csvRow(["point", ...parameterColumns(names), ...COMPARISON_COLUMNS]);
  for (const g of groups) {
    for (const metric of metrics) {
      const s = metricSummary(g.runs, metric);
      text += csvRow([g.point.point, ...g.point.values, g.strategy, metric, s.mean, s.sd, s.ci95Low, s.ci95High, s.min, s.max, formatNumber(s.n)]);
    }
  }
  return text;
}

function cell(v: number | string | undefined): CsvCell {
  return v === undefined ? "" : v;
}
