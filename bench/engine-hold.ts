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
  /** Events per second (one pop + one push each). */
  rate: number;
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

function bare(n: number, d: Float64Array, ops: number): number {
  const q = new FastPriorityQueue<number>((a, b) => a < b);
  for (let i = 0; i < n; i++) q.add(d[i % d.length]);
  const t0 = performance.now();
  let k = n;
  for (let i = 0; i < ops; i++) {
    const t = q.poll() as number;
    q.add(t + d[k++ % d.length]);
  }
  return ops / ((performance.now() - t0) / 1000);
}

function engine(n: number, d: Float64Array, ops: number): number {
  const q = new EventQueue({ phases: 4, rankLimit: n + 1 });
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
  const t0 = performance.now();
  let k = n;
  let done = 0;
  while (done < ops && q.next(Infinity)) {
    const j = k++ % d.length;
    q.schedule(q.at + d[j], phaseOf[j], rankOf[j]);
    done++;
  }
  return done / ((performance.now() - t0) / 1000);
}

/**
 * Measures one queue for one N in this process: a warm-up run, then the timed run. Call it once
 * per process (see the note at the top).
 */
export function holdRun(queue: HoldQueue, n: number): HoldRun {
  const operations = holdOperations(n);
  const d = delays(n, 1 << 20);
  const run = queue === "engine" ? engine : bare;
  run(n, d, Math.min(operations, 200_000)); // warm-up
  const rate = run(n, d, operations);
  return { queue, n, operations, rate, peakRssMb: process.resourceUsage().maxRSS / 1024 };
}
