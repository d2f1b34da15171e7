// The comparison folder's tables (FORMAT.md "Comparison folder"): runs.csv with the union of the
// strategies' columns, comparison.csv with per-strategy statistics, and the ranking with paired
// differences to the best strategy.
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

/** One line of the terminal ranking. */
export interface RankedStrategy {
  readonly strategy: string;
  readonly notificationDays: Summary;
  readonly lapsed: Summary;
  /** Paired difference (this − best) of notification_client_days over common replications. */
  readonly difference: Summary;
}

/**
 * Ranks strategies by mean notification_client_days, then clients_lapsed, then name (FORMAT.md),
 * each with its paired difference to the best: replication r of every strategy shares its
 * random numbers (§R3), so differences are taken replication by replication.
 */
export function rankStrategies(strategies: readonly string[], runs: readonly ComparedRun[]): RankedStrategy[] {
  const byStrategy = new Map(strategies.map((s) => [s, runs.filter((r) => r.strategy === s)]));
  const ranked = strategies
    .map((strategy) => {
      const own = byStrategy.get(strategy) ?? [];
      return {
        strategy,
        notificationDays: metricSummary(own, "notification_client_days"),
        lapsed: metricSummary(own, "clients_lapsed"),
      };
    })
    .sort(
      (a, b) =>
        (a.notificationDays.mean ?? Infinity) - (b.notificationDays.mean ?? Infinity) ||
        (a.lapsed.mean ?? Infinity) - (b.lapsed.mean ?? Infinity) ||
        (a.strategy < b.strategy ? -1 : a.strategy > b.strategy ? 1 : 0),
    );
  const best = byStrategy.get(ranked[0]?.strategy ?? "") ?? [];
  const bestByReplication = new Map(best.map((r) => [r.replication, r.record.notification_client_days]));
  return ranked.map((r) => {
    const diffs: number[] = [];
    for (const run of byStrategy.get(r.strategy) ?? []) {
      const mine = run.record.notification_client_days;
      const theirs = bestByReplication.get(run.replication);
      if (typeof mine === "number" && typeof theirs === "number") diffs.push(mine - theirs);
    }
    return { ...r, difference: summarize(diffs) };
  });
}
