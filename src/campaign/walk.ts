// Walking a campaign's tasks group by group: a group is one (point, strategy) with a contiguous run
// of replications, so each point's scenario is loaded once and each world digested once, and a
// worker keeps one compiled world for a whole group (FORMAT.md "Campaigns": tasks are ordered by
// point, strategy, replication).
import type { World } from "../kms/index.js";
import type { Diagnostic } from "../scenario/index.js";
import { worldDigest, runIdentity } from "./identity.js";
import { worldsAt, type CampaignPlan } from "./plan.js";
import { taskAt, taskIndex } from "./tasks.js";

/** One (point, strategy) with the replications [from, to) of a task range. */
export interface TaskGroup {
  readonly point: number;
  readonly strategy: number;
  readonly label: string;
  readonly world: World;
  /** Index of the group's first task. */
  readonly firstTask: number;
  readonly replications: readonly number[];
  /** The identity of each of those runs. */
  readonly ids: readonly string[];
}

/**
 * The groups of the tasks [from, to), in task order, one at a time (the task list is never built);
 * a point whose scenario is invalid ends the walk with its errors.
 */
export function* groupsOf(plan: CampaignPlan, range: { from: number; to: number }): Generator<TaskGroup, { ok: true } | { ok: false; errors: Diagnostic[] }> {
  const { shape } = plan;
  let t = range.from;
  let loaded = null as { point: number; worlds: World[] } | null;
  while (t < range.to) {
    const first = taskAt(shape, t);
    const end = Math.min(range.to, taskIndex(shape, { ...first, replication: shape.replications - 1 }) + 1);
    if (loaded?.point !== first.point) {
      const w = worldsAt(plan, first.point);
      if (!w.ok) return w;
      loaded = { point: first.point, worlds: w.worlds };
    }
    const world = loaded.worlds[first.strategy];
    const label = plan.strategies[first.strategy];
    const digest = worldDigest(world);
    const replications: number[] = [];
    for (let r = first.replication; r < first.replication + (end - t); r++) replications.push(r);
    yield {
      point: first.point,
      strategy: first.strategy,
      label,
      world,
      firstTask: t,
      replications,
      ids: replications.map((r) => runIdentity(digest, label, plan.seed, r)),
    };
    t = end;
  }
  return { ok: true };
}

/** Calls `visit` for every group of the tasks [from, to), in task order; stops at a point whose scenario is invalid. */
export function walkGroups(
  plan: CampaignPlan,
  range: { from: number; to: number },
  visit: (group: TaskGroup) => void,
): { ok: true } | { ok: false; errors: Diagnostic[] } {
  const groups = groupsOf(plan, range);
  for (let g = groups.next(); ; g = groups.next()) {
    if (g.done === true) return g.value;
    visit(g.value);
  }
}
