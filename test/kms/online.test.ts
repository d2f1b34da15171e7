// Online patterns (MODEL.md §R2) and what an offline client does about due attempts (§C3).
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { ResultCode } from "../../src/kms/facts.js";
import { inOfficeHours, inWindows, isOfficeMinute, mergeWindows, nextOfficeMinute, officeMinutesBetween } from "../../src/kms/online.js";
import { group, world } from "../support/worlds.js";
import { DAY, requestsOf, run } from "./model-helpers.js";

const SERVER = "Windows Server 2022 Standard";
const fixed = (value: number) => ({ kind: "fixed" as const, value });

describe("inOfficeHours", () => {
  test("§R2: Monday–Friday 08:00 ≤ time < 18:00 by calendar time (start on a Monday 00:00)", () => {
    expect(inOfficeHours(0, 479)).toBe(false);
    expect(inOfficeHours(0, 480)).toBe(true);
    expect(inOfficeHours(0, 1079)).toBe(true);
    expect(inOfficeHours(0, 1080)).toBe(false);
    expect(inOfficeHours(0, 4 * DAY + 600)).toBe(true); // Friday 10:00
    expect(inOfficeHours(0, 5 * DAY + 600)).toBe(false); // Saturday 10:00
    expect(inOfficeHours(0, 6 * DAY + 600)).toBe(false); // Sunday 10:00
    expect(inOfficeHours(0, 7 * DAY + 480)).toBe(true); // next Monday 08:00
  });

  test("§R2: the week offset shifts the calendar (start Sunday 23:00 → minute 540 is Monday 08:00)", () => {
    const sunday2300 = 6 * DAY + 23 * 60;
    expect(inOfficeHours(sunday2300, 539)).toBe(false);
    expect(inOfficeHours(sunday2300, 540)).toBe(true);
  });
});

describe("§R2 §C3 office hours in a run", () => {
  test("§R2 §C3: a client joining at 0 (Monday 00:00) first tries at 08:00 (minute 480); retries wait for the next working day; nothing at weekends", () => {
    // A lone Windows 11 client fails every attempt. Each working day d: 1 440 d + 480, +600, +720,
    // +840, +960; the retry due at 18:00 waits until 08:00 of the next working day (Friday's until Monday).
    const r = run(world({ durationMin: 14 * DAY, clients: [group("desk", 1, { online: { kind: "office-hours" } })] }));
    const days = [0, 1, 2, 3, 4, 7, 8, 9, 10, 11];
    const expected = days.flatMap((d) => [0, 1, 2, 3, 4].map((k) => d * DAY + 480 + 120 * k));
    expect(r.of("request").map((f) => f.at)).toEqual(expected);
  });

  test("§R2: a scenario starting on a Saturday first sees office hours on Monday 08:00", () => {
    const r = run(
      world({ durationMin: 3 * DAY, startWeekOffsetMin: 5 * DAY, clients: [group("desk", 1, { online: { kind: "office-hours" } })] }),
    );
    expect(r.of("request")[0].at).toBe(2 * DAY + 480);
  });
});

describe("§R2 intermittent machines", () => {
  test("§R2 §C3: on/off periods start with an on period at the join; due attempts wait for the next on period", () => {
    // intermittent(100, 200) (fixed): online [0, 100), [300, 400), [600, 700) …; a failing client
    // tries at 0, its retry due at 120 waits until 300, the one due at 420 until 600, …
    const r = run(
      world({ durationMin: 1000, clients: [group("desk", 1, { online: { kind: "intermittent", on: fixed(100), off: fixed(200) } })] }),
    );
    expect(r.of("request").map((f) => f.at)).toEqual([0, 300, 600, 900]);
  });

  test("§R2: the pattern is per machine and starts at its own join (join at 50: online [50, 150), [350, 450) …)", () => {
    const r = run(
      world({
        durationMin: 1000,
        clients: [group("desk", 1, { join: { at: 50, over: 0 }, online: { kind: "intermittent", on: fixed(100), off: fixed(200) } })],
      }),
    );
    expect(r.of("request").map((f) => f.at)).toEqual([50, 350, 650, 950]);
  });

  test("§R2: an attempt that falls due inside an on period happens on time", () => {
    // intermittent(500, 100): online [0, 500), [600, 1 100) …: attempts 0, 120, 240, 360, 480, then
    // 600 is due at 600 (just online again), 720, 840, 960, 1 080.
    const r = run(
      world({ durationMin: 1100, clients: [group("desk", 1, { online: { kind: "intermittent", on: fixed(500), off: fixed(100) } })] }),
    );
    expect(r.of("request").map((f) => f.at)).toEqual([0, 120, 240, 360, 480, 600, 720, 840, 960, 1080]);
  });
});

describe("§R2 explicit offline windows", () => {
  test("§R2 §C3: an offline window [100, 300) defers the retry due at 120 to 300", () => {
    const r = run(world({ durationMin: 500, clients: [group("desk", 1, { offline: [{ start: 100, end: 300 }] })] }));
    expect(r.of("request").map((f) => f.at)).toEqual([0, 300, 420]);
  });

  test("§R2 §C3: a group joining inside its offline window first tries when the window ends", () => {
    const r = run(world({ durationMin: 1100, clients: [group("desk", 1, { offline: [{ start: 0, end: 1000 }] })] }));
    expect(r.of("request").map((f) => f.at)).toEqual([1000]);
  });

  test("§R2 §C3: renewals due while offline happen when the machine is back, in file order", () => {
    // Five servers: srv/4 due at 10 080, srv/0…3 at 10 200, all offline over [10 000, 10 500): all
    // renew at 10 500 in file order, each seeing 5.
    const r = run(
      world({ durationMin: 10_600, clients: [group("srv", 5, { edition: SERVER, offline: [{ start: 10_000, end: 10_500 }] })] }),
    );
    const late = r.of("request").filter((f) => f.at >= 10_000);
    expect(late.map((f) => [f.at, f.client, f.count, f.result])).toEqual(
      [0, 1, 2, 3, 4].map((c) => [10_500, c, 5, ResultCode.SUCCESS]),
    );
  });

  test("§R2: an offline window overrides office hours (a Monday off: no attempt until Tuesday 08:00)", () => {
    const r = run(
      world({
        durationMin: 2 * DAY,
        clients: [group("desk", 1, { online: { kind: "office-hours" }, offline: [{ start: 0, end: DAY }] })],
      }),
    );
    expect(requestsOf(r, 0)[0].at).toBe(DAY + 480);
  });
});

describe("closed forms of office hours (lazy patterns, docs/performance.md)", () => {
  const offsets = [0, 1, 479.5, 2932, 7199.25, 10_079, 10_079.9];

  test("officeMinutesBetween(a, b) counts the minutes of [a, b) that inOfficeHours says are office hours", () => {
    for (const off of offsets) {
      let brute = 0;
      for (let t = 0; t < 3 * 10_080; t++) {
        if (t % 97 === 0 || t % 1440 === 479 || t % 1440 === 1081) {
          expect(officeMinutesBetween(off, 0, t), `offset ${off}, t ${t}`).toBe(brute);
          expect(officeMinutesBetween(off, 1000, t + 1000) + officeMinutesBetween(off, 0, 1000)).toBe(officeMinutesBetween(off, 0, t + 1000));
        }
        if (inOfficeHours(off, t)) brute++;
      }
    }
  });

  test("isOfficeMinute(o, t) answers as inOfficeHours(o, t) for a whole offset and every whole minute t", () => {
    for (const off of offsets.filter(Number.isInteger)) {
      for (let t = 0; t < 2 * 10_080; t++) expect(isOfficeMinute(off, t), `offset ${off}, t ${t}`).toBe(inOfficeHours(off, t));
    }
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_079 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (off, t) => {
        expect(isOfficeMinute(off, t)).toBe(inOfficeHours(off, t));
      }),
      { numRuns: 2000 },
    );
  });

  test("nextOfficeMinute(t) is the first minute ≥ t in office hours", () => {
    for (const off of offsets) {
      for (let t = 0; t < 2 * 10_080; t += 7) {
        let expected = t;
        while (!inOfficeHours(off, expected)) expected++;
        expect(nextOfficeMinute(off, t), `offset ${off}, t ${t}`).toBe(expected);
      }
    }
  });

  test("mergeWindows keeps the same minutes, sorted and disjoint", () => {
    const windows = [
      { start: 50, end: 60 },
      { start: 10, end: 20 },
      { start: 15, end: 30 },
      { start: 30, end: 35 },
      { start: 70, end: 70 },
    ];
    const merged = mergeWindows(windows);
    expect(merged).toEqual([
      { start: 10, end: 35 },
      { start: 50, end: 60 },
    ]);
    for (let t = 0; t < 80; t++) expect(inWindows(merged, t)).toBe(inWindows(windows, t));
  });
});
