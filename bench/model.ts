// Bench section "model" (issue 3): the compiled model on bench/scenarios/perf-100k.yaml (100 000
// clients, two randomly failing hosts, one year), aggregated by the real streaming aggregator,
// in a fresh process; and "cli" (issue 4): `kmsim run` on the same scenario end to end (load,
// simulate, timeline, summary, chart, manifest), which should take under 2 × the model's time.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { formatRate, median, table, type BenchSection } from "./section.js";

const SCENARIO = fileURLToPath(new URL("./scenarios/perf-100k.yaml", import.meta.url));
const CHILD = fileURLToPath(new URL("./model-child.ts", import.meta.url));
const KMSIM = fileURLToPath(new URL("../bin/kmsim.js", import.meta.url));
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);

interface ModelRun {
  wallS: number;
  events: number;
  attempts: number;
  requests: number;
  peakRssMb: number;
}

function modelRun(): ModelRun {
  const stdout = execFileSync(process.execPath, [...process.execArgv, CHILD, SCENARIO], { encoding: "utf8" });
  return JSON.parse(stdout) as ModelRun;
}

function cliRun(): number {
  const out = mkdtempSync(join(tmpdir(), "kmsim-bench-"));
  try {
    const t0 = performance.now();
    execFileSync(process.execPath, [KMSIM, "run", SCENARIO, "--out", join(out, "run")], { stdio: "ignore" });
    return (performance.now() - t0) / 1000;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Median model time of the last "model" section, for the "cli" section's ratio. */
let lastModelS: number | null = null;

export const modelSection: BenchSection = {
  name: "model",
  description: "perf-100k.yaml: 100 000 clients, 2 hosts with random outages, 1 simulated year, seed 7 (target < 2.5 s, < 300 MB)",
  run(out) {
    const runs = Array.from({ length: REPEATS }, modelRun);
    const wall = median(runs.map((r) => r.wallS));
    lastModelS = wall;
    const r = runs[0];
    const lines = table([
        ["wall time", "events", "events/s", "attempts", "attempts/s", "requests", "peak RSS"],
        [
          `${wall.toFixed(2)} s`,
          r.events.toLocaleString("en-US"),
          formatRate(r.events / wall),
          r.attempts.toLocaleString("en-US"),
          formatRate(r.attempts / wall),
          r.requests.toLocaleString("en-US"),
          `${Math.max(...runs.map((x) => x.peakRssMb)).toFixed(0)} MB`,
        ],
      ]);
    for (const line of lines) out(line);
    out(`median of ${REPEATS} runs, each in a fresh process (compiled dist/, node ${process.version})`);
  },
};

export const cliSection: BenchSection = {
  name: "cli",
  description: "`kmsim run bench/scenarios/perf-100k.yaml` end to end (target < 2 × the model's time)",
  run(out) {
    const model = lastModelS ?? median(Array.from({ length: REPEATS }, () => modelRun().wallS));
    const wall = median(Array.from({ length: REPEATS }, cliRun));
    const rows = [["kmsim run", "model alone", "ratio"], [`${wall.toFixed(2)} s`, `${model.toFixed(2)} s`, (wall / model).toFixed(2)]];
    for (const line of table(rows)) out(line);
    out(`median of ${REPEATS} runs; includes node start-up, loading, the change-driven timeline, summary, chart and manifest`);
  },
};
