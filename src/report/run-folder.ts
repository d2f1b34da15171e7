// The files of a run folder (FORMAT.md "Run folder"): timeline.csv, summary.csv, availability.csv,
// manifest.json, the chart (chart.svg, chart.html) and, with --events, events.csv. They are all
// written into the result's temp folder (result-folder.ts), timeline.csv, events.csv and
// availability.csv as the run goes, the rest here; the caller swaps the folder in once every file
// exists, so a failed run leaves no partial output files. The chart is drawn from the timeline's
// bounded sample (chart-sample.ts), availability.csv's bounded summary (availability-summary.ts)
// and the texts of the other files, as `kmsim report` draws it.
import { AVAILABILITY_FILE } from "./availability.js";
import type { AvailabilitySummary } from "./availability-summary.js";
import { CHART_HTML, CHART_SVG } from "./chart.js";
import type { ResultStage } from "./result-folder.js";
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
  /** summary.csv text. */
  readonly summary: string;
  /** availability.csv's summary for the chart (AvailabilityRecorder.finish; the file is written already). */
  readonly availability: AvailabilitySummary;
  /** manifest.json text (buildManifest). */
  readonly manifest: string;
  /** Chart title: the scenario name, `<scenario> / <strategy>` for a strategy. */
  readonly title: string;
  /** The run's duration in minutes: the chart draws the last values up to it. */
  readonly durationMin: number;
  /** The timeline rows the chart is drawn from: RowSample.text() (all rows of a small timeline). */
  readonly chartTimeline: string;
  /** timeline.csv text, when it was not streamed into the folder already. */
  readonly timeline?: string;
}

/** Renders the chart and writes the remaining files of a run folder into its temp folder (no commit). */
export async function writeRunFolder(stage: ResultStage, content: RunFolderContent): Promise<void> {
  const options = runChartOptions(content.title, content.manifest, content.availability, content.durationMin);
  const chart = await renderTimelineChart(content.chartTimeline, options);
  if (content.timeline !== undefined) stage.writeFile(RUN_FILES.timeline, content.timeline);
  stage.writeFile(RUN_FILES.summary, content.summary);
  stage.writeFile(RUN_FILES.chartSvg, chart.svg);
  stage.writeFile(RUN_FILES.chartHtml, chart.html);
  stage.writeFile(RUN_FILES.manifest, content.manifest);
}
