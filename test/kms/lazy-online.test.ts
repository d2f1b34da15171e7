// Work proportional to what happens (issue 10 item 1, docs/performance.md): online patterns are
// read when a client asks, so machines with nothing due cost no events. Counted in events (the
// run's eventsProcessed), never timed.
import { describe, expect, test } from "vitest";
import { simulate } from "../../src/kms/index.js";
import type { FactSink } from "../../src/kms/facts.js";
import type { ClientGroupSpec, World } from "../../src/kms/world.js";
import { group, world } from "../support/worlds.js";
import { DAY } from "./model-helpers.js";

const noop = (): void => undefined;
const SINK: FactSink = {
  joined: noop,
  retired: noop,
  lapsed: noop,
  stateChanged: noop,
  request: noop,
  attemptEnded: noop,
  unreachableEnded: noop,
  hostCount: noop,
  hostUp: noop,
  hostRebuilt: noop,
  linkUp: noop,
  dnsUp: noop,
};

function stats(w: World): { eventsProcessed: number; attempts: number } {
  return simulate(w, { seed: 3, replication: 0 }, SINK);
}

function estate(count: number, extra: Partial<ClientGroupSpec>): World {
  return world({ durationMin: 60 * DAY, clients: [group("g", count, extra)] });
}

describe("lazy online patterns (issue 10)", () => {
  test("intermittent laptops toggling every hour cost events per attempt, not per toggle (§R2)", () => {
    // 200 laptops × 60 days × 24 toggles a day would be 288 000 toggle events; renewals are weekly.
    const { eventsProcessed, attempts } = stats(
      estate(200, { online: { kind: "intermittent", on: { kind: "exp", mean: 60 }, off: { kind: "exp", mean: 60 } } }),
    );
    expect(eventsProcessed).toBeLessThan(3 * attempts + 2 * 200);
  });

  test("office-hours desktops: an attempt due at night or at the weekend is one event, at the next opening (§R2, §C3)", () => {
    const { eventsProcessed, attempts } = stats(estate(200, { online: { kind: "office-hours" }, join: { at: 0, over: 7 * DAY } }));
    // Each attempt is one event; add the joins and an expiry check per client (validity 180 d).
    expect(eventsProcessed).toBeLessThanOrEqual(attempts + 2 * 200 + 20); // + a few count-table expiry checks
  });

  test("non-persistent machines keep an event per boot: each boot re-images the machine (§C7)", () => {
    const { eventsProcessed } = stats(
      estate(20, { cmid: "non-persistent", online: { kind: "intermittent", on: { kind: "fixed", value: 60 }, off: { kind: "fixed", value: 60 } } }),
    );
    expect(eventsProcessed).toBeGreaterThan(20 * 30 * 24); // ≥ one toggle an hour per machine
  });
});
