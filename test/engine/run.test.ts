// runUntil (src/engine/run.ts): the horizon of MODEL.md §T1, the returned count, and a clock that
// never goes backwards while handlers schedule more events.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EventQueue } from "../../src/engine/queue.js";
import { runUntil } from "../../src/engine/run.js";

const PHASES = 4;

type Key = [at: number, phase: number, rank: number, payload: number];

function trace(q: EventQueue, horizon: number, out: Key[] = []): number {
  return runUntil(q, horizon, (ev) => {
    out.push([ev.at, ev.phase, ev.rank, ev.payload]);
  });
}

describe("runUntil(queue, horizon, handler)", () => {
  it("§T1: runs the events of minutes [0, horizon) and none at the horizon itself", () => {
    const q = new EventQueue(PHASES);
    for (const at of [0, 1, 9, 10, 11]) q.schedule(at, 0, 0, at);
    const seen: Key[] = [];
    trace(q, 10, seen);
    expect(seen.map((k) => k[3])).toEqual([0, 1, 9]);
  });

  it("§T1: an event at the horizon minute does not run in any phase, even one scheduled by a handler", () => {
    const q = new EventQueue(PHASES);
    q.schedule(9, 3, 0, 1);
    const seen: number[] = [];
    runUntil(q, 10, (ev) => {
      seen.push(ev.payload);
      if (ev.payload === 1) {
        ev.schedule(10, 0, 0, 2); // at the horizon: not run
        ev.schedule(9, 3, 5, 3); // same bucket, later rank: run
      }
    });
    expect(seen).toEqual([1, 3]);
    expect(q.size).toBe(1);
    expect(q.peekMinute()).toBe(10);
  });

  it("returns the number of events the handler was called for (cancelled ones excluded)", () => {
    const q = new EventQueue(PHASES);
    for (let i = 0; i < 5; i++) q.schedule(i, 0, 0, i);
    const h = q.schedule(2, 1, 0, 99);
    q.cancel(h);
    let calls = 0;
    const n = runUntil(q, 100, () => {
      calls++;
    });
    expect(n).toBe(5);
    expect(calls).toBe(5);
  });

  it("counts events scheduled by handlers during the run", () => {
    const q = new EventQueue(PHASES);
    q.schedule(0, 0, 0, 0);
    const n = runUntil(q, 100, (ev) => {
      if (ev.payload < 9) ev.schedule(ev.at + 1, 0, 0, ev.payload + 1);
    });
    expect(n).toBe(10);
  });

  it("returns 0 for an empty queue or a horizon of 0, and leaves the events queued", () => {
    expect(runUntil(new EventQueue(PHASES), 10, () => undefined)).toBe(0);
    const q = new EventQueue(PHASES);
    q.schedule(0, 0, 0, 0);
    expect(runUntil(q, 0, () => undefined)).toBe(0);
    expect(q.size).toBe(1);
  });

  it("events left at or after the horizon run in a later call with a larger horizon", () => {
    const q = new EventQueue(PHASES);
    for (const at of [3, 10, 10, 15]) q.schedule(at, 1, 0, at);
    expect(trace(q, 10)).toBe(1);
    const rest: Key[] = [];
    expect(trace(q, 20, rest)).toBe(3);
    expect(rest.map((k) => k[0])).toEqual([10, 10, 15]);
  });

  it("a handler's exception propagates out of runUntil", () => {
    const q = new EventQueue(PHASES);
    q.schedule(1, 0, 0, 0);
    expect(() =>
      runUntil(q, 10, () => {
        throw new Error("model bug");
      }),
    ).toThrow("model bug");
  });

  it("the clock never goes backwards: (minute, phase, rank) never decreases while handlers schedule more events (property)", () => {
    // Each event schedules up to three followers: a delay of 0 keeps the same minute, so the
    // phase and rank are raised as far as needed to stay at or after the running event.
    const follower = fc.record({ delay: fc.nat(5), phase: fc.nat(PHASES - 1), rank: fc.nat(6), cancel: fc.boolean() });
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.nat(5), phase: fc.nat(PHASES - 1), rank: fc.nat(6) }), { minLength: 1, maxLength: 30 }),
        fc.array(fc.array(follower, { maxLength: 3 }), { minLength: 1, maxLength: 50 }),
        fc.integer({ min: 1, max: 40 }),
        (initial, plan, horizon) => {
          const q = new EventQueue(PHASES);
          initial.forEach((e, i) => q.schedule(e.at, e.phase, e.rank, i));
          let step = 0;
          let prev: Key | null = null;
          let backwards = 0;
          let atOrAfterHorizon = 0;
          const handles: number[] = [];
          const n = runUntil(q, horizon, (ev) => {
            const key: Key = [ev.at, ev.phase, ev.rank, ev.payload];
            if (prev !== null && (key[0] - prev[0] || key[1] - prev[1] || key[2] - prev[2]) < 0) backwards++;
            if (ev.at >= horizon) atOrAfterHorizon++;
            prev = key;
            if (step >= 400) return; // bound the run
            for (const f of plan[step++ % plan.length]) {
              const at = ev.at + f.delay;
              const phase = f.delay === 0 ? Math.max(f.phase, ev.phase) : f.phase;
              const rank = f.delay === 0 && phase === ev.phase ? Math.max(f.rank, ev.rank) : f.rank;
              const h = ev.schedule(at, phase, rank, step);
              handles.push(h);
              if (f.cancel) ev.cancel(handles[(h + step) % handles.length]);
            }
          });
          expect(backwards).toBe(0);
          expect(atOrAfterHorizon).toBe(0);
          expect(n).toBeGreaterThanOrEqual(0);
          expect(q.peekMinute()).toBeGreaterThanOrEqual(horizon);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("running to h1 then to h2 runs the same events in the same order as one run to h2 (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.nat(30), phase: fc.nat(PHASES - 1), rank: fc.nat(4) }), { maxLength: 100 }),
        fc.nat(35),
        fc.nat(35),
        (events, a, b) => {
          const [h1, h2] = a <= b ? [a, b] : [b, a];
          const build = (): EventQueue => {
            const q = new EventQueue(PHASES);
            events.forEach((e, i) => q.schedule(e.at, e.phase, e.rank, i));
            return q;
          };
          const whole: Key[] = [];
          const nWhole = trace(build(), h2, whole);
          const split: Key[] = [];
          const q = build();
          const nSplit = trace(q, h1, split) + trace(q, h2, split);
          expect(split).toEqual(whole);
          expect(nSplit).toBe(nWhole);
          expect(nWhole).toBe(events.filter((e) => e.at < h2).length);
        },
      ),
      { numRuns: 200 },
    );
  });
});
