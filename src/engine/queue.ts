// The event queue: events ordered by (minute, phase, rank), FIFO only among fully equal keys.
//
// Why buckets: a heap of objects is several times slower than a heap of numbers, and a packed
// (minute, phase, rank) number leaves no room for a tie-breaking sequence. So the heap
// (fastpriorityqueue) holds one number per distinct (minute, phase) — `minute × phases + phase`
// — and each such key owns a bucket of event slots. A bucket is sorted by rank (a stable sort,
// so equal ranks stay in scheduling order) when it is opened. Many events share a minute in a
// real run, so most schedules are an array push, and the heap stays small.
//
// A bucket holds interleaved (rank, slot) pairs so that sorting reads no other memory. Events
// are struct-of-arrays slots (payload, flags) recycled through a free list; a handle is
// slot + generation so that cancelling a handle whose event already ran is harmless. Cancel is
// lazy (ns-3 style): it sets a flag and the slot is skipped when its bucket is run.
import FastPriorityQueue from "fastpriorityqueue";

/** Identifies one scheduled event, for cancel(). */
export type EventHandle = number;

const SLOT_BITS = 2 ** 26; // up to 67 M live events; the generation goes in the higher bits
const GENERATION_MASK = 2 ** 27 - 1; // generations wrap so a handle stays below 2^53 (exact)

export class EventQueue {
  /** Minute of the event being run (or last run). Never decreases. */
  at = 0;
  /** Phase of the event being run. */
  phase = 0;
  /** Rank of the event being run. */
  rank = 0;
  /** Payload of the event being run. */
  payload = 0;

  private readonly phases: number;
  private readonly heap = new FastPriorityQueue<number>((a, b) => a < b);
  private readonly buckets = new Map<number, number[]>();
  private readonly spareBuckets: number[][] = [];

  private payloads = new Float64Array(1024);
  private generations = new Uint32Array(1024);
  private cancelled = new Uint8Array(1024);
  private freeSlots = new Int32Array(1024);
  private freeCount = 0;
  private slotCount = 0;
  private live = 0;

  private current: number[] | null = null;
  private currentKey = -1;
  private currentPos = 0;

  /** A queue whose events fall into `phases` ordered phases per minute (MODEL.md §T2 uses 4). */
  constructor(phases = 4) {
    if (!Number.isInteger(phases) || phases < 1) throw new Error(`phases must be a positive integer, got ${phases}`);
    this.phases = phases;
  }

  /** Number of scheduled events not yet run (cancelled ones included until they surface). */
  get size(): number {
    return this.live;
  }

  /**
   * Schedules an event at (minute, phase, rank) carrying a numeric payload. Scheduling before the
   * event being run is a bug and throws; the same key as the running event runs after it.
   */
  schedule(at: number, phase: number, rank: number, payload: number): EventHandle {
    if (!Number.isInteger(at) || at < 0) throw new Error(`event minute must be a whole number ≥ 0, got ${at}`);
    if (phase < 0 || phase >= this.phases || !Number.isInteger(phase)) throw new Error(`phase ${phase} out of range`);
    const key = at * this.phases + phase;
    const slot = this.allocate(payload);
    if (key === this.currentKey && this.current !== null) {
      this.insertIntoCurrent(slot, rank);
    } else {
      if (key < this.currentKey) {
        this.release(slot);
        throw new Error(`event scheduled in the past: (${at}, ${phase}) before (${this.at}, ${this.phase})`);
      }
      let bucket = this.buckets.get(key);
      if (bucket === undefined) {
        bucket = this.spareBuckets.pop() ?? [];
        this.buckets.set(key, bucket);
        this.heap.add(key);
      }
      bucket.push(rank, slot);
    }
    return slot + this.generations[slot] * SLOT_BITS;
  }

  /** Cancels a scheduled event in O(1); cancelling one that already ran or was cancelled does nothing. */
  cancel(handle: EventHandle): void {
    const slot = handle % SLOT_BITS;
    if (slot < this.slotCount && this.generations[slot] === (handle - slot) / SLOT_BITS) this.cancelled[slot] = 1;
  }

  /** Minute of the next event to run, or Infinity when none is left. */
  peekMinute(): number {
    if (this.current !== null && this.currentPos < this.current.length) return this.at;
    const key = this.heap.peek();
    return key === undefined ? Infinity : Math.floor(key / this.phases);
  }

  /**
   * Moves to the next event before `horizon` (minutes): sets at/phase/rank/payload and returns
   * true, or returns false when no event remains before the horizon.
   */
  next(horizon: number): boolean {
    for (;;) {
      const bucket = this.current;
      if (bucket !== null) {
        while (this.currentPos < bucket.length) {
          const rank = bucket[this.currentPos];
          const slot = bucket[this.currentPos + 1];
          this.currentPos += 2;
          if (this.cancelled[slot] === 1) {
            this.release(slot);
            continue;
          }
          this.rank = rank;
          this.payload = this.payloads[slot];
          this.release(slot);
          return true;
        }
        bucket.length = 0;
        this.spareBuckets.push(bucket);
        this.current = null;
      }
      const key = this.heap.peek();
      if (key === undefined) return false;
      const at = Math.floor(key / this.phases);
      if (at >= horizon) return false;
      this.heap.poll();
      const opened = this.buckets.get(key) as number[];
      this.buckets.delete(key);
      this.sortByRank(opened);
      this.current = opened;
      this.currentKey = key;
      this.currentPos = 0;
      this.at = at;
      this.phase = key - at * this.phases;
    }
  }

  /** Stable sort of (rank, slot) pairs by rank: equal ranks keep their scheduling order. */
  private sortByRank(bucket: number[]): void {
    const n = bucket.length;
    let sorted = true;
    for (let i = 2; i < n; i += 2) {
      if (bucket[i] < bucket[i - 2]) {
        sorted = false;
        break;
      }
    }
    if (sorted) return;
    if (n <= 128) {
      for (let i = 2; i < n; i += 2) {
        const rank = bucket[i];
        const slot = bucket[i + 1];
        let j = i - 2;
        while (j >= 0 && bucket[j] > rank) {
          bucket[j + 2] = bucket[j];
          bucket[j + 3] = bucket[j + 1];
          j -= 2;
        }
        bucket[j + 2] = rank;
        bucket[j + 3] = slot;
      }
      return;
    }
    const order: number[] = [];
    for (let i = 0; i < n; i += 2) order.push(i);
    order.sort((a, b) => bucket[a] - bucket[b] || a - b);
    const copy = bucket.slice();
    for (let k = 0; k < order.length; k++) {
      bucket[2 * k] = copy[order[k]];
      bucket[2 * k + 1] = copy[order[k] + 1];
    }
  }

  private insertIntoCurrent(slot: number, rank: number): void {
    const bucket = this.current as number[];
    if (rank < this.rank) {
      this.release(slot);
      throw new Error(`event scheduled in the past: rank ${rank} before running rank ${this.rank} at (${this.at}, ${this.phase})`);
    }
    // After every queued event of a lower or equal rank (FIFO among equals).
    let lo = this.currentPos >> 1;
    let hi = bucket.length >> 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (bucket[2 * mid] <= rank) lo = mid + 1;
      else hi = mid;
    }
    bucket.splice(2 * lo, 0, rank, slot);
  }

  private allocate(payload: number): number {
    let slot: number;
    if (this.freeCount > 0) {
      slot = this.freeSlots[--this.freeCount];
    } else {
      slot = this.slotCount++;
      if (slot >= this.payloads.length) this.grow();
      if (slot >= SLOT_BITS) throw new Error("too many pending events");
    }
    this.payloads[slot] = payload;
    this.cancelled[slot] = 0;
    this.live++;
    return slot;
  }

  private release(slot: number): void {
    this.generations[slot] = (this.generations[slot] + 1) & GENERATION_MASK;
    this.cancelled[slot] = 0;
    this.live--;
    if (this.freeCount >= this.freeSlots.length) {
      const bigger = new Int32Array(this.freeSlots.length * 2);
      bigger.set(this.freeSlots);
      this.freeSlots = bigger;
    }
    this.freeSlots[this.freeCount++] = slot;
  }

  private grow(): void {
    const n = this.payloads.length * 2;
    const payloads = new Float64Array(n);
    payloads.set(this.payloads);
    this.payloads = payloads;
    const generations = new Uint32Array(n);
    generations.set(this.generations);
    this.generations = generations;
    const cancelled = new Uint8Array(n);
    cancelled.set(this.cancelled);
    this.cancelled = cancelled;
  }
}
