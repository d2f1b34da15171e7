// The event estimate (docs/limits.md "Estimated events"): an order of magnitude from the world's
// rates — estimateEvents(world) the events, estimateWork(world) what the runaway warning weighs.
import { describe, expect, it } from "vitest";
import { estimateEvents, estimateWork, meanMinutes } from "../../src/kms/event-estimate.js";
import { simulate } from "../../src/kms/index.js";
import { group, host, world } from "../support/worlds.js";

const YEAR = 525_600;
const noFacts = new Proxy({}, { get: () => () => undefined }) as Parameters<typeof simulate>[2];

describe("estimateEvents(world)", () => {
  it("the mean of each distribution kind (lognormal: median × e^(σ²/2))", () => {
    expect(meanMinutes({ kind: "fixed", value: 5 })).toBe(5);
    expect(meanMinutes({ kind: "exp", mean: 60 })).toBe(60);
    expect(meanMinutes({ kind: "uniform", min: 10, max: 30 })).toBe(20);
    expect(meanMinutes({ kind: "lognormal", median: 100, sigma: 1 })).toBeCloseTo(100 * Math.exp(0.5), 9);
  });

  it("an always-online estate: per licensing client a join, a first activation and a renewal every 7 days", () => {
    const w = world({ durationMin: YEAR, hosts: [host("kms1")], clients: [group("g", 1_000, { office: "Office LTSC 2021" })] });
    expect(estimateEvents(w)).toBeCloseTo(2_000 * (2 + YEAR / 10_080), 6);
  });

  it("is within 10 % of the events a small always-online run actually processes", () => {
    const w = world({ durationMin: YEAR, hosts: [host("kms1")], clients: [group("g", 500)] });
    const { eventsProcessed } = simulate(w, { seed: 1, replication: 0 }, noFacts);
    expect(estimateEvents(w) / eventsProcessed).toBeGreaterThan(0.9);
    expect(estimateEvents(w) / eventsProcessed).toBeLessThan(1.1);
  });

  it("is within 10 % of the events of small intermittent and office-hours runs", () => {
    const intermittent = world({
      durationMin: YEAR,
      hosts: [host("kms1")],
      clients: [group("g", 300, { online: { kind: "intermittent", on: { kind: "exp", mean: 480 }, off: { kind: "exp", mean: 960 } } })],
    });
    const office = world({ durationMin: YEAR, hosts: [host("kms1")], clients: [group("g", 300, { online: { kind: "office-hours" } })] });
    for (const w of [intermittent, office]) {
      const { eventsProcessed } = simulate(w, { seed: 1, replication: 0 }, noFacts);
      expect(estimateEvents(w) / eventsProcessed).toBeGreaterThan(0.9);
      expect(estimateEvents(w) / eventsProcessed).toBeLessThan(1.1);
    }
  });

  it("intermittent machines add two periods per on/off cycle to the work (two events when non-persistent); office hours add nothing", () => {
    const online = { kind: "intermittent", on: { kind: "fixed", value: 1 }, off: { kind: "fixed", value: 1 } } as const;
    const flappy = world({ durationMin: 100 * YEAR, clients: [group("g", 10_000, { online })] });
    // The 7-line scenario of issue 9: 10 000 clients toggling every minute for 100 years.
    expect(estimateWork(flappy)).toBeGreaterThan(5e11);
    expect(estimateWork(flappy)).toBeLessThan(6e11);
    expect(estimateEvents(flappy)).toBeLessThan(1e9);
    const reimaged = world({ durationMin: 100 * YEAR, clients: [group("g", 10_000, { online, cmid: "non-persistent" })] });
    expect(estimateEvents(reimaged)).toBeGreaterThan(5e11);
    const office = world({ durationMin: 10_080, clients: [group("g", 100, { online: { kind: "office-hours" } })] });
    expect(estimateEvents(office)).toBeCloseTo(100 * (2 + 1), 6);
    expect(estimateWork(office)).toBe(estimateEvents(office));
  });

  it("outages: two events per window, two per up/down cycle of a random process", () => {
    const w = world({
      durationMin: 1_000,
      hosts: [
        host("kms1", {
          outages: [
            { kind: "window", start: 10, end: 20 },
            { kind: "random", upTime: { kind: "fixed", value: 90 }, downTime: { kind: "fixed", value: 10 } },
          ],
          rebuilds: [5],
        }),
      ],
    });
    expect(estimateEvents(w)).toBe(2 + 20 + 1);
  });
});
