// Draw helpers (src/engine/draws.ts): every random quantity goes through these (MODEL.md §R1, §R3;
// FORMAT.md "Durations and distributions"). Sample statistics come from seeded streams, so the
// tolerance checks are deterministic; tolerances are several standard errors wide.
import { describe, expect, it } from "vitest";
import type { Distribution } from "../../src/engine/distribution.js";
import {
  distributionMean,
  drawMinutes,
  exponential,
  lognormal,
  pickWeighted,
  uniform01,
  uniformInt,
} from "../../src/engine/draws.js";
import { createStream, type Stream } from "../../src/engine/streams.js";

/** A stream that replays the given uniforms and counts how many were drawn. */
function scripted(values: readonly number[]): Stream & { readonly drawn: number } {
  let i = 0;
  return {
    next(): number {
      if (i >= values.length) throw new Error("scripted stream exhausted");
      return values[i++];
    },
    get drawn(): number {
      return i;
    },
  };
}

/** A stream that counts draws from a real seeded stream. */
function counting(name: string): Stream & { readonly drawn: number } {
  const inner = createStream(11, 0, name);
  let n = 0;
  return {
    next(): number {
      n++;
      return inner.next();
    },
    get drawn(): number {
      return n;
    },
  };
}

function sampleMean(n: number, draw: () => number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += draw();
  return sum / n;
}

const N = 200_000;
const JUST_BELOW_1 = 1 - 2 ** -53;

describe("uniform01 and exponential (§R1)", () => {
  it("uniform01 has mean 1/2 over many draws", () => {
    const s = createStream(1, 0, "test/draws/uniform01");
    expect(sampleMean(N, () => uniform01(s))).toBeCloseTo(0.5, 2);
  });

  it("§R1: exponential(mean) has the given mean over many draws (within 2 %)", () => {
    const s = createStream(1, 0, "test/draws/exp");
    const mean = sampleMean(N, () => exponential(s, 90));
    expect(Math.abs(mean / 90 - 1)).toBeLessThan(0.02);
  });

  it("exponential is finite and ≥ 0 at both ends of [0, 1), and uses one uniform", () => {
    const s = scripted([0, JUST_BELOW_1]);
    expect(exponential(s, 10)).toBeCloseTo(0, 12); // −0 for u = 0: harmless, drawMinutes raises it to 1
    const top = exponential(s, 10);
    expect(Number.isFinite(top) && top > 0).toBe(true);
    expect(s.drawn).toBe(2);
  });
});

describe("lognormal (§R1)", () => {
  it("§R1: lognormal(median, σ) has mean median · e^{σ²/2} over many draws (within 3 %)", () => {
    for (const [median, sigma] of [
      [360, 1.0],
      [60, 0.5],
    ]) {
      const s = createStream(1, 0, `test/draws/lognormal/${median}/${sigma}`);
      const mean = sampleMean(N, () => lognormal(s, median, sigma));
      const expected = median * Math.exp((sigma * sigma) / 2);
      expect(Math.abs(mean / expected - 1)).toBeLessThan(0.03);
    }
  });

  it("§R1: lognormal(median, σ) has the given median: half the draws fall below it (within 1 %)", () => {
    const s = createStream(1, 0, "test/draws/lognormal/median");
    let below = 0;
    for (let i = 0; i < N; i++) if (lognormal(s, 360, 1) < 360) below++;
    expect(Math.abs(below / N - 0.5)).toBeLessThan(0.01);
  });

  it("§R3: lognormal always uses exactly two uniforms, so a stream advances predictably", () => {
    const s = counting("test/draws/lognormal/count");
    for (let i = 0; i < 100; i++) lognormal(s, 10, 1);
    expect(s.drawn).toBe(200);
  });

  it("lognormal is finite and > 0 at both ends of [0, 1)", () => {
    for (const pair of [
      [0, 0],
      [JUST_BELOW_1, JUST_BELOW_1],
      [0, JUST_BELOW_1],
      [JUST_BELOW_1, 0],
    ]) {
      const x = lognormal(scripted(pair), 100, 2);
      expect(Number.isFinite(x) && x > 0).toBe(true);
    }
  });
});

describe("uniformInt(lo, hi)", () => {
  it("is inclusive at both bounds: the lowest uniform gives lo, the highest gives hi", () => {
    expect(uniformInt(scripted([0]), 3, 7)).toBe(3);
    expect(uniformInt(scripted([JUST_BELOW_1]), 3, 7)).toBe(7);
    expect(uniformInt(scripted([0.5]), -2, 2)).toBe(0);
    expect(uniformInt(scripted([0.3]), 5, 5)).toBe(5);
  });

  it("hits every whole number lo … hi and nothing else, each about equally often, mean (lo + hi) / 2", () => {
    const s = createStream(1, 0, "test/draws/uniformInt");
    const counts = new Map<number, number>();
    let sum = 0;
    for (let i = 0; i < N; i++) {
      const k = uniformInt(s, 0, 9);
      counts.set(k, (counts.get(k) ?? 0) + 1);
      sum += k;
    }
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const c of counts.values()) expect(Math.abs(c / N - 0.1)).toBeLessThan(0.005);
    expect(Math.abs(sum / N - 4.5)).toBeLessThan(0.03);
  });
});

describe("pickWeighted (§C6 SRV weights)", () => {
  it("§C6: picks index i with probability weights[i] / Σ weights (within 0.5 percentage points)", () => {
    const weights = [1, 2, 3, 4];
    const s = createStream(1, 0, "test/draws/pickWeighted");
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < N; i++) counts[pickWeighted(s, weights)]++;
    counts.forEach((c, i) => expect(Math.abs(c / N - weights[i] / 10)).toBeLessThan(0.005));
  });

  it("never picks a zero weight, even at the extremes of [0, 1)", () => {
    const weights = [0, 5, 0, 5, 0];
    expect(pickWeighted(scripted([0]), weights)).toBe(1);
    expect(pickWeighted(scripted([JUST_BELOW_1]), weights)).toBe(3);
    const s = createStream(1, 0, "test/draws/pickWeighted/zero");
    for (let i = 0; i < 10_000; i++) expect([1, 3]).toContain(pickWeighted(s, weights));
  });

  it("considers only the first `count` weights, and a single weight needs no luck", () => {
    const s = createStream(1, 0, "test/draws/pickWeighted/count");
    for (let i = 0; i < 1000; i++) expect(pickWeighted(s, [1, 1, 100], 2)).toBeLessThan(2);
    expect(pickWeighted(scripted([0.99]), [7])).toBe(0);
    expect(pickWeighted(scripted([0.99]), Float64Array.of(1, 1, 1, 1), 1)).toBe(0);
  });

  it("uses exactly one uniform per pick", () => {
    const s = counting("test/draws/pickWeighted/one");
    for (let i = 0; i < 50; i++) pickWeighted(s, [1, 2, 3]);
    expect(s.drawn).toBe(50);
  });
});

describe("drawMinutes (FORMAT.md: draws are rounded up to whole minutes, at least 1)", () => {
  it("rounds a real draw up to the next whole minute", () => {
    expect(drawMinutes(scripted([0.5]), { kind: "uniform", min: 60, max: 61 })).toBe(61); // 60.5
    expect(drawMinutes(scripted([0]), { kind: "uniform", min: 60, max: 120 })).toBe(60); // exactly 60
    expect(drawMinutes(scripted([0.25]), { kind: "uniform", min: 0, max: 10 })).toBe(3); // 2.5
    expect(drawMinutes(scripted([1 - Math.exp(-0.015)]), { kind: "exp", mean: 100 })).toBe(2); // ≈ 1.5
  });

  it("never returns less than 1 minute, even for a zero or tiny draw", () => {
    expect(drawMinutes(scripted([0]), { kind: "exp", mean: 90 })).toBe(1);
    expect(drawMinutes(scripted([1e-9]), { kind: "exp", mean: 90 })).toBe(1);
    expect(drawMinutes(scripted([0]), { kind: "uniform", min: 0, max: 1 })).toBe(1);
    expect(drawMinutes(scripted([0, 0.5]), { kind: "lognormal", median: 1, sigma: 3 })).toBe(1);
    expect(drawMinutes(scripted([]), { kind: "fixed", value: 0 })).toBe(1);
  });

  it("is always a whole number ≥ 1 over many draws of every kind", () => {
    const s = createStream(1, 0, "test/draws/drawMinutes/whole");
    const dists: Distribution[] = [
      { kind: "exp", mean: 3 },
      { kind: "lognormal", median: 2, sigma: 1.5 },
      { kind: "uniform", min: 0, max: 5 },
    ];
    for (const d of dists) {
      for (let i = 0; i < 20_000; i++) {
        const m = drawMinutes(s, d);
        if (!(Number.isInteger(m) && m >= 1)) throw new Error(`${d.kind} drew ${m}`);
      }
    }
  });

  it("a fixed distribution returns its value and draws nothing (common random numbers, §R3)", () => {
    const s = scripted([]);
    expect(drawMinutes(s, { kind: "fixed", value: 1440 })).toBe(1440);
    expect(s.drawn).toBe(0);
  });

  it("§R3: exp and uniform use one uniform per draw, lognormal two", () => {
    const cases: [Distribution, number][] = [
      [{ kind: "exp", mean: 90 }, 1],
      [{ kind: "uniform", min: 60, max: 240 }, 1],
      [{ kind: "lognormal", median: 360, sigma: 1 }, 2],
    ];
    for (const [d, per] of cases) {
      const s = counting(`test/draws/drawMinutes/count/${d.kind}`);
      for (let i = 0; i < 10; i++) drawMinutes(s, d);
      expect(s.drawn).toBe(10 * per);
    }
  });

  it("averages the distribution's mean over many draws (exp, lognormal, uniform; within 3 %)", () => {
    const dists: Distribution[] = [
      { kind: "exp", mean: 129_600 }, // exp(90d)
      { kind: "lognormal", median: 360, sigma: 1 }, // lognormal(6h, 1.0)
      { kind: "uniform", min: 60, max: 240 }, // uniform(1h, 4h)
    ];
    for (const d of dists) {
      const s = createStream(1, 0, `test/draws/drawMinutes/mean/${d.kind}`);
      const mean = sampleMean(N, () => drawMinutes(s, d));
      expect(Math.abs(mean / distributionMean(d) - 1)).toBeLessThan(0.03);
    }
  });

  it("rounding up adds about half a minute to the mean: uniform(1h, 4h) averages 150.5 (±0.5)", () => {
    const s = createStream(1, 0, "test/draws/drawMinutes/rounding");
    const mean = sampleMean(N, () => drawMinutes(s, { kind: "uniform", min: 60, max: 240 }));
    expect(mean).toBeGreaterThan(150);
    expect(mean).toBeLessThan(151);
  });

  it("uniform(min, max) draws stay within [min, max] after rounding up (whole-minute bounds)", () => {
    const s = createStream(1, 0, "test/draws/drawMinutes/uniform-bounds");
    const seen = new Set<number>();
    for (let i = 0; i < 50_000; i++) {
      const m = drawMinutes(s, { kind: "uniform", min: 60, max: 64 });
      if (m < 60 || m > 64) throw new Error(`drew ${m}`);
      seen.add(m);
    }
    expect(seen.has(64)).toBe(true);
  });
});

describe("distributionMean", () => {
  it("is value, mean, median · e^{σ²/2} and (min + max) / 2", () => {
    expect(distributionMean({ kind: "fixed", value: 7 })).toBe(7);
    expect(distributionMean({ kind: "exp", mean: 90 })).toBe(90);
    expect(distributionMean({ kind: "lognormal", median: 360, sigma: 1 })).toBeCloseTo(360 * Math.exp(0.5), 9);
    expect(distributionMean({ kind: "uniform", min: 60, max: 240 })).toBe(150);
  });
});
