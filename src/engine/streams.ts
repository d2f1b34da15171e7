// Seeded random streams, one per purpose and entity (MODEL.md §R3). A stream's name, such as
// `outage/host/kms1/0` or `online/client/hq-desktops/17`, together with the run seed and the
// replication, is the whole seed of its generator, so adding an entity or drawing more from one
// stream never shifts another stream's draws (common random numbers across strategies).
//
// The generator is Baagøe's Alea exactly as seedrandom.alea (seedrandom 3.0.5, lib/alea.js)
// implements it — the same seeding (Mash) and the same arithmetic, so the same doubles
// (test/engine/streams.test.ts checks it against seedrandom) — written as one small class: a
// run may create a stream for each of a million clients, and seedrandom's version costs an
// object, three closures and a wrapper per stream.

/** A source of uniform draws in [0, 1). */
export interface Stream {
  next(): number;
}

/** How stream seeds are derived; written into manifests so runs can be reproduced elsewhere. */
export const STREAM_SCHEME = "seedrandom.alea(`${seed}/${replication}/${purpose/entity}`)";

const TWO_POW_MINUS_32 = 2.3283064365386963e-10;

/** Alea's seeding hash (Mash): state n carries over from one call to the next. */
class Mash {
  private n = 0xefc8249d;

  hash(data: string): number {
    let n = this.n;
    for (let i = 0; i < data.length; i++) {
      n += data.charCodeAt(i);
      let h = 0.02519603282416938 * n;
      n = h >>> 0;
      h -= n;
      h *= n;
      n = h >>> 0;
      h -= n;
      n += h * 0x100000000; // 2^32
    }
    this.n = n;
    return (n >>> 0) * TWO_POW_MINUS_32;
  }
}

class AleaStream implements Stream {
  private s0: number;
  private s1: number;
  private s2: number;
  private c = 1;

  constructor(seed: string) {
    const mash = new Mash();
    this.s0 = mash.hash(" ");
    this.s1 = mash.hash(" ");
    this.s2 = mash.hash(" ");
    this.s0 -= mash.hash(seed);
    if (this.s0 < 0) this.s0 += 1;
    this.s1 -= mash.hash(seed);
    if (this.s1 < 0) this.s1 += 1;
    this.s2 -= mash.hash(seed);
    if (this.s2 < 0) this.s2 += 1;
  }

  next(): number {
    const t = 2091639 * this.s0 + this.c * TWO_POW_MINUS_32;
    this.s0 = this.s1;
    this.s1 = this.s2;
    this.c = t | 0;
    this.s2 = t - this.c;
    return this.s2;
  }
}

/** Creates the stream named `name` for run (seed, replication). Cheap: callers create lazily. */
export function createStream(seed: number, replication: number, name: string): Stream {
  return new AleaStream(`${seed}/${replication}/${name}`);
}
