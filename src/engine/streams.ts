// Seeded random streams, one per purpose and entity (MODEL.md §R3). A stream's name, such as
// `outage/host/kms1/0` or `online/client/hq-desktops/17`, together with the run seed and the
// replication, is the whole seed of its generator, so adding an entity or drawing more from one
// stream never shifts another stream's draws (common random numbers across strategies).
import seedrandom from "seedrandom";

/** A source of uniform draws in [0, 1). */
export interface Stream {
  next(): number;
}

/** How stream seeds are derived; written into manifests so runs can be reproduced elsewhere. */
export const STREAM_SCHEME = "seedrandom.alea(`${seed}/${replication}/${purpose/entity}`)";

/** Creates the stream named `name` for run (seed, replication). Cheap: callers create lazily. */
export function createStream(seed: number, replication: number, name: string): Stream {
  // seedrandom (a mandated dependency) is the generator: its Alea, seeded by the stream's name.
  return { next: seedrandom.alea(`${seed}/${replication}/${name}`) };
}
