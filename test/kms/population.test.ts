// Population changes (MODEL.md §C8), CMIDs (§C7) and Office installs riding on their machine (§O1).
import { describe, expect, test } from "vitest";
import { LicenseState, Pool, ResultCode } from "../../src/kms/facts.js";
import { group, host, world } from "../support/worlds.js";
import { DAY, attemptsOf, requestsOf, run, statesOf, timers } from "./model-helpers.js";

const { NONE, OOB_GRACE, LICENSED, NOTIFICATION } = LicenseState;
const SERVER = "Windows Server 2022 Standard";
const down = (start: number, end: number) => [{ kind: "window" as const, start, end }];

describe("§C8 joins and retirements", () => {
  test("§C8: member i of n joins at at + floor(i × over / n)", () => {
    // 7 members over 100 from 10: 10 + floor(100 i / 7) = 10, 24, 38, 52, 67, 81, 95.
    const r = run(world({ durationMin: 200, clients: [group("desk", 7, { join: { at: 10, over: 100 } })] }));
    expect(r.of("joined").map((f) => [f.client, f.at])).toEqual([
      [0, 10], [1, 24], [2, 38], [3, 52], [4, 67], [5, 81], [6, 95],
    ]);
    // Each starts in oob_grace at its join and attempts at once (§C3).
    expect(r.of("request").map((f) => f.at).slice(0, 7)).toEqual([10, 24, 38, 52, 67, 81, 95]);
  });

  test("§C8: a retirement takes the lowest-indexed members not yet retired; a member retired before it joined never joins", () => {
    // 10 members join at 100 + 100 i. Retirements (listed out of time order) {450, 3} and {50, 2}: at
    // 50 members 0, 1 (not joined yet → never join); at 450 members 2, 3 (joined at 300, 400) and 4
    // (due at 500 → never joins).
    const w = world({
      durationMin: 1200,
      clients: [group("desk", 10, { join: { at: 100, over: 1000 }, retire: [{ at: 450, count: 3 }, { at: 50, count: 2 }] })],
    });
    const r = run(w);
    expect(r.of("joined").map((f) => [f.client, f.at])).toEqual([
      [2, 300], [3, 400], [5, 600], [6, 700], [7, 800], [8, 900], [9, 1000],
    ]);
    expect(r.of("retired").map((f) => [f.client, f.at, f.from])).toEqual([
      [2, 450, OOB_GRACE],
      [3, 450, OOB_GRACE],
    ]);
    for (const c of [0, 1, 4]) expect(r.facts.some((f) => "client" in f && f.client === c)).toBe(false);
    // Retired clients stop contacting hosts and leave every state count.
    expect(r.requests((f) => (f.client === 2 || f.client === 3) && f.at >= 450)).toBe(0);
    expect(r.statesAt(1199).has(2)).toBe(false);
    expect(r.statesAt(1199).size).toBe(5);
  });

  test("§C8 §T2: a member joining and retired in the same minute joins first, then retires, and never attempts", () => {
    const r = run(world({ durationMin: 300, clients: [group("desk", 2, { join: { at: 100, over: 0 }, retire: [{ at: 100, count: 1 }] })] }));
    expect(r.facts.filter((f) => "client" in f && f.client === 0).map((f) => f.kind)).toEqual(["joined", "state", "retired"]);
    expect(r.requests((f) => f.client === 0)).toBe(0);
    expect(requestsOf(r, 1).map((f) => [f.at, f.count])).toEqual([[100, 1], [220, 1]]);
  });

  test("§C8 §O1: a machine's Office client joins and retires with it", () => {
    // Machine m: Windows client 2m, Office client 2m + 1. Machine 0 retires at 500.
    const w = world({
      durationMin: 1000,
      hosts: [host("kms1", { officeKeys: ["Office LTSC 2021"] })],
      clients: [group("od", 2, { office: "Office LTSC 2021", retire: [{ at: 500, count: 1 }] })],
    });
    const r = run(w);
    expect(r.of("joined").map((f) => f.client)).toEqual([0, 1, 2, 3]);
    expect(r.of("retired").map((f) => [f.client, f.at])).toEqual([[0, 500], [1, 500]]);
    expect(r.requests((f) => f.client <= 1 && f.at >= 500)).toBe(0);
  });
});

describe("§C7 CMIDs", () => {
  test("§C7: a clone group on its own is stuck at count 1", () => {
    const r = run(world({ durationMin: 3 * DAY, clients: [group("clones", 30, { cmid: "clone" })] }));
    expect(new Set(r.of("request").map((f) => f.cmid)).size).toBe(1);
    expect(r.of("request").every((f) => f.count === 1 && f.result === ResultCode.COUNT_TOO_LOW)).toBe(true);
    expect(r.of("count").map((f) => f.count)).toEqual([1]);
    expect(r.countInState(3 * DAY - 1, LICENSED)).toBe(0);
  });

  test("§C7: once the count is high enough, clones activate normally", () => {
    // 5 server clones (one CMID) then 4 unique servers: at 0 the clones see 1, the unique ones 2…5
    // (the 4th activates). At 120 the clones see 5 and activate; unique/0…2 too.
    const r = run(
      world({
        durationMin: 200,
        clients: [group("clones", 5, { edition: SERVER, cmid: "clone" }), group("unique", 4, { edition: SERVER })],
      }),
    );
    expect(r.of("request").filter((f) => f.at === 0).map((f) => f.count)).toEqual([1, 1, 1, 1, 1, 2, 3, 4, 5]);
    expect(r.of("request").filter((f) => f.at === 120).every((f) => f.count === 5 && f.result === ResultCode.SUCCESS)).toBe(true);
    expect(r.countInState(120, LICENSED)).toBe(9);
  });

  describe("non-persistent clients", () => {
    // Five non-persistent servers, offline over [1 000, 2 000): licensed by 120 (srv/4 at 0), then
    // re-imaged at the boot at 2 000.
    const npServers = (extra: Parameters<typeof group>[2] = {}) =>
      group("np", 5, { edition: SERVER, cmid: "non-persistent", offline: [{ start: 1000, end: 2000 }], ...extra });

    test("§C7: re-imaged at each boot after the join: new CMID, back to oob_grace (not a lapse), attempts at once", () => {
      // At 2 000 each gets a new CMID; the five old entries are still live (§H3), so they see 6…10.
      const r = run(world({ durationMin: 2100, clients: [npServers()] }));
      expect(statesOf(r, 0).map((f) => [f.at, f.from, f.to])).toEqual([
        [0, NONE, OOB_GRACE],
        [120, OOB_GRACE, LICENSED],
        [2000, LICENSED, OOB_GRACE],
        [2000, OOB_GRACE, LICENSED],
      ]);
      const at0 = r.of("request").filter((f) => f.at === 0);
      const at2000 = r.of("request").filter((f) => f.at === 2000);
      expect(at2000.map((f) => f.count)).toEqual([6, 7, 8, 9, 10]);
      const before = new Set(at0.map((f) => f.cmid));
      expect(new Set(at2000.map((f) => f.cmid)).size).toBe(5);
      expect(at2000.some((f) => before.has(f.cmid))).toBe(false);
      // No lapse: nobody left licensed for oot_grace or notification; joined only once.
      expect(r.of("state").some((f) => f.from === LICENSED && f.to !== OOB_GRACE)).toBe(false);
      expect(r.of("joined")).toHaveLength(5);
      // First activation is measured from the join: 2 h for np/0…3, 0 for np/4, re-image or not.
      expect(r.firstActivationHours()).toEqual([0, 2, 2, 2, 2]);
    });

    test("§C7: the fresh grace counts from the boot (Windows 11, never activated: notification at 2 000 + 43 200)", () => {
      const r = run(world({ durationMin: 32 * DAY, clients: [group("np", 3, { cmid: "non-persistent", offline: [{ start: 1000, end: 2000 }] })] }));
      expect(statesOf(r, 0).map((f) => [f.at, f.to])).toEqual([
        [0, OOB_GRACE],
        [45_200, NOTIFICATION],
      ]);
      expect(r.hostCountAt(0, 2000)).toBe(6);
    });

    test("§C7: an always-online non-persistent machine boots once, at its join (same CMID on every request)", () => {
      const r = run(world({ durationMin: 15 * DAY, clients: [group("np", 5, { edition: SERVER, cmid: "non-persistent" })] }));
      for (let c = 0; c < 5; c++) expect(new Set(requestsOf(r, c).map((f) => f.cmid)).size).toBe(1);
      expect(r.of("state").filter((f) => f.to === OOB_GRACE)).toHaveLength(5);
    });

    test("§C7 §C6.2: a re-imaged client keeps its host cache", () => {
      // kms1 (priority 0) down over [0, 500); kms2 (priority 10). Everyone activates on kms2 by 120 and
      // caches it. At the boot at 2 000 (kms1 up) the first and only request goes to the cached kms2.
      const w = world({
        durationMin: 2100,
        hosts: [host("kms1", { outages: down(0, 500) }), host("kms2", { srv: { priority: 10, weight: 0 } })],
        clients: [npServers()],
      });
      const r = run(w);
      const at2000 = r.of("request").filter((f) => f.at === 2000);
      expect(at2000.map((f) => [f.host, f.result])).toEqual(Array(5).fill([1, ResultCode.SUCCESS]));
    });

    test("§C7 §C1: a re-imaged client keeps its adopted timers", () => {
      // Host AI 60; the host is down over [1 500, 2 100). A lone Windows 11 np client adopted AI 60 at 0;
      // re-imaged at 2 000 its attempt gets no answer and it retries after 60 (2 060, still down), then 2 120.
      const w = world({
        durationMin: 2200,
        hosts: [host("kms1", { activationIntervalMin: 60, outages: down(1500, 2100) })],
        clients: [group("np", 1, { cmid: "non-persistent", offline: [{ start: 1000, end: 2000 }] })],
      });
      const r = run(w);
      expect(attemptsOf(r, 0).filter((f) => f.at >= 2000).map((f) => [f.at, f.result])).toEqual([
        [2000, ResultCode.NO_HOST],
        [2060, ResultCode.NO_HOST],
        [2120, ResultCode.COUNT_TOO_LOW],
        [2180, ResultCode.COUNT_TOO_LOW],
      ]);
    });

    test("§C7 §O1: the machine's Office client is re-imaged with it", () => {
      const w = world({
        durationMin: 2100,
        hosts: [host("kms1", { officeKeys: ["Office LTSC 2021"] })],
        clients: [npServers({ office: "Office LTSC 2021" })],
      });
      const r = run(w);
      const office = r.of("request").filter((f) => f.pool === Pool.OFFICE);
      const before = new Set(office.filter((f) => f.at < 2000).map((f) => f.cmid));
      const after = office.filter((f) => f.at === 2000);
      expect(after.map((f) => f.count)).toEqual([6, 7, 8, 9, 10]);
      expect(after.some((f) => before.has(f.cmid))).toBe(false);
      expect(r.of("state").filter((f) => f.at === 2000 && f.from === LICENSED && f.to === OOB_GRACE)).toHaveLength(10);
    });
  });
});

describe("§O1 Office installs", () => {
  test("§O1 §R2: an Office client is online whenever its machine is and uses the machine's kms setting", () => {
    // Office-hours machines pinned to kms2: both clients of each machine ask kms2 at 480 (Monday 08:00).
    const w = world({
      durationMin: DAY,
      hosts: [host("kms1", { officeKeys: ["Office LTSC 2021"] }), host("kms2", { officeKeys: ["Office LTSC 2021"] })],
      clients: [group("od", 2, { office: "Office LTSC 2021", online: { kind: "office-hours" }, kms: { kind: "pinned", host: "kms2" } })],
    });
    const r = run(w);
    const first = r.of("request").filter((f) => f.at === 480);
    expect(first.map((f) => [f.client, f.pool, f.host])).toEqual([
      [0, Pool.WINDOWS, 1],
      [1, Pool.OFFICE, 1],
      [2, Pool.WINDOWS, 1],
      [3, Pool.OFFICE, 1],
    ]);
    expect(r.requests((f) => f.at < 480 || f.host === 0)).toBe(0);
  });

  test("§O1 §C6.2: an Office install has its own host cache", () => {
    // kms1 (priority 0) has no Office key, kms2 (priority 10) has. RI 1 440. At 0 the Windows
    // clients count on kms1 (1…5); the Office clients get 0xC004F042 from kms1 and move on to kms2
    // (1…5). By 120 all are licensed: Windows caching kms1, Office caching kms2. Renewals at 1 440 /
    // 1 560 ask just the cached host: Windows → kms1, Office → kms2 (never kms1 first).
    const w = world({
      durationMin: 1600,
      timers: timers({ renewalIntervalMin: 1440 }),
      hosts: [host("kms1"), host("kms2", { officeKeys: ["Office LTSC 2021"], srv: { priority: 10, weight: 0 } })],
      clients: [group("od", 5, { edition: SERVER, office: "Office LTSC 2021" })],
    });
    const r = run(w);
    const renewals = r.of("request").filter((f) => f.at >= 1440);
    expect(renewals.length).toBe(10);
    for (const f of renewals) expect([f.pool, f.host, f.result]).toEqual([f.pool, f.pool === Pool.OFFICE ? 1 : 0, ResultCode.SUCCESS]);
  });

  test("§O1 §C7: a clone group shares one Office CMID, distinct from its Windows CMID", () => {
    const w = world({
      durationMin: 60,
      hosts: [host("kms1", { officeKeys: ["Office LTSC 2021"] })],
      clients: [group("clones", 6, { cmid: "clone", office: "Office LTSC 2021" })],
    });
    const r = run(w);
    const win = new Set(r.of("request").filter((f) => f.pool === Pool.WINDOWS).map((f) => f.cmid));
    const off = new Set(r.of("request").filter((f) => f.pool === Pool.OFFICE).map((f) => f.cmid));
    expect(win.size).toBe(1);
    expect(off.size).toBe(1);
    expect([...win][0]).not.toBe([...off][0]);
    expect(r.hostCountAt(0, 0, Pool.OFFICE)).toBe(1);
  });
});
