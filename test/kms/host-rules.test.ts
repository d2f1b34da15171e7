// Host rules (MODEL.md §H1–§H8) checked on small Worlds through the facts of a run. Every
// expected value is derived by hand from the rules in the comment above it. Clients are numbered
// as layout.ts does: machine m's Windows client is m (m × 2 and m × 2 + 1 when some group has Office).
import { describe, expect, test } from "vitest";
import { LicenseState, Pool, ResultCode } from "../../src/kms/facts.js";
import { DEFAULT_ASSUMPTIONS, type PatchSpec } from "../../src/kms/world.js";
import { group, host, world } from "../support/worlds.js";
import { DAY, attemptsOf, clientOf, requestsOf, run, timers } from "./model-helpers.js";

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe("§H1 count pools", () => {
  test("§H1 §C5: servers and clients share the Windows pool — a server's request lifts 24 desktops to 25", () => {
    // desk/0…23 (Windows 11, threshold 25) see 1…24 at minute 0 and fail 0xC004F038; srv/0
    // (Windows Server 2022, threshold 5) is the 25th CMID in the same pool and sees 25. At 120 the
    // desktops retry and each sees 25 (their entries are live, §H3): all activate.
    const w = world({
      durationMin: DAY,
      clients: [group("desk", 24), group("srv", 1, { edition: "Windows Server 2022 Standard" })],
    });
    const r = run(w);
    const at0 = r.of("request").filter((f) => f.at === 0);
    expect(at0.map((f) => f.count)).toEqual(range(1, 25));
    expect(at0.map((f) => f.result)).toEqual([...Array(24).fill(ResultCode.COUNT_TOO_LOW), ResultCode.SUCCESS]);
    expect(r.countInState(119, LicenseState.LICENSED)).toBe(1);
    expect(r.countInState(120, LicenseState.LICENSED)).toBe(25);
  });

  test("§H1 §O1 §H4: Office installs count in their own pool — 24 machines: 24 in windows, 10 (capped) in office", () => {
    // Windows clients see 1…24 in the windows pool (never 25: all fail). Office clients see 1…10 in
    // the office pool and then 10 (only Office, threshold 5, has asked that table: capacity 10, §H4):
    // office/0…3 fail at 0 (1…4) and succeed at 120 (10), office/4…23 succeed at 0.
    const w = world({
      durationMin: DAY,
      hosts: [host("kms1", { officeKeys: ["Office LTSC 2021"] })],
      clients: [group("od", 24, { office: "Office LTSC 2021" })],
    });
    const r = run(w);
    const at0 = r.of("request").filter((f) => f.at === 0);
    expect(at0.filter((f) => f.pool === Pool.WINDOWS).map((f) => f.count)).toEqual(range(1, 24));
    expect(at0.filter((f) => f.pool === Pool.OFFICE).map((f) => f.count)).toEqual([...range(1, 10), ...Array(14).fill(10)]);
    expect(r.hostCountAt(0, DAY - 1, Pool.WINDOWS)).toBe(24);
    expect(r.hostCountAt(0, DAY - 1, Pool.OFFICE)).toBe(10);
    const office = (c: number) => c % 2 === 1;
    const windows = (c: number) => c % 2 === 0;
    expect(r.countInState(0, LicenseState.LICENSED, office)).toBe(20);
    expect(r.countInState(120, LicenseState.LICENSED, office)).toBe(24);
    expect(r.countInState(DAY - 1, LicenseState.LICENSED, windows)).toBe(0);
  });

  test("§H1: tables are independent between hosts — 20 + 10 clients on two hosts never make 25", () => {
    const w = world({
      durationMin: DAY,
      hosts: [host("kms1"), host("kms2")],
      clients: [group("a", 20, { kms: { kind: "pinned", host: "kms1" } }), group("b", 10, { kms: { kind: "pinned", host: "kms2" } })],
    });
    const r = run(w);
    expect(Math.max(...r.of("count").filter((f) => f.host === 0).map((f) => f.count))).toBe(20);
    expect(Math.max(...r.of("count").filter((f) => f.host === 1).map((f) => f.count))).toBe(10);
    expect(r.requests((f) => f.result === ResultCode.SUCCESS)).toBe(0);
  });
});

describe("§H2 request handling", () => {
  test("§H2 §C5: the 24th Windows client sees 24 and fails, the 25th sees 25 and activates", () => {
    const r = run(world({ durationMin: 60, clients: [group("desk", 25)] }));
    const reqs = r.of("request");
    expect(reqs.map((f) => f.count)).toEqual(range(1, 25));
    expect(reqs[23].result).toBe(ResultCode.COUNT_TOO_LOW);
    expect(reqs[24].result).toBe(ResultCode.SUCCESS);
    expect(r.countInState(0, LicenseState.LICENSED)).toBe(1);
    expect(r.countInState(0, LicenseState.OOB_GRACE)).toBe(24);
  });

  test("§H2 §C5: the 4th server sees 4 and fails, the 5th sees 5 and activates", () => {
    const r = run(world({ durationMin: 60, clients: [group("srv", 5, { edition: "Windows Server 2022 Standard" })] }));
    const reqs = r.of("request");
    expect(reqs.map((f) => f.count)).toEqual([1, 2, 3, 4, 5]);
    expect(reqs[3].result).toBe(ResultCode.COUNT_TOO_LOW);
    expect(reqs[4].result).toBe(ResultCode.SUCCESS);
  });

  test("§H2 §H5: a down host gets the requests, answers none and its table stays untouched", () => {
    // kms1 down over [0, 1 000): the three clients' attempts at 0, 120, …, 960 get no answer (count
    // -1); the first answered attempt is 1 080 (= 9 × 120), seeing 1, 2, 3.
    const w = world({
      durationMin: 1200,
      hosts: [host("kms1", { outages: [{ kind: "window", start: 0, end: 1000 }] })],
      clients: [group("desk", 3)],
    });
    const r = run(w);
    const before = r.of("request").filter((f) => f.at < 1000);
    expect(before).toHaveLength(3 * 9);
    expect(before.every((f) => f.result === ResultCode.NO_ANSWER && f.count === -1)).toBe(true);
    expect(r.of("count").filter((f) => f.at < 1000)).toHaveLength(0);
    expect(r.of("request").filter((f) => f.at === 1080).map((f) => f.count)).toEqual([1, 2, 3]);
  });

  test("§H2 §H6: a 2019-CSVLK host answers Windows 11 with 0xC004F042 and does not count it", () => {
    // The 2019 CSVLK does not list Windows 11 (§H6, read literally): 30 Windows 11 requests are
    // rejected with no count; 25 Windows 10 clients listed after them still see 1…25, not 31…55.
    const w = world({
      durationMin: 300,
      hosts: [host("kms1", { os: "Windows Server 2019", csvlk: "Windows Server 2019" })],
      clients: [group("w11", 30), group("w10", 25, { edition: "Windows 10 Enterprise" })],
    });
    const r = run(w);
    const w11 = r.of("request").filter((f) => f.client < 30);
    expect(w11.length).toBeGreaterThan(0);
    expect(w11.every((f) => f.result === ResultCode.PRODUCT_NOT_SERVED && f.count === -1)).toBe(true);
    expect(r.of("attempt").filter((f) => f.client < 30).every((f) => f.result === ResultCode.PRODUCT_NOT_SERVED)).toBe(true);
    const w10 = r.of("request").filter((f) => f.client >= 30 && f.at === 0);
    expect(w10.map((f) => f.count)).toEqual(range(1, 25));
    expect(Math.max(...r.of("count").map((f) => f.count))).toBe(25);
    expect(r.countInState(299, LicenseState.LICENSED, (c) => c < 30)).toBe(0);
  });

  test("§H6 §C6.4: a rejected request is reported with ResultCode.PRODUCT_NOT_SERVED (0xC004F042) itself, not its int32 wrap", () => {
    // Regression: 0xC004F042 = 3 221 549 122 does not fit an Int32Array; stored in one it came back
    // as -1 073 418 174 and src/report's failed_0xC004F042 never matched it.
    const w = world({
      durationMin: 60,
      hosts: [host("kms1", { os: "Windows Server 2019", csvlk: "Windows Server 2019" })],
      clients: [group("w11", 1)],
    });
    const r = run(w);
    expect(r.of("request").map((f) => f.result)).toEqual([ResultCode.PRODUCT_NOT_SERVED]);
    expect(r.failed(ResultCode.PRODUCT_NOT_SERVED)).toBe(1);
  });

  test("§H2 §H4 assumptions.rejectedRequestsCounted: rejected CMIDs are counted, so a lone server activates", () => {
    // 2019 CSVLK host; srv/0 (Windows Server 2019, valid) asks first and sees 1 (capacity 10);
    // four Windows 11 requests are rejected (0xC004F042). Default: the table stays at 1 and srv/0
    // fails at every retry. With rejectedRequestsCounted they upsert their CMIDs: 2, 3, 4, 5; at 120
    // srv/0 refreshes and sees 5 ≥ 5 → activated.
    const make = (counted: boolean) =>
      world({
        durationMin: 300,
        assumptions: { ...DEFAULT_ASSUMPTIONS, rejectedRequestsCounted: counted },
        hosts: [host("kms1", { os: "Windows Server 2019", csvlk: "Windows Server 2019" })],
        clients: [group("srv", 1, { edition: "Windows Server 2019 Standard" }), group("w11", 4)],
      });
    const plain = run(make(false));
    expect(plain.hostCountAt(0, 0)).toBe(1);
    expect(requestsOf(plain, 0).map((f) => f.count)).toEqual([1, 1, 1]);
    expect(requestsOf(plain, 0).every((f) => f.result === ResultCode.COUNT_TOO_LOW)).toBe(true);

    const counted = run(make(true));
    expect(counted.hostCountAt(0, 0)).toBe(5);
    expect(counted.of("request").filter((f) => f.client >= 1).every((f) => f.result === ResultCode.PRODUCT_NOT_SERVED)).toBe(true);
    expect(requestsOf(counted, 0).map((f) => [f.at, f.count, f.result])).toEqual([
      [0, 1, ResultCode.COUNT_TOO_LOW],
      [120, 5, ResultCode.SUCCESS],
    ]);
  });

  test("§H4 assumptions.rejectedRequestsCounted: rejected requests never raise the capacity above 10", () => {
    // One valid server request (capacity 10) then 12 rejected Windows 11 CMIDs: 2…10, then 10, 10.
    const w = world({
      durationMin: 60,
      assumptions: { ...DEFAULT_ASSUMPTIONS, rejectedRequestsCounted: true },
      hosts: [host("kms1", { os: "Windows Server 2019", csvlk: "Windows Server 2019" })],
      clients: [group("srv", 1, { edition: "Windows Server 2019 Standard" }), group("w11", 12)],
    });
    const r = run(w);
    expect(r.of("count").map((f) => f.count)).toEqual(range(1, 10));
    expect(r.hostCountAt(0, 0)).toBe(10);
  });
});

describe("§H3 expiry", () => {
  test("§H3 §T1: an entry is live 43 199 minutes after its CMID's last request and gone at 43 200", () => {
    // One client joins at 100 (count 1), is retired at 101 and never asks again: live while
    // t < 100 + 43 200 = 43 300.
    const w = world({ durationMin: 31 * DAY, clients: [group("desk", 1, { join: { at: 100, over: 0 }, retire: [{ at: 101, count: 1 }] })] });
    const r = run(w);
    expect(r.requests()).toBe(1);
    expect(r.hostCountAt(0, 43_299)).toBe(1);
    expect(r.hostCountAt(0, 43_300)).toBe(0);
    expect(r.of("count")).toEqual([
      { kind: "count", at: 100, host: 0, pool: Pool.WINDOWS, count: 1 },
      { kind: "count", at: 43_300, host: 0, pool: Pool.WINDOWS, count: 0 },
    ]);
  });
});

describe("§H4 capacity", () => {
  test("§H4: a server-only table is capped at 10 — 12 servers see 1…10, 10, 10 and everyone activates", () => {
    // Minute 0: srv/0…9 see 1…10, srv/10 and srv/11 evict srv/0 and srv/1 and see 10. srv/0…3
    // failed (1…4 < 5) and retry at 120: each is new or least-recent-evicting, count stays 10 ≥ 5.
    const r = run(world({ durationMin: DAY, clients: [group("srv", 12, { edition: "Windows Server 2022 Standard" })] }));
    expect(r.of("request").filter((f) => f.at === 0).map((f) => f.count)).toEqual([...range(1, 10), 10, 10]);
    expect(r.of("request").filter((f) => f.at === 120).map((f) => [f.count, f.result])).toEqual(
      Array(4).fill([10, ResultCode.SUCCESS]),
    );
    expect(Math.max(...r.of("count").map((f) => f.count))).toBe(10);
    expect(r.countInState(120, LicenseState.LICENSED)).toBe(12);
  });

  test("§H4: the 50 cap evicts the least recently seen CMID (the 51st evicts the one seen first)", () => {
    // old/0 asks at 0 (count 1, capacity 50); new/0…49 ask at 1: counts 2…50, then new/49 evicts
    // old/0 (seen at 0, least recent) and sees 50. Everybody is retired at 2, so nobody asks again.
    // All 50 live entries were seen at 1: the count stays 50 through 43 200 (old/0's entry would
    // have dropped then) and falls to 0 at 1 + 43 200 = 43 201.
    const w = world({
      durationMin: 31 * DAY,
      clients: [
        group("old", 1, { retire: [{ at: 2, count: 1 }] }),
        group("new", 50, { join: { at: 1, over: 0 }, retire: [{ at: 2, count: 50 }] }),
      ],
    });
    const r = run(w);
    expect(r.of("request").filter((f) => f.at === 1).map((f) => f.count)).toEqual([...range(2, 50), 50]);
    expect(Math.max(...r.of("count").map((f) => f.count))).toBe(50);
    expect(r.hostCountAt(0, 43_200)).toBe(50);
    expect(r.hostCountAt(0, 43_201)).toBe(0);
  });
});

describe("§H5 outages, restarts and rebuilds", () => {
  // 25 Windows 11 clients: desk/24 activates at 0 (count 25), desk/0…23 at 120 (count 25).
  // Renewals: desk/24 at 10 080, desk/0…23 at 10 200. kms1 is down over [200, 300).
  const make = (keep: boolean, extra: Partial<Parameters<typeof host>[1]> = {}) =>
    world({
      durationMin: 8 * DAY,
      assumptions: { ...DEFAULT_ASSUMPTIONS, restartKeepsTables: keep },
      hosts: [host("kms1", { outages: [{ kind: "window", start: 200, end: 300 }], ...extra })],
      clients: [group("desk", 25)],
    });

  test("§H5: a restart keeps the count tables (default): the renewal at 10 080 sees 25", () => {
    const r = run(make(true));
    expect(r.hostCountAt(0, 300)).toBe(25);
    expect(requestsOf(r, 24).find((f) => f.at === 10_080)).toMatchObject({ count: 25, result: ResultCode.SUCCESS });
  });

  test("§H5 assumptions.restartKeepsTables false: the host comes back at 300 with empty tables", () => {
    // At 300 the table is emptied. desk/24 renews alone at 10 080 → count 1, 0xC004F038, stays
    // licensed (§C5). At 10 200 desk/0…22 see 2…24 and fail, desk/23 sees 25, desk/24 (retrying
    // after AI) refreshes and sees 25: both succeed; desk/0…22 succeed at 10 320 (count 25).
    const r = run(make(false));
    expect(r.hostCountAt(0, 299)).toBe(25);
    expect(r.hostCountAt(0, 300)).toBe(0);
    expect(requestsOf(r, 24).find((f) => f.at === 10_080)).toMatchObject({ count: 1, result: ResultCode.COUNT_TOO_LOW });
    expect(r.countInState(10_080, LicenseState.LICENSED)).toBe(25);
    const at10200 = r.of("request").filter((f) => f.at === 10_200);
    expect(at10200.map((f) => f.count)).toEqual([...range(2, 25), 25]);
    expect(at10200.map((f) => f.result)).toEqual([...Array(23).fill(ResultCode.COUNT_TOO_LOW), ResultCode.SUCCESS, ResultCode.SUCCESS]);
    expect(r.of("request").filter((f) => f.at === 10_320).every((f) => f.count === 25 && f.result === ResultCode.SUCCESS)).toBe(true);
  });

  test("§H5: a rebuild empties the tables without taking the host down", () => {
    // Rebuild at 5 000: count 0 from 5 000; desk/24's renewal at 10 080 sees 1 (as above).
    const w = world({ durationMin: 8 * DAY, hosts: [host("kms1", { rebuilds: [5000] })], clients: [group("desk", 25)] });
    const r = run(w);
    expect(r.of("rebuild")).toEqual([{ kind: "rebuild", at: 5000, host: 0 }]);
    expect(r.of("hostUp")).toHaveLength(0);
    expect(r.hostCountAt(0, 4999)).toBe(25);
    expect(r.hostCountAt(0, 5000)).toBe(0);
    expect(requestsOf(r, 24).find((f) => f.at === 10_080)).toMatchObject({ count: 1, result: ResultCode.COUNT_TOO_LOW });
  });
});

describe("§H6 what a host can activate", () => {
  // Windows Server 2016 host with the 2022 CSVLK serving Windows Server 2022 clients: the update
  // table's only row for (Windows Server 2016, Windows Server 2022) is KB5003638 (2021-06-08).
  const make = (patch: PatchSpec, edition = "Windows Server 2022 Standard") =>
    world({
      durationMin: 60,
      hosts: [host("kms1", { os: "Windows Server 2016", csvlk: "Windows Server 2022", patch })],
      clients: [group("srv", 5, { edition })],
    });

  test("§H6: patch level 2021-06-07 is before the release date → 0xC004F042, nothing counted", () => {
    const r = run(make({ kind: "date", date: "2021-06-07" }));
    expect(r.of("request").every((f) => f.result === ResultCode.PRODUCT_NOT_SERVED)).toBe(true);
    expect(r.of("count")).toHaveLength(0);
  });

  test("§H6: patch level 2021-06-08 (the release date) meets the requirement → the 5th server activates", () => {
    const r = run(make({ kind: "date", date: "2021-06-08" }));
    expect(r.of("request").map((f) => f.count)).toEqual([1, 2, 3, 4, 5]);
    expect(r.of("request")[4].result).toBe(ResultCode.SUCCESS);
  });

  test("§H6: `updates` meets the requirement only by naming a KB of a row listing the pair", () => {
    // KB5003638 is listed for (2016, 2022): served. KB4478877 is listed only for (2016, 2019): not
    // served for 2022 clients, but served for Windows Server 2019 clients.
    expect(run(make({ kind: "updates", kbs: ["KB5003638"] })).of("request")[4].result).toBe(ResultCode.SUCCESS);
    expect(run(make({ kind: "updates", kbs: ["KB4478877"] })).of("request").every((f) => f.result === ResultCode.PRODUCT_NOT_SERVED)).toBe(true);
    expect(run(make({ kind: "updates", kbs: ["KB4478877"] }, "Windows Server 2019 Standard")).of("request")[4].result).toBe(ResultCode.SUCCESS);
  });

  test("§H6: a host on a Windows client OS does not activate server editions", () => {
    // Windows 10 host, Windows 10 CSVLK: Windows Server 2016 → 0xC004F042; Windows 10 Enterprise counts.
    const w = world({
      durationMin: 60,
      hosts: [host("kms1", { os: "Windows 10", csvlk: "Windows 10" })],
      clients: [group("srv", 2, { edition: "Windows Server 2016 Standard" }), group("desk", 3, { edition: "Windows 10 Enterprise" })],
    });
    const r = run(w);
    expect(r.of("request").map((f) => f.result)).toEqual([
      ResultCode.PRODUCT_NOT_SERVED,
      ResultCode.PRODUCT_NOT_SERVED,
      ResultCode.COUNT_TOO_LOW,
      ResultCode.COUNT_TOO_LOW,
      ResultCode.COUNT_TOO_LOW,
    ]);
    expect(r.of("request").slice(2).map((f) => f.count)).toEqual([1, 2, 3]);
  });

  test("§H6 §O1: a host activates an Office version only with exactly that version's key", () => {
    // officeKeys [Office 2019] and Office LTSC 2021 installs: every Office request 0xC004F042, and the
    // Windows clients of the same machines are unaffected (counts 1…5 in the windows pool).
    const w = world({
      durationMin: 60,
      hosts: [host("kms1", { officeKeys: ["Office 2019"] })],
      clients: [group("od", 5, { edition: "Windows Server 2022 Standard", office: "Office LTSC 2021" })],
    });
    const r = run(w);
    expect(r.of("request").filter((f) => f.pool === Pool.OFFICE).every((f) => f.result === ResultCode.PRODUCT_NOT_SERVED)).toBe(true);
    expect(r.of("request").filter((f) => f.pool === Pool.WINDOWS).map((f) => f.count)).toEqual([1, 2, 3, 4, 5]);
    expect(r.hostCountAt(0, 59, Pool.OFFICE)).toBe(0);
  });
});

describe("§H7 host key limits", () => {
  test("§H7: nine rebuilds (10 activations) keep the host activated", () => {
    const w = world({
      durationMin: 1100,
      hosts: [host("kms1", { rebuilds: range(1, 9).map((k) => 100 * k) })],
      clients: [group("desk", 25, { join: { at: 1000, over: 0 } })],
    });
    const r = run(w);
    expect(r.of("request").map((f) => f.count)).toEqual(range(1, 25));
  });

  test("§H7 §H5: the 10th rebuild (11th activation) leaves the host unactivated (0xC004F041) for keyExceptionDelay, then it activates with empty tables", () => {
    // Rebuilds at 100 … 1 000; the one at 1 000 is the 11th activation: 0xC004F041 until
    // 1 000 + 4 320 = 5 320. Clients join at 1 000 and retry every 120 (scenario AI: no count yet):
    // 1 000 + 36 × 120 = 5 320 is the first answered attempt: counts 1…25, desk/24 activates.
    const w = world({
      durationMin: 5400,
      hosts: [host("kms1", { rebuilds: range(1, 10).map((k) => 100 * k) })],
      clients: [group("desk", 25, { join: { at: 1000, over: 0 } })],
    });
    const r = run(w);
    const before = r.of("request").filter((f) => f.at < 5320);
    expect(before).toHaveLength(25 * 36);
    expect(before.every((f) => f.result === ResultCode.HOST_NOT_ACTIVATED && f.count === -1)).toBe(true);
    expect(r.of("attempt").filter((f) => f.at < 5320).every((f) => f.result === ResultCode.HOST_NOT_ACTIVATED)).toBe(true);
    expect(r.of("count").filter((f) => f.at >= 1000 && f.at < 5320)).toHaveLength(0);
    const at = r.of("request").filter((f) => f.at === 5320);
    expect(at.map((f) => f.count)).toEqual(range(1, 25));
    expect(at[24].result).toBe(ResultCode.SUCCESS);
  });

  test("§H7: after the exception the activation counter starts again at 1 (ten more rebuilds → 0xC004F041 again)", () => {
    // Exception ends at 5 320 (activation 1). Rebuilds at 6 000 … 6 800 are activations 2…10; the
    // one at 6 900 is the 11th: 0xC004F041 over [6 900, 11 220). A lone Windows 11 probe joining at
    // 1 000 tries every 120 (1 000 + 120k) and gets 0xC004F041 exactly in [1 000, 5 320) ∪ [6 900, 11 220).
    const rebuilds = [...range(1, 10).map((k) => 100 * k), ...range(0, 9).map((k) => 6000 + 100 * k)];
    const w = world({
      durationMin: 12_000,
      hosts: [host("kms1", { rebuilds })],
      clients: [group("probe", 1, { join: { at: 1000, over: 0 } })],
    });
    const r = run(w);
    const attempts = attemptsOf(r, 0);
    expect(attempts.map((f) => f.at)).toEqual(Array.from({ length: 92 }, (_, k) => 1000 + 120 * k));
    for (const f of attempts) {
      const f041 = (f.at >= 1000 && f.at < 5320) || (f.at >= 6900 && f.at < 11_220);
      expect([f.at, f.result]).toEqual([f.at, f041 ? ResultCode.HOST_NOT_ACTIVATED : ResultCode.COUNT_TOO_LOW]);
    }
  });

  test("§H7: the unactivated period lasts timers.keyExceptionDelay (600 min here)", () => {
    // Ten rebuilds at 1 … 10 (the one at 10 is the 11th activation): 0xC004F041 over [10, 610). A lone
    // Windows 11 probe joining at 10 tries at 10, 130, 250, 370, 490 (0xC004F041), 610 (0xC004F038).
    const w = world({
      durationMin: 700,
      timers: timers({ keyExceptionDelayMin: 600 }),
      hosts: [host("kms1", { rebuilds: range(1, 10) })],
      clients: [group("probe", 1, { join: { at: 10, over: 0 } })],
    });
    const r = run(w);
    expect(attemptsOf(r, 0).map((f) => [f.at, f.result])).toEqual([
      ...[10, 130, 250, 370, 490].map((t) => [t, ResultCode.HOST_NOT_ACTIVATED]),
      [610, ResultCode.COUNT_TOO_LOW],
    ]);
  });

  test("§H7: more than six hosts on one CSVLK group are still simulated as activated", () => {
    // Seven 2022-CSVLK hosts, five servers pinned to each: every host counts 1…5 and activates the 5th.
    const ids = range(1, 7).map((i) => `kms${i}`);
    const w = world({
      durationMin: 60,
      hosts: ids.map((id) => host(id)),
      clients: ids.map((id) => group(`on-${id}`, 5, { edition: "Windows Server 2022 Standard", kms: { kind: "pinned", host: id } })),
    });
    const r = run(w);
    for (let h = 0; h < 7; h++) {
      expect(r.of("request").filter((f) => f.host === h).map((f) => [f.count, f.result])).toEqual([
        ...[1, 2, 3, 4].map((n) => [n, ResultCode.COUNT_TOO_LOW]),
        [5, ResultCode.SUCCESS],
      ]);
    }
  });
});

describe("§H8 §C1 response timers", () => {
  test("§C1 §H8: the scenario's AI applies until the first response with a count; then the host's AI", () => {
    // Host AI 60, down over [0, 500). The client has no count response yet: retries every 120
    // (scenario) at 0, 120, 240, 360, 480; at 600 the host answers 0xC004F038 (count 1) carrying
    // AI 60: next attempts at 660, 720, 780.
    const w = world({
      durationMin: 800,
      hosts: [host("kms1", { activationIntervalMin: 60, outages: [{ kind: "window", start: 0, end: 500 }] })],
      clients: [group("desk", 1)],
    });
    const r = run(w);
    expect(r.of("request").map((f) => f.at)).toEqual([0, 120, 240, 360, 480, 600, 660, 720, 780]);
  });

  test("§C1 §H8: the host's own AI and RI are handed to clients (AI 60, RI 1 440)", () => {
    // Five servers: srv/4 activates at 0 → renews at 1 440; srv/0…3 fail at 0, retry at 60 (host AI)
    // and activate (count 5) → renew at 60 + 1 440 = 1 500.
    const w = world({
      durationMin: 2 * DAY,
      hosts: [host("kms1", { activationIntervalMin: 60, renewalIntervalMin: 1440 })],
      clients: [group("srv", 5, { edition: "Windows Server 2022 Standard" })],
    });
    const r = run(w);
    expect(requestsOf(r, 4).map((f) => f.at)).toEqual([0, 1440]);
    expect(requestsOf(r, 0).map((f) => f.at)).toEqual([0, 60, 1500]);
  });

  test("§H8: a host without its own timers hands out the scenario's (AI 30, RI 600)", () => {
    const w = world({
      durationMin: 700,
      timers: timers({ activationIntervalMin: 30, renewalIntervalMin: 600 }),
      clients: [group("srv", 5, { edition: "Windows Server 2022 Standard" })],
    });
    const r = run(w);
    expect(requestsOf(r, 4).map((f) => f.at)).toEqual([0, 600]);
    expect(requestsOf(r, 0).map((f) => f.at)).toEqual([0, 30, 630]);
  });

  test("§C1: a client adopts the timers of the host that answered it (two hosts, different AIs)", () => {
    // a pinned to kms1 (AI 45), b pinned to kms2 (AI 75); single Windows 11 clients never reach 25.
    const w = world({
      durationMin: 200,
      hosts: [host("kms1", { activationIntervalMin: 45 }), host("kms2", { activationIntervalMin: 75 })],
      clients: [group("a", 1, { kms: { kind: "pinned", host: "kms1" } }), group("b", 1, { kms: { kind: "pinned", host: "kms2" } })],
    });
    const r = run(w);
    expect(requestsOf(r, clientOf(w, "a", 0)).map((f) => f.at)).toEqual([0, 45, 90, 135, 180]);
    expect(requestsOf(r, clientOf(w, "b", 0)).map((f) => f.at)).toEqual([0, 75, 150]);
  });
});
