// `kmsim run`: one simulation of a scenario (or one of its strategies) into a run folder
// (FORMAT.md "Run folder", "Result folders"). The result folder is checked and its temp sibling
// created before anything runs; the simulation runs on a worker thread (a small one on the main
// thread), streaming timeline.csv (and events.csv) into the temp folder, so that memory does not
// grow with the rows and the main thread answers SIGINT/SIGTERM at once; the chart and manifest
// follow, then the swap.
import { existsSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { STREAM_SCHEME } from "../engine/index.js";
import { estimateWork } from "../kms/index.js";
import { RUN_FILES, buildManifest, writeRunFolder } from "../report/index.js";
import { onInterrupt } from "./interrupt.js";
import { runJson } from "./json-output.js";
import { durationFlag, wholeNumberFlag } from "./options.js";
import { startProgress, type Progress } from "./progress.js";
import { defaultResultFolder, stageResult } from "./result-stage.js";
import type { RunResult, RunTask } from "./run-simulation.js";
import type { RunWorkerMessage } from "./run-worker.js";
import { pauseMarker, pauseRequested, testPause } from "./test-pause.js";
import { pickStrategy, readScenario } from "./scenario-input.js";
import { formatRunSummary } from "./text-summary.js";
import { kmsimVersion } from "./version.js";
import { workerEntry } from "../campaign/worker-entry.js";

export interface RunArgs {
  readonly file: string;
  readonly strategy?: string;
  readonly seed?: unknown;
  readonly replication?: unknown;
  readonly out?: string;
  readonly point?: unknown;
  readonly sample?: unknown;
  readonly events?: boolean;
  /** `--json`: the summary as one JSON document on stdout instead of the text summary. */
  readonly json?: boolean;
}

const WORKER = workerEntry(import.meta.url, "cli/run-worker.js");
/**
 * Estimated work (estimateWork: events plus intermittent periods) up to which a run is simulated
 * on the main thread: such a run takes well under 0.2 s, less than starting a worker thread and
 * loading the model into it, and needs no progress bar. (A signal meanwhile is handled as soon
 * as it ends, so an interrupt still leaves nothing behind.)
 */
const IN_PROCESS_WORK = 200_000;

/** Runs one simulation and writes its folder; returns the folder path. */
export async function runJob(args: RunArgs): Promise<string> {
  const scenario = readScenario(args.file, args.point === undefined ? undefined : wholeNumberFlag("point", args.point, 0));
  const world = pickStrategy(scenario, args.file, args.strategy);
  const seed = args.seed === undefined ? scenario.seed : wholeNumberFlag("seed", args.seed, 0);
  const replication = args.replication === undefined ? 0 : wholeNumberFlag("replication", args.replication, 0);
  const sampleMin = args.sample === undefined ? scenario.sampleMin : durationFlag("sample", args.sample);
  const strategy = args.strategy ?? null;
  const folder = args.out ?? defaultResultFolder(scenario.name, "run", strategy);
  const stage = stageResult(args.out, folder, [args.file]);

  try {
    const started = performance.now();
    const task: RunTask = { world, scenario: scenario.name, strategy, seed, replication, startEpochMs: scenario.startEpochMs, sampleMin, folder: stage.dir, events: args.events === true };
    let result: RunResult;
    if (estimateWork(world) <= IN_PROCESS_WORK && !pauseRequested("simulate")) {
      result = await simulateHere(task);
    } else {
      const progress = startProgress(`kmsim run ${scenario.name}`, world.durationMin);
      try {
        result = await simulateInWorker(task, progress);
      } finally {
        progress.stop();
      }
    }
    const wallTimeMs = performance.now() - started;
    await testPause("write");

    const files = [RUN_FILES.timeline, RUN_FILES.summary, RUN_FILES.availability, ...(args.events === true ? [RUN_FILES.events] : []), RUN_FILES.chartSvg, RUN_FILES.chartHtml, RUN_FILES.manifest];
    const manifest = buildManifest({
      version: kmsimVersion(),
      scenario: scenario.name,
      strategy,
      seed,
      replication,
      streamScheme: STREAM_SCHEME,
      start: scenario.start,
      durationMin: world.durationMin,
      sampleMin,
      eventsProcessed: result.eventsProcessed,
      wallTimeMs: Math.round(wallTimeMs),
      world,
      files,
    });
    const title = strategy === null ? scenario.name : `${scenario.name} / ${strategy}`;
    await writeRunFolder(stage, {
      summary: result.summary,
      availability: result.availability,
      manifest,
      title,
      durationMin: world.durationMin,
      chartTimeline: result.chartTimeline,
    });
    await testPause("swap");
    stage.commit();
    process.stdout.write(
      args.json === true
        ? runJson(result.summaryRecord, { folder, files })
        : formatRunSummary(world, result.summaryRecord, { folder, wallTimeMs, title, files }),
    );
    return folder;
  } finally {
    stage.abort(); // removes the temp folder of a failed run; a no-op after the swap
  }
}

/** Runs a small simulation on this thread. */
async function simulateHere(task: RunTask): Promise<RunResult> {
  const { runSimulation } = await import("./run-simulation.js");
  return runSimulation(task);
}

/** Runs the simulation on a worker thread (run-worker.ts); an interrupt terminates it. */
function simulateInWorker(task: RunTask, progress: Progress): Promise<RunResult> {
  if (!existsSync(WORKER)) throw new Error(`compiled worker ${WORKER} is missing: run \`npm run build\``);
  const worker = new Worker(WORKER, { workerData: task });
  const removeCleanup = onInterrupt(() => void worker.terminate());
  return new Promise<RunResult>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      removeCleanup();
      fn();
    };
    worker.on("message", (m: RunWorkerMessage) => {
      if (m.kind === "progress") progress.update(m.minute);
      else if (m.kind === "pause") process.stderr.write(pauseMarker("simulate"));
      else if (m.kind === "done") settle(() => resolve(m.result));
      else settle(() => reject(Object.assign(new Error(m.message), m.stack === undefined ? {} : { stack: m.stack })));
    });
    worker.on("error", (err) => settle(() => reject(err)));
    worker.on("exit", (code) => settle(() => reject(new Error(`the simulation worker stopped (exit code ${code})`))));
  });
}
