// createStream (src/engine/streams.ts): one seeded stream per purpose and entity (MODEL.md §R3).
import fc from "fast-check";
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { createStream, STREAM_SCHEME, type Stream } from "../../src/engine/streams.js";

function take(stream: Stream, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(stream.next());
  return out;
}

const NAME = "online/client/hq-desktops/17";

describe("createStream(seed, replication, name) (§R3)", () => {
  it("§R3: the same seed, replication and name give the same draws", () => {
    expect(take(createStream(1, 0, NAME), 1000)).toEqual(take(createStream(1, 0, NAME), 1000));
  });

  it("§R3: the draws are pinned (changing the generator or the seed scheme changes every result)", () => {
    expect(take(createStream(1, 0, NAME), 3)).toEqual([0.4820522000081837, 0.3966075440403074, 0.35175127489492297]);
    expect(STREAM_SCHEME).toBe("seedrandom.alea(`${seed}/${replication}/${purpose/entity}`)");
  });

  it("§R3: the draws are seedrandom.alea's for the name `${seed}/${replication}/${name}`, double for double (STREAM_SCHEME)", () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(40), fc.string({ maxLength: 60 }), fc.integer({ min: 1, max: 300 }), (seed, replication, name, n) => {
        const reference = seedrandom.alea(`${seed}/${replication}/${name}`);
        const mine = createStream(seed, replication, name);
        for (let i = 0; i < n; i++) expect(mine.next()).toBe(reference());
      }),
      { numRuns: 300 },
    );
    const reference = seedrandom.alea("7/0/online/client/hq-laptops/29999");
    const mine = createStream(7, 0, "online/client/hq-laptops/29999");
    for (let i = 0; i < 100_000; i++) if (mine.next() !== reference()) throw new Error(`draw ${i} differs`);
  });

  it("§R3: a different replication gives different draws", () => {
    expect(take(createStream(1, 1, NAME), 3)).toEqual([0.6729790228419006, 0.8735148813575506, 0.434812487103045]);
    expect(take(createStream(1, 1, NAME), 100)).not.toEqual(take(createStream(1, 0, NAME), 100));
  });

  it("§R3: a different seed or name gives different draws", () => {
    const base = take(createStream(1, 0, NAME), 100);
    expect(take(createStream(2, 0, NAME), 100)).not.toEqual(base);
    expect(take(createStream(1, 0, "online/client/hq-desktops/18"), 100)).not.toEqual(base);
    expect(take(createStream(1, 0, "online/office/hq-desktops/17"), 100)).not.toEqual(base);
  });

  it("§R3: (seed, replication) pairs that spell alike, such as (1, 23) and (12, 3), give different streams", () => {
    expect(take(createStream(1, 23, "x"), 50)).not.toEqual(take(createStream(12, 3, "x"), 50));
  });

  it("§R3: draws are in [0, 1)", () => {
    for (const x of take(createStream(9, 4, "outage/host/kms1/0"), 100_000)) {
      if (!(x >= 0 && x < 1)) throw new Error(`draw ${x} outside [0, 1)`);
    }
  });

  it("§R3: drawing from one stream never changes another stream's sequence (any interleaving, property)", () => {
    const names = ["outage/host/kms1/0", "online/client/hq-desktops/17", "srv/client/hq-desktops/17"];
    const alone = names.map((n) => take(createStream(5, 2, n), 200));
    fc.assert(
      fc.property(fc.array(fc.nat(names.length - 1), { maxLength: 300 }), (order) => {
        const streams = names.map((n) => createStream(5, 2, n));
        const got: number[][] = names.map(() => []);
        for (const i of order) if (got[i].length < 200) got[i].push(streams[i].next());
        got.forEach((seq, i) => expect(seq).toEqual(alone[i].slice(0, seq.length)));
      }),
      { numRuns: 200 },
    );
  });

  it("§R3: creating more streams (another entity, lazily, at any time) does not shift existing ones", () => {
    const s = createStream(3, 0, "jitter/client/hq/1");
    const first = take(s, 10);
    for (let i = 0; i < 100; i++) take(createStream(3, 0, `jitter/client/hq/${i + 2}`), 5);
    const again = createStream(3, 0, "jitter/client/hq/1");
    expect(take(again, 20)).toEqual([...first, ...take(s, 10)]);
  });
});
