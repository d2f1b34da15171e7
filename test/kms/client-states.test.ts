// Client licence states and timers (MODEL.md §C2–§C5, §C3's renewal jitter): expected facts are
// derived by hand from the rules, in the comment above each test.
import { describe, expect, test } from "vitest";
import { LicenseState, ResultCode } from "../../src/kms/facts.js";
import { group, host, world } from "../support/worlds.js";
import { DAY, attemptsOf, requestsOf, run, statesOf, timers } from "./model-helpers.js";

const { NONE, OOB_GRACE, LICENSED, OOT_GRACE, NOTIFICATION } = LicenseState;
const SERVER = "Windows Server 2022 Standard";

describe("§C4 license states", () => {
  test("§C4: a client never activated leaves oob_grace for notification 30 days after its join", () => {
    // One Windows 11 client (count 1 < 25 forever), joined at 0: oob_grace over [0, 43 200).
    const r = run(world({ durationMin: 31 * DAY, clients: [group("desk", 1)] }));
    expect(statesOf(r, 0).map((f) => [f.at, f.from, f.to])).toEqual([
      [0, NONE, OOB_GRACE],
      [43_200, OOB_GRACE, NOTIFICATION],
    ]);
    // §C4: it keeps trying every AI in notification.
    const after = requestsOf(r, 0).filter((f) => f.at >= 43_200).map((f) => f.at);
    expect(after.slice(0, 3)).toEqual([43_200, 43_320, 43_440]);
  });

  test("§C4: the initial grace counts from the join minute (join at 500, oobGrace 1 000 → notification at 1 500)", () => {
    const r = run(
      world({ durationMin: 2000, timers: timers({ oobGraceMin: 1000 }), clients: [group("desk", 1, { join: { at: 500, over: 0 } })] }),
    );
    expect(statesOf(r, 0).map((f) => [f.at, f.to])).toEqual([
      [500, OOB_GRACE],
      [1500, NOTIFICATION],
    ]);
  });

  test("§C4: with oobGrace 0 a new client starts in notification, and a success is not a lapse", () => {
    // Five servers: srv/0…3 start in notification and stay there until 120; srv/4 activates at 0.
    const r = run(world({ durationMin: 300, timers: timers({ oobGraceMin: 0 }), clients: [group("srv", 5, { edition: SERVER })] }));
    expect(statesOf(r, 4).map((f) => [f.at, f.from, f.to])).toEqual([
      [0, NONE, NOTIFICATION],
      [0, NOTIFICATION, LICENSED],
    ]);
    expect(statesOf(r, 0).map((f) => [f.at, f.from, f.to])).toEqual([
      [0, NONE, NOTIFICATION],
      [120, NOTIFICATION, LICENSED],
    ]);
    expect(r.countInState(0, NOTIFICATION)).toBe(4);
  });

  test("§C4 §C2 §H3 §C8: a retired population's count decays, renewals fail, clients lapse 180 d after their last success, oot_grace 30 d, then notification", () => {
    // 30 Windows 11 clients. Minute 0: desk/0…23 see 1…24 (fail), desk/24…29 see 25…30 (licensed);
    // 120: desk/0…23 see 30 (licensed). Renewals every 10 080: desk/24…29 at 10 080 k, desk/0…23 at
    // 120 + 10 080 k. Day 20 (28 800): the 25 lowest-indexed (desk/0…24) retire; their last
    // requests were 20 160 (desk/24) and 20 280 (desk/0…23), so their entries drop at 63 360 and
    // 63 480 (§H3). desk/25…29 renew successfully at 30 240 … 60 480 (count 30), then at 70 560 see
    // only themselves: 5 < 25 → 0xC004F038, every 120 from then on; they stay licensed (§C5) until
    // 60 480 + 259 200 = 319 680 (§C2), lapse to oot_grace there, and reach notification at
    // 319 680 + 43 200 = 362 880.
    const w = world({ durationMin: 253 * DAY, clients: [group("desk", 30, { retire: [{ at: 20 * DAY, count: 25 }] })] });
    const r = run(w);
    expect(r.hostCountAt(0, 63_359)).toBe(30);
    expect(r.hostCountAt(0, 63_360)).toBe(29);
    expect(r.hostCountAt(0, 63_480)).toBe(5);
    expect(r.of("request").filter((f) => f.at === 60_480).map((f) => [f.count, f.result])).toEqual(Array(5).fill([30, ResultCode.SUCCESS]));
    expect(r.of("request").filter((f) => f.at === 70_560).map((f) => [f.count, f.result])).toEqual(Array(5).fill([5, ResultCode.COUNT_TOO_LOW]));
    for (let i = 25; i < 30; i++) {
      const successes = attemptsOf(r, i).filter((f) => f.result === ResultCode.SUCCESS);
      expect(successes.at(-1)?.at).toBe(60_480);
      expect(statesOf(r, i).filter((f) => f.at > 0).map((f) => [f.at, f.from, f.to])).toEqual([
        [319_680, LICENSED, OOT_GRACE],
        [362_880, OOT_GRACE, NOTIFICATION],
      ]);
    }
    expect(r.countInState(319_679, LICENSED)).toBe(5);
    expect(r.countInState(319_680, OOT_GRACE)).toBe(5);
    expect(r.countInState(362_879, OOT_GRACE)).toBe(5);
    expect(r.countInState(362_880, NOTIFICATION)).toBe(5);
    // Still trying every AI in notification.
    expect(requestsOf(r, 25).filter((f) => f.at >= 362_880).map((f) => f.at).slice(0, 2)).toEqual([362_880, 363_000]);
  });

  test("§C4: with ootGrace 0 a lapse goes straight from licensed to notification", () => {
    // Servers, validity 1 000, RI 2 000: srv/4 licensed at 0 lapses at 1 000 to notification, renews at 2 000.
    const r = run(
      world({
        durationMin: 2100,
        timers: timers({ validityMin: 1000, renewalIntervalMin: 2000, ootGraceMin: 0 }),
        clients: [group("srv", 5, { edition: SERVER })],
      }),
    );
    expect(statesOf(r, 4).map((f) => [f.at, f.from, f.to])).toEqual([
      [0, NONE, OOB_GRACE],
      [0, OOB_GRACE, LICENSED],
      [1000, LICENSED, NOTIFICATION],
      [2000, NOTIFICATION, LICENSED],
    ]);
  });
});

describe("§C2 validity", () => {
  test("§C2: each success slides the validity window — renewals every 2 000 with validity 3 000 never lapse", () => {
    const r = run(
      world({
        durationMin: 10_000,
        timers: timers({ validityMin: 3000, renewalIntervalMin: 2000 }),
        clients: [group("srv", 5, { edition: SERVER })],
      }),
    );
    expect(r.of("state").filter((f) => f.from === LICENSED)).toHaveLength(0);
    expect(requestsOf(r, 4).map((f) => f.at)).toEqual([0, 2000, 4000, 6000, 8000]);
  });

  test("§C2: licensed until s + validity, not one minute more — RI 4 000 > validity 3 000 lapses at 3 000, relicensed at 4 000", () => {
    // srv/4: success 0 → lapse 3 000 → success 4 000 → lapse 7 000 → success 8 000.
    // srv/0…3: success 120 → lapse 3 120 → success 4 120 → lapse 7 120 → success 8 120.
    const r = run(
      world({
        durationMin: 9000,
        timers: timers({ validityMin: 3000, renewalIntervalMin: 4000 }),
        clients: [group("srv", 5, { edition: SERVER })],
      }),
    );
    expect(statesOf(r, 4).map((f) => [f.at, f.to])).toEqual([
      [0, OOB_GRACE],
      [0, LICENSED],
      [3000, OOT_GRACE],
      [4000, LICENSED],
      [7000, OOT_GRACE],
      [8000, LICENSED],
    ]);
    expect(statesOf(r, 0).map((f) => [f.at, f.to])).toEqual([
      [0, OOB_GRACE],
      [120, LICENSED],
      [3120, OOT_GRACE],
      [4120, LICENSED],
      [7120, OOT_GRACE],
      [8120, LICENSED],
    ]);
  });
});

describe("§C3 §C5 when a client tries", () => {
  test("§C3: after a failure the client retries every AI until it succeeds", () => {
    // Windows 11 group of 24 + one late member joining at 1 000: desk/0…23 fail every 120 from 0
    // (counts 1…24, refreshed: 24) until 1 080, the first retry after the 25th CMID arrived at 1 000.
    const w = world({ durationMin: 1200, clients: [group("desk", 24), group("late", 1, { join: { at: 1000, over: 0 } })] });
    const r = run(w);
    expect(attemptsOf(r, 0).map((f) => [f.at, f.result])).toEqual([
      ...Array.from({ length: 9 }, (_, k) => [120 * k, ResultCode.COUNT_TOO_LOW]),
      [1080, ResultCode.SUCCESS],
    ]);
    expect(requestsOf(r, 24).map((f) => [f.at, f.count, f.result])).toEqual([[1000, 25, ResultCode.SUCCESS]]);
  });

  test("§C5: a licensed client answered 0xC004F038 stays licensed", () => {
    // 25 Windows 11 clients; desk/24 is licensed at 0 (count 25). A rebuild at 5 000 empties the
    // table (§H5), so desk/24's renewal at 10 080 sees 1, fails 0xC004F038, and it stays licensed.
    const w = world({ durationMin: 10_200, hosts: [host("kms1", { rebuilds: [5000] })], clients: [group("desk", 25)] });
    const r = run(w);
    expect(requestsOf(r, 24).map((f) => [f.at, f.count, f.result])).toEqual([
      [0, 25, ResultCode.SUCCESS],
      [10_080, 1, ResultCode.COUNT_TOO_LOW],
    ]);
    expect(statesOf(r, 24).map((f) => f.to)).toEqual([OOB_GRACE, LICENSED]);
  });

  test("§C3: renewals happen at success + RI + a jitter drawn from 0 … renewalJitter (inclusive)", () => {
    // 30 Windows 11 clients all licensed by 120 (counts ≥ 25 throughout: every entry is refreshed
    // within 30 days). With renewalJitter 60 every gap between two successes is 10 080 … 10 140.
    const jitter = 60;
    const w = world({ durationMin: 60 * DAY, timers: timers({ renewalJitterMin: jitter }), clients: [group("desk", 30)] });
    const r = run(w);
    const gaps: number[] = [];
    for (let c = 0; c < 30; c++) {
      const ok = attemptsOf(r, c).filter((f) => f.result === ResultCode.SUCCESS).map((f) => f.at);
      expect(attemptsOf(r, c).filter((f) => f.at > 120).every((f) => f.result === ResultCode.SUCCESS)).toBe(true);
      for (let i = 1; i < ok.length; i++) gaps.push(ok[i] - ok[i - 1]);
    }
    expect(gaps.length).toBeGreaterThan(150);
    expect(gaps.every((g) => g >= 10_080 && g <= 10_080 + jitter)).toBe(true);
    // Uniform over 61 values: 150+ draws that are not all equal (P(all equal) = 61^-149).
    expect(new Set(gaps).size).toBeGreaterThan(20);
  });

  test("§C3: with renewalJitter 0 (default) renewals are exactly RI apart", () => {
    const r = run(world({ durationMin: 30 * DAY, clients: [group("desk", 25)] }));
    expect(requestsOf(r, 24).map((f) => f.at)).toEqual([0, 10_080, 20_160, 30_240, 40_320]);
    expect(requestsOf(r, 0).map((f) => f.at)).toEqual([0, 120, 10_200, 20_280, 30_360, 40_440]);
  });
});
