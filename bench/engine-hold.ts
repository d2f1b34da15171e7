// Hold-model benchmark (issue 2): a queue pre-filled with N events; repeatedly pop the earliest
// and push it back at t + d, d exponential with mean N/100 minutes rounded up. The engine and a
// bare FastPriorityQueue of plain numbers read the same pre-drawn delays, so the ratio measures
// the queues alone.
//
// Each queue is measured in a process of its own (bench/engine-hold-child.ts): FastPriorityQueue's
// methods are shared code, and once two heaps with different comparators (the engine's and the
// bare one) have run in one process, V8 de-optimises both; measured side by side the bare heap
// ran 3–6× slower than alone, which made the engine/bare ratio meaningless.
import FastPriorityQueue from "fastpriorityqueue";
import { EventQueue } from "../src/engine/queue.js";
import { createStream } from "../src/engine/streams.js";

export type HoldQueue = "engine" | "bare";

export interface HoldRun {
  queue: HoldQueue;
  n: number;
  operations: number;
  /** Events per second of wall time (one pop + one push each). */
  rate: number;
  /** Events per second of this process's CPU time (user + system): less sensitive to a busy machine. */
  cpuRate: number;
  /** Peak resident memory of the measuring process, MB. */
  peakRssMb: number;
}

/** How many pop/push operations are timed for N pending events. */
export function holdOperations(n: number): number {
  return Math.max(2_000_000, 3 * n);
}

function delays(n: number, count: number): Float64Array {
  const stream = createStream(42, 0, `bench/hold/${n}`);
  const mean = n / 100;
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = Math.max(1, Math.ceil(-mean * Math.log(1 - stream.next())));
  return out;
}

/** Wall and CPU time of the timed loop, in seconds. */
interface Timing {
  wall: number;
  cpu: number;
}

function startTiming(): () => Timing {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  return () => {
    const c = process.cpuUsage(c0);
    return { wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
  };
}

/** Calendar layout of the engine's queue (bench/engine.ts tries a few): minutes per bucket × buckets. */
export interface HoldLayout {
  bucketMinutes: number;
  buckets: number;
}

function bare(n: number, d: Float64Array, ops: number): { done: number; time: Timing } {
  const q = new FastPriorityQueue<number>((a, b) => a < b);
  for (let i = 0; i < n; i++) q.add(d[i % d.length]);
  const stop = startTiming();
  let k = n;
  for (let i = 0; i < ops; i++) {
    const t = q.poll() as number;
    q.add(t + d[k++ % d.length]);
  }
  return { done: ops, time: stop() };
}

function engine(n: number, d: Float64Array, ops: number, layout?: HoldLayout): { done: number; time: Timing } {
  const q = new EventQueue({ phases: 4, rankLimit: n + 1, ...layout });
  const rnd = createStream(43, 0, `bench/hold-keys/${n}`);
  const phaseOf = new Uint8Array(d.length);
  const rankOf = new Float64Array(d.length);
  for (let i = 0; i < d.length; i++) {
    phaseOf[i] = Math.floor(rnd.next() * 4);
    rankOf[i] = Math.floor(rnd.next() * (n + 1));
  }
  const handles: number[] = [];
  for (let i = 0; i < n; i++) handles.push(q.schedule(d[i % d.length], phaseOf[i % d.length], rankOf[i % d.length]));
  // Lazy cancel is active: one event in a thousand is cancelled and replaced, and the cancelled
  // ones stay pending, so every pop also consults the cancel set.
  for (let i = 0; i < n; i += 1000) {
    q.cancel(handles[i]);
    q.schedule(d[i % d.length], phaseOf[i % d.length], rankOf[i % d.length]);
  }
  const stop = startTiming();
  let k = n;
  let done = 0;
  while (done < ops && q.next(Infinity)) {
    const j = k++ % d.length;
    q.schedule(q.at + d[j], phaseOf[j], rankOf[j]);
    done++;
  }
  return { done, time: stop() };
}

/**
 * Measures one queue for one N in this process: a warm-up run, then the timed run. Call it once
 * per process (see the note at the top).
 */
export function holdRun(queue: HoldQueue, n: number, layout?: HoldLayout): HoldRun {
  const operations = holdOperations(n);
  const d = delays(n, 1 << 20);
  const run = queue === "engine" ? (ops: number) => engine(n, d, ops, layout) : (ops: number) => bare(n, d, ops);
  run(Math.min(operations, 200_000)); // warm-up
  const { done, time } = run(operations);
  return { queue, n, operations, rate: done / time.wall, cpuRate: done / time.cpu, peakRssMb: process.resourceUsage().maxRSS / 1024 };
}
