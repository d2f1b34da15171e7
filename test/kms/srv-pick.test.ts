// §C6.3's weighted choice within one priority group, as a pure function of the draw u.
import { describe, expect, test } from "vitest";
import { pickSrvRecord } from "../../src/kms/discovery.js";

const pick = (u: number, weights: number[], candidates = weights.map((_, i) => i)) =>
  pickSrvRecord(u, Float64Array.from(weights), Int32Array.from(candidates), candidates.length);

describe("pickSrvRecord (§C6.3)", () => {
  test("§C6.3: weight / Σ positive weights — weights 3:1 split the unit interval at 0.75", () => {
    expect(pick(0, [3, 1])).toBe(0);
    expect(pick(0.7499, [3, 1])).toBe(0);
    expect(pick(0.75, [3, 1])).toBe(1);
    expect(pick(0.9999, [3, 1])).toBe(1);
  });

  test("§C6.3: weight-0 records are never chosen while a positive one remains", () => {
    for (const u of [0, 0.3, 0.6, 0.9999]) expect(pick(u, [0, 5, 0])).toBe(1);
  });

  test("§C6.3: with only weight-0 records left, the choice is uniform: index floor(u × n)", () => {
    expect(pick(0, [0, 0, 0])).toBe(0);
    expect(pick(0.34, [0, 0, 0])).toBe(1);
    expect(pick(0.99, [0, 0, 0])).toBe(2);
  });

  test("§C6.3: only the remaining candidates count (records already tried are left out)", () => {
    // Records 0 (w 10), 1 (w 30), 2 (w 60); record 1 was tried: the remaining 10 and 60 split at 1/7.
    expect(pick(0.14, [10, 30, 60], [0, 2])).toBe(0);
    expect(pick(0.15, [10, 30, 60], [0, 2])).toBe(1);
  });
});
