// Worker-thread entry of campaigns (tinypool loads the compiled dist/campaign/worker.js): a batch
// of replications of one (point, strategy) per message; its world is compiled once for the batch
// (structured cloning keeps one world object for all the tasks of a message).
import { compileWorld, type CompiledWorld, type World } from "../kms/index.js";
import { runReplication, type ReplicationResult, type ReplicationTask } from "./replication.js";

export default function run(batch: readonly ReplicationTask[]): ReplicationResult[] {
  const compiled = new Map<World, CompiledWorld>();
  return batch.map((task) => {
    let c = compiled.get(task.world);
    if (c === undefined) {
      c = compileWorld(task.world);
      compiled.set(task.world, c);
    }
    return runReplication(task, c);
  });
}
