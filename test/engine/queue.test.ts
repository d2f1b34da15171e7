// EventQueue (src/engine/queue.ts): the (minute, phase, rank) order of MODEL.md §T2, exact packed
// keys for any rankLimit and minutes up to minuteLimit, lazy cancel, and the guards against
// scheduling into the past.
//
// An event *is* its key: there is no payload, so two events with fully equal (minute, phase, rank)
// are indistinguishable. The old rule "FIFO among fully equal keys" therefore becomes: each
// schedule() of a key runs once, and identical events run back to back; which of them "runs first"
// is not observable and not tested.
import fc from "fast-check";
import { describe, expect, it, test } from "vitest";
import { EventQueue } from "../../src/engine/queue.js";
import { createStream } from "../../src/engine/streams.js";

type Key = [at: number, phase: number, rank: number];

const PHASES = 4;
const RANKS = 64;

function newQueue(rankLimit = RANKS, phases = PHASES): EventQueue {
  return new EventQueue({ phases, rankLimit });
}

/** Pops every event before `horizon` and returns their keys in order. */
function drain(q: EventQueue, horizon = Infinity): Key[] {
  const out: Key[] = [];
  while (q.next(horizon)) out.push([q.at, q.phase, q.rank]);
  return out;
}

function compareKeys(a: Key, b: Key): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

function sorted(keys: readonly Key[]): Key[] {
  return [...keys].sort(compareKeys);
}

function scheduleAll(q: EventQueue, keys: readonly Key[]): void {
  for (const [at, phase, rank] of keys) q.schedule(at, phase, rank);
}

function keyString(k: Key): string {
  return k.join("/");
}

/** Keys with small ranges so that equal minutes, phases, ranks and whole keys are frequent. */
const keysArb = fc.array(fc.tuple(fc.nat(12), fc.nat(PHASES - 1), fc.nat(8)), { maxLength: 300 });

describe("EventQueue order (§T2)", () => {
  it("§T2: shuffled scheduling pops in (minute, phase, rank) order, the same sequence whatever the scheduling order (property)", () => {
    fc.assert(
      fc.property(
        keysArb.chain((keys) => fc.tuple(fc.constant(keys), fc.shuffledSubarray(keys, { minLength: keys.length, maxLength: keys.length }))),
        ([keys, shuffled]) => {
          const a = newQueue();
          scheduleAll(a, keys);
          const b = newQueue();
          scheduleAll(b, shuffled);
          const fromA = drain(a);
          expect(drain(b)).toEqual(fromA);
          expect(fromA).toEqual(sorted(keys)); // also: every schedule runs once, duplicates included
          expect(a.size).toBe(0);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("§T2: identical events are indistinguishable and each runs once per schedule, back to back", () => {
    const q = newQueue();
    for (let i = 0; i < 10; i++) {
      q.schedule(7, 2, 3);
      q.schedule(7, 2, 4); // interleaved with a later rank of the same (minute, phase)
    }
    const popped = drain(q);
    expect(popped).toEqual([...Array<Key>(10).fill([7, 2, 3]), ...Array<Key>(10).fill([7, 2, 4])]);
  });

  it("§T2: within a minute the four phases run in order 0 → 3, whatever the ranks", () => {
    const q = newQueue(1001);
    q.schedule(5, 3, 0); // activation attempt
    q.schedule(5, 2, 1); // licence expiry
    q.schedule(5, 1, 2); // population
    q.schedule(5, 0, 1000); // infrastructure: a high rank does not move it after phase 1
    expect(drain(q)).toEqual([
      [5, 0, 1000],
      [5, 1, 2],
      [5, 2, 1],
      [5, 3, 0],
    ]);
  });

  it("§T2: the minute comes before the phase: phase 0 of minute t + 1 runs after phase 3 of minute t", () => {
    const q = newQueue(100);
    q.schedule(6, 0, 0);
    q.schedule(5, 3, 99);
    expect(drain(q)).toEqual([
      [5, 3, 99],
      [6, 0, 0],
    ]);
  });

  it("§T2: many events in one (minute, phase), scheduled in random rank order, pop in rank order", () => {
    for (const n of [63, 64, 65, 129, 200, 1000, 5000]) {
      const rnd = createStream(7, 0, `test/queue/large-bucket/${n}`);
      const keys: Key[] = [];
      for (let i = 0; i < n; i++) keys.push([3, 1, Math.floor(rnd.next() * (n / 4))]);
      const q = newQueue(n);
      scheduleAll(q, keys);
      q.schedule(3, 0, n - 1); // neighbours in the key space stay outside the (minute, phase)
      q.schedule(3, 2, 0);
      const popped = drain(q);
      expect(popped).toEqual([[3, 0, n - 1], ...sorted(keys), [3, 2, 0]]);
    }
  });

  it("§T2: many events of random ranks in one (minute, phase) pop in rank order (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(20), { minLength: 100, maxLength: 400 }), (ranks) => {
        const q = newQueue(21);
        for (const r of ranks) q.schedule(0, 0, r);
        expect(drain(q).map((k) => k[2])).toEqual([...ranks].sort((a, b) => a - b));
      }),
      { numRuns: 50 },
    );
  });
});

describe("EventQueue construction and validation", () => {
  it("phases default to 4; phases and rankLimit are the constructor's", () => {
    const q = new EventQueue({ rankLimit: 10 });
    expect(q.phases).toBe(4);
    expect(q.rankLimit).toBe(10);
    q.schedule(0, 3, 9);
    expect(() => q.schedule(0, 4, 0)).toThrow(/phase/);
    expect(newQueue(5, 2).phases).toBe(2);
  });

  it("a phases or rankLimit that is not a positive integer throws", () => {
    for (const phases of [0, -1, 1.5, Number.NaN, Infinity]) expect(() => new EventQueue({ phases, rankLimit: 4 })).toThrow(/phases/);
    for (const rankLimit of [0, -1, 1.5, Number.NaN, Infinity]) expect(() => new EventQueue({ rankLimit })).toThrow(/rankLimit/);
  });

  it("a rankLimit that leaves no whole minute in an exact key throws", () => {
    expect(() => new EventQueue({ phases: 4, rankLimit: 2 ** 52 })).toThrow(/rankLimit/);
    expect(new EventQueue({ phases: 1, rankLimit: 2 ** 52 }).minuteLimit).toBe(2);
  });

  it("a phase outside 0 … phases − 1 or a non-integer phase throws and leaves the queue unchanged", () => {
    const q = newQueue(RANKS, 2);
    q.schedule(1, 1, 5);
    for (const bad of [2, -1, 0.5, Number.NaN, Infinity]) expect(() => q.schedule(0, bad, 0)).toThrow(/phase/);
    expect(q.size).toBe(1);
    expect(drain(q)).toEqual([[1, 1, 5]]);
  });

  it("a rank outside [0, rankLimit) or a non-integer rank throws and leaves the queue unchanged", () => {
    const q = newQueue(10);
    q.schedule(1, 0, 9);
    for (const bad of [10, 11, -1, 0.5, Number.NaN, Infinity, -Infinity]) expect(() => q.schedule(0, 0, bad)).toThrow(/rank/);
    expect(q.size).toBe(1);
    expect(drain(q)).toEqual([[1, 0, 9]]);
  });

  it("a non-integer, negative, NaN or infinite minute throws and leaves the queue unchanged", () => {
    const q = newQueue();
    q.schedule(1, 0, 0);
    for (const bad of [1.5, -1, -0.5, Number.NaN, Infinity, -Infinity]) expect(() => q.schedule(bad, 0, 0)).toThrow(/minute/);
    expect(q.size).toBe(1);
    expect(drain(q)).toEqual([[1, 0, 0]]);
  });

  it("minuteLimit is the largest exact bound: 2^53 / (phases × rankLimit) for a power-of-two rankLimit", () => {
    const q = newQueue(RANKS); // 4 × 64 = 2^8 keys per minute
    expect(q.minuteLimit).toBe(2 ** 45);
    expect(newQueue(1, 1).minuteLimit).toBe(2 ** 53);
  });

  it("a minute at or beyond minuteLimit throws and leaves the queue unchanged; minuteLimit − 1 is accepted", () => {
    const q = newQueue();
    q.schedule(0, 0, 0);
    for (const bad of [q.minuteLimit, q.minuteLimit + 1, 2 ** 53, 2 ** 60]) expect(() => q.schedule(bad, 0, 0)).toThrow(/minute/);
    expect(q.size).toBe(1);
    q.schedule(q.minuteLimit - 1, PHASES - 1, RANKS - 1);
    expect(drain(q)).toEqual([
      [0, 0, 0],
      [q.minuteLimit - 1, PHASES - 1, RANKS - 1],
    ]);
  });
});

describe("EventQueue exact keys", () => {
  // A rankLimit that is not a power of two is rounded up inside the key; the extreme ranks must
  // still decode to themselves and never spill into the next phase or minute.
  const cases: ReadonlyArray<{ rankLimit: number; phases: number }> = [
    { rankLimit: 1, phases: 4 },
    { rankLimit: 3, phases: 4 },
    { rankLimit: 1000, phases: 4 },
    { rankLimit: 1025, phases: 3 },
    { rankLimit: 2 ** 30 + 1, phases: 4 },
    { rankLimit: 2 ** 40 - 1, phases: 7 },
    { rankLimit: 5, phases: 1 },
  ];

  for (const { rankLimit, phases } of cases) {
    it(`§T2: rankLimit ${rankLimit} with ${phases} phases decodes every extreme key exactly, minutes up to minuteLimit − 1`, () => {
      const q = newQueue(rankLimit, phases);
      const last = q.minuteLimit - 1;
      const minutes = [0, 1, 2, Math.floor(last / 2), last - 1, last];
      const ranks = [...new Set([0, 1, Math.floor(rankLimit / 2), rankLimit - 2, rankLimit - 1])].filter((r) => r >= 0 && r < rankLimit);
      const keys: Key[] = [];
      for (const at of minutes) for (let phase = 0; phase < phases; phase++) for (const rank of ranks) keys.push([at, phase, rank]);
      const rnd = createStream(11, 0, `test/queue/exact/${rankLimit}/${phases}`);
      const shuffled = keys.map((k) => ({ k, r: rnd.next() })).sort((x, y) => x.r - y.r).map(({ k }) => k);
      scheduleAll(q, shuffled);
      expect(drain(q)).toEqual(sorted(keys));
    });
  }

  it("§T2: large minutes near minuteLimit keep their order and decode exactly (property)", () => {
    const rankLimitArb = fc.oneof(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 2 ** 36 }));
    fc.assert(
      fc.property(
        rankLimitArb,
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.tuple(fc.nat(1000), fc.nat(), fc.nat()), { minLength: 1, maxLength: 60 }),
        (rankLimit, phases, raw) => {
          const q = newQueue(rankLimit, phases);
          const keys = raw.map(([back, p, r]): Key => [q.minuteLimit - 1 - Math.min(back, q.minuteLimit - 1), p % phases, r % rankLimit]);
          scheduleAll(q, keys);
          expect(drain(q)).toEqual(sorted(keys));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("EventQueue scheduling while an event runs", () => {
  /** Stops on the event (5, 1, 3) with (5, 1, 5), (5, 1, 7) and (6, 0, 0) still pending. */
  function runningAtRank3(): EventQueue {
    const q = newQueue();
    q.schedule(5, 1, 7);
    q.schedule(6, 0, 0);
    q.schedule(5, 1, 3);
    q.schedule(5, 1, 5);
    expect(q.next(Infinity)).toBe(true);
    expect([q.at, q.phase, q.rank]).toEqual([5, 1, 3]);
    return q;
  }

  it("§T2: a higher rank in the running (minute, phase) runs after the current event, in rank order", () => {
    const q = runningAtRank3();
    q.schedule(5, 1, 6);
    q.schedule(5, 1, 4);
    expect(drain(q)).toEqual([
      [5, 1, 4],
      [5, 1, 5],
      [5, 1, 6],
      [5, 1, 7],
      [6, 0, 0],
    ]);
  });

  it("§T2: the running event's own key is accepted and runs once more, right after the current event", () => {
    const q = runningAtRank3();
    q.schedule(5, 1, 3);
    q.schedule(5, 1, 3);
    expect(drain(q)).toEqual([
      [5, 1, 3],
      [5, 1, 3],
      [5, 1, 5],
      [5, 1, 7],
      [6, 0, 0],
    ]);
  });

  it("§T2: an event that reschedules its own key from its handler runs again each time", () => {
    const q = newQueue();
    q.schedule(2, 3, 4);
    let runs = 0;
    while (q.next(Infinity)) {
      expect([q.at, q.phase, q.rank]).toEqual([2, 3, 4]);
      if (++runs < 4) q.schedule(2, 3, 4);
    }
    expect(runs).toBe(4);
  });

  it("§T2: a lower rank in the running (minute, phase) throws (it would run in the past) and changes nothing", () => {
    const q = runningAtRank3();
    expect(() => q.schedule(5, 1, 2)).toThrow(/past/);
    expect(() => q.schedule(5, 1, 0)).toThrow(/past/);
    expect(q.size).toBe(3);
    expect(drain(q)).toEqual([
      [5, 1, 5],
      [5, 1, 7],
      [6, 0, 0],
    ]);
  });

  it("§T2: an earlier minute, or an earlier phase of the running minute, throws and changes nothing", () => {
    const q = runningAtRank3();
    expect(() => q.schedule(4, 3, RANKS - 1)).toThrow(/past/);
    expect(() => q.schedule(0, 0, 0)).toThrow(/past/);
    expect(() => q.schedule(5, 0, RANKS - 1)).toThrow(/past/);
    expect(q.size).toBe(3);
    expect(drain(q)).toEqual([
      [5, 1, 5],
      [5, 1, 7],
      [6, 0, 0],
    ]);
  });

  it("§T2: a later phase of the running minute, or a later minute, accepts any rank, even one below the running rank", () => {
    const q = runningAtRank3();
    q.schedule(5, 2, 0);
    q.schedule(5, 3, 1);
    q.schedule(6, 0, 0);
    q.schedule(5, 1, RANKS - 1);
    expect(drain(q)).toEqual([
      [5, 1, 5],
      [5, 1, 7],
      [5, 1, RANKS - 1],
      [5, 2, 0],
      [5, 3, 1],
      [6, 0, 0],
      [6, 0, 0],
    ]);
  });

  it("after the queue stops, at/phase/rank stay on the last event run; an earlier key still throws, the same key runs", () => {
    const q = newQueue();
    q.schedule(5, 1, 7);
    expect(drain(q)).toEqual([[5, 1, 7]]);
    expect([q.at, q.phase, q.rank]).toEqual([5, 1, 7]);
    expect(() => q.schedule(5, 1, 6)).toThrow(/past/);
    expect(() => q.schedule(5, 0, 9)).toThrow(/past/);
    expect(() => q.schedule(4, 3, 9)).toThrow(/past/);
    q.schedule(5, 1, 8);
    q.schedule(5, 1, 7); // the same key is not the past: it runs next
    expect(drain(q)).toEqual([
      [5, 1, 7],
      [5, 1, 8],
    ]);
  });
});

describe("EventQueue lazy cancel", () => {
  it("a cancelled event never runs; the others run in order", () => {
    const q = newQueue();
    const handles = [0, 1, 2, 3, 4].map((i) => q.schedule(i, i % PHASES, i));
    q.cancel(handles[1]);
    q.cancel(handles[3]);
    expect(drain(q)).toEqual([
      [0, 0, 0],
      [2, 2, 2],
      [4, 0, 4],
    ]);
    expect(q.size).toBe(0);
  });

  it("cancelling one of two identical pending events leaves exactly one to run", () => {
    const q = newQueue();
    const h1 = q.schedule(3, 2, 1);
    const h2 = q.schedule(3, 2, 1);
    expect(h2).toBe(h1); // identical events share their handle
    q.schedule(3, 2, 2);
    q.cancel(h1);
    expect(drain(q)).toEqual([
      [3, 2, 1],
      [3, 2, 2],
    ]);
  });

  it("cancelling k of n identical pending events leaves n − k to run", () => {
    const q = newQueue();
    let h = 0;
    for (let i = 0; i < 5; i++) h = q.schedule(1, 1, 1);
    q.cancel(h);
    q.cancel(h);
    expect(drain(q)).toEqual(Array<Key>(3).fill([1, 1, 1]));
  });

  it("cancelling an already-run handle (below the current event) does nothing and is not remembered", () => {
    const q = newQueue();
    const a = q.schedule(1, 0, 0);
    q.schedule(2, 0, 0);
    q.schedule(3, 0, 0);
    expect(drain(q, 3)).toEqual([
      [1, 0, 0],
      [2, 0, 0],
    ]);
    q.cancel(a);
    q.cancel(a);
    // White-box: a remembered stale handle would make every later pop consult the cancel set.
    expect((q as unknown as { cancelled: Map<number, number> }).cancelled.size).toBe(0);
    expect(drain(q)).toEqual([[3, 0, 0]]);
  });

  it("an event cancelled by an earlier event of the same (minute, phase) does not run", () => {
    const q = newQueue();
    q.schedule(3, 3, 1);
    const second = q.schedule(3, 3, 2);
    q.schedule(3, 3, 3);
    const seen: Key[] = [];
    while (q.next(Infinity)) {
      seen.push([q.at, q.phase, q.rank]);
      if (q.rank === 1) q.cancel(second);
    }
    expect(seen).toEqual([
      [3, 3, 1],
      [3, 3, 3],
    ]);
  });

  it("a skipped cancelled event does not move the clock: its (minute, phase) still accepts any rank", () => {
    const q = newQueue();
    q.schedule(1, 0, 5);
    q.cancel(q.schedule(2, 0, 9));
    expect(drain(q)).toEqual([[1, 0, 5]]); // pops and skips the cancelled (2, 0, 9)
    expect([q.at, q.phase, q.rank]).toEqual([1, 0, 5]);
    q.schedule(2, 0, 3);
    q.schedule(2, 1, 0);
    expect(drain(q)).toEqual([
      [2, 0, 3],
      [2, 1, 0],
    ]);
  });

  it("cancelled events count in size and peekMinute until they surface", () => {
    const q = newQueue();
    const h = q.schedule(1, 0, 0);
    q.schedule(2, 0, 0);
    q.cancel(h);
    expect(q.size).toBe(2);
    expect(q.peekMinute()).toBe(1);
    expect(q.next(Infinity)).toBe(true);
    expect([q.at, q.phase, q.rank]).toEqual([2, 0, 0]);
    expect(q.size).toBe(0);
    expect(q.peekMinute()).toBe(Infinity);
  });

  it("random mixes of schedule, cancel and step run exactly the never-cancelled events, as a multiset of keys, in key order (property)", () => {
    // Cancels stay within the documented contract: a handle with an identical event pending, or
    // one the queue has reached with nothing identical pending (ignored).
    const ops = fc.array(
      fc.oneof(
        fc.record({ op: fc.constant("schedule" as const), delay: fc.nat(6), phase: fc.nat(PHASES - 1), rank: fc.nat(5) }),
        fc.record({ op: fc.constant("cancel" as const), pick: fc.nat() }),
        fc.record({ op: fc.constant("step" as const) }),
      ),
      { maxLength: 200 },
    );
    fc.assert(
      fc.property(ops, (list) => {
        const q = newQueue(8);
        const pending = new Map<string, number>(); // key → scheduled and neither cancelled nor run
        const scheduled: { key: Key; handle: number }[] = [];
        const ran: Key[] = [];
        let current: Key | null = null;
        const count = (k: Key): number => pending.get(keyString(k)) ?? 0;
        const add = (k: Key, d: number): void => {
          pending.set(keyString(k), count(k) + d);
        };
        for (const o of list) {
          if (o.op === "schedule") {
            // Never into the past: raise the key to at least the running event's.
            const [cAt, cPhase, cRank] = current ?? [0, 0, 0];
            const at = cAt + o.delay;
            const phase = o.delay === 0 ? Math.max(o.phase, cPhase) : o.phase;
            const rank = o.delay === 0 && phase === cPhase ? Math.max(o.rank, cRank) : o.rank;
            const key: Key = [at, phase, rank];
            scheduled.push({ key, handle: q.schedule(at, phase, rank) });
            add(key, 1);
          } else if (o.op === "cancel") {
            if (scheduled.length === 0) continue;
            const { key, handle } = scheduled[o.pick % scheduled.length];
            if (count(key) > 0) {
              q.cancel(handle); // pending (perhaps scheduled again after an identical one ran)
              add(key, -1);
            } else if (current !== null && compareKeys(key, current) <= 0) {
              q.cancel(handle); // reached already, nothing identical pending: must change nothing
            }
          } else if (q.next(Infinity)) {
            const key: Key = [q.at, q.phase, q.rank];
            expect(count(key)).toBeGreaterThan(0);
            add(key, -1);
            ran.push(key);
            current = key;
          }
        }
        for (const key of drain(q)) {
          expect(count(key)).toBeGreaterThan(0);
          add(key, -1);
          ran.push(key);
        }
        expect([...pending.values()].every((n) => n === 0)).toBe(true);
        for (let i = 1; i < ran.length; i++) expect(compareKeys(ran[i - 1], ran[i])).toBeLessThanOrEqual(0);
        expect(q.size).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe("EventQueue peekMinute and next(horizon)", () => {
  it("peekMinute is Infinity on an empty queue and the earliest minute otherwise", () => {
    const q = newQueue();
    expect(q.peekMinute()).toBe(Infinity);
    q.schedule(9, 3, 0);
    q.schedule(4, 3, RANKS - 1);
    expect(q.peekMinute()).toBe(4);
    q.schedule(q.minuteLimit - 1, PHASES - 1, RANKS - 1);
    expect(drain(q, 10)).toHaveLength(2);
    expect(q.peekMinute()).toBe(q.minuteLimit - 1);
  });

  it("§T1: next(horizon) never pops an event at the horizon minute, in any phase or rank; it stays queued for a later horizon", () => {
    const q = newQueue();
    q.schedule(9, PHASES - 1, RANKS - 1);
    q.schedule(10, 0, 0);
    expect(drain(q, 10)).toEqual([[9, PHASES - 1, RANKS - 1]]);
    expect(q.next(10)).toBe(false);
    expect(q.size).toBe(1);
    expect(q.peekMinute()).toBe(10);
    expect([q.at, q.phase, q.rank]).toEqual([9, PHASES - 1, RANKS - 1]);
    expect(drain(q, 11)).toEqual([[10, 0, 0]]);
  });

  it("next(0) pops nothing, even an event at minute 0", () => {
    const q = newQueue();
    q.schedule(0, 0, 0);
    expect(q.next(0)).toBe(false);
    expect(q.size).toBe(1);
    expect(drain(q, 1)).toEqual([[0, 0, 0]]);
  });
});

describe("lazy cancel edge cases (regressions)", () => {
  test("§T2: cancelling the running event's own key does not swallow its reschedule", () => {
    const q = new EventQueue({ rankLimit: 16 });
    const h = q.schedule(5, 1, 7);
    expect(q.next(Infinity)).toBe(true);
    q.cancel(h);
    q.schedule(5, 1, 7);
    expect(q.next(Infinity)).toBe(true);
    expect([q.at, q.phase, q.rank]).toEqual([5, 1, 7]);
  });

  test("§T2: a double cancel of one pending event is forgotten once the queue passes its key", () => {
    const q = new EventQueue({ rankLimit: 4 });
    q.schedule(1, 0, 0);
    const h = q.schedule(2, 0, 0);
    q.cancel(h);
    q.cancel(h);
    const ran: number[] = [];
    while (q.next(Infinity)) ran.push(q.at);
    expect(ran).toEqual([1]);
    q.schedule(2, 0, 0);
    expect(q.next(Infinity)).toBe(true);
    expect(q.at).toBe(2);
  });

  test("a huge rankLimit still decodes exactly (rank space found by doubling, not log2)", () => {
    const q = new EventQueue({ phases: 1, rankLimit: 2 ** 49 + 1 });
    q.schedule(0, 0, 2 ** 49);
    expect(q.next(Infinity)).toBe(true);
    expect([q.at, q.phase, q.rank]).toEqual([0, 0, 2 ** 49]);
  });

  test("§T1: a fractional horizon means the whole minutes below it; NaN is rejected", () => {
    const q = new EventQueue({ rankLimit: 4 });
    q.schedule(10, 3, 0);
    expect(q.next(10.5)).toBe(true);
    expect(() => q.next(Number.NaN)).toThrow();
  });
});
