// Bench section "campaign" (issue 11): what a parameter study costs.
// - Planning a fully journaled campaign of 10,000 points × 5 strategies × 100 replications (5 M
//   runs): peak RSS of the process that checks every task against the journal (target ≤ 200 MB).
// - Sweep throughput (runs/s) of `kmsim sweep scenarios/branch-size-sweep.yaml` with 1 and 2 workers.
// - `kmsim merge` of 1,000 shards of 10 runs each: the runs of a real 10,000-run sweep split as
//   `--shard K/1000` would, each shard with its journal and manifest.
import { execFile, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { JournalWriter, planCampaign, readJournal, shardRange, taskCount } from "../src/campaign/index.js";
import { walkGroups } from "../src/campaign/walk.js";
import { loadScenario } from "../src/scenario/index.js";
import { median, table, type BenchSection } from "./section.js";

const KMSIM = fileURLToPath(new URL("../bin/kmsim.js", import.meta.url));
const CHILD = fileURLToPath(new URL("./campaign-child.mjs", import.meta.url));
const SWEEP = fileURLToPath(new URL("../scenarios/branch-size-sweep.yaml", import.meta.url));
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const run = promisify(execFile);

function child(mode: string, dir: string): string {
  const r = spawnSync(process.execPath, [CHILD, mode, dir], { encoding: "utf8", maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`campaign-child ${mode} failed:\n${r.stderr}`);
  return r.stdout;
}

function planning(out: (line: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), "kmsim-bench-plan-"));
  try {
    const t0 = performance.now();
    child("generate", dir);
    const journal = readdirSync(join(dir, "campaign", "journal")).reduce((n, f) => n + statSync(join(dir, "campaign", "journal", f)).size, 0);
    out(`generated the journal of 5,000,000 runs (${(journal / 1_048_576).toFixed(0)} MB) in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    const runs = Array.from({ length: REPEATS }, () => JSON.parse(child("plan", dir)) as { tasks: number; stored: number; missing: number; readS: number; wallS: number; peakRssMb: number });
    const lines = table([
          ["planning 10,000 points × 5 strategies × 100 replications", "journal read", "wall time", "missing", "peak RSS"],
          [`${runs[0].tasks.toLocaleString("en-US")} tasks, ${runs[0].stored.toLocaleString("en-US")} stored`, `${median(runs.map((r) => r.readS)).toFixed(1)} s`, `${median(runs.map((r) => r.wallS)).toFixed(1)} s`, String(runs[0].missing), `${Math.max(...runs.map((r) => r.peakRssMb)).toFixed(0)} MB`],
        ]);
    for (const line of lines) out(line);
    out("target: peak RSS ≤ 200 MB (median of the times, largest RSS)");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function sweepRate(workers: number, replications: number): Promise<{ runs: number; wallS: number }> {
  const dir = mkdtempSync(join(tmpdir(), "kmsim-bench-sweep-"));
  try {
    const t0 = performance.now();
    await run(process.execPath, [KMSIM, "sweep", SWEEP, "--replications", String(replications), "--workers", String(workers), "--out", join(dir, "s")], { maxBuffer: 1 << 26 });
    const wallS = (performance.now() - t0) / 1000;
    const m = JSON.parse(readFileSync(join(dir, "s", "manifest.json"), "utf8")) as { runs: { computed: number } };
    return { runs: m.runs.computed, wallS };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function throughput(out: (line: string) => void): Promise<void> {
  const ones: number[] = [];
  const twos: number[] = [];
  let runs = 0;
  for (let r = 0; r < REPEATS; r++) {
    const a = await sweepRate(1, 5);
    const b = await sweepRate(2, 5);
    runs = a.runs;
    ones.push(a.runs / a.wallS);
    twos.push(b.runs / b.wallS);
  }
  const lines = table([
    ["kmsim sweep branch-size-sweep --replications 5", "runs", "runs/s (whole command)"],
    ["1 worker", String(runs), median(ones).toFixed(1)],
    ["2 workers", String(runs), median(twos).toFixed(1)],
  ]);
  for (const line of lines) out(line);
  out(`2 workers ÷ 1: ${(median(twos) / median(ones)).toFixed(2)}× (medians of ${REPEATS})`);
}

async function merging(out: (line: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "kmsim-bench-merge-"));
  try {
    // 10,000 real runs: 100 points × 1 strategy × 100 replications of a small world.
    const scenario = join(dir, "merge-bench.yaml");
    writeFileSync(
      scenario,
      [
        "name: merge-bench",
        "duration: 30d",
        "replications: 100",
        "sweep: { parameters: { size: { path: clients.desk.count, values: [" + Array.from({ length: 100 }, (_, i) => i + 1).join(", ") + "] } } }",
        "sites: [ { id: hq } ]",
        "hosts: [ { id: kms1, site: hq, os: Windows Server 2022, csvlk: Windows Server 2022 } ]",
        "clients: [ { id: desk, site: hq, count: 30, edition: Windows 11 Enterprise } ]",
        "",
      ].join("\n"),
    );
    const whole = join(dir, "whole");
    await run(process.execPath, [KMSIM, "sweep", scenario, "--out", whole], { maxBuffer: 1 << 26 });
    const manifest = JSON.parse(readFileSync(join(whole, "manifest.json"), "utf8")) as Parameters<typeof idsInTaskOrder>[0] & { tasks: number };
    const stored = readJournal(whole).runs;
    const ids = idsInTaskOrder(manifest);
    const shards: string[] = [];
    for (let k = 1; k <= 1000; k++) {
      const range = shardRange({ index: k, count: 1000 }, manifest.tasks);
      const folder = join(dir, "shards", `s${k}`);
      mkdirSync(folder, { recursive: true });
      const writer = JournalWriter.open(folder);
      if (typeof writer === "string") throw new Error(writer);
      writer.add(ids.slice(range.from, range.to).map((id) => ({ id, record: stored.get(id) ?? {} })));
      writer.close();
      writeFileSync(join(folder, "manifest.json"), `${JSON.stringify({ ...manifest, kind: "sweep-shard", shard: { index: k, count: 1000, ...range }, files: ["manifest.json"] }, null, 2)}\n`);
      shards.push(folder);
    }
    const times: number[] = [];
    for (let r = 0; r < REPEATS; r++) {
      const t0 = performance.now();
      await run(process.execPath, [KMSIM, "merge", join(dir, `merged-${r}`), ...shards], { maxBuffer: 1 << 26 });
      times.push((performance.now() - t0) / 1000);
      if (readFileSync(join(dir, `merged-${r}`, "runs.csv"), "utf8") !== readFileSync(join(whole, "runs.csv"), "utf8")) throw new Error("the merged runs.csv differs from the unsharded one");
    }
    out(`kmsim merge of 1,000 shards × 10 runs (10,000 runs, byte-identical runs.csv): ${median(times).toFixed(1)} s (median of ${REPEATS}; ${Math.min(...times).toFixed(1)}–${Math.max(...times).toFixed(1)} s)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The identities of the campaign's tasks in task order, as the planner computes them. */
function idsInTaskOrder(manifest: { document: unknown; file: string; fileBaseName: string; strategies: readonly string[]; replications: number }): string[] {
  const loaded = loadScenario(manifest.document, manifest.file, manifest.fileBaseName);
  if (!loaded.ok) throw new Error("the merge bench scenario is invalid");
  const plan = planCampaign(loaded.scenario, { file: manifest.file, fileBaseName: manifest.fileBaseName, data: manifest.document }, manifest.strategies, manifest.replications);
  const ids: string[] = [];
  walkGroups(plan, { from: 0, to: taskCount(plan.shape) }, (g) => ids.push(...g.ids));
  return ids;
}

export const campaignSection: BenchSection = {
  name: "campaign",
  description: "sweeps: planning a journaled 5 M-run campaign (≤ 200 MB), sweep runs/s with 1 and 2 workers, merging 1,000 shards",
  async run(out) {
    planning(out);
    await throughput(out);
    await merging(out);
  },
};
