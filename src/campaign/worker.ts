// Worker-thread entry of campaigns (tinypool loads the compiled dist/campaign/worker.js): a batch
// of replications of one (point, strategy) per message.
import { runReplication, type ReplicationResult, type ReplicationTask } from "./replication.js";

export default function run(batch: readonly ReplicationTask[]): ReplicationResult[] {
  return batch.map(runReplication);
}
