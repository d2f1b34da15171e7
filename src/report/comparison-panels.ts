// What the comparison chart shows (docs/compare.md "The comparison chart"): the strategies in rank
// order with their rank labels, and the panels — one per ranking metric, then one per other
// numeric summary column whose means differ between strategies — each with every strategy's mean
// and 95 % interval clipped to the metric's possible range. Pure data: the Vega-Lite spec is
// built from it in comparison-chart.ts.
import type { ComparedRun } from "./comparison.js";
import { formatNumber } from "./format.js";
import { metricInfo } from "./metric-titles.js";
import { rankStrategies, type RankingMetric } from "./ranking.js";
import { summarize, type Summary } from "./stats.js";

/** Non-ranking panels drawn at most; the others are named in the chart (comparison.csv has them all). */
export const MAX_OTHER_PANELS = 40;

/** The label of the base scenario's (empty) strategy name. */
export const BASE_LABEL = "(base)";

/** Columns that identify a run rather than measure it. */
const IDENTITY_COLUMNS: readonly string[] = ["scenario", "strategy", "replication", "seed"];

export interface PanelRow {
  readonly strategy: string;
  /** The rank and the name, as the y axis shows them: "1 · two-hosts", "=2 · as-is". */
  readonly label: string;
  readonly mean: number | null;
  /** The 95 % interval of the mean clipped to the metric's range; null when n < 2. */
  readonly low: number | null;
  readonly high: number | null;
  readonly n: number;
  /** The figures as text: "5,912  [4,800, 7,020]", the mean alone when there is no interval (or it is that point), or "no value". */
  readonly text: string;
}

export interface Panel {
  readonly column: string;
  readonly title: string;
  /** 1-based position among the ranking metrics, or null for another metric. */
  readonly rankingPosition: number | null;
  readonly higherIsBetter: boolean;
  /** When set the panel shows this text instead of a plot: every run has the same value (or none). */
  readonly note: string | null;
  /** The smallest possible value (0 for every column kmsim writes), null when unknown. */
  readonly min: number | null;
  /** One row per strategy, in rank order. */
  readonly rows: readonly PanelRow[];
}

export interface ComparisonPanels {
  /** The strategies in rank order, with their labels. */
  readonly strategies: readonly { readonly strategy: string; readonly rank: string; readonly label: string }[];
  readonly rankingMetrics: readonly RankingMetric[];
  readonly ranking: readonly Panel[];
  readonly others: readonly Panel[];
  /** Columns that differ between strategies but got no panel (beyond MAX_OTHER_PANELS). */
  readonly omitted: readonly string[];
  /** The replications per strategy when every strategy has the same number, else null. */
  readonly replications: number | null;
}

export interface PanelOptions {
  /** The summary columns in runs.csv order. */
  readonly columns: readonly string[];
  /** The ranking's metrics, in order: the strategies are drawn in the order they give (ranking.ts). */
  readonly rankingMetrics: readonly RankingMetric[];
  readonly maxOtherPanels?: number;
}

/** Means are equal when equal at 6 decimals (FORMAT.md CSV conventions; the ranking's tie rule). */
function sameMean(a: Summary, b: Summary): boolean {
  return (a.mean === null ? "" : formatNumber(a.mean)) === (b.mean === null ? "" : formatNumber(b.mean));
}

/** Whether a column holds numbers or nothing in every run (no text). */
function numericOrEmpty(column: string, runs: readonly ComparedRun[]): boolean {
  return runs.every((run) => {
    const v = Object.hasOwn(run.record, column) ? run.record[column] : undefined;
    return v === undefined || v === "" || typeof v === "number";
  });
}

/** The candidate columns: numeric summary columns from `clients` on (as comparison.csv) with a value somewhere, identity columns never. */
export function candidateColumns(columns: readonly string[], runs: readonly ComparedRun[]): string[] {
  const from = columns.indexOf("clients");
  const measured = (from >= 0 ? columns.slice(from) : columns).filter((c) => !IDENTITY_COLUMNS.includes(c));
  return measured.filter((c) => numericOrEmpty(c, runs) && runs.some((run) => numberIn(run, c) !== null));
}

/** The value of a column in a run, when it is a number (records are read with Object.hasOwn: names like `constructor` are data). */
function numberIn(run: ComparedRun, column: string): number | null {
  if (!Object.hasOwn(run.record, column)) return null;
  const v = run.record[column];
  return typeof v === "number" ? v : null;
}

function summaryOf(runs: readonly ComparedRun[], column: string): Summary {
  const values: number[] = [];
  for (const run of runs) {
    const v = numberIn(run, column);
    if (v !== null) values.push(v);
  }
  return summarize(values);
}

/** Groups digits by thousands with commas (locale-free). */
function groupThousands(s: string): string {
  const [int, frac] = s.split(".");
  const sign = int.startsWith("-") ? "-" : "";
  const digits = sign === "" ? int : int.slice(1);
  let out = "";
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ",";
    out += digits[i];
  }
  return sign + out + (frac === undefined ? "" : "." + frac);
}

/** A figure for people: 3 significant digits or so, whole numbers from 100 on, thousands grouped. */
export function shortNumber(x: number): string {
  const a = Math.abs(x);
  const decimals = a >= 100 ? 0 : a >= 10 ? 1 : 2;
  const f = 10 ** decimals;
  return groupThousands(formatNumber(Math.round(x * f) / f));
}

function rowText(mean: number | null, low: number | null, high: number | null): string {
  if (mean === null) return "no value";
  if (low === null || high === null || (low === mean && high === mean)) return shortNumber(mean);
  return `${shortNumber(mean)}  [${shortNumber(low)}, ${shortNumber(high)}]`;
}

/** The strategies in rank order and the panels of the comparison chart. */
export function comparisonPanels(runs: readonly ComparedRun[], options: PanelOptions): ComparisonPanels {
  // A ranking metric gets its panel even when no run has a value (it says so).
  const rankingMetrics = options.rankingMetrics.filter(
    (m) => options.columns.includes(m.column) && !IDENTITY_COLUMNS.includes(m.column) && numericOrEmpty(m.column, runs),
  );
  // The same ranking as the terminal table: strategies in file order (first appearance), then ranked.
  const ranked = rankStrategies([...new Set(runs.map((r) => r.strategy))], runs, rankingMetrics);
  const order = ranked.map((r) => r.strategy);
  const byStrategy = new Map<string, ComparedRun[]>(order.map((s) => [s, []]));
  for (const run of runs) byStrategy.get(run.strategy)?.push(run);
  const own = (s: string): readonly ComparedRun[] => byStrategy.get(s) ?? [];
  const cache = new Map<string, Map<string, Summary>>();
  const summaries = (strategy: string, column: string): Summary => {
    let perColumn = cache.get(column);
    if (perColumn === undefined) cache.set(column, (perColumn = new Map()));
    let s = perColumn.get(strategy);
    if (s === undefined) perColumn.set(strategy, (s = summaryOf(own(strategy), column)));
    return s;
  };

  const candidates = candidateColumns(options.columns, runs);
  const strategies = ranked.map(({ strategy, rank, tie }) => {
    const label = `${tie ? "=" : ""}${rank}`;
    return { strategy, rank: label, label: `${label} · ${strategy === "" ? BASE_LABEL : strategy}` };
  });

  const panel = (column: string, rankingPosition: number | null, higherIsBetter: boolean): Panel => {
    const info = metricInfo(column);
    const rows = strategies.map(({ strategy, label }): PanelRow => {
      const s = summaries(strategy, column);
      let upper = Infinity;
      if (info.maxColumn !== null) {
        const bound = summaries(strategy, info.maxColumn).max;
        if (bound !== null) upper = bound;
      }
      const clip = (x: number | null): number | null => (x === null ? null : Math.min(Math.max(x, info.min ?? -Infinity), upper));
      const low = clip(s.ci95Low);
      const high = clip(s.ci95High);
      return { strategy, label, mean: s.mean, low, high, n: s.n, text: rowText(s.mean, low, high) };
    });
    return { column, title: info.title, rankingPosition, higherIsBetter, note: noteFor(runs, column), min: info.min, rows };
  };

  const ranking = rankingMetrics.map((m, i) => panel(m.column, i + 1, m.higherIsBetter));
  const rankingColumns = new Set(rankingMetrics.map((m) => m.column));
  const differing = candidates.filter((c) => !rankingColumns.has(c) && differs(c, order, summaries));
  const max = options.maxOtherPanels ?? MAX_OTHER_PANELS;
  const others = differing.slice(0, max).map((c) => panel(c, null, false));
  const counts = new Set(order.map((s) => new Set(own(s).map((r) => r.replication)).size));
  return {
    strategies,
    rankingMetrics,
    ranking,
    others,
    omitted: differing.slice(max),
    replications: counts.size === 1 ? [...counts][0] : null,
  };
}

/**
 * Whether a column's means differ between the strategies that have it; with one strategy,
 * whether its values vary between replications (a comparison of one shows its spread).
 */
function differs(column: string, order: readonly string[], summaries: (strategy: string, column: string) => Summary): boolean {
  if (order.length === 1) {
    const s = summaries(order[0], column);
    return s.min !== null && s.min !== s.max;
  }
  const withValue = order.map((s) => summaries(s, column)).filter((s) => s.n > 0);
  return withValue.some((s) => !sameMean(s, withValue[0]));
}

/** The panel's text when no interval is worth drawing: no run has a value, or every run has the same one. */
function noteFor(runs: readonly ComparedRun[], column: string): string | null {
  let first: number | null = null;
  let missing = 0;
  for (const run of runs) {
    const v = numberIn(run, column);
    if (v === null) missing++;
    else if (first === null) first = v;
    else if (v !== first) return null;
  }
  if (first === null) return "no value in any run";
  const where = missing > 0 ? " (in every run that has a value)" : ": every strategy, every replication";
  return `all ${shortNumber(first)}${where}`;
}
