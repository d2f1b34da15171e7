// The run chart's time axis: ticks chosen by kmsim, one ISO-ordered date format per axis.
import { describe, expect, it } from "vitest";
import { timeAxis } from "../../../src/report/run-chart/time-axis.js";

const T0 = Date.UTC(2027, 0, 4); // Monday 4 January 2027
const H = 3_600_000;
const D = 24 * H;
const iso = (t: number): string => new Date(t).toISOString();

describe("timeAxis(t0, t1)", () => {
  it("a day: hourly ticks with date and time", () => {
    const a = timeAxis(T0, T0 + D);
    expect(a.format).toBe("%Y-%m-%d %H:%M");
    expect(a.values.map(iso)).toEqual([0, 6, 12, 18, 24].map((h) => iso(T0 + h * H)));
  });

  it("90 days: dates at fortnights from the first midnight, at most 11 of them", () => {
    const a = timeAxis(T0, T0 + 90 * D);
    expect(a.format).toBe("%Y-%m-%d");
    expect(a.values.length).toBeLessThanOrEqual(11);
    expect(a.values[0]).toBe(T0);
    expect(a.values[1] - a.values[0]).toBe(14 * D);
  });

  it("a year: the first of each month, as year-month", () => {
    const a = timeAxis(T0, T0 + 365 * D);
    expect(a.format).toBe("%Y-%m");
    expect(a.values.map(iso)).toEqual(
      Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2027, 1 + i, 1)).toISOString()),
    );
  });

  it("a century: years only", () => {
    const a = timeAxis(T0, T0 + 100 * 365 * D);
    expect(a.format).toBe("%Y");
    expect(a.values.length).toBeLessThanOrEqual(12);
    for (const t of a.values) expect(new Date(t).getUTCMonth()).toBe(0);
  });

  it("never puts a tick outside [t0, t1], also for a start that is not midnight", () => {
    const t0 = T0 + 7 * H + 13 * 60_000;
    for (const span of [30 * 60_000, 5 * H, 3 * D, 40 * D, 700 * D, 30 * 365 * D]) {
      const a = timeAxis(t0, t0 + span);
      for (const t of a.values) {
        expect(t).toBeGreaterThanOrEqual(t0);
        expect(t).toBeLessThanOrEqual(t0 + span);
      }
    }
  });
});
