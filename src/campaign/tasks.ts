// A campaign's tasks (FORMAT.md "Campaigns"): every point × strategy × replication, ordered by
// point, then strategy in file order, then replication. A task is only ever its index: the list is
// never built, so a campaign of millions of runs costs nothing to plan.

/** The shape of a campaign: how many points, strategies and replications. */
export interface CampaignShape {
  readonly points: number;
  readonly strategies: number;
  readonly replications: number;
}

export interface Task {
  readonly point: number;
  /** Index of the strategy in the campaign's list (file order). */
  readonly strategy: number;
  readonly replication: number;
}

/** T: the number of tasks. */
export function taskCount(shape: CampaignShape): number {
  return shape.points * shape.strategies * shape.replications;
}

/** The task with index `t` (0 ≤ t < T). */
export function taskAt(shape: CampaignShape, t: number): Task {
  const replication = t % shape.replications;
  const rest = Math.floor(t / shape.replications);
  return { point: Math.floor(rest / shape.strategies), strategy: rest % shape.strategies, replication };
}

/** The index of a task. */
export function taskIndex(shape: CampaignShape, task: Task): number {
  return (task.point * shape.strategies + task.strategy) * shape.replications + task.replication;
}

/** Shard K of N (1-based K). */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** The tasks [from, to) of shard K/N: ⌊(K−1)·T/N⌋ … ⌊K·T/N⌋−1, contiguous so that a shard compiles few worlds. */
export function shardRange(shard: Shard, total: number): { from: number; to: number } {
  return { from: Math.floor(((shard.index - 1) * total) / shard.count), to: Math.floor((shard.index * total) / shard.count) };
}

/** `--shard K/N`: 1 ≤ K ≤ N; a message when it is not that. */
export function parseShard(text: string): Shard | string {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (m === null) return `--shard expects K/N such as 2/8 (shard K of N, 1 ≤ K ≤ N), got ${JSON.stringify(text)}`;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count || !Number.isSafeInteger(count)) {
    return `--shard expects K/N with 1 ≤ K ≤ N, got ${text.trim()}`;
  }
  return { index, count };
}
