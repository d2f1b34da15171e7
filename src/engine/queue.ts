// The event queue: events ordered by (minute, phase, rank) (MODEL.md §T2).
//
// Why packed numbers: a heap of objects is several times slower than a heap of plain numbers,
// so an event *is* its key, one float64 holding (minute, phase, rank) exactly:
//   key = (minute × phases + phase) × rankSpace + rank,   rankSpace = a power of two ≥ rankLimit.
// The heap (fastpriorityqueue) then compares numbers only, as fast as a bare queue of numbers.
// There is no payload: the caller gives each event a rank that both orders it (entity file
// order, sub-ranks within an entity) and tells it what the event is for. Two events with fully
// equal keys are the same event twice, so "FIFO among equal keys" holds trivially.
// Cancel is lazy (ns-3 style): a cancelled key is remembered and skipped when it surfaces.
import FastPriorityQueue from "fastpriorityqueue";

/** Identifies one scheduled event, for cancel(): its packed key. */
export type EventHandle = number;

export interface EventQueueOptions {
  /** Ordered phases per minute (MODEL.md §T2 uses 4). */
  readonly phases?: number;
  /** Ranks are whole numbers 0 ≤ rank < rankLimit. */
  readonly rankLimit: number;
}

const EXACT = 2 ** 53;

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
  private readonly minuteSpace: number;
  private readonly heap = new FastPriorityQueue<number>((a, b) => a < b);
  private readonly cancelled = new Map<number, number>();
  private currentKey = -1;
  /** Largest key popped so far, run or skipped: cancels at or below it can only be stale. */
  private passedKey = -1;

  constructor(options: EventQueueOptions) {
    const phases = options.phases ?? 4;
    if (!Number.isInteger(phases) || phases < 1) throw new Error(`phases must be a positive integer, got ${phases}`);
    if (!Number.isInteger(options.rankLimit) || options.rankLimit < 1) {
      throw new Error(`rankLimit must be a positive integer, got ${options.rankLimit}`);
    }
    this.phases = phases;
    this.rankLimit = options.rankLimit;
    let rankSpace = 1;
    while (rankSpace < options.rankLimit) rankSpace *= 2; // not log2: it rounds for huge limits
    this.rankSpace = rankSpace;
    this.minuteSpace = phases * this.rankSpace;
    this.minuteLimit = Math.floor(EXACT / this.minuteSpace);
    if (this.minuteLimit < 1) throw new Error(`rankLimit ${options.rankLimit} leaves no room for minutes in an exact key`);
  }

  /** Number of scheduled events not yet run (cancelled ones included until they surface). */
  get size(): number {
    return this.heap.size;
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
    this.heap.add(key);
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
  }

  /** Minute of the next event to run (cancelled ones included), or Infinity when none is left. */
  peekMinute(): number {
    const key = this.heap.peek();
    return key === undefined ? Infinity : Math.floor(key / this.minuteSpace);
  }

  /**
   * Moves to the next event before `horizon` (minutes): sets at/phase/rank and returns true, or
   * returns false when no event remains before the horizon.
   */
  next(horizon: number): boolean {
    if (Number.isNaN(horizon)) throw new Error("horizon must be a number of minutes");
    const horizonKey = Math.ceil(horizon) * this.minuteSpace; // whole minutes below the horizon
    const heap = this.heap;
    for (;;) {
      const key = heap.peek();
      if (key === undefined || key >= horizonKey) return false;
      heap.poll();
      this.passedKey = key;
      if (this.cancelled.size > 0 && this.skipCancelled(key)) continue;
      this.currentKey = key;
      const rank = key % this.rankSpace;
      const minutePhase = (key - rank) / this.rankSpace;
      const phase = minutePhase % this.phases;
      this.rank = rank;
      this.phase = phase;
      this.at = (minutePhase - phase) / this.phases;
      return true;
    }
  }

  private skipCancelled(key: number): boolean {
    const n = this.cancelled.get(key);
    if (n === undefined) return false;
    // More cancels than identical pending events: forget the excess once none is left.
    if (n === 1 || this.heap.peek() !== key) this.cancelled.delete(key);
    else this.cancelled.set(key, n - 1);
    return true;
  }
}
