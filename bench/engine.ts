// Bench section "engine": the hold model (bench/engine-hold.ts) for N = 1 000, 100 000 and
// 1 000 000 pending events — the engine's EventQueue against a bare FastPriorityQueue of numbers.
// Every measurement runs in a child process of its own (same node flags as this one), repeated
// and reported as the median; the peak RSS is the child's, so it is the memory of that queue
// with N pending events (plus the node + tsx baseline, printed on its own line).
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { HoldQueue, HoldRun } from "./engine-hold.js";
import { formatRate, median, table, type BenchSection } from "./section.js";

const SIZES = [1_000, 100_000, 1_000_000];
const QUEUES: readonly HoldQueue[] = ["engine", "bare"];
/** Repetitions per (queue, N); BENCH_REPEATS overrides (odd numbers give a true median). */
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const CHILD = fileURLToPath(new URL("./engine-hold-child.ts", import.meta.url));

function measure(queue: HoldQueue, n: number): HoldRun {
  const stdout = execFileSync(process.execPath, [...process.execArgv, CHILD, queue, String(n)], {
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

export const engineSection: BenchSection = {
  name: "engine",
  description: "hold model: pop the earliest event, push it back at t + exp(N/100) min; engine vs bare FastPriorityQueue",
  run(out) {
    const rows: string[][] = [["N", "operations", "engine", "bare", "engine/bare", "engine peak RSS", "bare peak RSS"]];
    for (const n of SIZES) {
      const runs = new Map<HoldQueue, HoldRun[]>(QUEUES.map((q) => [q, []]));
      for (let r = 0; r < REPEATS; r++) for (const q of QUEUES) runs.get(q)?.push(measure(q, n)); // interleaved
      const rate = (q: HoldQueue): number => median((runs.get(q) ?? []).map((x) => x.rate));
      const rss = (q: HoldQueue): number => Math.max(...(runs.get(q) ?? []).map((x) => x.peakRssMb));
      rows.push([
        n.toLocaleString("en-US"),
        (runs.get("engine")?.[0]?.operations ?? 0).toLocaleString("en-US"),
        formatRate(rate("engine")),
        formatRate(rate("bare")),
        (rate("engine") / rate("bare")).toFixed(2),
        `${rss("engine").toFixed(0)} MB`,
        `${rss("bare").toFixed(0)} MB`,
      ]);
    }
    for (const l of table(rows)) out(l);
    out("");
    out(`engine, bare: events/s (one pop + one push), median of ${REPEATS} runs, each in a fresh process`);
    out(`peak RSS: maxRSS of the measuring process; node + tsx alone: ${baselineRssMb().toFixed(0)} MB`);
  },
};
