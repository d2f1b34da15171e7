// EventQueue's calendar (src/engine/queue.ts) against the plainest correct queue: one bare
// FastPriorityQueue of the same packed keys with the same lazy-cancel rule. Whatever the mix of
// schedule, next(horizon), peekMinute and cancel, both must give the same events in the same
// order, the same answers and the same sizes — for keys in the current bucket, in the window, far
// beyond it (the far heap), near minuteLimit, and for many ranks in one minute. Small windows
// (1–8 buckets of 1–4 minutes) make the ring wrap, the window slide and jump on every few events.
import FastPriorityQueue from "fastpriorityqueue";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BUCKETS, BUCKET_MINUTES, EventQueue } from "../../src/engine/queue.js";

/** The single-heap queue the calendar replaced, kept here as the oracle of the pop order. */
class ReferenceQueue {
  at = 0;
  phase = 0;
  rank = 0;
  private readonly heap = new FastPriorityQueue<number>((a, b) => a < b);
  private readonly cancelled = new Map<number, number>();
  private readonly rankSpace: number;
  private readonly minuteSpace: number;
  private passedKey = -1;

  constructor(
    readonly phases: number,
    rankLimit: number,
  ) {
    let rankSpace = 1;
    while (rankSpace < rankLimit) rankSpace *= 2;
    this.rankSpace = rankSpace;
    this.minuteSpace = phases * rankSpace;
  }

  get size(): number {
    return this.heap.size;
  }

  schedule(at: number, phase: number, rank: number): number {
    const key = at * this.minuteSpace + phase * this.rankSpace + rank;
    if (key <= this.passedKey) this.passedKey = key - 1;
    this.heap.add(key);
    return key;
  }

  cancel(key: number): void {
    if (key <= this.passedKey) return;
    this.cancelled.set(key, (this.cancelled.get(key) ?? 0) + 1);
  }

  peekMinute(): number {
    const key = this.heap.peek();
    return key === undefined ? Infinity : Math.floor(key / this.minuteSpace);
  }

  next(horizon: number): boolean {
    const horizonKey = Math.ceil(horizon) * this.minuteSpace;
    for (;;) {
      const key = this.heap.peek();
      if (key === undefined || key >= horizonKey) return false;
      this.heap.poll();
      this.passedKey = key;
      const n = this.cancelled.get(key);
      if (n !== undefined) {
        if (n === 1 || this.heap.peek() !== key) this.cancelled.delete(key);
        else this.cancelled.set(key, n - 1);
        continue;
      }
      this.rank = key % this.rankSpace;
      const minutePhase = (key - this.rank) / this.rankSpace;
      this.phase = minutePhase % this.phases;
      this.at = (minutePhase - this.phase) / this.phases;
      return true;
    }
  }
}

type Op =
  | { op: "schedule"; when: "same" | "near" | "window" | "far" | "edge"; delay: number; phase: number; rank: number }
  | { op: "burst"; delay: number; phase: number; ranks: number[] }
  | { op: "cancel"; pick: number }
  | { op: "next"; ahead: number }
  | { op: "peek" };

const PHASES = 4;
const RANK_LIMIT = 1000;

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant("schedule" as const), when: fc.constantFrom("same" as const, "near" as const, "window" as const, "far" as const, "edge" as const), delay: fc.nat(), phase: fc.nat(PHASES - 1), rank: fc.nat(RANK_LIMIT - 1) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("burst" as const), delay: fc.nat(40), phase: fc.nat(PHASES - 1), ranks: fc.array(fc.nat(RANK_LIMIT - 1), { minLength: 20, maxLength: 200 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("cancel" as const), pick: fc.nat() }) },
  { weight: 5, arbitrary: fc.record({ op: fc.constant("next" as const), ahead: fc.oneof(fc.constant(Infinity), fc.nat(80)) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("peek" as const) }) },
);

const layoutArb = fc.oneof(
  fc.record({ bucketMinutes: fc.constantFrom(1, 2, 4), buckets: fc.integer({ min: 1, max: 8 }) }),
  fc.constant({ bucketMinutes: BUCKET_MINUTES, buckets: BUCKETS }),
);

/** Runs the ops on both queues and returns nothing: every answer is compared as it comes. */
function replay(ops: readonly Op[], layout: { bucketMinutes: number; buckets: number }): void {
  const q = new EventQueue({ phases: PHASES, rankLimit: RANK_LIMIT, ...layout });
  const ref = new ReferenceQueue(PHASES, RANK_LIMIT);
  const handles: number[] = [];
  let current: [number, number, number] = [0, 0, 0];
  let started = false;
  const both = (at: number, phase: number, rank: number): void => {
    // Never into the past: raise the key to at least the running event's.
    if (started && at === current[0]) {
      phase = Math.max(phase, current[1]);
      if (phase === current[1]) rank = Math.max(rank, current[2]);
    }
    const h = q.schedule(at, phase, rank);
    expect(ref.schedule(at, phase, rank)).toBe(h);
    handles.push(h);
  };
  for (const o of ops) {
    const now = current[0];
    if (o.op === "schedule") {
      const span = layout.bucketMinutes * layout.buckets;
      const delay =
        o.when === "same" ? 0
        : o.when === "near" ? o.delay % (2 * layout.bucketMinutes + 1)
        : o.when === "window" ? o.delay % (2 * span + 1)
        : o.when === "far" ? o.delay % (1_000_000 * span)
        : q.minuteLimit - 1 - now - (o.delay % 3); // near minuteLimit: far heap and window jumps
      both(Math.min(now + Math.max(0, delay), q.minuteLimit - 1), o.phase, o.rank);
    } else if (o.op === "burst") {
      for (const r of o.ranks) both(Math.min(now + o.delay, q.minuteLimit - 1), o.phase, r);
    } else if (o.op === "cancel") {
      if (handles.length === 0) continue;
      const h = handles[o.pick % handles.length];
      q.cancel(h);
      ref.cancel(h);
    } else if (o.op === "next") {
      const horizon = now + o.ahead;
      const ran = q.next(horizon);
      expect(ref.next(horizon)).toBe(ran);
      if (ran) {
        expect([q.at, q.phase, q.rank]).toEqual([ref.at, ref.phase, ref.rank]);
        current = [q.at, q.phase, q.rank];
        started = true;
      }
    } else {
      expect(q.peekMinute()).toBe(ref.peekMinute());
    }
    expect(q.size).toBe(ref.size);
  }
  while (q.next(Infinity)) {
    expect(ref.next(Infinity)).toBe(true);
    expect([q.at, q.phase, q.rank]).toEqual([ref.at, ref.phase, ref.rank]);
  }
  expect(ref.next(Infinity)).toBe(false);
  expect(q.size).toBe(0);
}

describe("EventQueue calendar against a bare FastPriorityQueue", () => {
  it("§T2: random interleavings of schedule, next(horizon), peekMinute and cancel give the reference's events, answers and sizes (property)", () => {
    fc.assert(
      fc.property(layoutArb, fc.array(opArb, { maxLength: 400 }), (layout, ops) => replay(ops, layout)),
      { numRuns: 400 },
    );
  });

  it("§T2: a million-minute spread with a one-bucket window pops in key order (far heap, jumps on every bucket)", () => {
    const q = new EventQueue({ phases: PHASES, rankLimit: RANK_LIMIT, bucketMinutes: 1, buckets: 1 });
    const ref = new ReferenceQueue(PHASES, RANK_LIMIT);
    let x = 12345;
    for (let i = 0; i < 5000; i++) {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      const at = x % 1_000_000;
      expect(q.schedule(at, i % PHASES, i % RANK_LIMIT)).toBe(ref.schedule(at, i % PHASES, i % RANK_LIMIT));
    }
    while (q.next(Infinity)) {
      expect(ref.next(Infinity)).toBe(true);
      expect([q.at, q.phase, q.rank]).toEqual([ref.at, ref.phase, ref.rank]);
    }
    expect(ref.size).toBe(0);
  });

  it("§T2: events scheduled into the current bucket while it is being read pop in key order with the sorted rest", () => {
    const q = new EventQueue({ phases: PHASES, rankLimit: RANK_LIMIT, bucketMinutes: 4, buckets: 4 });
    for (const r of [50, 10, 30]) q.schedule(1, 2, r);
    q.schedule(3, 0, 0);
    expect(q.next(Infinity)).toBe(true); // (1, 2, 10): the bucket of minutes 0–3 is now sorted
    q.schedule(1, 2, 20); // same minute, between sorted keys
    q.schedule(2, 1, 0); // same bucket, later minute
    q.schedule(1, 3, 0);
    const out: number[][] = [[q.at, q.phase, q.rank]];
    while (q.next(Infinity)) out.push([q.at, q.phase, q.rank]);
    expect(out).toEqual([
      [1, 2, 10],
      [1, 2, 20],
      [1, 2, 30],
      [1, 2, 50],
      [1, 3, 0],
      [2, 1, 0],
      [3, 0, 0],
    ]);
  });

  it("§T1: an event scheduled after next(horizon) stopped before a later bucket still runs first", () => {
    const q = new EventQueue({ phases: PHASES, rankLimit: RANK_LIMIT, bucketMinutes: 2, buckets: 2 });
    q.schedule(0, 0, 0);
    q.schedule(100, 0, 0); // far: beyond the 4-minute window
    expect(q.next(50)).toBe(true);
    expect(q.next(50)).toBe(false); // looked at minute 100's bucket without running it
    q.schedule(7, 1, 1); // before that bucket, after the clock
    expect(q.peekMinute()).toBe(7);
    expect(q.next(Infinity)).toBe(true);
    expect(q.at).toBe(7);
    expect(q.next(Infinity)).toBe(true);
    expect(q.at).toBe(100);
  });

  it("bucketMinutes must be a power of two and buckets a whole number ≥ 1", () => {
    for (const bucketMinutes of [0, 3, 1.5, -2, Number.NaN]) expect(() => new EventQueue({ rankLimit: 4, bucketMinutes })).toThrow(/bucketMinutes/);
    for (const buckets of [0, 1.5, -1, Number.NaN, 2 ** 25]) expect(() => new EventQueue({ rankLimit: 4, buckets })).toThrow(/buckets/);
  });
});
