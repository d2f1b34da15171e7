// The simulation of `kmsim run`, as it runs on its worker thread (run-worker.ts): the model run,
// timeline.csv, availability.csv and events.csv streamed into the result's temp folder, and the
// chart's bounded sample of the timeline and summary of availability.csv returned. The main
// thread stays free meanwhile, so that SIGINT and SIGTERM are handled at once.
import { join } from "node:path";
import { runIdentity, type RunSpec } from "../campaign/replication.js";
import { buildLayout, simulate } from "../kms/index.js";
// Module by module, not ../report/index.js: the worker loads no chart code.
import { AvailabilityRecorder } from "../report/availability-recorder.js";
import type { AvailabilitySummary } from "../report/availability-summary.js";
import { RowSample } from "../report/chart-sample.js";
import { timelineColumns } from "../report/columns.js";
import { EventsWriter } from "../report/events-writer.js";
import { FileSink } from "../report/file-sink.js";
import { RunAggregator } from "../report/run-aggregator.js";
import { PLOT_WIDTH } from "../report/run-chart/plot-width.js";

const TIMELINE_FILE = "timeline.csv"; // RUN_FILES.timeline (run-folder.ts loads the chart code)
const EVENTS_FILE = "events.csv"; // RUN_FILES.events
const AVAILABILITY_FILE = "availability.csv"; // RUN_FILES.availability

/** Everything the worker needs; plain data (it crosses a thread boundary). */
export interface RunTask extends RunSpec {
  /** The result's temp folder (it exists; nothing here creates folders). */
  readonly folder: string;
  readonly events: boolean;
}

export interface RunResult {
  readonly summaryRecord: Record<string, number | string>;
  readonly summary: string;
  /** availability.csv's summary for the chart (the file is written). */
  readonly availability: AvailabilitySummary;
  /** The timeline rows the chart is drawn from (chart-sample.ts). */
  readonly chartTimeline: string;
  readonly eventsProcessed: number;
}

/** Runs the task, writing timeline.csv, availability.csv (and events.csv) into task.folder. */
export function runSimulation(task: RunTask, onProgress?: (minute: number) => void): RunResult {
  const { world } = task;
  const layout = buildLayout(world);
  const timeline = new FileSink(join(task.folder, TIMELINE_FILE));
  const events = task.events ? new EventsWriter(world, layout, join(task.folder, EVENTS_FILE), { startEpochMs: task.startEpochMs }) : undefined;
  const availability = new AvailabilityRecorder(world, { path: join(task.folder, AVAILABILITY_FILE), widthPx: PLOT_WIDTH });
  const chartSample = new RowSample(timelineColumns(world, layout).join(","));
  try {
    const aggregator = new RunAggregator(world, layout, {
      ...runIdentity(task),
      events,
      availability,
      timeline,
      chartSample,
    });
    const stats = simulate(world, { seed: task.seed, replication: task.replication }, aggregator, onProgress === undefined ? {} : { onProgress });
    const outputs = aggregator.finish();
    timeline.close();
    const availabilitySummary = availability.finish();
    return {
      summaryRecord: outputs.summaryRecord,
      summary: outputs.summary,
      availability: availabilitySummary,
      chartTimeline: chartSample.text(),
      eventsProcessed: stats.eventsProcessed,
    };
  } catch (err) {
    timeline.abort();
    events?.abort();
    availability.abort();
    throw err;
  }
}
