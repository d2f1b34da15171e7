// Draws a run folder's chart (chart.svg, chart.html) from its files: timeline.csv, availability.csv
// (lanes), manifest.json (duration, client groups' offline windows, host rebuilds, Office keys) and summary.csv
// (title). `kmsim run` and `kmsim report` go through the same inputs, so a redraw is identical.
// A folder written before availability.csv existed redraws without host, link and DNS lanes.
import { basename, join } from "node:path";
import Papa from "papaparse";
import { writeFolderAtomic } from "../atomic.js";
import { AVAILABILITY_FILE } from "../availability.js";
import { readAvailabilitySummary } from "../availability-reader.js";
import { CHART_HTML, CHART_SVG, chartHtml, renderSvg } from "../chart.js";
import { RowSample } from "../chart-sample.js";
import { detached, readLines } from "../line-reader.js";
import { readOptional } from "../optional-file.js";
import { manifestContext } from "./manifest-context.js";
import { PLOT_WIDTH } from "./plot-width.js";
import { chartEndMinute, timelineChartSpec } from "./spec.js";
import type { RunChartOptions } from "./spec.js";
import { parseTimeline } from "./timeline-table.js";

/** The run's chart as SVG and as a self-contained HTML page (FORMAT.md "Run folder"). */
export async function renderTimelineChart(
  timelineCsv: string,
  options: RunChartOptions,
): Promise<{ readonly svg: string; readonly html: string }> {
  const svg = await renderSvg(timelineChartSpec(timelineCsv, options));
  return { svg, html: chartHtml(options.title, svg) };
}

/** The chart options a run folder's files give (the title comes from the caller). */
export function runChartOptions(
  title: string,
  manifestText: string | null,
  availability: RunChartOptions["availability"],
  fallbackEndMinute?: number,
): RunChartOptions {
  const context = manifestContext(manifestText);
  const endMinute = context.durationMin ?? fallbackEndMinute;
  return {
    title,
    ...(endMinute === undefined ? {} : { endMinute }),
    ...(availability === undefined ? {} : { availability }),
    offline: context.offline,
    rebuilds: context.rebuilds,
    officeHosts: context.officeHosts,
  };
}

/** The title of a run folder: `<scenario>` or `<scenario> / <strategy>` from summary.csv, else the folder name. */
async function runFolderTitle(folder: string): Promise<string> {
  const summary = await readOptional(join(folder, "summary.csv"));
  if (summary !== null) {
    const parsed = Papa.parse<Record<string, string>>(summary.trim(), { header: true, skipEmptyLines: true });
    const row = parsed.data[0];
    if (row !== undefined && typeof row.scenario === "string" && row.scenario !== "") {
      return row.strategy ? `${row.scenario} / ${row.strategy}` : row.scenario;
    }
  }
  return basename(folder);
}

/**
 * The chart's sample of a timeline.csv file (chart-sample.ts), read line by line a megabyte at a
 * time (line-reader.ts): the same rows `kmsim run` kept while writing it, in bounded memory
 * however long the file is.
 */
export async function sampleTimelineFile(path: string): Promise<string> {
  const held: { sample: RowSample | null } = { sample: null };
  await readLines(path, (raw) => {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    const sample = held.sample;
    if (sample === null) held.sample = new RowSample(detached(line));
    else if (line !== "") sample.offer(sample.wantsNext() ? detached(line) : line);
  });
  return held.sample === null ? "" : held.sample.text();
}

/**
 * Re-reads a run folder and rewrites chart.svg and chart.html atomically (`kmsim report`). A bad
 * availability.csv throws an AvailabilityFormatError (line number in the message). Every file is
 * read in bounded memory: the timeline's chart sample, availability.csv's summary.
 * `beforeCommit` runs once the new files exist under temp names (a test pause point).
 */
export async function redrawRunFolder(folder: string, beforeCommit?: () => Promise<void>): Promise<void> {
  const timeline = await sampleTimelineFile(join(folder, "timeline.csv"));
  const manifest = await readOptional(join(folder, "manifest.json"));
  const base = runChartOptions(await runFolderTitle(folder), manifest, undefined);
  // availability.csv is summarised for the axis the chart will have (availability-summary.ts).
  const endMinute = chartEndMinute(parseTimeline(timeline), base.endMinute);
  const availability = await readAvailabilitySummary(join(folder, AVAILABILITY_FILE), endMinute, PLOT_WIDTH);
  const options = availability === null ? base : { ...base, availability };
  const { svg, html } = await renderTimelineChart(timeline, options);
  await writeFolderAtomic(folder, { [CHART_SVG]: svg, [CHART_HTML]: html }, beforeCommit);
}
