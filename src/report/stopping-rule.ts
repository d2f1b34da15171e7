// `--replications auto` (FORMAT.md "Commands"): replications are run in batches of 10, and after
// each batch this rule says whether the comparison has answered its question — every strategy but
// the best is separated from the best by a paired 95 % interval that excludes 0, or pinned down to
// within a tolerance — or should go on. It looks only at the runs, so the answer is the same
// whatever the number of workers.
import type { ComparedRun } from "./comparison.js";
import { rankStrategies, type RankingMetric } from "./ranking.js";

/** Replications per batch. */
export const AUTO_BATCH = 10;
/** Default `--max-replications`. */
export const AUTO_MAX_REPLICATIONS = 200;

/** `--tolerance`: a half-width in the deciding metric's unit, or a fraction of the best's mean. */
export type Tolerance =
  | { readonly kind: "default" }
  | { readonly kind: "absolute"; readonly value: number }
  | { readonly kind: "relative"; readonly fraction: number };

/** Why an automatic comparison stopped (manifest.json, terminal). */
export type StopReason = "nothing differs" | "every difference is resolved" | "maximum reached";

/**
 * The smallest step a metric can take: 1 for counts, one client-minute for client-days, one
 * minute for hours. The default tolerance is never finer than this.
 */
export function metricResolution(column: string): number {
  if (column.endsWith("_client_days")) return 1 / 1440;
  if (column.endsWith("_h") || /(^|_)hours(_|$)/.test(column)) return 1 / 60;
  return 1;
}

/** The half-width below which a difference counts as pinned down. */
export function toleranceFor(tolerance: Tolerance, column: string, bestMean: number | null): number {
  switch (tolerance.kind) {
    case "absolute":
      return tolerance.value;
    case "relative":
      return tolerance.fraction * Math.abs(bestMean ?? 0);
    case "default":
      return Math.max(0.01 * Math.abs(bestMean ?? 0), metricResolution(column));
    default: {
      const never: never = tolerance;
      throw new Error(`unknown tolerance ${JSON.stringify(never)}`);
    }
  }
}

/**
 * After a batch: stop ("nothing differs" / "every difference is resolved") or go on (null). For
 * every strategy but the best, the first ranking metric whose mean differs from the best's must
 * have a paired interval that excludes 0 or a half-width within the tolerance. The caller stops
 * at the maximum itself.
 */
export function stopReason(
  strategies: readonly string[],
  runs: readonly ComparedRun[],
  metrics: readonly RankingMetric[],
  tolerance: Tolerance,
): StopReason | null {
  const ranked = rankStrategies(strategies, runs, metrics);
  const best = ranked[0];
  let anyDifference = false;
  for (const r of ranked) {
    if (r.decidedBy === null || r.difference === null) continue;
    anyDifference = true;
    const d = r.difference;
    if (d.ci95Low === null || d.ci95High === null || d.mean === null) return null; // fewer than 2 pairs
    if (d.ci95Low > 0 || d.ci95High < 0) continue;
    const halfWidth = d.ci95High - d.mean;
    if (halfWidth > toleranceFor(tolerance, metrics[r.decidedBy].column, best.means[r.decidedBy])) return null;
  }
  return anyDifference ? "every difference is resolved" : "nothing differs";
}

/** Parses `--tolerance`: a number ≥ 0 (absolute) or a percentage `P%` (of the best's mean); null if invalid. */
export function parseTolerance(text: string): Tolerance | null {
  const s = text.trim();
  const percent = /^(\d+(?:\.\d+)?|\.\d+)%$/.exec(s);
  if (percent !== null) return { kind: "relative", fraction: Number(percent[1]) / 100 };
  if (!/^(\d+(?:\.\d+)?|\.\d+)$/.test(s)) return null;
  return { kind: "absolute", value: Number(s) };
}
