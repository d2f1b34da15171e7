// The worker pool of a campaign: warm threads reused across batches; an abort (Ctrl-C, SIGTERM)
// drops the queued batches at once. Results of finished batches are already in the journal.
import { setMaxListeners } from "node:events";
import { existsSync } from "node:fs";
import Tinypool from "tinypool";
import type { ReplicationResult, ReplicationTask } from "./replication.js";
import { workerEntry } from "./worker-entry.js";

const WORKER = workerEntry(import.meta.url, "campaign/worker.js");

export interface CampaignPool {
  readonly execute: (batch: readonly ReplicationTask[]) => Promise<ReplicationResult[]>;
  readonly signal: AbortSignal;
  abort(): void;
  close(): Promise<void>;
}

/** A pool of `workers` threads running the compiled campaign worker. */
export function startPool(workers: number): CampaignPool {
  if (!existsSync(WORKER)) throw new Error(`compiled worker ${WORKER} is missing: run \`npm run build\``);
  const pool = new Tinypool({ filename: WORKER, minThreads: workers, maxThreads: workers, idleTimeout: 1_000 });
  const controller = new AbortController();
  setMaxListeners(1_000, controller.signal);
  return {
    execute: async (batch) => (await pool.run(batch, { signal: controller.signal })) as ReplicationResult[],
    signal: controller.signal,
    abort: () => controller.abort(),
    close: () => pool.destroy(),
  };
}
