import { describe, expect, it } from "vitest";
import { percentileR7, summarize, t975, tQuantile } from "../../src/report/stats.js";

describe("percentileR7 (FORMAT.md summary.csv: R-7 / numpy / PERCENTILE.INC)", () => {
  it("interpolates linearly between order statistics, like numpy.percentile", () => {
    const hours = [0, 4, 4, 4, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 26, 28, 30, 32, 34, 36, 38, 40, 42, 44, 46];
    expect(percentileR7(hours, 0.5)).toBe(20);
    expect(percentileR7(hours, 0.95)).toBeCloseTo(43.6, 12); // join-over-two-days
    expect(percentileR7([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentileR7([1, 2, 3, 4], 0.95)).toBeCloseTo(3.85, 12);
    expect(percentileR7([7], 0.95)).toBe(7);
    expect(percentileR7([1, 10], 0)).toBe(1);
    expect(percentileR7([1, 10], 1)).toBe(10);
  });
  it("works on typed arrays and rejects an empty list or p outside [0, 1]", () => {
    expect(percentileR7(Int32Array.of(120, 600), 0.5)).toBe(360);
    expect(() => percentileR7([], 0.5)).toThrow(RangeError);
    expect(() => percentileR7([1], 1.5)).toThrow(RangeError);
  });
});

describe("Student t 0.975 quantile (FORMAT.md comparison.csv: t-based 95 % interval)", () => {
  it.each([
    [1, 12.7062047362],
    [2, 4.30265272975],
    [3, 3.18244630528],
    [4, 2.7764451052],
    [5, 2.57058183564],
    [9, 2.26215716274],
    [19, 2.09302405441],
    [29, 2.04522964213],
    [30, 2.04227245630],
    [100, 1.98397151845],
    [1000, 1.96233908082],
    [9999, 1.96020126],
  ])("t(0.975, %i dof) = %f", (dof, t) => {
    expect(t975(dof)).toBeCloseTo(t, 6);
  });
  it("matches the textbook 3-decimal values 12.706, 4.303, 2.262, 2.093, 1.984", () => {
    expect([1, 2, 9, 19, 100].map((d) => t975(d).toFixed(3))).toEqual(["12.706", "4.303", "2.262", "2.093", "1.984"]);
  });
  it("gives other quantiles too, and 0 at the median", () => {
    expect(tQuantile(0.95, 10)).toBeCloseTo(1.81246112281, 8);
    expect(tQuantile(0.995, 5)).toBeCloseTo(4.03214298356, 8);
    expect(tQuantile(0.5, 7)).toBe(0);
  });
});

describe("summarize (FORMAT.md comparison.csv)", () => {
  it("gives mean, sd (n − 1), t-based 95 % interval, min, max and n", () => {
    const s = summarize([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(s.n).toBe(8);
    expect(s.mean).toBe(5);
    expect(s.sd).toBeCloseTo(2.13808993529940, 12);
    const half = (2.36462425159 * 2.1380899352994) / Math.sqrt(8);
    expect(s.ci95Low).toBeCloseTo(5 - half, 8);
    expect(s.ci95High).toBeCloseTo(5 + half, 8);
    expect([s.min, s.max]).toEqual([2, 9]);
  });
  it("with n < 2 leaves sd and the interval empty (null); with n = 0 everything but n", () => {
    expect(summarize([3])).toEqual({ mean: 3, sd: null, ci95Low: null, ci95High: null, min: 3, max: 3, n: 1 });
    expect(summarize([])).toEqual({ mean: null, sd: null, ci95Low: null, ci95High: null, min: null, max: null, n: 0 });
  });
  it("equal values give exactly that mean and sd 0", () => {
    expect(summarize([0.1, 0.1, 0.1])).toMatchObject({ mean: 0.1, sd: 0, ci95Low: 0.1, ci95High: 0.1 });
  });
});
