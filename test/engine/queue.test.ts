// EventQueue (src/engine/queue.ts): the (minute, phase, rank) order of MODEL.md §T2, FIFO among
// fully equal keys, lazy cancel, and the guards against scheduling into the past.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EventQueue } from "../../src/engine/queue.js";
import { createStream } from "../../src/engine/streams.js";

interface Popped {
  at: number;
  phase: number;
  rank: number;
  payload: number;
}

interface Planned {
  at: number;
  phase: number;
  rank: number;
  id: number;
}

/** Pops every event before `horizon` and returns them in order. */
function drain(q: EventQueue, horizon = Infinity): Popped[] {
  const out: Popped[] = [];
  while (q.next(horizon)) out.push({ at: q.at, phase: q.phase, rank: q.rank, payload: q.payload });
  return out;
}

function compareKeys(a: { at: number; phase: number; rank: number }, b: { at: number; phase: number; rank: number }): number {
  return a.at - b.at || a.phase - b.phase || a.rank - b.rank;
}

/** What the queue must produce: the scheduling order, stably sorted by (minute, phase, rank). */
function expectedOrder(scheduled: readonly Planned[]): number[] {
  return scheduled
    .map((e, i) => ({ e, i }))
    .sort((x, y) => compareKeys(x.e, y.e) || x.i - y.i)
    .map(({ e }) => e.id);
}

function scheduleAll(q: EventQueue, events: readonly Planned[]): void {
  for (const e of events) q.schedule(e.at, e.phase, e.rank, e.id);
}

const PHASES = 4;

/** Events with small ranges so that equal minutes, phases, ranks and whole keys are frequent. */
const eventsArb = fc
  .array(fc.record({ at: fc.nat(12), phase: fc.nat(PHASES - 1), rank: fc.nat(8) }), { maxLength: 300 })
  .map((keys) => keys.map((k, id): Planned => ({ ...k, id })));

describe("EventQueue order (§T2)", () => {
  it("§T2: the same set of events pops in the same (minute, phase, rank) order whatever order it was scheduled in", () => {
    fc.assert(
      fc.property(
        eventsArb.chain((events) =>
          fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length })),
        ),
        ([events, shuffled]) => {
          const a = new EventQueue(PHASES);
          scheduleAll(a, events);
          const b = new EventQueue(PHASES);
          scheduleAll(b, shuffled);
          const keysA = drain(a).map(({ at, phase, rank }) => [at, phase, rank]);
          const keysB = drain(b).map(({ at, phase, rank }) => [at, phase, rank]);
          expect(keysB).toEqual(keysA);
          expect(keysA).toEqual([...events].sort(compareKeys).map(({ at, phase, rank }) => [at, phase, rank]));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("§T2: events with distinct keys pop in exactly the same sequence for any scheduling order", () => {
    const distinct = fc
      .uniqueArray(fc.record({ at: fc.nat(30), phase: fc.nat(PHASES - 1), rank: fc.nat(30) }), {
        selector: (k) => `${k.at}/${k.phase}/${k.rank}`,
        maxLength: 200,
      })
      .map((keys) => keys.map((k, id): Planned => ({ ...k, id })));
    fc.assert(
      fc.property(
        distinct.chain((events) =>
          fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length })),
        ),
        ([events, shuffled]) => {
          const a = new EventQueue(PHASES);
          scheduleAll(a, events);
          const b = new EventQueue(PHASES);
          scheduleAll(b, shuffled);
          expect(drain(b).map((e) => e.payload)).toEqual(drain(a).map((e) => e.payload));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("events pop in scheduling order stably sorted by (minute, phase, rank): FIFO among fully equal keys", () => {
    fc.assert(
      fc.property(eventsArb, (events) => {
        const q = new EventQueue(PHASES);
        scheduleAll(q, events);
        expect(drain(q).map((e) => e.payload)).toEqual(expectedOrder(events));
        expect(q.size).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it("events with fully equal (minute, phase, rank) run in the order they were scheduled (FIFO)", () => {
    const q = new EventQueue(PHASES);
    for (let i = 0; i < 10; i++) {
      q.schedule(7, 2, 3, i);
      q.schedule(7, 2, 4, 100 + i); // interleaved with a later rank of the same bucket
    }
    const popped = drain(q).map((e) => e.payload);
    expect(popped).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109]);
  });

  it("§T2: within a minute the four phases run in order 0 → 3, whatever the ranks", () => {
    const q = new EventQueue(PHASES);
    q.schedule(5, 3, 0, 3); // activation attempt
    q.schedule(5, 2, 1, 2); // licence expiry
    q.schedule(5, 1, 2, 1); // population
    q.schedule(5, 0, 1000, 0); // infrastructure, a high rank does not move it after phase 1
    expect(drain(q).map((e) => [e.phase, e.payload])).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
  });

  it("§T2: the minute comes before the phase: phase 0 of minute t + 1 runs after phase 3 of minute t", () => {
    const q = new EventQueue(PHASES);
    q.schedule(6, 0, 0, 1);
    q.schedule(5, 3, 99, 0);
    expect(drain(q).map((e) => [e.at, e.phase, e.payload])).toEqual([
      [5, 3, 0],
      [6, 0, 1],
    ]);
  });

  it("the number of phases is the constructor's; a phase outside 0 … phases − 1 or a non-integer phase throws", () => {
    const q = new EventQueue(2);
    expect(() => q.schedule(0, 2, 0, 0)).toThrow(/phase/);
    expect(() => q.schedule(0, -1, 0, 0)).toThrow(/phase/);
    expect(() => q.schedule(0, 0.5, 0, 0)).toThrow(/phase/);
    expect(() => q.schedule(0, Number.NaN, 0, 0)).toThrow(/phase/);
    expect(q.size).toBe(0);
    expect(() => new EventQueue(0)).toThrow(/phases/);
    expect(() => new EventQueue(1.5)).toThrow(/phases/);
  });

  it("large buckets (> 128 events, unsorted ranks) still pop in rank order with FIFO ties", () => {
    for (const n of [63, 64, 65, 129, 200, 1000, 5000]) {
      const rnd = createStream(7, 0, `test/queue/large-bucket/${n}`);
      const events: Planned[] = [];
      for (let id = 0; id < n; id++) events.push({ at: 3, phase: 1, rank: Math.floor(rnd.next() * (n / 4)), id });
      const q = new EventQueue(PHASES);
      scheduleAll(q, events);
      const popped = drain(q);
      expect(popped.map((e) => e.payload)).toEqual(expectedOrder(events));
      for (let i = 1; i < popped.length; i++) expect(popped[i].rank).toBeGreaterThanOrEqual(popped[i - 1].rank);
    }
  });

  it("large buckets of random size and ranks pop in rank order with FIFO ties (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(20), { minLength: 100, maxLength: 400 }), (ranks) => {
        const events = ranks.map((rank, id): Planned => ({ at: 0, phase: 0, rank, id }));
        const q = new EventQueue(PHASES);
        scheduleAll(q, events);
        expect(drain(q).map((e) => e.payload)).toEqual(expectedOrder(events));
      }),
      { numRuns: 50 },
    );
  });
});

describe("EventQueue minute validation", () => {
  it("a non-integer, negative, NaN or infinite minute throws and leaves the queue unchanged", () => {
    const q = new EventQueue(PHASES);
    q.schedule(1, 0, 0, 42);
    for (const bad of [1.5, -1, -0.5, Number.NaN, Infinity, -Infinity]) {
      expect(() => q.schedule(bad, 0, 0, 0)).toThrow(/minute/);
    }
    expect(q.size).toBe(1);
    expect(drain(q).map((e) => e.payload)).toEqual([42]);
  });

  it("minute 0 and very large whole minutes are accepted", () => {
    const q = new EventQueue(PHASES);
    q.schedule(2 ** 40, 3, 0, 2);
    q.schedule(0, 0, 0, 1);
    expect(drain(q).map((e) => [e.at, e.payload])).toEqual([
      [0, 1],
      [2 ** 40, 2],
    ]);
  });
});

describe("EventQueue scheduling while an event runs", () => {
  /** Opens the bucket (5, 1) and stops on its event of rank 3. */
  function runningAtRank3(): EventQueue {
    const q = new EventQueue(PHASES);
    q.schedule(5, 1, 3, 0);
    q.schedule(5, 1, 5, 1);
    q.schedule(5, 1, 7, 2);
    q.schedule(6, 0, 0, 3);
    expect(q.next(Infinity)).toBe(true);
    expect([q.at, q.phase, q.rank, q.payload]).toEqual([5, 1, 3, 0]);
    return q;
  }

  it("scheduling into the running bucket at a higher rank runs it in that bucket, in rank order", () => {
    const q = runningAtRank3();
    q.schedule(5, 1, 6, 10);
    expect(drain(q).map((e) => e.payload)).toEqual([1, 10, 2, 3]);
  });

  it("scheduling into the running bucket at the running rank runs it right after the current event (and after queued equal ranks)", () => {
    const q = runningAtRank3();
    q.schedule(5, 1, 3, 10);
    q.schedule(5, 1, 7, 11); // after the already queued rank-7 event (FIFO)
    q.schedule(5, 1, 3, 12); // after 10 (FIFO)
    expect(drain(q).map((e) => e.payload)).toEqual([10, 12, 1, 2, 11, 3]);
  });

  it("the running bucket accepts events after its last queued one, also once it is exhausted", () => {
    const q = new EventQueue(PHASES);
    q.schedule(2, 3, 4, 0);
    const seen: number[] = [];
    while (q.next(Infinity)) {
      seen.push(q.payload);
      if (q.payload < 3) q.schedule(2, 3, 4, q.payload + 1);
    }
    expect(seen).toEqual([0, 1, 2, 3]);
  });

  it("scheduling into the running bucket at a lower rank throws (it would run in the past) and changes nothing", () => {
    const q = runningAtRank3();
    expect(() => q.schedule(5, 1, 2, 10)).toThrow(/past/);
    expect(q.size).toBe(3);
    expect(drain(q).map((e) => e.payload)).toEqual([1, 2, 3]);
  });

  it("scheduling at an earlier minute, or an earlier phase of the running minute, throws", () => {
    const q = runningAtRank3();
    expect(() => q.schedule(4, 3, 99, 10)).toThrow(/past/);
    expect(() => q.schedule(5, 0, 99, 11)).toThrow(/past/);
    expect(q.size).toBe(3);
    expect(drain(q).map((e) => e.payload)).toEqual([1, 2, 3]);
  });

  it("a later phase of the running minute accepts any rank, even one below the running rank", () => {
    const q = runningAtRank3();
    q.schedule(5, 2, 0, 10);
    q.schedule(5, 1, 99, 11);
    expect(drain(q).map((e) => e.payload)).toEqual([1, 2, 11, 10, 3]);
  });

  it("after the queue stops, an earlier minute or phase than the last one run is still in the past and throws", () => {
    const q = new EventQueue(PHASES);
    q.schedule(5, 1, 7, 0);
    expect(drain(q)).toHaveLength(1);
    expect(() => q.schedule(5, 0, 9, 1)).toThrow(/past/);
    expect(() => q.schedule(4, 3, 9, 1)).toThrow(/past/);
    q.schedule(5, 1, 7, 2); // the same key is not the past: it runs next
    q.schedule(5, 1, 8, 3);
    expect(drain(q).map((e) => e.payload)).toEqual([2, 3]);
  });
});

describe("EventQueue lazy cancel", () => {
  it("a (minute, phase) whose events were all cancelled is not the past: any rank can still be scheduled there", () => {
    const q = new EventQueue(PHASES);
    q.schedule(1, 0, 5, 1);
    q.cancel(q.schedule(2, 0, 9, 2));
    expect(drain(q).map((e) => e.payload)).toEqual([1]); // opens (2, 0) and finds only a cancelled event
    q.schedule(2, 0, 3, 3);
    q.schedule(2, 1, 0, 4);
    expect(drain(q).map((e) => e.payload)).toEqual([3, 4]);
  });

  it("a cancelled event never runs; the others run in order", () => {
    const q = new EventQueue(PHASES);
    const handles = [0, 1, 2, 3, 4].map((i) => q.schedule(i, 0, 0, i));
    q.cancel(handles[1]);
    q.cancel(handles[3]);
    expect(drain(q).map((e) => e.payload)).toEqual([0, 2, 4]);
    expect(q.size).toBe(0);
  });

  it("cancelling the same handle twice is harmless", () => {
    const q = new EventQueue(PHASES);
    const h = q.schedule(1, 0, 0, 1);
    q.schedule(2, 0, 0, 2);
    q.cancel(h);
    q.cancel(h);
    expect(drain(q).map((e) => e.payload)).toEqual([2]);
  });

  it("cancelling after the event ran is harmless and does not cancel a newer event reusing its slot", () => {
    const q = new EventQueue(PHASES);
    const old = q.schedule(1, 0, 0, 1);
    expect(drain(q).map((e) => e.payload)).toEqual([1]);
    const newer = q.schedule(2, 0, 0, 2); // takes the freed slot
    expect(newer % 2 ** 26).toBe(old % 2 ** 26); // same slot, so the generation is what tells them apart
    expect(newer).not.toBe(old);
    q.cancel(old);
    q.cancel(old);
    expect(drain(q).map((e) => e.payload)).toEqual([2]);
  });

  it("a cancelled event's stale handle does not cancel the event that later reuses its slot", () => {
    const q = new EventQueue(PHASES);
    const h = q.schedule(1, 0, 0, 1);
    q.cancel(h);
    expect(drain(q)).toEqual([]); // the cancelled slot is released when it surfaces
    q.schedule(2, 0, 0, 2);
    q.cancel(h);
    expect(drain(q).map((e) => e.payload)).toEqual([2]);
  });

  it("an event cancelled by an earlier event of the same bucket does not run; cancelling the running event is harmless", () => {
    const q = new EventQueue(PHASES);
    const first = q.schedule(3, 3, 1, 1);
    const second = q.schedule(3, 3, 2, 2);
    q.schedule(3, 3, 3, 3);
    const seen: number[] = [];
    while (q.next(Infinity)) {
      seen.push(q.payload);
      if (q.payload === 1) {
        q.cancel(first); // itself: already running
        q.cancel(second);
      }
    }
    expect(seen).toEqual([1, 3]);
  });

  it("cancelled events count in size until they surface", () => {
    const q = new EventQueue(PHASES);
    const h = q.schedule(1, 0, 0, 1);
    q.schedule(2, 0, 0, 2);
    q.cancel(h);
    expect(q.size).toBe(2);
    expect(q.next(Infinity)).toBe(true);
    expect(q.payload).toBe(2);
    expect(q.size).toBe(0);
  });

  it("after any mix of schedules and cancels, exactly the never-cancelled events run, in key order (property)", () => {
    const ops = fc.array(
      fc.oneof(
        fc.record({ op: fc.constant("schedule" as const), at: fc.nat(10), phase: fc.nat(PHASES - 1), rank: fc.nat(5) }),
        fc.record({ op: fc.constant("cancel" as const), pick: fc.nat() }),
        fc.record({ op: fc.constant("step" as const) }),
      ),
      { maxLength: 200 },
    );
    fc.assert(
      fc.property(ops, (list) => {
        const q = new EventQueue(PHASES);
        const pending = new Map<number, Planned>(); // id → event, scheduled and not cancelled nor run
        const handles: number[] = []; // by id, including ran and cancelled ones
        const ran: Popped[] = [];
        let nextId = 0;
        let stepped = false;
        for (const o of list) {
          if (o.op === "schedule") {
            // Never schedule into the past: once the queue has moved, only after its minute (q.at also
            // advances over buckets whose events were all cancelled).
            const at = stepped ? q.at + 1 + o.at : o.at;
            const e: Planned = { at, phase: o.phase, rank: o.rank, id: nextId++ };
            handles.push(q.schedule(e.at, e.phase, e.rank, e.id));
            pending.set(e.id, e);
          } else if (o.op === "cancel") {
            if (handles.length === 0) continue;
            const id = o.pick % handles.length;
            q.cancel(handles[id]); // may already have run or been cancelled: harmless
            pending.delete(id);
          } else {
            stepped = true;
            if (q.next(Infinity)) {
              ran.push({ at: q.at, phase: q.phase, rank: q.rank, payload: q.payload });
              expect(pending.has(q.payload)).toBe(true);
              pending.delete(q.payload);
            }
          }
        }
        const rest = drain(q);
        for (const e of rest) {
          expect(pending.has(e.payload)).toBe(true);
          pending.delete(e.payload);
        }
        expect(pending.size).toBe(0);
        const all = [...ran, ...rest];
        for (let i = 1; i < all.length; i++) expect(compareKeys(all[i - 1], all[i])).toBeLessThanOrEqual(0);
        expect(q.size).toBe(0);
      }),
      { numRuns: 200 },
    );
  });
});

describe("EventQueue peekMinute, next(horizon) and slot reuse", () => {
  it("peekMinute is Infinity on an empty queue and the earliest minute otherwise", () => {
    const q = new EventQueue(PHASES);
    expect(q.peekMinute()).toBe(Infinity);
    q.schedule(9, 3, 0, 0);
    q.schedule(4, 2, 0, 1);
    expect(q.peekMinute()).toBe(4);
  });

  it("§T1: next(horizon) never pops an event at the horizon minute; it stays queued for a later horizon", () => {
    const q = new EventQueue(PHASES);
    q.schedule(9, 3, 0, 9);
    q.schedule(10, 0, 0, 10);
    expect(drain(q, 10).map((e) => e.payload)).toEqual([9]);
    expect(q.size).toBe(1);
    expect(q.peekMinute()).toBe(10);
    expect(drain(q, 11).map((e) => e.payload)).toEqual([10]);
  });

  it("the payload is any float64 and comes back unchanged", () => {
    const q = new EventQueue(PHASES);
    const values = [0, -1, 0.1, 2 ** 52 + 1, -(2 ** 31), Number.MAX_SAFE_INTEGER];
    values.forEach((v, i) => q.schedule(i, 0, 0, v));
    expect(drain(q).map((e) => e.payload)).toEqual(values);
  });

  it("slots are recycled: a long run with three live events uses three slots and keeps exact order", () => {
    const q = new EventQueue(PHASES);
    for (let i = 0; i < 3; i++) q.schedule(i, i, i, i);
    let count = 0;
    let prevAt = -1;
    let maxSlot = 0;
    let backwards = 0;
    while (q.next(50_000)) {
      if (q.at < prevAt) backwards++;
      prevAt = q.at;
      count++;
      const h = q.schedule(q.at + 1 + (q.payload % 3), q.phase, q.rank, q.payload);
      maxSlot = Math.max(maxSlot, h % 2 ** 26);
    }
    expect(backwards).toBe(0);
    expect(count).toBeGreaterThan(50_000);
    expect(maxSlot).toBeLessThan(3);
    expect(q.size).toBe(3);
  });

  it("handles stay exact integers when a slot's generation wraps around (white-box: 2^27 reuses of one slot)", () => {
    const q = new EventQueue(PHASES);
    // Fast-forward slot 1 to its last generation instead of reusing it 134 M times.
    (q as unknown as { generations: Uint32Array }).generations[1] = 2 ** 27 - 1;
    q.schedule(0, 0, 0, 0); // slot 0
    const b = q.schedule(0, 0, 1, 1); // slot 1, last generation
    expect(Number.isSafeInteger(b)).toBe(true);
    expect(drain(q).map((e) => e.payload)).toEqual([0, 1]);
    const c = q.schedule(1, 0, 0, 2); // reuses slot 1 with a wrapped generation
    q.schedule(1, 0, 1, 3);
    expect(Number.isSafeInteger(c)).toBe(true);
    q.cancel(b); // stale: harmless
    q.cancel(c);
    expect(drain(q).map((e) => e.payload)).toEqual([3]);
  });
});
