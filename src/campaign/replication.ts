// One replication of one world: the model run and its streaming aggregation, nothing else (no
// charts, no files), so that compare's worker threads load only the simulation code.
import { buildLayout, simulate, simulateCompiled, type CompiledWorld, type World } from "../kms/index.js";
import { FileSink } from "../report/file-sink.js";
import { RunAggregator, type RunAggregatorOptions } from "../report/run-aggregator.js";

/** What names and sets up one run, for `kmsim run` and for a campaign's runs alike; plain data. */
export interface RunSpec {
  readonly world: World;
  readonly scenario: string;
  readonly strategy: string | null;
  readonly seed: number;
  readonly replication: number;
  readonly startEpochMs: number;
  readonly sampleMin: number | null;
}

/** The run's names, seed and clock as the aggregator writes them into summary.csv and timeline.csv. */
export function runIdentity(spec: RunSpec): RunAggregatorOptions {
  return {
    startEpochMs: spec.startEpochMs,
    sampleMin: spec.sampleMin,
    scenario: spec.scenario,
    strategy: spec.strategy,
    replication: spec.replication,
    seed: spec.seed,
  };
}

/** Everything a worker needs for one run; plain data (it crosses a thread boundary). */
export interface ReplicationTask extends RunSpec {
  /** Whether to return timeline.csv too (tests; it is kept in memory). */
  readonly timeline: boolean;
  /** Where to stream timeline.csv (compare --timelines: a file in the result's temp folder), or null. */
  readonly timelinePath?: string | null;
}

export interface ReplicationResult {
  readonly summaryRecord: Record<string, number | string>;
  readonly timeline: string | null;
  readonly eventsProcessed: number;
}

/**
 * Runs replication `task.replication` of the world, streams from (seed, replication) (§R3).
 * `compiled`: the task's world already compiled (a worker compiles a batch's world once).
 */
export function runReplication(task: ReplicationTask, compiled?: CompiledWorld): ReplicationResult {
  const file = task.timelinePath === undefined || task.timelinePath === null ? null : new FileSink(task.timelinePath);
  try {
    return replicate(task, file, compiled);
  } catch (err) {
    file?.abort();
    throw err;
  }
}

function replicate(task: ReplicationTask, file: FileSink | null, compiled: CompiledWorld | undefined): ReplicationResult {
  const aggregator = new RunAggregator(task.world, buildLayout(task.world), {
    ...runIdentity(task),
    ...(file === null ? {} : { timeline: file }),
  });
  const run = { seed: task.seed, replication: task.replication };
  const stats = compiled === undefined ? simulate(task.world, run, aggregator) : simulateCompiled(compiled, run, aggregator);
  const outputs = aggregator.finish();
  file?.close();
  return {
    summaryRecord: outputs.summaryRecord,
    timeline: task.timeline && file === null ? outputs.timeline : null,
    eventsProcessed: stats.eventsProcessed,
  };
}
