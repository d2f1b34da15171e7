// Writes a whole run folder (FORMAT.md "Run folder"): timeline.csv, summary.csv, availability.csv,
// manifest.json, the chart (chart.svg, chart.html) and, with --events, events.csv, all committed
// together only once every file exists (a failed run leaves no partial output files). The chart
// is drawn from the texts of those files, as `kmsim report` draws it.
import { writeFolderAtomic } from "./atomic.js";
import { AVAILABILITY_FILE, parseAvailabilityCsv } from "./availability.js";
import { CHART_HTML, CHART_SVG } from "./chart.js";
import type { EventsWriter } from "./events-writer.js";
import type { RunOutputs } from "./run-aggregator.js";
import { renderTimelineChart, runChartOptions } from "./run-chart/render.js";

/** File names of a run folder (FORMAT.md "Run folder"). */
export const RUN_FILES = {
  timeline: "timeline.csv",
  summary: "summary.csv",
  availability: AVAILABILITY_FILE,
  manifest: "manifest.json",
  events: "events.csv",
  chartSvg: CHART_SVG,
  chartHtml: CHART_HTML,
} as const;

export interface RunFolderContent {
  readonly outputs: RunOutputs;
  /** availability.csv text (AvailabilityRecorder.csv). */
  readonly availability: string;
  /** manifest.json text (buildManifest). */
  readonly manifest: string;
  /** Chart title: the scenario name, `<scenario> / <strategy>` for a strategy. */
  readonly title: string;
  /** The run's duration in minutes: the chart draws the last values up to it. */
  readonly durationMin: number;
  /** The closed events writer of an `--events` run (RunAggregator.finish closes it). */
  readonly events?: EventsWriter;
}

/**
 * Renders the chart and commits every file of a run folder together (FORMAT.md "Run folder",
 * "Commands": no partial output). On failure the events temp file is removed too.
 */
export async function writeRunFolder(folder: string, content: RunFolderContent): Promise<void> {
  const { outputs, events } = content;
  try {
    const options = runChartOptions(content.title, content.manifest, parseAvailabilityCsv(content.availability), content.durationMin);
    const chart = await renderTimelineChart(outputs.timeline, options);
    events?.close();
    await writeFolderAtomic(
      folder,
      {
        [RUN_FILES.timeline]: outputs.timeline,
        [RUN_FILES.summary]: outputs.summary,
        [RUN_FILES.availability]: content.availability,
        [RUN_FILES.manifest]: content.manifest,
        [RUN_FILES.chartSvg]: chart.svg,
        [RUN_FILES.chartHtml]: chart.html,
      },
      events ? [events.staged()] : [],
    );
  } catch (err) {
    events?.abort();
    throw err;
  }
}
