// Differential property test: the real model (src/kms simulate) against the independent
// minute-stepping reference model (test/oracle/reference-model.ts) on random deterministic worlds
// (scheduled windows only, no intermittent, no jitter, no discovery draw). Both runs feed a
// RunAggregator; timeline.csv and summary.csv must be byte-identical.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { simulate } from "../../src/kms/index.js";
import { buildLayout } from "../../src/kms/layout.js";
import type { FactSink } from "../../src/kms/facts.js";
import type { World } from "../../src/kms/world.js";
import { RunAggregator } from "../../src/report/run-aggregator.js";
import { group, host, world } from "../support/worlds.js";
import { referenceSimulate } from "./reference-model.js";
import { worldArb } from "./world-arbitrary.js";

const DAY = 1440;

function outputs(w: World, run: (sink: FactSink) => void): { timeline: string; summary: string } {
  const agg = new RunAggregator(w, buildLayout(w), {
    startEpochMs: Date.UTC(2027, 0, 4),
    sampleMin: null,
    scenario: "x",
    strategy: null,
    replication: 0,
    seed: 1,
  });
  run(agg);
  const { timeline, summary } = agg.finish();
  return { timeline, summary };
}

function firstDifference(a: string, b: string): string | null {
  const la = a.split("\n");
  const lb = b.split("\n");
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] !== lb[i]) return `line ${i + 1}:\n  real:      ${la[i] ?? "<none>"}\n  reference: ${lb[i] ?? "<none>"}\n  header:    ${la[0]}`;
  }
  return null;
}

/** Runs both models; returns null when the CSVs agree, else a description of the first difference. */
function compare(w: World): string | null {
  const real = outputs(w, (sink) => simulate(w, { seed: 1, replication: 0 }, sink));
  const ref = outputs(w, (sink) => referenceSimulate(w, sink));
  const d1 = firstDifference(real.timeline, ref.timeline);
  if (d1 !== null) return `timeline.csv ${d1}`;
  const d2 = firstDifference(real.summary, ref.summary);
  if (d2 !== null) return `summary.csv ${d2}`;
  return null;
}

function expectSame(w: World): void {
  const diff = compare(w);
  if (diff !== null) {
    throw new Error(`models disagree on world ${JSON.stringify(w)}\n${diff}`);
  }
  expect(diff).toBeNull();
}

// ---- tests -----------------------------------------------------------------------------------

describe("differential: real model vs reference model (timeline.csv, summary.csv)", () => {
  test("random deterministic worlds give identical CSVs", () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        const diff = compare(w);
        if (diff !== null) {
          console.log(`world: ${JSON.stringify(w)}\n${diff}`);
          return false;
        }
        return true;
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  test("regression: one host, 30 Windows 11 clients joining over a day", () => {
    expectSame(world({ durationMin: 5 * DAY, clients: [group("g", 30, { join: { at: 0, over: DAY } })] }));
  });

  test("regression: §H7 eleventh activation by rebuilds, key exception, then activated with empty tables", () => {
    const rebuilds = Array.from({ length: 10 }, (_, i) => 60 + i * 60);
    expectSame(
      world({
        durationMin: 4 * DAY,
        timers: { ...world({}).timers, keyExceptionDelayMin: 600, activationIntervalMin: 30 },
        hosts: [host("kms1", { rebuilds })],
        clients: [group("g", 8, { edition: "Windows Server 2022 Standard" })],
      }),
    );
  });

  test("regression: multi-hop link path, DNS outage, pinned and cached clients, failover on low count", () => {
    expectSame(
      world({
        durationMin: 6 * DAY,
        assumptions: { failoverOnLowCount: true, rejectedRequestsCounted: true, restartKeepsTables: false },
        timers: { ...world({}).timers, validityMin: 2 * DAY, renewalIntervalMin: 3 * DAY, ootGraceMin: DAY, oobGraceMin: 0 },
        sites: [
          { id: "hq", srvOverrides: [], dnsOutages: [{ kind: "window", start: DAY, end: 2 * DAY }] },
          { id: "mid", srvOverrides: [], dnsOutages: [] },
          { id: "far", srvOverrides: [{ host: "kms2", priority: 1 }], dnsOutages: [] },
        ],
        links: [
          { id: "l1", between: ["hq", "mid"], outages: [{ kind: "window", start: 600, end: 1400 }] },
          { id: "l2", between: ["mid", "far"], outages: [] },
        ],
        hosts: [
          host("kms1", { srv: { priority: 5, weight: 0 }, outages: [{ kind: "window", start: 3 * DAY, end: 3 * DAY + 300 }] }),
          host("kms2", { site: "far", os: "Windows Server 2019", csvlk: "Windows Server 2019", srv: { priority: 9, weight: 0 } }),
        ],
        clients: [
          group("a", 20, { site: "far", edition: "Windows 10 Enterprise", office: "Office LTSC 2021" }),
          group("b", 10, { kms: { kind: "pinned", host: "kms2" }, online: { kind: "office-hours" } }),
          group("c", 6, { cmid: "non-persistent", online: { kind: "office-hours" }, hostCaching: false }),
        ],
      }),
    );
  });

  test("regression: §H7 exception with a rebuild during the wait, a zero delay, duplicate and minute-0 rebuilds", () => {
    const t = world({}).timers;
    for (const keyExceptionDelayMin of [0, 200]) {
      expectSame(
        world({
          durationMin: 3 * DAY,
          timers: { ...t, keyExceptionDelayMin, activationIntervalMin: 15 },
          assumptions: { failoverOnLowCount: false, rejectedRequestsCounted: true, restartKeepsTables: true },
          hosts: [
            host("kms1", { rebuilds: [0, 0, 100, 100, 100, 200, 300, 400, 500, 600, 650, 700, 2000, 2000] }),
            host("kms2", { srv: { priority: 1, weight: 0 }, outages: [{ kind: "window", start: 0, end: 500 }] }),
          ],
          clients: [
            group("srv", 7, { edition: "Windows Server 2022 Standard", office: "Office LTSC 2021" }),
            group("w", 30, { hostCaching: false, join: { at: 0, over: 900 } }),
          ],
        }),
      );
    }
  });

  test("regression: fractional week offset, office hours, non-persistent Office, joins while offline", () => {
    expectSame(
      world({
        durationMin: 9 * DAY,
        startWeekOffsetMin: 4 * DAY + 17 * 60 + 0.5,
        timers: { ...world({}).timers, validityMin: DAY, renewalIntervalMin: 2 * DAY, ootGraceMin: 0 },
        hosts: [host("kms1", { officeKeys: ["Office LTSC 2021"] })],
        clients: [
          group("vdi", 12, { cmid: "non-persistent", online: { kind: "office-hours" }, office: "Office LTSC 2021", join: { at: 30, over: 3 * DAY } }),
          group("d", 30, { offline: [{ start: 2 * DAY, end: 2 * DAY + 7 }], retire: [{ at: 1, count: 2 }] }),
        ],
      }),
    );
  });

  test("regression: an empty group with office hours or an offline window after a group of 3 machines (count 0 is valid)", () => {
    // Real model threw "rank 11 out of range" here: FORMAT.md allows count 0 … 10 000 000.
    expectSame(
      world({
        durationMin: DAY,
        clients: [group("g0", 3), group("empty", 0, { offline: [{ start: 100, end: 200 }] })],
      }),
    );
    expectSame(
      world({
        durationMin: DAY,
        clients: [group("g0", 3), group("empty", 0, { online: { kind: "office-hours" } })],
      }),
    );
  });

  test("regression: clone group and retirements, entries ageing out after 30 days", () => {
    expectSame(
      world({
        durationMin: 35 * DAY,
        clients: [
          group("clones", 30, { cmid: "clone" }),
          group("u", 30, { retire: [{ at: 2 * DAY, count: 20 }, { at: 0, count: 3 }], join: { at: 10, over: 100 } }),
        ],
      }),
    );
  });
});
