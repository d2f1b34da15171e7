// A campaign's plan (FORMAT.md "Campaigns"): the scenario file, its sweep, the strategies chosen
// and the replications; and, point by point, the worlds its runs simulate. A file without a sweep
// is a campaign of one point; one without strategies compares its base (label "").
import type { World } from "../kms/index.js";
import { pointCountOf, pointLoader, type LoadResult, type Diagnostic, type Scenario, type SweepSpec } from "../scenario/index.js";
import type { CampaignShape } from "./tasks.js";

export interface CampaignPlan {
  readonly file: string;
  readonly fileBaseName: string;
  /** The parsed file, with its `sweep:`. */
  readonly data: unknown;
  readonly name: string;
  readonly seed: number;
  readonly startEpochMs: number;
  readonly sampleMin: number | null;
  readonly sweep: SweepSpec | null;
  /** Strategy labels in file order ("" for the base of a file without strategies). */
  readonly strategies: readonly string[];
  readonly shape: CampaignShape;
}

/** The plan of a validated scenario; `strategies` are the chosen ones (already checked to exist). */
export function planCampaign(
  scenario: Scenario,
  source: { file: string; fileBaseName: string; data: unknown },
  strategies: readonly string[],
  replications: number,
): CampaignPlan {
  const points = scenario.sweep === null ? 1 : pointCountOf(scenario.sweep);
  return {
    ...source,
    name: scenario.name,
    seed: scenario.seed,
    startEpochMs: scenario.startEpochMs,
    sampleMin: scenario.sampleMin,
    sweep: scenario.sweep,
    strategies,
    shape: { points, strategies: strategies.length, replications },
  };
}

/** One point loader per plan: the file as written is validated once per campaign, not per point. */
const loaders = new WeakMap<CampaignPlan, (point: number) => LoadResult>();

/** The worlds of point `point`, one per chosen strategy, in the plan's order; or the point's errors. */
export function worldsAt(plan: CampaignPlan, point: number): { ok: true; worlds: World[] } | { ok: false; errors: Diagnostic[] } {
  let load = loaders.get(plan);
  if (load === undefined) {
    load = pointLoader(plan.data, plan.file, plan.fileBaseName);
    loaders.set(plan, load);
  }
  const r = load(point);
  if (!r.ok) return { ok: false, errors: r.errors };
  const worlds = plan.strategies.map((label) => {
    if (label === "") return r.scenario.base;
    const found = r.scenario.strategies.find((s) => s.name === label);
    if (found === undefined) throw new Error(`strategy ${label} vanished at point ${point}`);
    return found.world;
  });
  return { ok: true, worlds };
}
