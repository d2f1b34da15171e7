// Worker-thread entry of `kmsim compare` (tinypool loads the compiled dist/cli/compare-worker.js).
import { runReplication, type ReplicationResult, type ReplicationTask } from "./replication.js";

export default function run(task: ReplicationTask): ReplicationResult {
  return runReplication(task);
}
