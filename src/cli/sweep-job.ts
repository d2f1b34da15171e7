// `kmsim sweep`: every point × strategy × replication of a scenario's sweep (FORMAT.md "Sweeps",
// "Sweep folder"), resumable through the campaign folder's journal, optionally one shard of it.
import { availableParallelism } from "node:os";
import { join } from "node:path";
import {
  discardJournal,
  JournalWriter,
  parseShard,
  planCampaign,
  planDigest,
  readJournal,
  runMissing,
  shardRange,
  startPool,
  taskCount,
  writeCampaignFolder,
  RESULTS_VERSION,
  type CampaignManifest,
  type CampaignPlan,
  type Shard,
} from "../campaign/index.js";
import { manifestText } from "../campaign/manifest.js";
import { writeFolderAtomic } from "../report/index.js";
import { checkSweepPoints, fileBaseName, formatDiagnostic, readScenarioFile, type Scenario } from "../scenario/index.js";
import { Interrupted } from "./compare-job.js";
import { InputError } from "./errors.js";
import { wholeNumberFlag } from "./options.js";
import { startProgress } from "./progress.js";
import { loadValidScenario, chooseStrategyLabels } from "./scenario-input.js";
import { kmsimVersion } from "./version.js";

export interface SweepArgs {
  readonly file: string;
  readonly replications?: unknown;
  readonly strategies?: string;
  readonly workers?: unknown;
  readonly out?: string;
  readonly shard?: string;
  readonly fresh?: boolean;
}

/** Runs the campaign (or one shard of it) and writes its folder; returns the folder. */
export async function sweepJob(args: SweepArgs): Promise<string> {
  const parsed = readScenarioFile(args.file);
  if (!parsed.ok) throw new InputError(parsed.errors.map(formatDiagnostic));
  const scenario: Scenario = loadValidScenario(args.file, parsed.data);
  const points = checkSweepPoints(parsed.data, args.file, fileBaseName(args.file));
  for (const w of points.warnings) process.stderr.write(`${formatDiagnostic(w)}\n`);
  if (points.errors.length > 0) throw new InputError(points.errors.map(formatDiagnostic));

  const labels = chooseStrategyLabels(scenario, args.file, args.strategies);
  if (typeof args.replications === "string" && args.replications.trim() === "auto") {
    throw new InputError(["kmsim: sweep --replications auto is not available yet: give a number (docs/sweep.md)"]);
  }
  const replications = args.replications === undefined ? scenario.replications : wholeNumberFlag("replications", args.replications, 1);
  if (replications > 10_000) throw new InputError(["kmsim: --replications must be at most 10000"]);
  const plan = planCampaign(scenario, { file: args.file, fileBaseName: fileBaseName(args.file), data: parsed.data }, labels, replications);
  const total = taskCount(plan.shape);
  let shard: Shard | null = null;
  if (args.shard !== undefined) {
    const s = parseShard(args.shard);
    if (typeof s === "string") throw new InputError([`kmsim: ${s}`]);
    shard = s;
  }
  const range = shard === null ? { from: 0, to: total } : shardRange(shard, total);
  const folder = args.out ?? (shard === null ? join("results", plan.name, "sweep") : join("results", plan.name, "shards", `sweep-${shard.index}-of-${shard.count}`));
  const requested = args.workers === undefined ? availableParallelism() : wholeNumberFlag("workers", args.workers, 1);
  const workers = Math.max(1, Math.min(requested, range.to - range.from));

  if (args.fresh === true) discardJournal(folder);
  const writer = JournalWriter.open(folder);
  if (typeof writer === "string") throw new InputError([`kmsim: ${folder}: ${writer}`]);
  const started = performance.now();
  const stored = readJournal(folder).runs;
  const pool = startPool(workers);
  const progress = startProgress(`kmsim sweep ${plan.name}`, range.to - range.from);
  const onInterrupt = (): void => pool.abort();
  process.once("SIGINT", onInterrupt);
  process.once("SIGTERM", onInterrupt);
  let outcome;
  try {
    const result = await runMissing(plan, range, stored, {
      execute: pool.execute,
      concurrency: workers * 2,
      batchSize: Math.max(1, Math.min(50, Math.ceil(replications / 2))),
      writer,
      onProgress: (done) => progress.update(done),
      afterBatch: testPause,
    });
    if (!result.ok) throw new InputError(result.errors.map(formatDiagnostic));
    outcome = result.outcome;
  } catch (err) {
    if (pool.signal.aborted) throw new Interrupted("interrupted: finished runs are kept in the journal; run the same command again to resume");
    throw err;
  } finally {
    process.removeListener("SIGINT", onInterrupt);
    process.removeListener("SIGTERM", onInterrupt);
    progress.stop();
    writer.close();
    await pool.close();
  }

  const manifest: Omit<CampaignManifest, "files"> = {
    kmsim: kmsimVersion(),
    kind: shard === null ? "sweep" : "sweep-shard",
    scenario: plan.name,
    file: plan.file,
    fileBaseName: plan.fileBaseName,
    seed: plan.seed,
    resultsVersion: RESULTS_VERSION,
    plan: planDigest(plan),
    strategies: plan.strategies,
    replications,
    points: plan.shape.points,
    tasks: total,
    shard: shard === null ? null : { ...shard, ...range },
    runs: { reused: outcome.reused, computed: outcome.computed },
    eventsProcessed: outcome.eventsProcessed,
    wallTimeMs: Math.round(performance.now() - started),
    document: plan.data,
  };
  const runsLine = `${outcome.reused} run${outcome.reused === 1 ? "" : "s"} reused, ${outcome.computed} computed`;
  if (shard !== null) {
    await writeFolderAtomic(folder, { "manifest.json": manifestText({ ...manifest, files: ["manifest.json"] }) });
    process.stdout.write(`kmsim sweep ${plan.name}: shard ${shard.index}/${shard.count}, tasks ${range.from}…${range.to - 1} of ${total}: ${runsLine}\n${folder}\n`);
    return folder;
  }
  const finished = await finishOrFail(plan, stored, folder, manifest);
  process.stdout.write(
    [`kmsim sweep ${plan.name}: ${plan.shape.points} point${plan.shape.points === 1 ? "" : "s"} × ${plan.strategies.length} strateg${plan.strategies.length === 1 ? "y" : "ies"} × ${replications} replications: ${runsLine}`, ...finished.map((l) => `  ${l}`), folder, ""].join("\n"),
  );
  return folder;
}

async function finishOrFail(plan: CampaignPlan, stored: Parameters<typeof writeCampaignFolder>[1], folder: string, manifest: Omit<CampaignManifest, "files">): Promise<readonly string[]> {
  const r = await writeCampaignFolder(plan, stored, folder, manifest);
  if (r.ok) return r.crossovers;
  if ("errors" in r) throw new InputError(r.errors.map(formatDiagnostic));
  throw new Error(`${r.missing.length} runs are missing after the campaign ran`);
}

/**
 * KMSIM_TEST_PAUSE=sweep-journal: after the first batch is in the journal, say so on stderr and
 * wait until killed — so tests can interrupt a campaign part-way without sleeping (docs/sweep.md).
 */
async function testPause(): Promise<void> {
  if (process.env.KMSIM_TEST_PAUSE !== "sweep-journal") return;
  process.stderr.write("kmsim: test pause: sweep-journal\n");
  await new Promise<never>(() => setInterval(() => undefined, 1 << 30)); // the timer keeps the process alive
}
