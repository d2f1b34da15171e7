// Bench section "compare" (issues 5 and 10): the parallel speed-up of `kmsim compare` with 2
// worker threads over 1, on short runs (the bundled redundancy-strategies scenario) and on runs of
// ≥ 1 s (compare-estate), next to the two-process ceiling measured in the same run: two independent
// `--workers 1` commands started together, against one alone. Two processes share nothing but the
// machine (cores, caches, memory bandwidth), so 2 × (alone ÷ together) is the most any 2-worker
// pool can gain here; the figure to watch is speed-up ÷ ceiling (issue 10 target ≥ 0.9).
// The speed-up is shown on the runs themselves (manifest.json's wallTimeMs covers the worker
// pool's work) and on the whole command (node start-up, loading and the chart included).
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { median, table, type BenchSection } from "./section.js";

const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);

/**
 * The bundled redundancy-strategies scenario (120 runs of ≈ 15 ms: start-up, batching and the
 * chart weigh) and compare-estate (8 runs of ≥ 1 s: issue 10 item 4's case). BENCH_COMPARE=short
 * or =long runs only one of them.
 */
const CASES = [
  { key: "short", label: "scenarios/redundancy-strategies.yaml (6 strategies × 20 replications, runs ≈ 15 ms)", file: "../scenarios/redundancy-strategies.yaml" },
  { key: "long", label: "bench/scenarios/compare-estate.yaml (2 strategies × 4 replications, runs ≥ 1 s)", file: "./scenarios/compare-estate.yaml" },
].filter((c) => process.env.BENCH_COMPARE === undefined || process.env.BENCH_COMPARE === c.key);
const KMSIM = fileURLToPath(new URL("../bin/kmsim.js", import.meta.url));
const run = promisify(execFile);

interface Timing {
  runsS: number;
  commandS: number;
}

async function compare(scenario: string, workers: number): Promise<Timing> {
  const out = mkdtempSync(join(tmpdir(), "kmsim-bench-compare-"));
  try {
    const t0 = performance.now();
    await run(process.execPath, [KMSIM, "compare", scenario, "--workers", String(workers), "--out", join(out, "c")], { maxBuffer: 1 << 26 });
    const commandS = (performance.now() - t0) / 1000;
    const manifest = JSON.parse(readFileSync(join(out, "c", "manifest.json"), "utf8")) as { wallTimeMs: number };
    return { runsS: manifest.wallTimeMs / 1000, commandS };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Two independent single-worker commands started at once: the slower one's times. */
async function twoAtOnce(scenario: string): Promise<Timing> {
  const [a, b] = await Promise.all([compare(scenario, 1), compare(scenario, 1)]);
  return { runsS: Math.max(a.runsS, b.runsS), commandS: Math.max(a.commandS, b.commandS) };
}

export const compareSection: BenchSection = {
  name: "compare",
  description: "`kmsim compare` on short runs (redundancy-strategies, 120 runs) and on runs of ≥ 1 s (compare-estate, 8 runs): 2 workers vs 1, next to the two-process ceiling",
  async run(out) {
    for (const c of CASES) {
      out(c.label);
      await measure(fileURLToPath(new URL(c.file, import.meta.url)), out);
      out("");
    }
  },
};

async function measure(scenario: string, out: (line: string) => void): Promise<void> {
  const ones: Timing[] = [];
  const twos: Timing[] = [];
  const pairs: Timing[] = [];
  for (let r = 0; r < REPEATS; r++) {
    // Interleaved, so that load changes hit all three alike.
    ones.push(await compare(scenario, 1));
    twos.push(await compare(scenario, 2));
    pairs.push(await twoAtOnce(scenario));
  }
  const pick = (xs: readonly Timing[]): Timing => ({ runsS: median(xs.map((x) => x.runsS)), commandS: median(xs.map((x) => x.commandS)) });
  const one = pick(ones);
  const two = pick(twos);
  const pair = pick(pairs);
  const speedUp = { runs: one.runsS / two.runsS, command: one.commandS / two.commandS };
  const ceiling = { runs: (2 * one.runsS) / pair.runsS, command: (2 * one.commandS) / pair.commandS };
  const rows = [
    ["", "runs", "whole command"],
    ["1 worker", `${one.runsS.toFixed(2)} s`, `${one.commandS.toFixed(2)} s`],
    ["2 workers", `${two.runsS.toFixed(2)} s`, `${two.commandS.toFixed(2)} s`],
    ["two 1-worker commands at once (slower)", `${pair.runsS.toFixed(2)} s`, `${pair.commandS.toFixed(2)} s`],
    ["speed-up, 2 workers over 1", `${speedUp.runs.toFixed(2)}×`, `${speedUp.command.toFixed(2)}×`],
    ["two-process ceiling, 2 × alone ÷ together", `${ceiling.runs.toFixed(2)}×`, `${ceiling.command.toFixed(2)}×`],
    ["speed-up ÷ ceiling (target ≥ 0.9)", (speedUp.runs / ceiling.runs).toFixed(2), (speedUp.command / ceiling.command).toFixed(2)],
  ];
  for (const line of table(rows)) out(line);
  out(`median of ${REPEATS} interleaved repeats each; "runs" is the worker pool's time from manifest.json`);
}
