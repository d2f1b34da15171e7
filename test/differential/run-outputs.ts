// Runs one generated world through the pipeline `kmsim run --events` uses (simulate feeding a
// RunAggregator that forwards every fact to an EventsWriter, src/cli/run-job.ts), in-process, and
// returns the sha256 of its timeline.csv, summary.csv and events.csv.
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildLayout, simulate } from "../../src/kms/index.js";
import { AvailabilityRecorder, EventsWriter, PLOT_WIDTH, RunAggregator } from "../../src/report/index.js";
import type { GeneratedWorld } from "./world-generator.js";

export interface WorldHashes {
  readonly timeline: string;
  readonly summary: string;
  readonly events: string;
}

/** Monday 2027-01-04 00:00 UTC: any fixed start works, the model only sees startWeekOffsetMin. */
const START_EPOCH_MS = Date.UTC(2027, 0, 4);

function sha256(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

/**
 * A scratch folder for events.csv files; remove it with disposeScratch. In memory (/dev/shm) where
 * there is one: EventsWriter fsyncs each file, which on a disk costs more than the run itself.
 */
export function makeScratch(): string {
  const base = existsSync("/dev/shm") ? "/dev/shm" : tmpdir();
  return mkdtempSync(join(base, "kmsim-differential-"));
}

export function disposeScratch(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Hashes of world g's three CSVs; `scratch` holds the events.csv while it is written. */
export function worldHashes(g: GeneratedWorld, scratch: string): WorldHashes & { attempts: number; eventsProcessed: number } {
  const { world } = g;
  const layout = buildLayout(world);
  const eventsPath = join(scratch, `${world.name}.csv`);
  const events = new EventsWriter(world, layout, eventsPath, { startEpochMs: START_EPOCH_MS });
  const availabilityPath = join(scratch, `${world.name}.availability.csv`);
  const availability = new AvailabilityRecorder(world, { path: availabilityPath, widthPx: PLOT_WIDTH });
  const aggregator = new RunAggregator(world, layout, {
    startEpochMs: START_EPOCH_MS,
    sampleMin: g.sampleMin,
    scenario: world.name,
    strategy: null,
    replication: 0,
    seed: g.seed,
    events,
    availability,
  });
  try {
    const stats = simulate(world, { seed: g.seed, replication: 0 }, aggregator);
    const { timeline, summary } = aggregator.finish();
    availability.finish();
    const eventsCsv = readFileSync(eventsPath); // finish() closed it
    return { timeline: sha256(timeline), summary: sha256(summary), events: sha256(eventsCsv), ...stats };
  } finally {
    events.abort(); // closes if needed and deletes the scratch file
    availability.abort();
    rmSync(availabilityPath, { force: true });
  }
}
