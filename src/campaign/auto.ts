// `sweep --replications auto` (FORMAT.md "Sweeps"): compare's stopping rule, point by point —
// batches of replications 0–9, 10–19, … of every strategy at a point until the ranking at that
// point is settled or the maximum is reached. Decisions depend only on results, so a resumed
// campaign reaches the same counts, reusing every stored run.
import { buildLayout } from "../kms/index.js";
import {
  AUTO_BATCH,
  defaultRankingMetrics,
  runsColumns,
  stopReason,
  summaryColumnSections,
  type ComparedRun,
  type StopReason,
  type Tolerance,
} from "../report/index.js";
import type { Diagnostic } from "../scenario/index.js";
import type { JournalRecord } from "./journal.js";
import type { CampaignPlan } from "./plan.js";
import { mapStore, runMissing, type RunOptions, type RunOutcome } from "./run-campaign.js";
import { pointRanges } from "./outputs.js";
import { walkGroups } from "./walk.js";

export interface AutoRule {
  /** The plan's replications are the maximum. */
  readonly tolerance: Tolerance;
}

export interface AutoOutcome extends RunOutcome {
  /** Replications reached at each point, and why each point stopped. */
  readonly counts: readonly number[];
  readonly reasons: readonly StopReason[];
}

/** Runs every point until its ranking is settled; returns the counts reached. */
export async function runAuto(
  plan: CampaignPlan,
  stored: Map<string, JournalRecord["record"]>,
  options: RunOptions,
  rule: AutoRule,
): Promise<{ ok: true; outcome: AutoOutcome } | { ok: false; errors: Diagnostic[] }> {
  const max = plan.shape.replications;
  const counts: number[] = [];
  const reasons: StopReason[] = [];
  let reused = 0;
  let computed = 0;
  let eventsProcessed = 0;
  for (let point = 0; point < plan.shape.points; point++) {
    let n = 0;
    let stopped: StopReason | null = null;
    while (stopped === null) {
      const next = Math.min(max, n + AUTO_BATCH);
      const before = counts.reduce((a, b) => a + b, 0) * plan.strategies.length + n * plan.strategies.length;
      const result = await runMissing(plan, pointRanges(plan, point, n, next), mapStore(stored), { ...options, onProgress: (done) => options.onProgress?.(before + done) });
      if (!result.ok) return result;
      reused += result.outcome.reused;
      computed += result.outcome.computed;
      eventsProcessed += result.outcome.eventsProcessed;
      n = next;
      const at = pointRuns(plan, stored, point, n);
      if (!at.ok) return at;
      stopped = stopReason(plan.strategies, at.runs, defaultRankingMetrics(at.columns), rule.tolerance);
      if (stopped === null && n >= max) stopped = "maximum reached";
    }
    counts.push(n);
    reasons.push(stopped);
  }
  return { ok: true, outcome: { reused, computed, eventsProcessed, counts, reasons } };
}

/** The stored runs of replications 0 … n−1 of every strategy at one point, and that point's summary columns. */
function pointRuns(
  plan: CampaignPlan,
  stored: ReadonlyMap<string, JournalRecord["record"]>,
  point: number,
  n: number,
): { ok: true; runs: ComparedRun[]; columns: string[] } | { ok: false; errors: Diagnostic[] } {
  const runs: ComparedRun[] = [];
  const sections: string[][][] = [];
  for (const range of pointRanges(plan, point, 0, n)) {
    const walked = walkGroups(plan, range, (g) => {
      sections.push(summaryColumnSections(g.world, buildLayout(g.world)));
      g.ids.forEach((id, i) => {
        const record = stored.get(id);
        if (record !== undefined) runs.push({ strategy: g.label, replication: g.replications[i], record });
      });
    });
    if (!walked.ok) return walked;
  }
  return { ok: true, runs, columns: runsColumns(sections) };
}
