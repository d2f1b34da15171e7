// Running a campaign's missing runs (FORMAT.md "Campaigns"): walk the tasks, reuse every run the
// journal holds, send the rest to the executor in batches of one (point, strategy), and store each
// finished batch in the journal before anything else is done with it, so an interrupt or a crash
// loses at most the batches in flight.
import type { ReplicationResult, ReplicationTask } from "./replication.js";
import type { JournalRecord, JournalWriter } from "./journal.js";
import type { CampaignPlan } from "./plan.js";
import { groupsOf } from "./walk.js";
import type { Diagnostic } from "../scenario/index.js";

/** Runs a batch of replications (on worker threads, or in this thread for tests). */
export type Execute = (batch: readonly ReplicationTask[]) => Promise<ReplicationResult[]>;

export interface RunOptions {
  readonly execute: Execute;
  /** Batches in flight at once (about two per worker keeps every worker busy). */
  readonly concurrency: number;
  /** At most this many runs per batch. */
  readonly batchSize: number;
  readonly writer: JournalWriter;
  /** Called after each finished batch with the runs done so far (reused ones included). */
  readonly onProgress?: (done: number) => void;
  /** Awaited after each batch is in the journal (the shell's test hook pauses here). */
  readonly afterBatch?: () => Promise<void>;
}

export interface RunOutcome {
  readonly reused: number;
  readonly computed: number;
  readonly eventsProcessed: number;
}

/** What a campaign knows it has: the identities of stored runs; finished runs are reported to `store`. */
export interface RunStore {
  has(id: string): boolean;
  store(records: readonly JournalRecord[]): void;
}

/** A store of identities and records in memory (tests, `--replications auto`, merge). */
export function mapStore(map: Map<string, JournalRecord["record"]>): RunStore {
  return { has: (id) => map.has(id), store: (records) => records.forEach((r) => map.set(r.id, r.record)) };
}

/** Runs the tasks of `ranges` ([from, to) each) that `stored` lacks; every finished run goes to the journal, then to `stored`. */
export async function runMissing(
  plan: CampaignPlan,
  ranges: readonly { from: number; to: number }[],
  stored: RunStore,
  options: RunOptions,
): Promise<{ ok: true; outcome: RunOutcome } | { ok: false; errors: Diagnostic[] }> {
  let reused = 0;
  let done = 0;
  let computed = 0;
  let eventsProcessed = 0;
  let errors: Diagnostic[] | null = null;
  const batches = missingBatches(plan, ranges, stored, options.batchSize, () => {
    reused++;
    done++;
  });
  /** The next batch to run, or null at the end; runs found stored on the way count as reused. */
  let finished = false;
  const nextBatch = (): Batch | null => {
    if (finished) return null;
    const n = batches.next();
    if (n.done !== true) return n.value;
    finished = true;
    if (!n.value.ok) errors = n.value.errors;
    return null;
  };
  options.onProgress?.(done);
  const lane = async (): Promise<void> => {
    for (let batch = nextBatch(); batch !== null && errors === null; batch = nextBatch()) {
      const results = await options.execute(batch.tasks);
      const records = results.map((res, i) => ({ id: batch.ids[i], record: res.summaryRecord }));
      options.writer.add(records);
      options.writer.flush();
      stored.store(records);
      for (const res of results) eventsProcessed += res.eventsProcessed;
      computed += results.length;
      done += results.length;
      options.onProgress?.(done);
      await options.afterBatch?.();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, lane));
  if (errors !== null) return { ok: false, errors };
  return { ok: true, outcome: { reused, computed, eventsProcessed } };
}

interface Batch {
  readonly tasks: ReplicationTask[];
  readonly ids: string[];
}

/**
 * The missing runs of `ranges`, a batch (of one group, at most `size` runs) at a time, made as the
 * lanes ask for them: a campaign of millions of runs never holds its task list.
 */
function* missingBatches(
  plan: CampaignPlan,
  ranges: readonly { from: number; to: number }[],
  stored: RunStore,
  size: number,
  onReused: () => void,
): Generator<Batch, { ok: true } | { ok: false; errors: Diagnostic[] }> {
  for (const range of ranges) {
    const groups = groupsOf(plan, range);
    for (;;) {
      const g = groups.next();
      if (g.done === true) {
        if (!g.value.ok) return g.value;
        break;
      }
      const group = g.value;
      let current: Batch = { tasks: [], ids: [] };
      for (let i = 0; i < group.ids.length; i++) {
        const id = group.ids[i];
        if (stored.has(id)) {
          onReused();
          continue;
        }
        current.tasks.push({
          world: group.world,
          scenario: plan.name,
          strategy: group.label === "" ? null : group.label,
          seed: plan.seed,
          replication: group.replications[i],
          startEpochMs: plan.startEpochMs,
          sampleMin: plan.sampleMin,
          timeline: false,
        });
        current.ids.push(id);
        if (current.tasks.length >= size) {
          yield current;
          current = { tasks: [], ids: [] };
        }
      }
      if (current.tasks.length > 0) yield current;
    }
  }
  return { ok: true };
}
