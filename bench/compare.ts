// Bench section "compare" (issue 5): the parallel speed-up of `kmsim compare` with 2 worker
// threads over 1, on the bundled redundancy-strategies scenario (6 strategies × 20 replications).
// The speed-up is taken on the runs themselves (manifest.json's wallTimeMs covers the worker
// pool's work); the whole command's wall time is shown beside it.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { median, table, type BenchSection } from "./section.js";

const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);

const SCENARIO = fileURLToPath(new URL("../scenarios/redundancy-strategies.yaml", import.meta.url));
const KMSIM = fileURLToPath(new URL("../bin/kmsim.js", import.meta.url));

function compare(workers: number): { runsS: number; commandS: number } {
  const out = mkdtempSync(join(tmpdir(), "kmsim-bench-compare-"));
  try {
    const t0 = performance.now();
    execFileSync(process.execPath, [KMSIM, "compare", SCENARIO, "--workers", String(workers), "--out", join(out, "c")], {
      stdio: "ignore",
    });
    const commandS = (performance.now() - t0) / 1000;
    const manifest = JSON.parse(readFileSync(join(out, "c", "manifest.json"), "utf8")) as { wallTimeMs: number };
    return { runsS: manifest.wallTimeMs / 1000, commandS };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export const compareSection: BenchSection = {
  name: "compare",
  description: "`kmsim compare scenarios/redundancy-strategies.yaml` (120 runs) with 1 and 2 workers (target speed-up ≥ 1.7×)",
  run(out) {
    const ones: { runsS: number; commandS: number }[] = [];
    const twos: { runsS: number; commandS: number }[] = [];
    for (let r = 0; r < REPEATS; r++) {
      ones.push(compare(1)); // interleaved, so that load changes hit both alike
      twos.push(compare(2));
    }
    const pick = (xs: typeof ones) => ({ runsS: median(xs.map((x) => x.runsS)), commandS: median(xs.map((x) => x.commandS)) });
    const one = pick(ones);
    const two = pick(twos);
    const rows = [
      ["workers", "runs", "whole command"],
      ["1", `${one.runsS.toFixed(2)} s`, `${one.commandS.toFixed(2)} s`],
      ["2", `${two.runsS.toFixed(2)} s`, `${two.commandS.toFixed(2)} s`],
      ["speed-up", `${(one.runsS / two.runsS).toFixed(2)}×`, `${(one.commandS / two.commandS).toFixed(2)}×`],
    ];
    for (const line of table(rows)) out(line);
    out(`median of ${REPEATS} runs each; "runs" is the worker pool's time from manifest.json`);
  },
};
