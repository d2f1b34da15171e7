// The four hand-derived examples (test/fixtures/examples/*.yaml, copied from the project's
// shared examples), rebuilt here as Worlds so the model is checked from its facts alone. Every
// figure below is taken from the example's derivation; the CSV byte-for-byte checks live in the
// CLI tests.
import { describe, expect, test } from "vitest";
import { LicenseState, Pool, ResultCode } from "../../src/kms/facts.js";
import { simulate } from "../../src/kms/simulation.js";
import { FactRecorder, percentile } from "../support/fact-recorder.js";
import { group, host, world } from "../support/worlds.js";

const DAY = 1440;

function run(w: ReturnType<typeof world>): FactRecorder {
  const recorder = new FactRecorder();
  simulate(w, { seed: 1, replication: 0 }, recorder);
  return recorder;
}

describe("example outage-spanning-renewals (§C3 §C5 §C6.2–§C6.6 §H2 §H3 §H5 §T2)", () => {
  const r = run(
    world({
      durationMin: 30 * DAY,
      hosts: [host("kms1", { outages: [{ kind: "window", start: 10 * DAY, end: 12 * DAY }] })],
      clients: [group("desk", 26, { join: { at: 3 * DAY, over: 0 } })],
    }),
  );

  test("§C5 §H2: desk/0…23 see 1…24 and fail, desk/24 and desk/25 see 25 and 26 and activate", () => {
    const first = r.of("request").filter((f) => f.at === 3 * DAY);
    expect(first.map((f) => f.count)).toEqual(Array.from({ length: 26 }, (_, i) => i + 1));
    expect(r.countInState(3 * DAY, LicenseState.LICENSED)).toBe(2);
    expect(r.countInState(3 * DAY + 120, LicenseState.LICENSED)).toBe(26);
  });

  test("§T2: the host down at minute 14 400 misses that minute's renewals; back at 17 280 it answers them", () => {
    expect(r.of("request").filter((f) => f.at === 14_400).every((f) => f.result === ResultCode.NO_ANSWER)).toBe(true);
    const back = r.of("request").filter((f) => f.at === 17_280);
    expect(back).toHaveLength(26);
    expect(back.every((f) => f.result === ResultCode.SUCCESS && f.count === 26)).toBe(true);
  });

  test("§C6.6: 728 requests, 600 attempts failed 0xC004F074, 24 failed 0xC004F038; nobody lapses", () => {
    expect(r.requests()).toBe(728);
    expect(r.failed(ResultCode.NO_HOST)).toBe(600);
    expect(r.failed(ResultCode.COUNT_TOO_LOW)).toBe(24);
    expect(r.countInState(30 * DAY - 1, LicenseState.LICENSED)).toBe(26);
    expect(percentile(r.firstActivationHours(), 0.5)).toBe(2);
    expect(percentile(r.firstActivationHours(), 0.95)).toBe(2);
  });
});

describe("example join-over-two-days (§H1 §H4 §C5 §C8 §T2)", () => {
  const r = run(
    world({
      durationMin: 7 * DAY,
      clients: [
        group("srv", 3, { edition: "Windows Server 2022 Standard" }),
        group("desk", 22, { join: { at: 0, over: 2 * DAY } }),
      ],
    }),
  );

  test("§C8: desktop i of 22 joins at floor(i × 2880 / 22)", () => {
    const joins = r.of("joined").filter((f) => f.client >= 3).map((f) => f.at);
    expect(joins).toEqual(Array.from({ length: 22 }, (_, i) => Math.floor((i * 2880) / 22)));
  });

  test("§H1 §C5: servers activate at count 5 (minute 240), desktops when the count reaches 25", () => {
    expect(r.countInState(239, LicenseState.LICENSED)).toBe(0);
    expect(r.countInState(240, LicenseState.LICENSED)).toBe(3);
    expect(r.hostCountAt(0, 2748)).toBe(24);
    expect(r.hostCountAt(0, 2749)).toBe(25);
    expect(r.countInState(2749, LicenseState.LICENSED)).toBe(4);
    expect(r.countInState(2869, LicenseState.LICENSED)).toBe(25);
  });

  test("§T2: desk/10's retry at 2 749 comes before desk/21's join in file order and sees 24", () => {
    const at2749 = r.of("request").filter((f) => f.at === 2749);
    expect(at2749.map((f) => f.count)).toEqual([24, 25]);
  });

  test("figures: 294 requests, 269 × 0xC004F038, first activation p50 20 h, p95 43.6 h", () => {
    expect(r.requests()).toBe(294);
    expect(r.failed(ResultCode.COUNT_TOO_LOW)).toBe(269);
    const hours = r.firstActivationHours();
    expect(hours).toHaveLength(25);
    expect(percentile(hours, 0.5)).toBe(20);
    expect(percentile(hours, 0.95)).toBeCloseTo(43.6, 9);
  });
});

describe("example primary-down-cached-failover (§C6.2–§C6.5 §H1 §H3 §H5)", () => {
  const r = run(
    world({
      durationMin: 45 * DAY,
      hosts: [
        host("primary", { srv: { priority: 0, weight: 0 }, outages: [{ kind: "window", start: 337 * 60, end: 337 * 60 + 20 * DAY }] }),
        host("backup", { srv: { priority: 10, weight: 0 } }),
      ],
      clients: [group("desk", 30)],
    }),
  );

  test("§C6.2 §C6.3 §C6.4: cached primary down → one request to it, then the backup answers 1…24 and ends the attempt", () => {
    const at = r.of("request").filter((f) => f.at === 20_280);
    expect(at).toHaveLength(48);
    expect(at.filter((f) => f.host === 1).map((f) => f.count)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
  });

  test("§H1: the backup's count stays at 24 until the other six renew on day 21, then 30", () => {
    expect(r.hostCountAt(1, 30_239)).toBe(24);
    expect(r.hostCountAt(1, 30_240)).toBe(30);
  });

  test("§H3: the primary's entries age out while it is down (6 at 53 400, 0 at 63 360)", () => {
    expect(r.hostCountAt(0, 53_399)).toBe(30);
    expect(r.hostCountAt(0, 53_400)).toBe(6);
    expect(r.hostCountAt(0, 63_360)).toBe(0);
  });

  test("§C6.5: clients stay on the cached backup after the primary returns; totals as derived", () => {
    expect(r.requests((f) => f.host === 0 && f.at >= 49_020)).toBe(0);
    expect(r.requests((f) => f.host === 0)).toBe(2136);
    expect(r.requests((f) => f.host === 1)).toBe(2136);
    expect(r.failed(ResultCode.COUNT_TOO_LOW)).toBe(2040);
    expect(r.countInState(45 * DAY - 1, LicenseState.LICENSED)).toBe(30);
  });
});

describe("example clones-and-office (§C7 §O1 §H1 §C5 §T2)", () => {
  const r = run(
    world({
      durationMin: 21 * DAY,
      hosts: [host("kms1", { officeKeys: ["Office LTSC 2024"] })],
      clients: [
        group("clones", 10, { edition: "Windows 10 Enterprise", cmid: "clone" }),
        group("desks", 14),
        group("office-desks", 6, { office: "Office LTSC 2024" }),
        group("new-desks", 4, { join: { at: 10 * DAY, over: 0 } }),
      ],
    }),
  );

  test("§C7: ten clones count as one CMID; 30 machines give a count of 21", () => {
    const clones = r.of("request").filter((f) => f.at === 0 && f.pool === Pool.WINDOWS).slice(0, 10);
    expect(new Set(clones.map((f) => f.cmid)).size).toBe(1);
    expect(clones.map((f) => f.count)).toEqual(Array(10).fill(1));
    expect(r.hostCountAt(0, 0)).toBe(21);
    expect(r.hostCountAt(0, 14_399)).toBe(21);
  });

  test("§O1 §C5: Office installs count in their own pool with threshold 5", () => {
    const office = r.of("request").filter((f) => f.at === 0 && f.pool === Pool.OFFICE);
    expect(office.map((f) => f.count)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(office.map((f) => f.result)).toEqual([
      ...Array(4).fill(ResultCode.COUNT_TOO_LOW),
      ResultCode.SUCCESS,
      ResultCode.SUCCESS,
    ]);
    expect(r.hostCountAt(0, 0, Pool.OFFICE)).toBe(6);
  });

  test("§C7: once the count reaches 25 the clones activate normally; totals as derived", () => {
    expect(r.hostCountAt(0, 14_400)).toBe(25);
    const windows = (c: number) => c % 2 === 0;
    expect(r.countInState(14_520, LicenseState.LICENSED, windows)).toBe(34);
    expect(r.requests()).toBe(3723);
    expect(r.failed(ResultCode.COUNT_TOO_LOW)).toBe(3637);
    const hours = r.firstActivationHours(windows);
    expect(percentile(hours, 0.5)).toBe(242);
    expect(percentile(hours, 0.95)).toBe(242);
  });
});
