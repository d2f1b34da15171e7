// The event queue: events ordered by (minute, phase, rank) (MODEL.md §T2).
//
// Why packed numbers: a heap of objects is several times slower than a heap of plain numbers,
// so an event *is* its key, one float64 holding (minute, phase, rank) exactly:
//   key = (minute × phases + phase) × rankSpace + rank,   rankSpace = a power of two ≥ rankLimit.
// There is no payload: the caller gives each event a rank that both orders it (entity file
// order, sub-ranks within an entity) and tells it what the event is for. Two events with fully
// equal keys are the same event twice, so "FIFO among equal keys" holds trivially.
// Cancel is lazy (ns-3 style): a cancelled key is remembered and skipped when it surfaces.
//
// Why a calendar of buckets in front of the heap: with 10^6 pending keys a binary heap's
// log2(10^6) ≈ 20 levels are cache misses on every pop and push. Event minutes are whole
// numbers, so the keys are filed by minute instead (a calendar queue, Brown 1988):
//   - a window of BUCKETS buckets of BUCKET_MINUTES minutes each, a ring of Float64Arrays: a push
//     into the window is one array append, whatever the number of pending events;
//   - the *current* bucket (the one the clock is in) is sorted once when the clock reaches it
//     (a Float64Array sort, native and cache-local) and then read in order;
//   - `near`, a small FastPriorityQueue, takes the keys scheduled into the current bucket (or
//     before it, after a peek past a horizon) once it is sorted: same-minute events;
//   - `far`, a FastPriorityQueue, holds the keys beyond the window; they move into the window's
//     last bucket as the window slides over their minute, each exactly once.
// The next event is the smaller of the sorted bucket's head and `near`'s head; every key in a
// later bucket or in `far` is larger, so the pop order is exactly the key order of a single
// heap (test/engine/queue-reference.test.ts checks this against a bare FastPriorityQueue).
import FastPriorityQueue from "fastpriorityqueue";

/** Identifies one scheduled event, for cancel(): its packed key. */
export type EventHandle = number;

export interface EventQueueOptions {
  /** Ordered phases per minute (MODEL.md §T2 uses 4). */
  readonly phases?: number;
  /** Ranks are whole numbers 0 ≤ rank < rankLimit. */
  readonly rankLimit: number;
  /** Minutes per calendar bucket, a power of two (default BUCKET_MINUTES; tests use small ones). */
  readonly bucketMinutes?: number;
  /** Buckets in the calendar window (default BUCKETS). */
  readonly buckets?: number;
}

const EXACT = 2 ** 53;
const INITIAL_BUCKET_CAPACITY = 8;
const CANCEL_SLOTS = 4096;

/**
 * The calendar's shape: buckets of 64 minutes, 1 024 of them (a window of 65 536 minutes ≈ 45
 * days), chosen by measurement (bench/README.md "Queue design measured"; 2-core EPYC, CPU time):
 *   - hold model at 10^6 pending (100 events a minute): 1 × 65 536 and 4 × 16 384 ran at
 *     0.6–0.75× the bare heap (an activation and a sort call per 100–400 keys cost more than
 *     they save); 16 × 4 096 at ≈ 0.95×; 64 × 1 024, 128 × 512, 256 × 256 and 256 × 1 024 at
 *     1.1–1.3×, within the noise of each other. Buckets of thousands of keys sort natively and
 *     cache-locally; the heap's 20 levels of cache misses are what they replace.
 *   - the model on perf-100k (≈ 10 events a minute): 64 × 1 024 was the fastest of these,
 *     ≈ 17 % less CPU than the single heap; 256-minute buckets send more same-bucket events (retries,
 *     renewals within hours) to the `near` heap, and a longer window only holds more memory.
 * The window covers the usual gaps between a machine's events (renewal 7 d, host outages of
 * days to weeks), so few keys pass through `far`.
 */
export const BUCKET_MINUTES = 64;
export const BUCKETS = 1024;

/** One comparator object for every heap of the engine: FastPriorityQueue's call site stays monomorphic. */
const lessThan = (a: number, b: number): boolean => a < b;

export class EventQueue {
  /** Minute of the event being run (or last run). Never decreases. */
  at = 0;
  /** Phase of the event being run. */
  phase = 0;
  /** Rank of the event being run. */
  rank = 0;

  readonly phases: number;
  readonly rankLimit: number;
  /** Events must fall before this minute: beyond it the key would not be exact. */
  readonly minuteLimit: number;

  private readonly rankSpace: number;
  /** 1 / rankSpace, exact (a power of two). */
  private readonly perRankSpace: number;
  private readonly minuteSpace: number;
  private readonly cancelled = new Map<number, number>();
  /**
   * How many cancels are remembered per low 12 bits of the key: a pop whose slot is 0 skips the
   * Map lookup (a Map keyed by doubles costs more than the rest of the pop).
   */
  private readonly cancelSlots = new Int32Array(CANCEL_SLOTS);
  /** Sum of cancelSlots: 0 when no cancel is remembered. */
  private cancelTotal = 0;
  private currentKey = -1;
  /** Largest key popped so far, run or skipped: cancels at or below it can only be stale. */
  private passedKey = -1;
  /** Pending keys, cancelled ones included. */
  private count = 0;

  // The calendar (see the note at the top).
  private readonly bucketMinutes: number;
  /** 1 / bucketMinutes, exact (a power of two). */
  private readonly perBucket: number;
  private readonly bucketCount: number;
  /**
   * The ring of buckets: bucket number b of the window lives at slot ringAt + (b − current),
   * wrapped; its keys are ring[slot][0 … fill[slot]). The arrays keep their capacity when
   * emptied (no garbage per bucket), and the current bucket is sorted in place.
   */
  private readonly ring: Float64Array[];
  private readonly fill: Int32Array;
  /** Absolute number of the current bucket (minute ÷ bucketMinutes) and its place in the ring. */
  private current = 0;
  private ringAt = 0;
  /** Keys filed in the ring's buckets, the current bucket's sorted keys excluded. */
  private inRing = 0;
  /** The current bucket's keys, sorted (its ring array); sorted[head … end) are still pending. */
  private sorted: Float64Array = new Float64Array(0);
  private head = 0;
  private end = 0;
  /** Scratch of sortBucket: the keys set aside, out of order. */
  private aside = new Float64Array(INITIAL_BUCKET_CAPACITY);
  private readonly near = new FastPriorityQueue<number>(lessThan);
  private readonly far = new FastPriorityQueue<number>(lessThan);

  constructor(options: EventQueueOptions) {
    const phases = options.phases ?? 4;
    if (!Number.isInteger(phases) || phases < 1) throw new Error(`phases must be a positive integer, got ${phases}`);
    if (!Number.isInteger(options.rankLimit) || options.rankLimit < 1) {
      throw new Error(`rankLimit must be a positive integer, got ${options.rankLimit}`);
    }
    const bucketMinutes = options.bucketMinutes ?? BUCKET_MINUTES;
    const buckets = options.buckets ?? BUCKETS;
    // A power of two keeps minute ÷ bucketMinutes exact for every minute below 2^53.
    if (!Number.isInteger(Math.log2(bucketMinutes)) || bucketMinutes < 1) throw new Error(`bucketMinutes must be a power of two, got ${bucketMinutes}`);
    if (!Number.isInteger(buckets) || buckets < 1 || buckets > 2 ** 24) throw new Error(`buckets must be a whole number in [1, 2^24], got ${buckets}`);
    this.phases = phases;
    this.rankLimit = options.rankLimit;
    let rankSpace = 1;
    while (rankSpace < options.rankLimit) rankSpace *= 2; // not log2: it rounds for huge limits
    this.rankSpace = rankSpace;
    this.perRankSpace = 1 / rankSpace;
    this.minuteSpace = phases * this.rankSpace;
    this.minuteLimit = Math.floor(EXACT / this.minuteSpace);
    if (this.minuteLimit < 1) throw new Error(`rankLimit ${options.rankLimit} leaves no room for minutes in an exact key`);
    this.bucketMinutes = bucketMinutes;
    this.perBucket = 1 / bucketMinutes;
    this.bucketCount = buckets;
    this.ring = Array.from({ length: buckets }, () => new Float64Array(INITIAL_BUCKET_CAPACITY));
    this.fill = new Int32Array(buckets);
  }

  /** Number of scheduled events not yet run (cancelled ones included until they surface). */
  get size(): number {
    return this.count;
  }

  /**
   * Schedules the event (minute, phase, rank). Scheduling before the event being run is a bug
   * and throws; the same key as the running event runs once more, right after it.
   */
  schedule(at: number, phase: number, rank: number): EventHandle {
    if (!Number.isInteger(at) || at < 0 || at >= this.minuteLimit) {
      throw new Error(`event minute must be a whole number in [0, ${this.minuteLimit}), got ${at}`);
    }
    if (!Number.isInteger(phase) || phase < 0 || phase >= this.phases) throw new Error(`phase ${phase} out of range`);
    if (!Number.isInteger(rank) || rank < 0 || rank >= this.rankLimit) throw new Error(`rank ${rank} out of range`);
    const key = at * this.minuteSpace + phase * this.rankSpace + rank;
    if (key < this.currentKey) {
      throw new Error(`event (${at}, ${phase}, ${rank}) scheduled in the past: before (${this.at}, ${this.phase}, ${this.rank})`);
    }
    if (key <= this.passedKey) this.passedKey = key - 1; // pending again: cancellable again
    this.file(key, Math.floor(at * this.perBucket));
    this.count++;
    return key;
  }

  /**
   * Cancels a pending event in O(1); with several identical pending events, one of them. A key
   * the queue has already reached (the running event's included) is not pending any more, so
   * cancelling it does nothing; cancelling more identical events than are pending is undone when
   * the queue passes that key.
   */
  cancel(handle: EventHandle): void {
    if (handle <= this.passedKey) return;
    this.cancelled.set(handle, (this.cancelled.get(handle) ?? 0) + 1);
    this.cancelSlots[(handle | 0) & (CANCEL_SLOTS - 1)]++; // | 0: the key modulo 2^32, exact
    this.cancelTotal++;
  }

  /** Minute of the next event to run (cancelled ones included), or Infinity when none is left. */
  peekMinute(): number {
    const key = this.peekKey();
    return key === Infinity ? Infinity : Math.floor(key / this.minuteSpace);
  }

  /**
   * Moves to the next event before `horizon` (minutes): sets at/phase/rank and returns true, or
   * returns false when no event remains before the horizon.
   */
  next(horizon: number): boolean {
    if (Number.isNaN(horizon)) throw new Error("horizon must be a number of minutes");
    const horizonKey = Math.ceil(horizon) * this.minuteSpace; // whole minutes below the horizon
    for (;;) {
      let key: number;
      const head = this.head;
      if (head < this.end && this.near.size === 0) {
        key = this.sorted[head]; // the common case: the next key of the sorted bucket
        if (key >= horizonKey) return false;
        this.head = head + 1;
        this.count--;
      } else {
        key = this.peekKey();
        if (key >= horizonKey) return false; // Infinity too: nothing is left
        this.pollKey(key);
      }
      this.passedKey = key;
      if (this.cancelTotal > 0 && this.skipCancelled(key)) continue;
      this.currentKey = key;
      // Decoded with divisions by powers of two (exact) and one fixed-up division by phases:
      // a % on doubles is several times slower.
      const minutePhase = Math.floor(key * this.perRankSpace);
      this.rank = key - minutePhase * this.rankSpace;
      let at = Math.floor(minutePhase / this.phases);
      let phase = minutePhase - at * this.phases;
      if (phase < 0) {
        at--; // the quotient rounded up to the next whole number (large minutes, phases not a power of two)
        phase += this.phases;
      }
      this.phase = phase;
      this.at = at;
      return true;
    }
  }

  /** Files a key of bucket number `bucket` (minute ÷ bucketMinutes) in near, the ring or far. */
  private file(key: number, bucket: number): void {
    const ahead = bucket - this.current;
    if (ahead <= 0) {
      this.near.add(key);
    } else if (ahead < this.bucketCount) {
      let slot = this.ringAt + ahead;
      if (slot >= this.bucketCount) slot -= this.bucketCount;
      this.push(slot, key);
    } else {
      this.far.add(key);
    }
  }

  /** The smallest pending key (Infinity when none), moving the clock's bucket forward if needed. */
  private peekKey(): number {
    if (this.head === this.end && this.near.isEmpty() && !this.advance()) return Infinity;
    if (this.head < this.end) {
      const own = this.sorted[this.head];
      if (this.near.isEmpty()) return own;
      const other = this.near.peek() as number;
      return other < own ? other : own;
    }
    return this.near.peek() as number;
  }

  /** Removes `key`, the smallest pending key that peekKey() just returned. */
  private pollKey(key: number): void {
    if (this.head < this.end && this.sorted[this.head] === key) this.head++;
    else this.near.poll();
    this.count--;
  }

  /**
   * With the current bucket used up: moves to the next non-empty bucket of the window (jumping
   * to far's first bucket when the window is empty) and sorts it. False when nothing is pending.
   */
  private advance(): boolean {
    const far = this.far;
    for (;;) {
      if (this.inRing === 0) {
        if (far.isEmpty()) return false;
        // Nothing in the window: jump to far's first bucket (any ring place will do, all are empty).
        this.current = Math.floor(Math.floor((far.peek() as number) / this.minuteSpace) / this.bucketMinutes);
        this.ringAt = 0;
        this.pullFar();
      } else {
        this.current++;
        if (++this.ringAt === this.bucketCount) this.ringAt = 0;
        this.pullFar();
      }
      const n = this.fill[this.ringAt];
      if (n > 0) {
        const keys = this.ring[this.ringAt];
        this.sortBucket(keys, n);
        this.fill[this.ringAt] = 0; // no new key is filed here until the window has moved on
        this.inRing -= n;
        this.sorted = keys;
        this.head = 0;
        this.end = n;
        return true;
      }
    }
  }

  /**
   * Sorts keys[0 … n) in place. Most keys arrive in order (renewals a fixed interval after events
   * that ran in order; on perf-100k 95 % of buckets are sorted already, on estate-100k 84 % of the
   * keys form one ascending run), and a typed-array sort costs ≈ 30–80 ns a key whatever the order.
   * So one pass keeps the keys that continue the ascending run and sets the others aside; only
   * those are sorted (natively), then merged back from the end.
   */
  private sortBucket(keys: Float64Array, n: number): void {
    if (this.aside.length < n) this.aside = new Float64Array(Math.max(n, 2 * this.aside.length));
    const aside = this.aside;
    let kept = 0;
    let set = 0;
    let last = -Infinity;
    for (let i = 0; i < n; i++) {
      const key = keys[i];
      if (key >= last) {
        keys[kept++] = key;
        last = key;
      } else aside[set++] = key;
    }
    if (set === 0) return;
    aside.subarray(0, set).sort();
    // Merge from the end: the kept keys move right, into the room the set-aside keys left.
    let i = kept - 1;
    let j = set - 1;
    for (let k = n - 1; j >= 0; k--) {
      if (i >= 0 && keys[i] > aside[j]) keys[k] = keys[i--];
      else keys[k] = aside[j--];
    }
  }

  /** Moves far's keys that the window now covers into their buckets. */
  private pullFar(): void {
    const far = this.far;
    if (far.isEmpty()) return;
    const limit = (this.current + this.bucketCount) * this.bucketMinutes * this.minuteSpace; // ≥ 2^53 rounds up, still above every key
    while (!far.isEmpty() && (far.peek() as number) < limit) {
      const key = far.poll() as number;
      // ahead ≥ 0: far only holds keys beyond the window, and the current bucket is not sorted yet.
      let slot = this.ringAt + (Math.floor(Math.floor(key / this.minuteSpace) / this.bucketMinutes) - this.current);
      if (slot >= this.bucketCount) slot -= this.bucketCount;
      this.push(slot, key);
    }
  }

  /** Appends a key to a ring bucket, doubling its array when full. */
  private push(slot: number, key: number): void {
    let keys = this.ring[slot];
    const n = this.fill[slot];
    if (n === keys.length) {
      const grown = new Float64Array(2 * n);
      grown.set(keys);
      this.ring[slot] = keys = grown;
    }
    keys[n] = key;
    this.fill[slot] = n + 1;
    this.inRing++;
  }

  private skipCancelled(key: number): boolean {
    const slot = (key | 0) & (CANCEL_SLOTS - 1);
    if (this.cancelSlots[slot] === 0) return false;
    const n = this.cancelled.get(key);
    if (n === undefined) return false;
    // More cancels than identical pending events: forget the excess once none is left.
    if (n === 1 || this.peekKey() !== key) {
      this.cancelled.delete(key);
      this.cancelSlots[slot] -= n;
      this.cancelTotal -= n;
    } else {
      this.cancelled.set(key, n - 1);
      this.cancelSlots[slot]--;
      this.cancelTotal--;
    }
    return true;
  }
}
