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
  readJournalIds,
  IdSet,
  runMissing,
  shardRange,
  startPool,
  checkCampaignFolder,
  taskCount,
  writeCampaignFolder,
  RESULTS_VERSION,
  type CampaignManifest,
  type CampaignPlan,
  type Shard,
  runAuto,
  type AutoOutcome,
  type RunOptions,
  type RunOutcome,
} from "../campaign/index.js";
import { manifestText } from "../campaign/manifest.js";
import { AUTO_BATCH, writeFolderAtomic, type Tolerance } from "../report/index.js";
import { checkSweepPoints, fileBaseName, formatDiagnostic, readScenarioFile, type Scenario } from "../scenario/index.js";
import { onInterrupt, setInterruptNote } from "./interrupt.js";
import { testPause } from "./test-pause.js";
import { InputError } from "./errors.js";
import { replicationPlan, toleranceText } from "./replication-plan.js";
import { wholeNumberFlag } from "./options.js";
import { startProgress } from "./progress.js";
import { loadValidScenario, chooseStrategyLabels } from "./scenario-input.js";
import { kmsimVersion } from "./version.js";

export interface SweepArgs {
  readonly file: string;
  readonly replications?: unknown;
  readonly "max-replications"?: unknown;
  readonly tolerance?: unknown;
  readonly strategies?: string;
  readonly workers?: unknown;
  readonly out?: string;
  readonly shard?: string;
  readonly fresh?: boolean;
}

/** `compare --shard`: one shard of a comparison, run as a one-point campaign of this document. */
export interface CompareShardSource {
  readonly document: Record<string, unknown>;
  readonly aliases: number;
  readonly compare: { readonly rankBy: string | null; readonly point: number | null };
}

/** Runs the campaign (or one shard of it) and writes its folder; returns the folder. */
export async function sweepJob(args: SweepArgs, compareShard?: CompareShardSource): Promise<string> {
  const parsed = compareShard === undefined ? readScenarioFile(args.file) : { ok: true as const, data: compareShard.document, aliases: compareShard.aliases };
  if (!parsed.ok) throw new InputError(parsed.errors.map(formatDiagnostic));
  const scenario: Scenario = loadValidScenario(args.file, parsed.data, parsed.aliases);
  const points = checkSweepPoints(parsed.data, args.file, fileBaseName(args.file));
  for (const w of points.warnings) process.stderr.write(`${formatDiagnostic(w)}\n`);
  if (points.errors.length > 0) throw new InputError(points.errors.map(formatDiagnostic));
  const command = compareShard === undefined ? "sweep" : "compare";

  const labels = chooseStrategyLabels(scenario, args.file, args.strategies);
  const repPlan = replicationPlan(args, scenario.replications);
  const auto = repPlan.kind === "auto";
  if (auto && args.shard !== undefined) {
    throw new InputError(["kmsim: --shard needs a number of replications, not auto: the stopping rule needs all of a point's runs together (docs/cluster.md)"]);
  }
  const tolerance: Tolerance = repPlan.kind === "auto" ? repPlan.tolerance : { kind: "default" };
  const replications = repPlan.kind === "auto" ? repPlan.max : repPlan.count;
  const plan = planCampaign(scenario, { file: args.file, fileBaseName: fileBaseName(args.file), data: parsed.data }, labels, replications);
  const total = taskCount(plan.shape);
  let shard: Shard | null = null;
  if (args.shard !== undefined) {
    const s = parseShard(args.shard);
    if (typeof s === "string") throw new InputError([`kmsim: ${s}`]);
    shard = s;
  }
  const range = shard === null ? { from: 0, to: total } : shardRange(shard, total);
  const folder = args.out ?? (shard === null ? join("results", plan.name, "sweep") : join("results", plan.name, "shards", `${command}-${shard.index}-of-${shard.count}`));
  const requested = args.workers === undefined ? availableParallelism() : wholeNumberFlag("workers", args.workers, 1);
  const workers = Math.max(1, Math.min(requested, range.to - range.from));

  const refusal = checkCampaignFolder(folder, [args.file]);
  if (refusal !== null) throw new InputError([`${args.out === "" ? "--out" : folder}: ${refusal}`]);
  if (args.fresh === true) discardJournal(folder);
  const writer = JournalWriter.open(folder);
  if (typeof writer === "string") throw new InputError([`kmsim: ${folder}: ${writer}`]);
  const started = performance.now();
  // Planning needs only which runs are stored (a compact set); the records are read at the end.
  const known = auto ? null : readJournalIds(folder).ids;
  const stored = auto ? readJournal(folder).runs : new Map<string, Readonly<Record<string, number | string>>>();
  const pool = startPool(workers);
  const progress = startProgress(`kmsim ${command} ${plan.name}`, range.to - range.from, { kind: "runs", atMost: auto });
  // Ctrl-C / SIGTERM: the batches already stored stay in the journal; the lock is released.
  const removeCleanup = onInterrupt(() => {
    progress.stop();
    writer.close();
  });
  const restoreNote = setInterruptNote("the runs finished so far are kept in the journal; the same command resumes");
  let outcome: RunOutcome;
  let autoOutcome: AutoOutcome | null = null;
  try {
    const options: RunOptions = {
      execute: pool.execute,
      concurrency: workers * 2,
      batchSize: Math.max(1, Math.min(50, Math.ceil((auto ? AUTO_BATCH : replications) / 2))),
      writer,
      onProgress: (done) => progress.update(done),
      afterBatch: () => testPause("sweep-journal"),
    };
    if (auto) {
      const result = await runAuto(plan, stored, options, { tolerance });
      if (!result.ok) throw new InputError(result.errors.map(formatDiagnostic));
      outcome = autoOutcome = result.outcome;
    } else {
      const ids = known ?? new IdSet();
      const result = await runMissing(plan, [range], { has: (id) => ids.has(id), store: (records) => records.forEach((r) => ids.add(r.id)) }, options);
      if (!result.ok) throw new InputError(result.errors.map(formatDiagnostic));
      outcome = result.outcome;
    }
  } finally {
    removeCleanup();
    restoreNote();
    progress.stop();
    writer.close();
    await pool.close();
  }

  const manifest: Omit<CampaignManifest, "files"> = {
    kmsim: kmsimVersion(),
    kind: shard === null ? "sweep" : compareShard === undefined ? "sweep-shard" : "compare-shard",
    ...(compareShard === undefined ? {} : { compare: compareShard.compare }),
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
    ...(autoOutcome === null
      ? {}
      : { auto: { max: replications, tolerance: toleranceText(tolerance), points: autoOutcome.counts.map((n, p) => ({ replications: n, stoppedBecause: autoOutcome?.reasons[p] ?? "" })) } }),
    eventsProcessed: outcome.eventsProcessed,
    wallTimeMs: Math.round(performance.now() - started),
    document: plan.data,
  };
  const runsLine = `${outcome.reused} run${outcome.reused === 1 ? "" : "s"} reused, ${outcome.computed} computed`;
  if (shard !== null) {
    await writeFolderAtomic(folder, { "manifest.json": manifestText({ ...manifest, files: ["manifest.json"] }) });
    process.stdout.write(`kmsim ${command} ${plan.name}: shard ${shard.index}/${shard.count}, tasks ${range.from}…${range.to - 1} of ${total}: ${runsLine}\n${folder}\n`);
    return folder;
  }
  const finished = await finishOrFail(plan, auto ? stored : readJournal(folder).runs, folder, manifest, autoOutcome?.counts);
  const reps = autoOutcome === null ? `${replications} replications` : `auto replications (${autoSpan(autoOutcome.counts)}, at most ${replications})`;
  process.stdout.write(
    [`kmsim sweep ${plan.name}: ${plan.shape.points} point${plan.shape.points === 1 ? "" : "s"} × ${plan.strategies.length} strateg${plan.strategies.length === 1 ? "y" : "ies"} × ${reps}: ${runsLine}`, ...finished.map((l) => `  ${l}`), folder, ""].join("\n"),
  );
  return folder;
}

async function finishOrFail(
  plan: CampaignPlan,
  stored: Parameters<typeof writeCampaignFolder>[1],
  folder: string,
  manifest: Omit<CampaignManifest, "files">,
  counts: readonly number[] | undefined,
): Promise<readonly string[]> {
  const r = await writeCampaignFolder(plan, stored, folder, manifest, counts);
  if (r.ok) return r.crossovers;
  if ("errors" in r) throw new InputError(r.errors.map(formatDiagnostic));
  throw new Error(`${r.missing.length} runs are missing after the campaign ran`);
}


function autoSpan(counts: readonly number[]): string {
  const lo = Math.min(...counts);
  const hi = Math.max(...counts);
  return lo === hi ? `${lo} at every point` : `${lo}–${hi} per point`;
}
