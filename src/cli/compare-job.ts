// `kmsim compare`: every strategy × replications on worker threads, written to a comparison
// folder (FORMAT.md "Comparison folder"). Replication r of every strategy uses the streams of
// (seed, r) (§R3): common random numbers, so strategies are compared pair by pair.
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import Tinypool from "tinypool";
import { STREAM_SCHEME } from "../engine/index.js";
import { buildLayout, type World } from "../kms/index.js";
import {
  COMPARISON_CHART_HTML,
  COMPARISON_CHART_SVG,
  AUTO_BATCH,
  buildManifest,
  comparisonCsv,
  defaultRankingMetrics,
  parseRankBy,
  rankStrategies,
  rankableColumns,
  renderComparisonChartFromCsv,
  runsColumns,
  runsCsv,
  summaryColumnSections,
  stopReason,
  type ComparedRun,
  type RankingMetric,
  type StopReason,
} from "../report/index.js";
import type { ResultStage } from "../report/index.js";
import { fileBaseName, formatDiagnostic, pointDocument, readScenarioFile, type Scenario } from "../scenario/index.js";
import { InputError } from "./errors.js";
import { replicationPlan, toleranceText, type ReplicationPlan } from "./replication-plan.js";
import { wholeNumberFlag } from "./options.js";
import { startProgress, type Progress } from "./progress.js";
import type { ReplicationResult, ReplicationTask } from "../campaign/replication.js";
import { readScenario, unknownStrategyMessage } from "./scenario-input.js";
import { rankingJson } from "./json-output.js";
import { formatRanking } from "./ranking-table.js";
import { defaultResultFolder, stageResult } from "./result-stage.js";
import { testPause } from "./test-pause.js";
import { kmsimVersion } from "./version.js";
import { workerEntry } from "../campaign/worker-entry.js";

export interface CompareArgs {
  readonly file: string;
  readonly replications?: unknown;
  readonly "max-replications"?: unknown;
  readonly tolerance?: unknown;
  readonly "rank-by"?: string;
  readonly workers?: unknown;
  readonly out?: string;
  readonly point?: unknown;
  readonly shard?: string;
  readonly strategies?: string;
  readonly timelines?: boolean;
  /** `--json`: the ranking as one JSON document on stdout instead of the table. */
  readonly json?: boolean;
}

const WORKER = workerEntry(import.meta.url, "cli/compare-worker.js");

export interface Variant {
  /** "" for the base scenario of a file without strategies (empty `strategy` column). */
  readonly name: string;
  readonly world: World;
}

/** Runs the comparison and writes its folder; returns the folder path. */
export async function compareJob(args: CompareArgs): Promise<string> {
  if (args.shard !== undefined) return compareShard(args);
  const scenario = readScenario(args.file, args.point === undefined ? undefined : wholeNumberFlag("point", args.point, 0));
  const variants = chooseVariants(scenario, args.file, args.strategies);
  const plan = replicationPlan(args, scenario.replications);
  const columns = runsColumns(variants.map((v) => summaryColumnSections(v.world, buildLayout(v.world))));
  const metrics = rankingMetrics(args["rank-by"], columns);
  const maxRuns = variants.length * (plan.kind === "fixed" ? plan.count : plan.max);
  const workers = workerCount(args.workers, maxRuns);
  const folder = args.out ?? defaultResultFolder(scenario.name, "compare");
  const stage = stageResult(args.out, folder, [args.file]);
  try {
    return await compareInto(stage, folder, { args, scenario, variants, plan, columns, metrics, maxRuns, workers });
  } finally {
    stage.abort(); // removes the temp folder of a failed or interrupted comparison; a no-op after the swap
  }
}

/**
 * `--workers`: at most one per run (more would only cost memory); a warning when more than the
 * CPUs (FORMAT.md "Commands"). Default: min(CPUs, runs).
 */
function workerCount(flag: unknown, runs: number): number {
  const cpus = availableParallelism();
  if (flag === undefined) return Math.max(1, Math.min(cpus, runs));
  const asked = wholeNumberFlag("workers", flag, 1);
  const workers = Math.max(1, Math.min(asked, runs));
  if (workers > cpus) {
    process.stderr.write(`kmsim: --workers ${asked}: ${workers} worker threads for ${cpus} CPUs; they will compete for them (default: ${Math.min(cpus, runs)})\n`);
  }
  return workers;
}

interface ComparePlan {
  readonly args: CompareArgs;
  readonly scenario: Scenario;
  readonly variants: readonly Variant[];
  readonly plan: ReplicationPlan;
  readonly columns: readonly string[];
  readonly metrics: RankingMetric[];
  readonly maxRuns: number;
  readonly workers: number;
}

async function compareInto(stage: ResultStage, folder: string, p: ComparePlan): Promise<string> {
  const { args, scenario, variants, plan, columns, metrics, maxRuns, workers } = p;
  const names = variants.map((v) => v.name);

  const taskOf = (v: Variant, r: number): ReplicationTask => ({
    world: v.world,
    scenario: scenario.name,
    strategy: v.name === "" ? null : v.name,
    seed: scenario.seed,
    replication: r,
    startEpochMs: scenario.startEpochMs,
    sampleMin: scenario.sampleMin,
    timeline: false,
    timelinePath: args.timelines === true ? stage.path(timelineFile(v.name, r)) : null,
  });
  /** Every strategy × replications [from, to), strategies in file order, replications ascending. */
  const tasksFor = (from: number, to: number): ReplicationTask[] => variants.flatMap((v) => range(from, to).map((r) => taskOf(v, r)));

  const started = performance.now();
  const runner = new ReplicationRunner(workers, maxRuns, scenario.name, plan.kind === "auto");
  const done: { task: ReplicationTask; result: ReplicationResult }[] = [];
  let replications: number;
  let stopped: StopReason | null = null;
  try {
    if (plan.kind === "fixed") {
      replications = plan.count;
      const tasks = tasksFor(0, replications);
      const running = runner.run(tasks);
      await testPause("simulate");
      (await running).forEach((result, i) => done.push({ task: tasks[i], result }));
    } else {
      replications = 0;
      while (stopped === null) {
        const next = Math.min(plan.max, replications + AUTO_BATCH);
        const tasks = tasksFor(replications, next);
        const running = runner.run(tasks);
        if (replications === 0) await testPause("simulate");
        (await running).forEach((result, i) => done.push({ task: tasks[i], result }));
        replications = next;
        stopped = stopReason(names, comparedRuns(done), metrics, plan.tolerance);
        if (stopped === null && replications >= plan.max) stopped = "maximum reached";
      }
    }
  } finally {
    await runner.close();
  }
  const wallTimeMs = performance.now() - started;

  // Strategies in file order, replications ascending, however the batches came.
  const order = new Map(names.map((n, i) => [n, i]));
  done.sort((a, b) => (order.get(a.task.strategy ?? "") ?? 0) - (order.get(b.task.strategy ?? "") ?? 0) || a.task.replication - b.task.replication);
  // The timelines are in the temp folder already (streamed by the workers); listed in the manifest.
  const timelineFiles = args.timelines === true ? done.map(({ task }) => timelineFile(task.strategy ?? "", task.replication)) : [];
  const auto = plan.kind === "auto" ? { max: plan.max, tolerance: toleranceText(plan.tolerance), stoppedBecause: stopped } : undefined;
  return writeComparison(stage, folder, {
    scenario,
    variants,
    columns,
    metrics,
    runs: comparedRuns(done),
    replications,
    auto,
    workers,
    wallTimeMs,
    eventsProcessed: done.reduce((sum, d) => sum + d.result.eventsProcessed, 0),
    extraFiles: timelineFiles,
    json: args.json === true,
  });
}

/** What a comparison folder is written from: the runs in strategy (file) order, replications ascending. */
export interface ComparisonContent {
  readonly scenario: Scenario;
  readonly variants: readonly Variant[];
  readonly columns: readonly string[];
  readonly metrics: readonly RankingMetric[];
  readonly runs: readonly ComparedRun[];
  readonly replications: number;
  readonly auto: { readonly max: number; readonly tolerance: string; readonly stoppedBecause: StopReason | null } | undefined;
  readonly workers: number;
  readonly wallTimeMs: number;
  readonly eventsProcessed: number;
  /** Files already in the stage (compare --timelines), listed in the manifest. */
  readonly extraFiles: readonly string[];
  readonly json: boolean;
}

/**
 * Writes runs.csv, comparison.csv, the chart and manifest.json into the stage, swaps it in and
 * prints the ranking: for `compare`, and for `merge` of compare shards (the same bytes).
 */
export async function writeComparison(stage: ResultStage, folder: string, c: ComparisonContent): Promise<string> {
  const { scenario, variants, columns, metrics, runs, replications, auto, workers } = c;
  const names = variants.map((v) => v.name);
  const runsText = runsCsv(columns, runs);
  const rankBy = metrics.map((m) => ({ column: m.column, higherIsBetter: m.higherIsBetter }));
  const chart = await renderComparisonChartFromCsv(runsText, [...metrics]); // as `kmsim report` redraws it

  const files: Record<string, string> = {
    "runs.csv": runsText,
    "comparison.csv": comparisonCsv(names, rankableColumns(columns), runs),
    [COMPARISON_CHART_SVG]: chart.svg,
    [COMPARISON_CHART_HTML]: chart.html,
  };
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
    eventsProcessed: c.eventsProcessed,
    wallTimeMs: Math.round(c.wallTimeMs),
    world: {
      replications,
      ...(auto === undefined ? {} : { autoReplications: auto }),
      rankBy,
      workers,
      strategies: variants.map((v) => ({ name: v.name, world: v.world })),
    },
    files: [...Object.keys(files), ...c.extraFiles],
  });
  let written = 0;
  for (const [name, text] of Object.entries(files)) {
    stage.writeFile(name, text);
    if (++written === 1) await testPause("write");
  }
  await testPause("swap");
  stage.commit();
  const ranked = rankStrategies(names, runs, [...metrics]);
  const replicationsInfo = auto === undefined ? { count: replications } : { count: replications, auto: { reason: auto.stoppedBecause ?? "", max: auto.max } };
  process.stdout.write(
    c.json
      ? rankingJson(scenario.name, ranked, [...metrics], { folder, replications, auto: auto === undefined ? null : { max: auto.max, stoppedBecause: auto.stoppedBecause ?? "" }, workers })
      : formatRanking(scenario.name, ranked, [...metrics], { replications: replicationsInfo, folder, wallTimeMs: c.wallTimeMs, workers }),
  );
  return folder;
}

/** `timeline-<strategy>-r<k>.csv` (`base` for a file without strategies), FORMAT.md "Comparison folder". */
function timelineFile(strategy: string, replication: number): string {
  return `timeline-${strategy === "" ? "base" : strategy}-r${replication}.csv`;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}

function comparedRuns(done: readonly { task: ReplicationTask; result: ReplicationResult }[]): ComparedRun[] {
  return done.map(({ task, result }) => ({ strategy: task.strategy ?? "", replication: task.replication, record: result.summaryRecord }));
}

/** `--rank-by` or the default ranking (FORMAT.md); an unknown column exits 2 before anything runs. */
function rankingMetrics(rankBy: string | undefined, columns: readonly string[]): RankingMetric[] {
  if (rankBy === undefined) return defaultRankingMetrics(columns);
  const parsed = parseRankBy(rankBy, columns);
  if (!parsed.ok) {
    const known = rankableColumns(columns);
    throw new InputError(parsed.problems.map((p) => `kmsim: --rank-by: ${p} (summary columns: ${known.join(", ")})`));
  }
  return parsed.metrics;
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

/**
 * The worker pool of one comparison, kept warm across batches; results come back in task order,
 * whatever the completion order. SIGINT/SIGTERM end the process (interrupt.ts), workers included.
 */
class ReplicationRunner {
  private readonly pool: Tinypool;
  private readonly progress: Progress;
  private finished = 0;

  constructor(
    private readonly workers: number,
    total: number,
    label: string,
    atMost = false,
  ) {
    if (!existsSync(WORKER)) throw new Error(`compiled worker ${WORKER} is missing: run \`npm run build\``);
    this.pool = new Tinypool({ filename: WORKER, minThreads: workers, maxThreads: workers, idleTimeout: 1_000 });
    this.progress = startProgress(`kmsim compare ${label}`, total, { kind: "runs", atMost });
  }

  async run(tasks: readonly ReplicationTask[]): Promise<ReplicationResult[]> {
    const batches = batchesOf(tasks, this.workers);
    const results = await Promise.all(
      batches.map(async (batch) => {
        const out = (await this.pool.run(batch)) as ReplicationResult[];
        this.finished += batch.length;
        this.progress.update(this.finished);
        return out;
      }),
    );
    return results.flat();
  }

  async close(): Promise<void> {
    this.progress.stop();
    await this.pool.destroy();
  }
}

/** Consecutive batches, about eight per worker: few messages, and still an even spread at the end. */
function batchesOf(tasks: readonly ReplicationTask[], workers: number): ReplicationTask[][] {
  const size = Math.max(1, Math.ceil(tasks.length / (workers * 8)));
  const out: ReplicationTask[][] = [];
  for (let i = 0; i < tasks.length; i += size) out.push(tasks.slice(i, i + size));
  return out;
}

/**
 * `compare --shard K/N` (FORMAT.md "Shards and merge"): the comparison's tasks (strategies in file
 * order × replications) as a one-point campaign; `kmsim merge` writes the comparison folder.
 */
async function compareShard(args: CompareArgs): Promise<string> {
  if (typeof args.replications === "string" && args.replications.trim() === "auto") {
    throw new InputError(["kmsim: --shard needs a number of replications, not auto: the stopping rule needs all of a point's runs together (docs/cluster.md)"]);
  }
  if (args.timelines === true || args.json === true) throw new InputError([`kmsim: --shard writes a shard folder for kmsim merge: --${args.timelines === true ? "timelines" : "json"} goes with the unsharded comparison`]);
  const parsed = readScenarioFile(args.file);
  if (!parsed.ok) throw new InputError(parsed.errors.map(formatDiagnostic));
  const point = args.point === undefined ? undefined : wholeNumberFlag("point", args.point, 0);
  // Validates the file (and the point) with the usual messages before anything runs.
  const scenario = readScenario(args.file, point);
  const variants = chooseVariants(scenario, args.file, args.strategies);
  rankingMetrics(args["rank-by"], runsColumns(variants.map((v) => summaryColumnSections(v.world, buildLayout(v.world)))));
  const document = pointDocument(parsed.data, args.file, fileBaseName(args.file), point);
  if (document === null) throw new Error(`point ${String(point)} vanished`);
  const { sweepJob } = await import("./sweep-job.js");
  return sweepJob(
    { file: args.file, replications: args.replications, strategies: args.strategies, workers: args.workers, out: args.out, shard: args.shard },
    { document, aliases: parsed.aliases, compare: { rankBy: args["rank-by"] ?? null, point: point ?? null } },
  );
}

/** The comparison of merged compare shards: the same folder and ranking as the unsharded `compare`. */
export async function writeMergedComparison(
  out: string,
  inputs: readonly string[],
  scenario: Scenario,
  strategies: readonly string[],
  runs: readonly ComparedRun[],
  rankBy: string | null,
  totals: { readonly replications: number; readonly eventsProcessed: number; readonly wallTimeMs: number },
): Promise<string> {
  const variants = chooseVariants(scenario, "merge", strategies.includes("") ? undefined : strategies.join(","));
  const columns = runsColumns(variants.map((v) => summaryColumnSections(v.world, buildLayout(v.world))));
  const metrics = rankingMetrics(rankBy ?? undefined, columns);
  const stage = stageResult(out, out, inputs);
  try {
    return await writeComparison(stage, out, {
      scenario,
      variants,
      columns,
      metrics,
      runs,
      replications: totals.replications,
      auto: undefined,
      workers: 1,
      wallTimeMs: totals.wallTimeMs,
      eventsProcessed: totals.eventsProcessed,
      extraFiles: [],
      json: false,
    });
  } finally {
    stage.abort();
  }
}
