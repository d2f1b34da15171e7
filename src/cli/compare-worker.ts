// Worker-thread entry of `kmsim compare` (tinypool loads the compiled dist/cli/compare-worker.js):
// a batch of replications per message, so that messaging costs little next to the runs.
import { runReplication, type ReplicationResult, type ReplicationTask } from "../campaign/replication.js";

export default function run(batch: readonly ReplicationTask[]): ReplicationResult[] {
  return batch.map((task) => runReplication(task));
}
