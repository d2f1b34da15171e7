// runUntil (src/engine/run.ts): the horizon of MODEL.md §T1, the returned count, and a clock that
// never goes backwards while handlers schedule (and cancel) more events.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EventQueue } from "../../src/engine/queue.js";
import { runUntil } from "../../src/engine/run.js";

const PHASES = 4;
const RANKS = 16;

type Key = [at: number, phase: number, rank: number];

function newQueue(): EventQueue {
  return new EventQueue({ phases: PHASES, rankLimit: RANKS });
}

function compareKeys(a: Key, b: Key): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** Runs to `horizon`, appending the key of every event the handler sees to `out`. */
function trace(q: EventQueue, horizon: number, out: Key[] = []): number {
  return runUntil(q, horizon, (ev) => {
    out.push([ev.at, ev.phase, ev.rank]);
  });
}

describe("runUntil(queue, horizon, handler)", () => {
  it("§T1: runs the events of minutes [0, horizon) and none at the horizon itself", () => {
    const q = newQueue();
    for (const at of [11, 0, 10, 9, 1]) q.schedule(at, 0, 0);
    const seen: Key[] = [];
    expect(trace(q, 10, seen)).toBe(3);
    expect(seen.map((k) => k[0])).toEqual([0, 1, 9]);
    expect(q.size).toBe(2);
  });

  it("§T1: an event at the horizon minute does not run in any phase, even one scheduled by a handler", () => {
    const q = newQueue();
    q.schedule(9, 3, 0);
    const seen: Key[] = [];
    runUntil(q, 10, (ev) => {
      seen.push([ev.at, ev.phase, ev.rank]);
      if (ev.rank === 0) {
        ev.schedule(10, 0, 0); // at the horizon: not run
        ev.schedule(9, 3, 5); // same (minute, phase), later rank: run
      }
    });
    expect(seen).toEqual([
      [9, 3, 0],
      [9, 3, 5],
    ]);
    expect(q.size).toBe(1);
    expect(q.peekMinute()).toBe(10);
  });

  it("the handler sees the running event's minute, phase and rank on the queue it was given", () => {
    const q = newQueue();
    q.schedule(4, 2, 7);
    let seen: { same: boolean; key: Key } | null = null;
    runUntil(q, 5, (ev) => {
      seen = { same: ev === q, key: [ev.at, ev.phase, ev.rank] };
    });
    expect(seen).toEqual({ same: true, key: [4, 2, 7] });
  });

  it("returns the number of events the handler was called for (cancelled ones excluded)", () => {
    const q = newQueue();
    for (let i = 0; i < 5; i++) q.schedule(i, 0, 0);
    q.cancel(q.schedule(2, 1, 0));
    let calls = 0;
    const n = runUntil(q, 100, () => {
      calls++;
    });
    expect(n).toBe(5);
    expect(calls).toBe(5);
  });

  it("counts events scheduled by handlers during the run", () => {
    const q = newQueue();
    q.schedule(0, 0, 0);
    const n = runUntil(q, 100, (ev) => {
      if (ev.at < 9) ev.schedule(ev.at + 1, 0, 0);
    });
    expect(n).toBe(10);
    expect(q.size).toBe(0);
  });

  it("returns 0 for an empty queue or a horizon of 0, and leaves the events queued", () => {
    expect(runUntil(newQueue(), 10, () => undefined)).toBe(0);
    const q = newQueue();
    q.schedule(0, 0, 0);
    expect(runUntil(q, 0, () => undefined)).toBe(0);
    expect(q.size).toBe(1);
  });

  it("events left at or after the horizon run in a later call with a larger horizon", () => {
    const q = newQueue();
    for (const at of [3, 10, 10, 15]) q.schedule(at, 1, 0);
    expect(trace(q, 10)).toBe(1);
    const rest: Key[] = [];
    expect(trace(q, 20, rest)).toBe(3);
    expect(rest.map((k) => k[0])).toEqual([10, 10, 15]);
  });

  it("a handler's exception propagates out of runUntil", () => {
    const q = newQueue();
    q.schedule(1, 0, 0);
    expect(() =>
      runUntil(q, 10, () => {
        throw new Error("model bug");
      }),
    ).toThrow("model bug");
  });

  it("§T2: the clock never goes backwards: (minute, phase, rank) never decreases while handlers schedule and cancel events (property)", () => {
    // Each event schedules up to three followers: a delay of 0 keeps the same minute, so the
    // phase and rank are raised as far as needed to stay at or after the running event.
    const follower = fc.record({ delay: fc.nat(5), phase: fc.nat(PHASES - 1), rank: fc.nat(RANKS - 1), cancel: fc.boolean() });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(5), fc.nat(PHASES - 1), fc.nat(RANKS - 1)), { minLength: 1, maxLength: 30 }),
        fc.array(fc.array(follower, { maxLength: 3 }), { minLength: 1, maxLength: 50 }),
        fc.integer({ min: 1, max: 40 }),
        (initial, plan, horizon) => {
          const q = newQueue();
          for (const [at, phase, rank] of initial) q.schedule(at, phase, rank);
          let step = 0;
          let prev: Key | null = null;
          let backwards = 0;
          let atOrAfterHorizon = 0;
          let calls = 0;
          const handles: number[] = [];
          const n = runUntil(q, horizon, (ev) => {
            calls++;
            const key: Key = [ev.at, ev.phase, ev.rank];
            if (prev !== null && compareKeys(key, prev) < 0) backwards++;
            if (ev.at >= horizon) atOrAfterHorizon++;
            prev = key;
            if (step >= 400) return; // bound the run
            for (const f of plan[step++ % plan.length]) {
              const at = ev.at + f.delay;
              const phase = f.delay === 0 ? Math.max(f.phase, ev.phase) : f.phase;
              const rank = f.delay === 0 && phase === ev.phase ? Math.max(f.rank, ev.rank) : f.rank;
              handles.push(ev.schedule(at, phase, rank));
              if (f.cancel) ev.cancel(handles[(step * 7 + handles.length) % handles.length]);
            }
          });
          expect(backwards).toBe(0);
          expect(atOrAfterHorizon).toBe(0);
          expect(n).toBe(calls);
          expect(q.peekMinute()).toBeGreaterThanOrEqual(horizon);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("running to h1 then to h2 runs the same events in the same order as one run to h2 (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(30), fc.nat(PHASES - 1), fc.nat(4)), { maxLength: 100 }),
        fc.nat(35),
        fc.nat(35),
        (events, a, b) => {
          const [h1, h2] = a <= b ? [a, b] : [b, a];
          const build = (): EventQueue => {
            const q = newQueue();
            for (const [at, phase, rank] of events) q.schedule(at, phase, rank);
            return q;
          };
          const whole: Key[] = [];
          const nWhole = trace(build(), h2, whole);
          const split: Key[] = [];
          const q = build();
          const nSplit = trace(q, h1, split) + trace(q, h2, split);
          expect(split).toEqual(whole);
          expect(nSplit).toBe(nWhole);
          expect(nWhole).toBe(events.filter(([at]) => at < h2).length);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("running in slices with handlers that schedule more events equals one run (property)", () => {
    // Every event at minute t < 25 schedules one follower at t + 1 + (rank mod 3), same phase,
    // rank + 1 wrapped: the queue keeps evolving across the slice boundaries.
    const handler = (log: Key[]) => (ev: EventQueue) => {
      log.push([ev.at, ev.phase, ev.rank]);
      if (ev.at < 25) ev.schedule(ev.at + 1 + (ev.rank % 3), ev.phase, (ev.rank + 1) % RANKS);
    };
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(10), fc.nat(PHASES - 1), fc.nat(RANKS - 1)), { minLength: 1, maxLength: 20 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 39 }), { maxLength: 6 }),
        (events, cuts) => {
          const build = (): EventQueue => {
            const q = newQueue();
            for (const [at, phase, rank] of events) q.schedule(at, phase, rank);
            return q;
          };
          const whole: Key[] = [];
          const nWhole = runUntil(build(), 40, handler(whole));
          const q = build();
          const split: Key[] = [];
          let nSplit = 0;
          for (const h of [...[...cuts].sort((x, y) => x - y), 40]) nSplit += runUntil(q, h, handler(split));
          expect(split).toEqual(whole);
          expect(nSplit).toBe(nWhole);
        },
      ),
      { numRuns: 200 },
    );
  });
});
