import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { LicenseState, Pool, ResultCode } from "../../src/kms/facts.js";
import { buildLayout } from "../../src/kms/layout.js";
import type { World } from "../../src/kms/world.js";
import { summaryColumns, timelineColumns } from "../../src/report/columns.js";
import { RunAggregator } from "../../src/report/run-aggregator.js";
import type { RunAggregatorOptions } from "../../src/report/run-aggregator.js";
import { EXAMPLES } from "./examples.fixtures.js";
import { START_MS, makeWorld, replay, runToy, toyClients } from "./helpers.js";
import type { Fact } from "./helpers.js";

const { NONE, OOB_GRACE: OOB, LICENSED: LIC, OOT_GRACE: OOT, NOTIFICATION: NOTIF } = LicenseState;

function aggregator(world: World, opts: Partial<RunAggregatorOptions> = {}): RunAggregator {
  return new RunAggregator(world, buildLayout(world), {
    startEpochMs: START_MS,
    sampleMin: null,
    scenario: world.name,
    strategy: null,
    replication: 0,
    seed: 1,
    ...opts,
  });
}

function runExample(world: World, thresholds: Record<string, number>, clones: string[] = []) {
  const layout = buildLayout(world);
  const agg = aggregator(world);
  runToy(world, toyClients(world, layout, thresholds, clones), agg);
  return agg.finish();
}

function rows(csv: string): string[][] {
  return Papa.parse<string[]>(csv.trim()).data;
}

describe("the four examples, byte for byte (FORMAT.md Run folder; examples/)", () => {
  it("outage-spanning-renewals: downtime 48 h, low count 72 h before anyone joins, 600 × 0xC004F074 (§T2, §C6.6, §H5)", () => {
    const world = makeWorld({
      name: "outage-spanning-renewals",
      durationMin: 43_200,
      hosts: [{ id: "kms1", windows: [[14_400, 17_280]] }],
      groups: [{ id: "desk", count: 26, joinAt: 4_320 }],
    });
    const out = runExample(world, {});
    expect(out.timeline).toBe(EXAMPLES["outage-spanning-renewals"].timeline);
    expect(out.summary).toBe(EXAMPLES["outage-spanning-renewals"].summary);
    expect(out.summaryRecord.kms1_low_count_h).toBe(72);
    expect(out.summaryRecord.kms1_downtime_h).toBe(48);
  });

  it("join-over-two-days: R-7 first-activation percentiles p50 20, p95 43.6; low count 45.816667 h (§C8, FORMAT summary.csv)", () => {
    const world = makeWorld({
      name: "join-over-two-days",
      durationMin: 10_080,
      hosts: [{ id: "kms1" }],
      groups: [
        { id: "srv", count: 3 },
        { id: "desk", count: 22, joinOver: 2_880 },
      ],
    });
    const out = runExample(world, { srv: 5 });
    expect(out.timeline).toBe(EXAMPLES["join-over-two-days"].timeline);
    expect(out.summary).toBe(EXAMPLES["join-over-two-days"].summary);
  });

  it("primary-down-cached-failover: low count only while up (190 h), entries age out while down (§H3, §H5)", () => {
    const world = makeWorld({
      name: "primary-down-cached-failover",
      durationMin: 64_800,
      hosts: [
        { id: "primary", priority: 0, windows: [[20_220, 49_020]] },
        { id: "backup", priority: 10 },
      ],
      groups: [{ id: "desk", count: 30 }],
    });
    const out = runExample(world, {});
    expect(out.timeline).toBe(EXAMPLES["primary-down-cached-failover"].timeline);
    expect(out.summary).toBe(EXAMPLES["primary-down-cached-failover"].summary);
  });

  it("clones-and-office: office_* timeline and summary columns, Office installs counted apart (§O1, §C7)", () => {
    const world = makeWorld({
      name: "clones-and-office",
      durationMin: 30_240,
      hosts: [{ id: "kms1" }],
      groups: [
        { id: "clones", count: 10 },
        { id: "desks", count: 14 },
        { id: "office-desks", count: 6, office: true },
        { id: "new-desks", count: 4, joinAt: 14_400 },
      ],
    });
    const out = runExample(world, {}, ["clones"]);
    expect(out.timeline).toBe(EXAMPLES["clones-and-office"].timeline);
    expect(out.summary).toBe(EXAMPLES["clones-and-office"].summary);
  });
});

describe("timeline.csv rows (FORMAT.md Run folder)", () => {
  const world = makeWorld({ durationMin: 1_000, hosts: [{ id: "kms1" }], groups: [{ id: "g", count: 3 }] });

  it("has a row for minute 0 even when nothing happens, with initial values: hosts up, count 0", () => {
    const out = aggregator(world).finish();
    expect(out.timeline).toBe("minute,time,oob_grace,licensed,oot_grace,notification,kms1_up,kms1_count\n0,2027-01-04T00:00:00Z,0,0,0,0,1,0\n");
  });

  it("makes no row for a change undone within the same minute (end-of-minute values)", () => {
    const agg = aggregator(world);
    agg.hostUp(10, 0, false);
    agg.hostUp(10, 0, true);
    agg.joined(20, 0);
    agg.stateChanged(20, 0, NONE, OOB);
    agg.hostCount(30, 0, Pool.WINDOWS, 1);
    agg.hostCount(30, 0, Pool.WINDOWS, 0);
    const out = agg.finish();
    expect(rows(out.timeline).map((r) => r[0])).toEqual(["minute", "0", "20"]);
    expect(out.summaryRecord.kms1_downtime_h).toBe(0);
  });

  it("makes no row for a minute whose values equal the previous row's, even after an intermediate change", () => {
    const agg = aggregator(world);
    agg.hostUp(10, 0, false);
    agg.hostUp(11, 0, true);
    agg.hostCount(12, 0, Pool.WINDOWS, 0);
    const out = agg.finish();
    expect(rows(out.timeline).map((r) => [r[0], r[6]])).toEqual([
      ["minute", "kms1_up"],
      ["0", "1"],
      ["10", "0"],
      ["11", "1"],
    ]);
    expect(out.summaryRecord.kms1_downtime_h).toBe(1 / 60);
  });

  it("with sample S, has rows at 0, S, 2S, … below duration with end-of-minute values, including minutes without facts", () => {
    const agg = aggregator(world, { sampleMin: 300 });
    agg.joined(0, 0);
    agg.stateChanged(0, 0, NONE, OOB);
    agg.hostUp(299, 0, false);
    agg.hostUp(300, 0, true);
    agg.hostUp(300, 0, false); // down at the end of minute 300
    agg.stateChanged(650, 0, OOB, LIC);
    const out = agg.finish();
    expect(rows(out.timeline).slice(1).map((r) => [r[0], r[1], r[2], r[3], r[6]])).toEqual([
      ["0", "2027-01-04T00:00:00Z", "1", "0", "1"],
      ["300", "2027-01-04T05:00:00Z", "1", "0", "0"],
      ["600", "2027-01-04T10:00:00Z", "1", "0", "0"],
      ["900", "2027-01-04T15:00:00Z", "0", "1", "0"],
    ]);
  });

  it("with sample S, a row at a sample minute reflects facts later in that minute only (end of minute)", () => {
    const agg = aggregator(world, { sampleMin: 100 });
    agg.hostUp(100, 0, false);
    agg.hostUp(100, 0, true);
    agg.hostUp(199, 0, false);
    const out = agg.finish();
    expect(rows(out.timeline).slice(1).map((r) => r[6])).toEqual(["1", "1", "0", "0", "0", "0", "0", "0", "0", "0"]);
  });

  it("columns: office states and <host>_office_count only with Office, links, and <site>_dns_up only for sites with DNS outages", () => {
    const w = makeWorld({
      durationMin: 10,
      hosts: [{ id: "a" }, { id: "b" }],
      groups: [{ id: "g", count: 1, office: true }],
      links: ["wan"],
      sites: [{ id: "hq" }, { id: "branch", dnsOutages: [[1, 2]] }, { id: "other" }],
    });
    expect(timelineColumns(w, buildLayout(w)).join(",")).toBe(
      "minute,time,oob_grace,licensed,oot_grace,notification,office_oob_grace,office_licensed,office_oot_grace,office_notification,a_up,a_count,a_office_count,b_up,b_count,b_office_count,wan_up,branch_dns_up",
    );
    const agg = aggregator(w);
    agg.linkUp(1, 0, false);
    agg.dnsUp(2, 1, false);
    agg.dnsUp(3, 0, false); // a site without a dns column: ignored
    agg.hostCount(4, 1, Pool.OFFICE, 3);
    const out = agg.finish();
    expect(out.timeline.split("\n").slice(1, -1)).toEqual([
      "0,2027-01-04T00:00:00Z,0,0,0,0,0,0,0,0,1,0,0,1,0,0,1,1",
      "1,2027-01-04T00:01:00Z,0,0,0,0,0,0,0,0,1,0,0,1,0,0,0,1",
      "2,2027-01-04T00:02:00Z,0,0,0,0,0,0,0,0,1,0,0,1,0,0,0,0",
      "4,2027-01-04T00:04:00Z,0,0,0,0,0,0,0,0,1,0,0,1,0,3,0,0",
    ]);
    expect(Object.keys(out.summaryRecord)).toEqual(summaryColumns(w, buildLayout(w)));
  });
});

describe("summary.csv (FORMAT.md Run folder)", () => {
  it("state columns count licensing clients by pool; retired clients leave the counts but stay in clients and never_activated (§C4, §C8)", () => {
    const w = makeWorld({ durationMin: 100, hosts: [{ id: "kms1" }], groups: [{ id: "g", count: 3, office: true }] });
    const agg = aggregator(w);
    for (const c of [0, 1, 2, 3, 4, 5]) {
      agg.joined(0, c);
      agg.stateChanged(0, c, NONE, OOB);
    }
    agg.stateChanged(5, 1, OOB, LIC); // office client of machine 0
    agg.retired(10, 2, OOB); // windows client of machine 1
    agg.retired(10, 3, OOB);
    const out = agg.finish();
    const r = out.summaryRecord;
    expect([r.clients, r.oob_grace_end, r.licensed_end, r.never_activated]).toEqual([3, 2, 0, 3]);
    expect([r.office_clients, r.office_licensed_end, r.office_never_activated]).toEqual([3, 1, 2]);
    expect([r.first_activation_p50_h, r.first_activation_p95_h]).toEqual(["", ""]);
    // never_activated 3, empty percentiles, requests 0
    expect(out.summary.split("\n")[1]).toContain(",3,,,0,");
  });

  it("clients_lapsed counts distinct clients whose validity ran out (lapsed facts), not re-images (§C4, §C7)", () => {
    const w = makeWorld({ durationMin: 10_000, groups: [{ id: "g", count: 4 }] });
    const agg = aggregator(w);
    for (const c of [0, 1, 2, 3]) {
      agg.joined(0, c);
      agg.stateChanged(0, c, NONE, OOB);
      agg.stateChanged(0, c, OOB, LIC);
    }
    agg.lapsed(100, 0);
    agg.stateChanged(100, 0, LIC, OOT);
    agg.lapsed(100, 1);
    agg.stateChanged(100, 1, LIC, NOTIF);
    agg.stateChanged(100, 2, LIC, OOB); // re-image: not a lapse
    agg.stateChanged(100, 3, LIC, NOTIF); // re-image with oobGrace 0: no lapsed fact, not a lapse
    agg.stateChanged(200, 0, OOT, LIC);
    agg.lapsed(300, 0);
    agg.stateChanged(300, 0, LIC, OOT); // second lapse of the same client
    const out = agg.finish();
    expect(out.summaryRecord.clients_lapsed).toBe(2);
    expect(out.summaryRecord.never_activated).toBe(0);
  });

  it("notification_client_days and oot_client_days integrate end-of-minute counts over the run, /1440", () => {
    const w = makeWorld({ durationMin: 4_320, groups: [{ id: "g", count: 2 }] });
    const agg = aggregator(w);
    agg.joined(0, 0);
    agg.stateChanged(0, 0, NONE, NOTIF);
    agg.joined(1_440, 1);
    agg.stateChanged(1_440, 1, NONE, OOT);
    agg.stateChanged(2_880, 1, OOT, NOTIF);
    agg.stateChanged(3_000, 0, NOTIF, LIC);
    agg.stateChanged(3_000, 0, LIC, NOTIF); // undone in the minute: still in notification
    const r = agg.finish().summaryRecord;
    expect(r.notification_client_days).toBe(3 + 1);
    expect(r.oot_client_days).toBe(1);
    expect(r.notification_end).toBe(2);
  });

  it("first activation is measured from the join to the FIRST licensed, over Windows clients only (§C7, FORMAT summary.csv)", () => {
    const w = makeWorld({ durationMin: 100_000, groups: [{ id: "g", count: 2, office: true }] });
    const agg = aggregator(w);
    agg.joined(0, 0);
    agg.joined(0, 1);
    agg.stateChanged(0, 0, NONE, OOB);
    agg.stateChanged(0, 1, NONE, OOB);
    agg.stateChanged(60, 1, OOB, LIC); // office: not in the figures
    agg.joined(100, 2);
    agg.stateChanged(100, 2, NONE, OOB);
    agg.stateChanged(120, 0, OOB, LIC); // 2 h
    agg.stateChanged(200, 0, LIC, OOB); // re-image
    agg.stateChanged(400, 0, OOB, LIC);
    agg.stateChanged(700, 2, OOB, LIC); // 10 h
    const r = agg.finish().summaryRecord;
    expect(r.first_activation_p50_h).toBe(6);
    expect(r.first_activation_p95_h).toBeCloseTo(9.6, 12);
  });

  it("requests and failed_<code> count both pools; <host>_requests counts every request sent to it, answered or not (§C6.4, §C6.6)", () => {
    const w = makeWorld({ durationMin: 100, hosts: [{ id: "a" }, { id: "b" }], groups: [{ id: "g", count: 1, office: true }] });
    const agg = aggregator(w);
    agg.request(1, 0, 7, 0, Pool.WINDOWS, ResultCode.NO_ANSWER, -1);
    agg.request(1, 0, 7, 1, Pool.WINDOWS, ResultCode.HOST_NOT_ACTIVATED, -1);
    agg.attemptEnded(1, 0, ResultCode.HOST_NOT_ACTIVATED);
    agg.request(1, 1, 8, 1, Pool.OFFICE, ResultCode.COUNT_TOO_LOW, 1);
    agg.attemptEnded(1, 1, ResultCode.COUNT_TOO_LOW);
    agg.attemptEnded(2, 0, ResultCode.NO_HOST);
    agg.attemptEnded(3, 0, ResultCode.PRODUCT_NOT_SERVED);
    agg.attemptEnded(4, 0, ResultCode.SUCCESS);
    const r = agg.finish().summaryRecord;
    expect([r.requests, r.a_requests, r.b_requests]).toEqual([3, 1, 2]);
    expect([r.failed_0xC004F038, r.failed_0xC004F041, r.failed_0xC004F042, r.failed_0xC004F074]).toEqual([1, 1, 1, 1]);
  });

  it("<host>_max_count is the highest windows count reported; office counts do not raise it (§H1)", () => {
    const w = makeWorld({ durationMin: 100, hosts: [{ id: "a" }], groups: [{ id: "g", count: 1, office: true }] });
    const agg = aggregator(w);
    agg.hostCount(1, 0, Pool.WINDOWS, 40);
    agg.hostCount(1, 0, Pool.WINDOWS, 12);
    agg.hostCount(2, 0, Pool.OFFICE, 90);
    const r = agg.finish().summaryRecord;
    expect(r.a_max_count).toBe(40);
    // up all the time, count < 25 at every end of minute
    expect(r.a_low_count_h).toBe(100 / 60);
  });

  it("strategy is empty for the base scenario and named otherwise; scenario, replication, seed as given", () => {
    const w = makeWorld({ durationMin: 10 });
    const out = aggregator(w, { scenario: "s", strategy: "no-branch", replication: 3, seed: 42 }).finish();
    expect(out.summary.split("\n")[1].startsWith("s,no-branch,3,42,")).toBe(true);
    expect(aggregator(w, { scenario: "s" }).finish().summary.split("\n")[1].startsWith("s,,0,1,")).toBe(true);
  });
});

describe("fact order (§T1, §T2)", () => {
  const w = makeWorld({ durationMin: 100, hosts: [{ id: "a" }] });
  it("rejects a fact earlier than one already seen", () => {
    const agg = aggregator(w);
    agg.hostUp(5, 0, false);
    expect(() => agg.hostUp(4, 0, true)).toThrow(/time order/);
  });
  it("rejects a fact at or after the end of the run", () => {
    expect(() => aggregator(w).hostUp(100, 0, false)).toThrow(/outside the run/);
  });
  it("finish() may be called once", () => {
    const agg = aggregator(w);
    agg.finish();
    expect(() => agg.finish()).toThrow();
  });
});

// ---- property: the piecewise aggregator equals a minute-by-minute oracle --------------------

const FACT_KINDS = ["state", "count", "up", "retire"] as const;

describe("property: timeline rows and integrals equal a minute-by-minute evaluation (FORMAT.md Run folder)", () => {
  it("for random fact sequences, change-driven and sampled", () => {
    const N = 4; // clients
    const D = 60; // minutes
    const w = makeWorld({ durationMin: D, hosts: [{ id: "h" }], groups: [{ id: "g", count: N }] });
    const step = fc.record({
      dt: fc.nat({ max: 6 }),
      kind: fc.constantFrom(...FACT_KINDS),
      client: fc.nat({ max: N - 1 }),
      state: fc.constantFrom(OOB, LIC, OOT, NOTIF),
      value: fc.nat({ max: 30 }),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), fc.integer({ min: 1, max: 25 }), (steps, sample) => {
        // Build a consistent fact list.
        const state = new Array<number>(N).fill(NONE);
        const facts: Fact[] = [];
        let t = 0;
        for (const s of steps) {
          t += s.dt;
          if (t >= D) break;
          if (s.kind === "state") {
            if (state[s.client] === NONE) facts.push({ kind: "joined", at: t, client: s.client });
            facts.push({ kind: "stateChanged", at: t, client: s.client, from: state[s.client] as LicenseState, to: s.state });
            state[s.client] = s.state;
          } else if (s.kind === "retire" && state[s.client] !== NONE) {
            facts.push({ kind: "retired", at: t, client: s.client, from: state[s.client] as LicenseState });
            state[s.client] = NONE;
          } else if (s.kind === "count") {
            facts.push({ kind: "hostCount", at: t, host: 0, pool: Pool.WINDOWS, count: s.value });
          } else if (s.kind === "up") {
            facts.push({ kind: "hostUp", at: t, host: 0, up: s.value % 2 === 0 });
          }
        }
        // Oracle: end-of-minute values of every minute.
        const perMinute: number[][] = [];
        const v = [0, 0, 0, 0, 1, 0];
        let k = 0;
        let notif = 0;
        let oot = 0;
        let down = 0;
        let low = 0;
        for (let m = 0; m < D; m++) {
          for (; k < facts.length && facts[k].at === m; k++) {
            const f = facts[k];
            if (f.kind === "stateChanged") {
              if (f.from !== NONE) v[f.from - 1]--;
              v[f.to - 1]++;
            } else if (f.kind === "retired") v[f.from - 1]--;
            else if (f.kind === "hostCount") v[5] = f.count;
            else if (f.kind === "hostUp") v[4] = f.up ? 1 : 0;
          }
          perMinute.push([...v]);
          notif += v[3];
          oot += v[2];
          if (v[4] === 0) down++;
          else if (v[5] < 25) low++;
        }
        const expectedRows: string[] = [];
        let last = "";
        perMinute.forEach((vals, m) => {
          const key = vals.join(",");
          if (m === 0 || key !== last) expectedRows.push(`${m},${key}`);
          last = key;
        });
        const sampledRows = perMinute.flatMap((vals, m) => (m % sample === 0 ? [`${m},${vals.join(",")}`] : []));

        for (const [mode, expected] of [
          [null, expectedRows],
          [sample, sampledRows],
        ] as const) {
          const agg = aggregator(w, { sampleMin: mode });
          replay(facts, agg);
          const out = agg.finish();
          const got = out.timeline
            .trim()
            .split("\n")
            .slice(1)
            .map((line) => {
              const cells = line.split(",");
              return [cells[0], ...cells.slice(2)].join(",");
            });
          expect(got).toEqual(expected);
          expect(out.summaryRecord.notification_client_days).toBeCloseTo(notif / 1440, 12);
          expect(out.summaryRecord.oot_client_days).toBeCloseTo(oot / 1440, 12);
          expect(out.summaryRecord.h_downtime_h).toBeCloseTo(down / 60, 12);
          expect(out.summaryRecord.h_low_count_h).toBeCloseTo(low / 60, 12);
        }
      }),
      { numRuns: 100 },
    );
  });
});
