// Writes a whole run folder (FORMAT.md "Run folder"): timeline.csv, summary.csv, manifest.json,
// the chart (chart.svg, chart.html) and, with --events, events.csv, all committed together
// only once every file exists (a failed run leaves no partial output files).
import { writeFolderAtomic } from "./atomic.js";
import { CHART_HTML, CHART_SVG, renderTimelineChart } from "./chart.js";
import type { EventsWriter } from "./events-writer.js";
import type { RunOutputs } from "./run-aggregator.js";

/** File names of a run folder (FORMAT.md "Run folder"). */
export const RUN_FILES = {
  timeline: "timeline.csv",
  summary: "summary.csv",
  manifest: "manifest.json",
  events: "events.csv",
  chartSvg: CHART_SVG,
  chartHtml: CHART_HTML,
} as const;

export interface RunFolderContent {
  readonly outputs: RunOutputs;
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
    const chart = await renderTimelineChart(outputs.timeline, { title: content.title, endMinute: content.durationMin });
    events?.close();
    await writeFolderAtomic(
      folder,
      {
        [RUN_FILES.timeline]: outputs.timeline,
        [RUN_FILES.summary]: outputs.summary,
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
