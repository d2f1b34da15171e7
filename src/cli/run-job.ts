// `kmsim run`: one simulation of a scenario (or one of its strategies) into a run folder
// (FORMAT.md "Run folder").
import { join } from "node:path";
import { STREAM_SCHEME } from "../engine/index.js";
import { buildLayout, simulate } from "../kms/index.js";
import {
  AvailabilityRecorder,
  EventsWriter,
  RUN_FILES,
  RunAggregator,
  buildManifest,
  writeRunFolder,
} from "../report/index.js";
import { durationFlag, wholeNumberFlag } from "./options.js";
import { startProgress } from "./progress.js";
import { pickStrategy, readScenario } from "./scenario-input.js";
import { formatRunSummary } from "./text-summary.js";
import { kmsimVersion } from "./version.js";

export interface RunArgs {
  readonly file: string;
  readonly strategy?: string;
  readonly seed?: unknown;
  readonly replication?: unknown;
  readonly out?: string;
  readonly point?: unknown;
  readonly sample?: unknown;
  readonly events?: boolean;
}

/** Runs one simulation and writes its folder; returns the folder path. */
export async function runJob(args: RunArgs): Promise<string> {
  const scenario = readScenario(args.file, args.point === undefined ? undefined : wholeNumberFlag("point", args.point, 0));
  const world = pickStrategy(scenario, args.file, args.strategy);
  const seed = args.seed === undefined ? scenario.seed : wholeNumberFlag("seed", args.seed, 0);
  const replication = args.replication === undefined ? 0 : wholeNumberFlag("replication", args.replication, 0);
  const sampleMin = args.sample === undefined ? scenario.sampleMin : durationFlag("sample", args.sample);
  const strategy = args.strategy ?? null;
  const folder = args.out ?? join("results", scenario.name, ...(strategy === null ? [] : [strategy]));

  const layout = buildLayout(world);
  const events = args.events
    ? new EventsWriter(world, layout, join(folder, RUN_FILES.events), { startEpochMs: scenario.startEpochMs })
    : undefined;
  const availability = new AvailabilityRecorder(world);
  const aggregator = new RunAggregator(world, layout, {
    startEpochMs: scenario.startEpochMs,
    sampleMin,
    scenario: scenario.name,
    strategy,
    replication,
    seed,
    events,
    availability,
  });

  const started = performance.now();
  const progress = startProgress(`kmsim run ${scenario.name}`, world.durationMin);
  let stats;
  let outputs;
  try {
    stats = simulate(world, { seed, replication }, aggregator, { onProgress: (m) => progress.update(m) });
    outputs = aggregator.finish();
  } catch (err) {
    events?.abort();
    throw err;
  } finally {
    progress.stop();
  }
  const wallTimeMs = performance.now() - started;

  const files = [RUN_FILES.timeline, RUN_FILES.summary, RUN_FILES.availability, ...(events ? [RUN_FILES.events] : []), RUN_FILES.chartSvg, RUN_FILES.chartHtml, RUN_FILES.manifest];
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
    eventsProcessed: stats.eventsProcessed,
    wallTimeMs: Math.round(wallTimeMs),
    world,
    files,
  });
  const title = strategy === null ? scenario.name : `${scenario.name} / ${strategy}`;
  await writeRunFolder(folder, {
    outputs,
    availability: availability.csv(),
    manifest,
    title,
    durationMin: world.durationMin,
    events,
  });
  process.stdout.write(formatRunSummary(world, outputs.summaryRecord, { folder, wallTimeMs, title, files }));
  return folder;
}
