// The ranking of `kmsim compare` (FORMAT.md "Comparison folder"): strategies ordered by the means
// of the ranking metrics, lexicographically, so that a risk that separates two designs is never
// hidden behind a tie on the first metric. Means are equal when equal at 6 decimals (the CSV's
// precision); strategies equal on every ranking metric share a rank. Each strategy is set against
// the best on the first metric that separates them, with the paired difference over common
// replications (§R3: replication r of every strategy shares its random numbers).
import type { ComparedRun } from "./comparison.js";
import { summarize, type Summary } from "./stats.js";

/** One ranking metric: a summary column and its direction. */
export interface RankingMetric {
  readonly column: string;
  /** true when a larger mean is better (e.g. `min_validity_left_h`). */
  readonly higherIsBetter: boolean;
}

/** The default ranking, in order; Office columns only where the comparison has them. */
const DEFAULT_RANKING: readonly RankingMetric[] = [
  { column: "clients_lapsed", higherIsBetter: false },
  { column: "office_clients_lapsed", higherIsBetter: false },
  { column: "notification_client_days", higherIsBetter: false },
  { column: "office_notification_client_days", higherIsBetter: false },
  { column: "oot_client_days", higherIsBetter: false },
  { column: "min_validity_left_h", higherIsBetter: true },
  { column: "client_hours_unreachable", higherIsBetter: false },
  { column: "failed_attempts", higherIsBetter: false },
];

/** The default ranking metrics present among `columns` (runs.csv's header). */
export function defaultRankingMetrics(columns: readonly string[]): RankingMetric[] {
  return DEFAULT_RANKING.filter((m) => columns.includes(m.column));
}

/** Columns of runs.csv that can rank strategies: the numeric summary columns, from `clients` on. */
export function rankableColumns(columns: readonly string[]): string[] {
  const from = columns.indexOf("clients");
  return from < 0 ? [] : columns.slice(from);
}

/**
 * Parses `--rank-by m1,m2:high,…` against runs.csv's columns: `name` or `name:low` = lower is
 * better, `name:high` = higher is better. Returns the metrics or the problems, one per bad entry.
 */
export function parseRankBy(text: string, columns: readonly string[]): { ok: true; metrics: RankingMetric[] } | { ok: false; problems: string[] } {
  const rankable = rankableColumns(columns);
  const metrics: RankingMetric[] = [];
  const problems: string[] = [];
  const entries = text.split(",").map((s) => s.trim());
  if (entries.every((e) => e === "")) return { ok: false, problems: ["names no column"] };
  for (const entry of entries) {
    if (entry === "") continue;
    const colon = entry.lastIndexOf(":");
    const column = colon < 0 ? entry : entry.slice(0, colon);
    const direction = colon < 0 ? "low" : entry.slice(colon + 1);
    if (direction !== "low" && direction !== "high") {
      problems.push(`"${entry}": the direction after ":" must be high or low`);
      continue;
    }
    if (!rankable.includes(column)) {
      problems.push(`"${column}" is not a summary column of this comparison`);
      continue;
    }
    if (metrics.some((m) => m.column === column)) {
      problems.push(`"${column}" is named twice`);
      continue;
    }
    metrics.push({ column, higherIsBetter: direction === "high" });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, metrics };
}

/** One strategy's place in the ranking. */
export interface RankedStrategy {
  readonly strategy: string;
  /** Competition rank, 1 = best; strategies equal on every ranking metric share one. */
  readonly rank: number;
  /** Whether another strategy shares this rank. */
  readonly tie: boolean;
  /** Mean of each ranking metric (null where no replication has a value), in ranking order. */
  readonly means: readonly (number | null)[];
  /** Index of the first ranking metric whose mean differs from the best's; null for the best and strategies tied with it. */
  readonly decidedBy: number | null;
  /** Paired difference (this − best) of that metric over the replications where both have a value. */
  readonly difference: Summary | null;
}

/** A mean at the CSV's precision: two means are equal when equal at 6 decimals. */
function at6(x: number | null): number | null {
  return x === null ? null : Math.round(x * 1e6) / 1e6;
}

/** Orders two means of one metric, better first; a missing mean comes after any value. */
function compareMeans(a: number | null, b: number | null, higherIsBetter: boolean): number {
  const x = at6(a);
  const y = at6(b);
  if (x === y) return 0;
  if (x === null) return 1;
  if (y === null) return -1;
  return higherIsBetter ? y - x : x - y;
}

/** The first metric on which two strategies' means differ, or -1. */
function firstDifference(a: readonly (number | null)[], b: readonly (number | null)[], metrics: readonly RankingMetric[]): number {
  for (let i = 0; i < metrics.length; i++) if (compareMeans(a[i], b[i], metrics[i].higherIsBetter) !== 0) return i;
  return -1;
}

/** Paired differences (run − best) of one column, replication by replication, where both have a value. */
export function pairedDifference(runs: readonly ComparedRun[], best: readonly ComparedRun[], column: string): Summary {
  const bestByReplication = new Map(best.map((r) => [r.replication, r.record[column]]));
  const diffs: number[] = [];
  for (const run of runs) {
    const mine = run.record[column];
    const theirs = bestByReplication.get(run.replication);
    if (typeof mine === "number" && typeof theirs === "number") diffs.push(mine - theirs);
  }
  return summarize(diffs);
}

/**
 * Ranks strategies (given in file order) by the means of `metrics`, lexicographically; ties keep
 * file order and share a competition rank (1, =2, =2, 4).
 */
export function rankStrategies(strategies: readonly string[], runs: readonly ComparedRun[], metrics: readonly RankingMetric[]): RankedStrategy[] {
  const runsOf = new Map(strategies.map((s) => [s, runs.filter((r) => r.strategy === s)]));
  const rows = strategies.map((strategy) => {
    const own = runsOf.get(strategy) ?? [];
    const means = metrics.map((m) => {
      const values: number[] = [];
      for (const r of own) {
        const v = r.record[m.column];
        if (typeof v === "number") values.push(v);
      }
      return summarize(values).mean;
    });
    return { strategy, means };
  });
  // Array.prototype.sort is stable: equal strategies keep file order.
  const sorted = [...rows].sort((a, b) => {
    const i = firstDifference(a.means, b.means, metrics);
    return i < 0 ? 0 : compareMeans(a.means[i], b.means[i], metrics[i].higherIsBetter);
  });
  const best = sorted[0];
  const bestRuns = best === undefined ? [] : (runsOf.get(best.strategy) ?? []);
  return sorted.map((row, i) => {
    let first = i;
    while (first > 0 && firstDifference(sorted[first - 1].means, row.means, metrics) < 0) first--;
    const tiedWithNext = i + 1 < sorted.length && firstDifference(sorted[i + 1].means, row.means, metrics) < 0;
    const decided = firstDifference(row.means, best.means, metrics);
    return {
      strategy: row.strategy,
      rank: first + 1,
      tie: first < i || tiedWithNext,
      means: row.means,
      decidedBy: decided < 0 ? null : decided,
      difference: decided < 0 ? null : pairedDifference(runsOf.get(row.strategy) ?? [], bestRuns, metrics[decided].column),
    };
  });
}

/** Whether a paired interval excludes 0 (a difference the replications resolve); null when there is no interval (n < 2). */
export function significant(difference: Summary): boolean | null {
  if (difference.ci95Low === null || difference.ci95High === null) return null;
  return difference.ci95Low > 0 || difference.ci95High < 0;
}
