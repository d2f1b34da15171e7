// Bench section "estate" (issue 10): `kmsim run` end to end on realistic estates —
// scenarios/estate-100k.yaml (100 000 machines: office-hours desktops with Office, intermittent
// laptops, servers, three branches over flaky links), estate-1m.yaml (the same mix × 10) and
// perf-1m.yaml (perf-100k with 1 000 000 always-online clients). Per scenario: the manifest's
// eventsProcessed, events and attempts per machine-year (machines = Windows licensing clients),
// wall time and peak RSS of the `kmsim run` process. Attempts are not in the manifest, so they
// come from one in-process model run (model-child.ts) of the same scenario and seed.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { median, table, type BenchSection } from "./section.js";

const KMSIM = fileURLToPath(new URL("../bin/kmsim.js", import.meta.url));
const RSS_PRELOAD = fileURLToPath(new URL("./peak-rss.cjs", import.meta.url));
const CHILD = fileURLToPath(new URL("./model-child.ts", import.meta.url));
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
/** The million-machine runs take a minute or more each: one run unless BENCH_BIG_REPEATS says otherwise. */
const BIG_REPEATS = Number(process.env.BENCH_BIG_REPEATS ?? 1);
const MIN_PER_YEAR = 525_600;

interface Case {
  readonly file: string;
  readonly repeats: number;
  readonly target: string;
}

const CASES: readonly Case[] = [
  { file: "estate-100k.yaml", repeats: REPEATS, target: "≤ 5 s, ≤ 400 MB, ≤ 100 events/machine-year" },
  { file: "estate-1m.yaml", repeats: BIG_REPEATS, target: "≤ 60 s, ≤ 2 GB" },
  { file: "perf-1m.yaml", repeats: BIG_REPEATS, target: "≤ 12 s, ≤ 1 GB" },
];

/** BENCH_ESTATE=estate-100k,perf-1m runs only those scenarios. */
const ONLY = process.env.BENCH_ESTATE?.split(",").map((x) => x.trim());

interface CliRun {
  wallS: number;
  peakRssMb: number;
  eventsProcessed: number;
  durationMin: number;
  machines: number;
}

function scenarioPath(file: string): string {
  return fileURLToPath(new URL(`./scenarios/${file}`, import.meta.url));
}

function cliRun(file: string): CliRun {
  const dir = mkdtempSync(join(tmpdir(), "kmsim-bench-estate-"));
  try {
    const rssFile = join(dir, "rss");
    const t0 = performance.now();
    execFileSync(process.execPath, ["-r", RSS_PRELOAD, KMSIM, "run", scenarioPath(file), "--out", join(dir, "run")], {
      stdio: "ignore",
      env: { ...process.env, KMSIM_BENCH_RSS_FILE: rssFile },
    });
    const wallS = (performance.now() - t0) / 1000;
    const manifest = JSON.parse(readFileSync(join(dir, "run", "manifest.json"), "utf8")) as {
      eventsProcessed: number;
      durationMin: number;
      world: { clients: { count: number }[] };
    };
    return {
      wallS,
      peakRssMb: Number(readFileSync(rssFile, "utf8")) / 1024,
      eventsProcessed: manifest.eventsProcessed,
      durationMin: manifest.durationMin,
      machines: manifest.world.clients.reduce((n, g) => n + g.count, 0),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function modelAttempts(file: string): number {
  const stdout = execFileSync(process.execPath, [...process.execArgv, CHILD, scenarioPath(file)], { encoding: "utf8" });
  return (JSON.parse(stdout) as { attempts: number }).attempts;
}

function range(xs: readonly number[], digits: number): string {
  const lo = Math.min(...xs).toFixed(digits);
  const hi = Math.max(...xs).toFixed(digits);
  return lo === hi ? lo : `${lo}–${hi}`;
}

export const estateSection: BenchSection = {
  name: "estate",
  description: "`kmsim run` on estate-100k, estate-1m and perf-1m end to end (issue 10 targets in the last column)",
  run(out) {
    const rows: string[][] = [["scenario", "eventsProcessed", "events/machine-y", "attempts/machine-y", "wall (median, range)", "peak RSS", "runs", "target"]];
    for (const c of CASES.filter((x) => ONLY === undefined || ONLY.includes(x.file.replace(".yaml", "")))) {
      const runs = Array.from({ length: c.repeats }, () => cliRun(c.file));
      const r = runs[0];
      const machineYears = (r.machines * r.durationMin) / MIN_PER_YEAR;
      const attempts = modelAttempts(c.file);
      const wall = runs.map((x) => x.wallS);
      rows.push([
        c.file.replace(".yaml", ""),
        r.eventsProcessed.toLocaleString("en-US"),
        (r.eventsProcessed / machineYears).toFixed(1),
        (attempts / machineYears).toFixed(1),
        `${median(wall).toFixed(2)} s (${range(wall, 2)})`,
        `${median(runs.map((x) => x.peakRssMb)).toFixed(0)} MB (${range(runs.map((x) => x.peakRssMb), 0)})`,
        String(c.repeats),
        c.target,
      ]);
    }
    for (const line of table(rows)) out(line);
    out("machines = Windows licensing clients (one per machine); attempts from one in-process model run of the same seed");
    out("wall and peak RSS: the whole `kmsim run` process (node start-up, loading, simulation, CSVs, chart, manifest)");
  },
};
