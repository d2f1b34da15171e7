// Bench section "compare" (issues 5 and 10): the parallel speed-up of `kmsim compare` with 2
// worker threads over 1, on the bundled redundancy-strategies scenario (6 strategies × 20
// replications), next to the two-process ceiling measured in the same run: two independent
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

const SCENARIO = fileURLToPath(new URL("../scenarios/redundancy-strategies.yaml", import.meta.url));
const KMSIM = fileURLToPath(new URL("../bin/kmsim.js", import.meta.url));
const run = promisify(execFile);

interface Timing {
  runsS: number;
  commandS: number;
}

async function compare(workers: number): Promise<Timing> {
  const out = mkdtempSync(join(tmpdir(), "kmsim-bench-compare-"));
  try {
    const t0 = performance.now();
    await run(process.execPath, [KMSIM, "compare", SCENARIO, "--workers", String(workers), "--out", join(out, "c")], { maxBuffer: 1 << 26 });
    const commandS = (performance.now() - t0) / 1000;
    const manifest = JSON.parse(readFileSync(join(out, "c", "manifest.json"), "utf8")) as { wallTimeMs: number };
    return { runsS: manifest.wallTimeMs / 1000, commandS };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Two independent single-worker commands started at once: the slower one's times. */
async function twoAtOnce(): Promise<Timing> {
  const [a, b] = await Promise.all([compare(1), compare(1)]);
  return { runsS: Math.max(a.runsS, b.runsS), commandS: Math.max(a.commandS, b.commandS) };
}

export const compareSection: BenchSection = {
  name: "compare",
  description: "`kmsim compare scenarios/redundancy-strategies.yaml` (120 runs): 2 workers vs 1, next to the two-process ceiling",
  async run(out) {
    const ones: Timing[] = [];
    const twos: Timing[] = [];
    const pairs: Timing[] = [];
    for (let r = 0; r < REPEATS; r++) {
      // Interleaved, so that load changes hit all three alike.
      ones.push(await compare(1));
      twos.push(await compare(2));
      pairs.push(await twoAtOnce());
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
  },
};
