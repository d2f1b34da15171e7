// `kmsim compare`: every strategy × replications on worker threads, written to a comparison
// folder (FORMAT.md "Comparison folder"). Replication r of every strategy uses the streams of
// (seed, r) (§R3): common random numbers, so strategies are compared pair by pair.
import { setMaxListeners } from "node:events";
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Tinypool from "tinypool";
import { STREAM_SCHEME } from "../engine/index.js";
import { buildLayout, type World } from "../kms/index.js";
import {
  COMPARISON_CHART_HTML,
  COMPARISON_CHART_SVG,
  buildManifest,
  comparisonCsv,
  rankStrategies,
  renderComparisonChartFromCsv,
  runsColumns,
  runsCsv,
  summaryColumnSections,
  writeFolderAtomic,
  type ComparedRun,
} from "../report/index.js";
import type { Scenario } from "../scenario/index.js";
import { InputError } from "./errors.js";
import { wholeNumberFlag } from "./options.js";
import { startProgress } from "./progress.js";
import type { ReplicationResult, ReplicationTask } from "./replication.js";
import { readScenario, unknownStrategyMessage } from "./scenario-input.js";
import { formatRanking } from "./ranking-table.js";
import { kmsimVersion } from "./version.js";

export interface CompareArgs {
  readonly file: string;
  readonly replications?: unknown;
  readonly workers?: unknown;
  readonly out?: string;
  readonly strategies?: string;
  readonly timelines?: boolean;
}

/** Stopped by Ctrl-C: nothing was written. */
export class Interrupted extends Error {
  override readonly name = "Interrupted";
}

const WORKER = fileURLToPath(new URL("../../dist/cli/compare-worker.js", import.meta.url));

interface Variant {
  /** "" for the base scenario of a file without strategies (empty `strategy` column). */
  readonly name: string;
  readonly world: World;
}

/** Runs the comparison and writes its folder; returns the folder path. */
export async function compareJob(args: CompareArgs): Promise<string> {
  const scenario = readScenario(args.file);
  const variants = chooseVariants(scenario, args.file, args.strategies);
  const replications =
    args.replications === undefined ? scenario.replications : wholeNumberFlag("replications", args.replications, 1);
  if (replications > 10_000) throw new InputError([`kmsim: --replications must be at most 10000`]);
  const runCount = variants.length * replications;
  const workers =
    args.workers === undefined ? Math.min(availableParallelism(), runCount) : wholeNumberFlag("workers", args.workers, 1);
  const folder = args.out ?? join("results", scenario.name, "compare");

  const tasks: ReplicationTask[] = [];
  for (const v of variants) {
    for (let r = 0; r < replications; r++) {
      tasks.push({
        world: v.world,
        scenario: scenario.name,
        strategy: v.name === "" ? null : v.name,
        seed: scenario.seed,
        replication: r,
        startEpochMs: scenario.startEpochMs,
        sampleMin: scenario.sampleMin,
        timeline: args.timelines === true,
      });
    }
  }

  const started = performance.now();
  const results = await runAll(tasks, workers);
  const wallTimeMs = performance.now() - started;

  const runs: ComparedRun[] = tasks.map((t, i) => ({
    strategy: t.strategy ?? "",
    replication: t.replication,
    record: results[i].summaryRecord,
  }));
  const columns = runsColumns(variants.map((v) => summaryColumnSections(v.world, buildLayout(v.world))));
  const metrics = columns.slice(columns.indexOf("clients"));
  const names = variants.map((v) => v.name);
  const runsText = runsCsv(columns, runs);
  const chart = await renderComparisonChartFromCsv(runsText); // as `kmsim report` redraws it

  const files: Record<string, string> = {
    "runs.csv": runsText,
    "comparison.csv": comparisonCsv(names, metrics, runs),
    [COMPARISON_CHART_SVG]: chart.svg,
    [COMPARISON_CHART_HTML]: chart.html,
  };
  if (args.timelines === true) {
    tasks.forEach((t, i) => {
      files[`timeline-${t.strategy ?? "base"}-r${t.replication}.csv`] = results[i].timeline ?? "";
    });
  }
  files["manifest.json"] = buildManifest({
    version: kmsimVersion(),
    scenario: scenario.name,
    strategy: null,
    seed: scenario.seed,
    replication: 0,
    streamScheme: STREAM_SCHEME,
    start: scenario.start,
    durationMin: scenario.base.durationMin,
    sampleMin: scenario.sampleMin,
    eventsProcessed: results.reduce((sum, r) => sum + r.eventsProcessed, 0),
    wallTimeMs: Math.round(wallTimeMs),
    world: {
      replications,
      workers,
      strategies: variants.map((v) => ({ name: v.name, world: v.world })),
    },
    files: Object.keys(files),
  });
  await writeFolderAtomic(folder, files);
  process.stdout.write(formatRanking(scenario.name, rankStrategies(names, runs), { replications, folder, wallTimeMs, workers }));
  return folder;
}

function chooseVariants(scenario: Scenario, file: string, list: string | undefined): Variant[] {
  if (scenario.strategies.length === 0) {
    if (list !== undefined) {
      const unknown = list.split(",").map((s) => s.trim()).filter((s) => s !== "");
      if (unknown.length > 0) throw new InputError([unknownStrategyMessage(scenario, file, unknown[0])]);
    }
    return [{ name: "", world: scenario.base }];
  }
  if (list === undefined) return scenario.strategies.map((s) => ({ name: s.name, world: s.world }));
  const wanted = list.split(",").map((s) => s.trim()).filter((s) => s !== "");
  if (wanted.length === 0) throw new InputError([`kmsim: --strategies names no strategy`]);
  const errors = wanted
    .filter((name) => !scenario.strategies.some((s) => s.name === name))
    .map((name) => unknownStrategyMessage(scenario, file, name));
  if (errors.length > 0) throw new InputError(errors);
  return scenario.strategies.filter((s) => wanted.includes(s.name)).map((s) => ({ name: s.name, world: s.world }));
}

/** Runs the tasks on `workers` threads; results in task order, whatever the completion order. */
async function runAll(tasks: readonly ReplicationTask[], workers: number): Promise<ReplicationResult[]> {
  if (!existsSync(WORKER)) throw new Error(`compiled worker ${WORKER} is missing: run \`npm run build\``);
  const pool = new Tinypool({ filename: WORKER, minThreads: workers, maxThreads: workers, idleTimeout: 1_000 });
  const progress = startProgress("kmsim compare", tasks.length);
  const abort = new AbortController();
  const batches = batchesOf(tasks, workers);
  setMaxListeners(batches.length + 10, abort.signal); // one listener per queued batch
  const onInterrupt = (): void => abort.abort();
  process.once("SIGINT", onInterrupt);
  let done = 0;
  try {
    const results = await Promise.all(
      batches.map(async (batch) => {
        const out = (await pool.run(batch, { signal: abort.signal })) as ReplicationResult[];
        done += batch.length;
        progress.update(done);
        return out;
      }),
    );
    return results.flat();
  } catch (err) {
    if (abort.signal.aborted) throw new Interrupted("interrupted: no files were written");
    throw err;
  } finally {
    process.removeListener("SIGINT", onInterrupt);
    progress.stop();
    await pool.destroy();
  }
}

/** Consecutive batches, about eight per worker: few messages, and still an even spread at the end. */
function batchesOf(tasks: readonly ReplicationTask[], workers: number): ReplicationTask[][] {
  const size = Math.max(1, Math.ceil(tasks.length / (workers * 8)));
  const out: ReplicationTask[][] = [];
  for (let i = 0; i < tasks.length; i += size) out.push(tasks.slice(i, i + size));
  return out;
}
