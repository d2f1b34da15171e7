// FORMAT.md "Shards and merge": tasks ordered by point, strategy, replication; shard K/N runs
// tasks ⌊(K−1)·T/N⌋ … ⌊K·T/N⌋−1, so the shards of a campaign cover every task exactly once.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseShard, shardRange, taskAt, taskCount, taskIndex } from "../../src/campaign/tasks.js";

describe("campaign tasks", () => {
  it("are ordered by point, then strategy, then replication", () => {
    const shape = { points: 2, strategies: 2, replications: 3 };
    expect(Array.from({ length: taskCount(shape) }, (_, t) => Object.values(taskAt(shape, t)).join(""))).toEqual([
      "000", "001", "002", "010", "011", "012", "100", "101", "102", "110", "111", "112",
    ]);
  });

  it("taskIndex inverts taskAt", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 40 }), fc.nat(), (points, strategies, replications, n) => {
        const shape = { points, strategies, replications };
        const t = n % taskCount(shape);
        expect(taskIndex(shape, taskAt(shape, t))).toBe(t);
      }),
    );
  });

  it("shards 1/N … N/N are contiguous and cover every task exactly once", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 300 }), (total, count) => {
        let next = 0;
        for (let k = 1; k <= count; k++) {
          const r = shardRange({ index: k, count }, total);
          expect(r.from).toBe(next);
          expect(r.to).toBeGreaterThanOrEqual(r.from);
          next = r.to;
        }
        expect(next).toBe(total);
      }),
    );
  });

  it("shard K/N is ⌊(K−1)·T/N⌋ … ⌊K·T/N⌋−1", () => {
    expect(shardRange({ index: 1, count: 3 }, 160)).toEqual({ from: 0, to: 53 });
    expect(shardRange({ index: 2, count: 3 }, 160)).toEqual({ from: 53, to: 106 });
    expect(shardRange({ index: 3, count: 3 }, 160)).toEqual({ from: 106, to: 160 });
  });

  it("--shard takes K/N with 1 ≤ K ≤ N and says what is wrong otherwise", () => {
    expect(parseShard("2/8")).toEqual({ index: 2, count: 8 });
    expect(parseShard(" 1 / 1 ")).toEqual({ index: 1, count: 1 });
    expect(parseShard("0/3")).toBe("--shard expects K/N with 1 ≤ K ≤ N, got 0/3");
    expect(parseShard("4/3")).toBe("--shard expects K/N with 1 ≤ K ≤ N, got 4/3");
    expect(parseShard("2")).toBe('--shard expects K/N such as 2/8 (shard K of N, 1 ≤ K ≤ N), got "2"');
  });
});
