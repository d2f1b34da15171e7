// The chart's bounded summary of availability.csv (issue 9 item 2): per entity the exact number of
// intervals and minutes down, and the periods as the lanes draw them — each widened to a pixel,
// merged where they touch. It must draw exactly what the lanes drew from the whole list of
// intervals (lanes.ts drawnPeriods), in any order the intervals come, and hold no more periods
// than the plot has pixels.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DownInterval } from "../../src/report/availability.js";
import { DowntimeAccumulator, pixelMinutes, summarizeIntervals } from "../../src/report/availability-summary.js";
import { MAX_LANES, buildLanes, drawnPeriods, formatDuration } from "../../src/report/run-chart/lanes.js";

const flat = (periods: readonly { start: number; end: number }[]): number[] => periods.flatMap((p) => [p.start, p.end]);
const clip = (r: { start: number; end: number }, endMinute: number) => ({ start: Math.max(0, r.start), end: Math.min(endMinute, r.end) });

describe("DowntimeAccumulator", () => {
  const interval = fc.tuple(fc.integer({ min: 0, max: 12_000 }), fc.integer({ min: 1, max: 600 })).map(([start, len]) => ({ start, end: start + len }));

  it("draws exactly what drawnPeriods draws from the whole list, whatever the order; counts and minutes exact (property)", () => {
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 200 }), fc.integer({ min: 1, max: 900 }), fc.integer({ min: 1, max: 11_000 }), (list, widthPx, endMinute) => {
        const acc = new DowntimeAccumulator(endMinute, widthPx);
        for (const r of list) acc.add(r.start, r.end);
        const inside = list.map((r) => clip(r, endMinute)).filter((r) => r.end > r.start);
        expect(acc.drawn).toEqual(flat(drawnPeriods(inside, pixelMinutes(endMinute, widthPx), endMinute)));
        expect(acc.count).toBe(inside.length);
        expect(acc.downMin).toBe(inside.reduce((s, r) => s + r.end - r.start, 0));
      }),
      { numRuns: 400 },
    );
  });

  it("holds at most one period per pixel however many intervals come", () => {
    const acc = new DowntimeAccumulator(1_000_000, 820);
    for (let at = 0; at < 1_000_000; at += 7) acc.add(at, at + 2);
    expect(acc.count).toBe(Math.ceil(1_000_000 / 7));
    expect(acc.drawn.length / 2).toBeLessThanOrEqual(821);
  });
});

describe("the lanes drawn from the summary are the lanes drawn from every interval", () => {
  const ENTITIES = { hosts: [] as string[], links: [] as string[], dnsSites: [] as string[], hasOffice: false };

  it("one lane per entity: the drawn periods of all its intervals, its total from the exact count and downtime", () => {
    const endMinute = 525_600;
    const intervals: DownInterval[] = [];
    for (let at = 0; at < endMinute - 5; at += 13) intervals.push({ kind: "host", id: "flappy", start: at, end: at + 5 });
    intervals.push({ kind: "link", id: "wan", start: 100, end: 200 });
    const lanes = buildLanes(ENTITIES, summarizeIntervals(intervals, endMinute, 820), [], [], endMinute, 820);
    const flappy = intervals.filter((r) => r.id === "flappy");
    expect(lanes.labels).toEqual(["host flappy", "link wan"]);
    expect(lanes.totals).toEqual([`${flappy.length} outages, ${formatDuration(5 * flappy.length)} down`, "1 outage, 1.7 h down"]);
    expect(lanes.rects.filter((r) => r.lane === "host flappy").map(({ start, end }) => ({ start, end }))).toEqual(
      drawnPeriods(flappy, pixelMinutes(endMinute, 820), endMinute),
    );
  });

  it(`the "others" lane (above ${MAX_LANES} lanes) draws the drawn periods of all its entities' intervals at once`, () => {
    const endMinute = 100_000;
    const intervals: DownInterval[] = [];
    for (let e = 0; e < MAX_LANES + 5; e++) {
      // The first lanes have the most downtime and are kept; the last five share a lane.
      for (let at = e * 37; at < endMinute - 200; at += 997 + e) intervals.push({ kind: "host", id: `h${e}`, start: at, end: at + 100 - e });
    }
    const lanes = buildLanes(ENTITIES, summarizeIntervals(intervals, endMinute, 820), [], [], endMinute, 820);
    expect(lanes.labels.at(-1)).toBe("5 others");
    const dropped = intervals.filter((r) => Number(r.id.slice(1)) >= MAX_LANES);
    const downMin = dropped.reduce((s, r) => s + r.end - r.start, 0);
    expect(lanes.totals.at(-1)).toBe(`5 hosts, ${formatDuration(downMin)} down in all`);
    expect(lanes.rects.filter((r) => r.lane === "5 others").map(({ start, end }) => ({ start, end }))).toEqual(
      drawnPeriods(dropped, pixelMinutes(endMinute, 820), endMinute),
    );
  });

  it("refuses a summary drawn for another axis or width (it would draw wrong)", () => {
    const summary = summarizeIntervals([{ kind: "host", id: "a", start: 0, end: 10 }], 1000, 820);
    expect(() => buildLanes(ENTITIES, summary, [], [], 2000, 820)).toThrow(/drawn for 1000 min at 820 px/);
  });
});
