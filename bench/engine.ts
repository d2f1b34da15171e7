// Bench section "engine": the hold model (bench/engine-hold.ts) for N = 1 000, 100 000 and
// 1 000 000 pending events — the engine's EventQueue against a bare FastPriorityQueue of numbers.
// Every measurement runs in a child process of its own (same node flags as this one). Engine and
// bare run as PAIRS interleaved pairs of fresh processes (engine, bare, engine, bare …); the
// ratio is the median of the pairs' ratios, so a pair shares the machine's load of its moment.
// The peak RSS is the child's: the memory of that queue with N pending events (plus the node +
// tsx baseline, printed on its own line). BENCH_LAYOUTS=1 adds the calendar shapes compared when
// the default was chosen (src/engine/queue.ts, BUCKET_MINUTES × BUCKETS).
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { HoldLayout, HoldQueue, HoldRun } from "./engine-hold.js";
import { formatRate, median, table, type BenchSection } from "./section.js";

const SIZES = [1_000, 100_000, 1_000_000];
/** Interleaved (engine, bare) pairs per N; BENCH_PAIRS overrides (odd numbers give a true median). */
const PAIRS = Number(process.env.BENCH_PAIRS ?? 5);
const LAYOUTS: readonly HoldLayout[] = [
  { bucketMinutes: 1, buckets: 65_536 },
  { bucketMinutes: 16, buckets: 4_096 },
  { bucketMinutes: 64, buckets: 1_024 },
  { bucketMinutes: 256, buckets: 256 },
  { bucketMinutes: 256, buckets: 1_024 },
];
const CHILD = fileURLToPath(new URL("./engine-hold-child.ts", import.meta.url));

function measure(queue: HoldQueue, n: number, layout?: HoldLayout): HoldRun {
  const layoutArgs = layout === undefined ? [] : [String(layout.bucketMinutes), String(layout.buckets)];
  const stdout = execFileSync(process.execPath, [...process.execArgv, CHILD, queue, String(n), ...layoutArgs], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  return JSON.parse(stdout) as HoldRun;
}

function baselineRssMb(): number {
  const stdout = execFileSync(
    process.execPath,
    [...process.execArgv, "-e", "process.stdout.write(String(process.resourceUsage().maxRSS / 1024))"],
    { encoding: "utf8" },
  );
  return Number(stdout);
}

function range(xs: readonly number[]): string {
  return `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}`;
}

/** PAIRS interleaved pairs of fresh processes: the engine (with this layout) and the bare heap. */
function pairs(n: number, layout?: HoldLayout): { engine: HoldRun[]; bare: HoldRun[] } {
  const engine: HoldRun[] = [];
  const bare: HoldRun[] = [];
  for (let p = 0; p < PAIRS; p++) {
    engine.push(measure("engine", n, layout));
    bare.push(measure("bare", n));
  }
  return { engine, bare };
}

export const engineSection: BenchSection = {
  name: "engine",
  description: "hold model: pop the earliest event, push it back at t + exp(N/100) min; engine vs bare FastPriorityQueue",
  run(out) {
    const rows: string[][] = [
      ["N", "operations", "engine", "bare", "engine/bare", "(range)", "CPU engine/bare", "engine peak RSS", "bare peak RSS"],
    ];
    for (const n of SIZES) {
      const { engine, bare } = pairs(n);
      const ratios = engine.map((e, i) => e.rate / bare[i].rate);
      const cpuRatios = engine.map((e, i) => e.cpuRate / bare[i].cpuRate);
      rows.push([
        n.toLocaleString("en-US"),
        engine[0].operations.toLocaleString("en-US"),
        formatRate(median(engine.map((x) => x.rate))),
        formatRate(median(bare.map((x) => x.rate))),
        median(ratios).toFixed(2),
        range(ratios),
        median(cpuRatios).toFixed(2),
        `${Math.max(...engine.map((x) => x.peakRssMb)).toFixed(0)} MB`,
        `${Math.max(...bare.map((x) => x.peakRssMb)).toFixed(0)} MB`,
      ]);
    }
    for (const l of table(rows)) out(l);
    out("");
    out(`engine, bare: events/s of wall time (one pop + one push), medians over ${PAIRS} interleaved pairs of fresh processes`);
    out(`engine/bare: median of the ${PAIRS} pairs' ratios (range: lowest–highest pair); CPU: the same with CPU time (user + system)`);
    out(`peak RSS: maxRSS of the measuring process; node + tsx alone: ${baselineRssMb().toFixed(0)} MB`);
    if (process.env.BENCH_LAYOUTS !== "1") return;
    out("");
    out("calendar shapes (BENCH_LAYOUTS=1), N = 1,000,000 and 100,000:");
    const shapes: string[][] = [["bucket minutes × buckets", "N", "engine/bare", "(range)", "CPU engine/bare", "engine peak RSS"]];
    for (const layout of LAYOUTS) {
      for (const n of [1_000_000, 100_000]) {
        const { engine, bare } = pairs(n, layout);
        const ratios = engine.map((e, i) => e.rate / bare[i].rate);
        shapes.push([
          `${layout.bucketMinutes} × ${layout.buckets.toLocaleString("en-US")}`,
          n.toLocaleString("en-US"),
          median(ratios).toFixed(2),
          range(ratios),
          median(engine.map((e, i) => e.cpuRate / bare[i].cpuRate)).toFixed(2),
          `${Math.max(...engine.map((x) => x.peakRssMb)).toFixed(0)} MB`,
        ]);
      }
    }
    for (const l of table(shapes)) out(l);
  },
};
