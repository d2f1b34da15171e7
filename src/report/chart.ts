// The chart of a run's timeline (FORMAT.md "Run folder": states over time, host counts with the
// threshold at 25, outages) as SVG and as a self-contained HTML page. Built as a Vega-Lite spec,
// compiled with vega-lite and rendered headless with vega (renderer "none", text widths
// estimated, no canvas). Deterministic: the same timeline gives byte-identical output (vega's
// clip/gradient id counters are reset before each render and renders never interleave). vega
// and vega-lite are imported on first render only.
import { readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import Papa from "papaparse";
import type { TopLevelSpec } from "vega-lite";
import { writeFolderAtomic } from "./atomic.js";
import { LOW_COUNT_THRESHOLD, STATE_COLUMNS } from "./columns.js";

/** File names of the run chart inside a run folder. */
export const CHART_SVG = "chart.svg";
export const CHART_HTML = "chart.html";

/** Rows kept for the lines at most; longer timelines are shown sampled at even time steps (the CSV keeps every row). */
export const MAX_CHART_ROWS = 1600;

/** Legend entries drawn as short lines, for every series of the chart. */
const LINE_LEGEND = { symbolType: "stroke", symbolStrokeWidth: 2, symbolOpacity: 1 };

const WIDTH = 820;
const PANEL_HEIGHT = 220;

export interface ChartOptions {
  /** The page title: the scenario name (and strategy). */
  readonly title: string;
  /** The end of the run (duration, minutes): the last values are drawn up to it. Default: the last row's minute. */
  readonly endMinute?: number;
}

interface TimelineTable {
  readonly columns: readonly string[];
  readonly minutes: number[];
  /** Calendar time of each row, ms since the epoch. */
  readonly times: number[];
  readonly values: Map<string, number[]>;
}

function parseTimeline(csv: string): TimelineTable {
  const parsed = Papa.parse<string[]>(csv.trim(), { header: false, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`timeline.csv: ${parsed.errors[0].message} (row ${parsed.errors[0].row})`);
  const [header, ...rows] = parsed.data;
  if (header === undefined || header[0] !== "minute" || header[1] !== "time") {
    throw new Error("timeline.csv: the header must start with minute,time");
  }
  const minutes: number[] = [];
  const times: number[] = [];
  const values = new Map<string, number[]>();
  for (const c of header.slice(2)) values.set(c, []);
  for (const row of rows) {
    if (row.length !== header.length) throw new Error(`timeline.csv: a row has ${row.length} fields for ${header.length} columns`);
    minutes.push(Number(row[0]));
    times.push(Date.parse(row[1]));
    for (let i = 2; i < header.length; i++) values.get(header[i])?.push(Number(row[i]));
  }
  return { columns: header, minutes, times, values };
}

/** Indices of the rows drawn: all of them, or the last row at or before each of MAX_CHART_ROWS even time steps, plus the last. */
function chartRows(minutes: readonly number[]): number[] {
  const n = minutes.length;
  if (n <= MAX_CHART_ROWS) return minutes.map((_, i) => i);
  const first = minutes[0];
  const step = (minutes[n - 1] - first) / (MAX_CHART_ROWS - 1);
  const out: number[] = [];
  let i = 0;
  for (let k = 0; k < MAX_CHART_ROWS; k++) {
    const t = first + k * step;
    while (i + 1 < n && minutes[i + 1] <= t) i++;
    if (out.length === 0 || out[out.length - 1] !== i) out.push(i);
  }
  if (out[out.length - 1] !== n - 1) out.push(n - 1);
  return out;
}

interface SeriesPoint {
  t: number;
  series: string;
  value: number;
}

interface Band {
  start: number;
  end: number;
  series: string;
}

/** The Vega-Lite spec of the timeline chart (panel 1: licensing-client states; panel 2: host counts, threshold, outage bands). */
export function timelineChartSpec(timelineCsv: string, options: ChartOptions): TopLevelSpec {
  const table = parseTimeline(timelineCsv);
  const { columns, minutes, times, values } = table;
  const n = minutes.length;
  const msPerMinute = 60_000;
  const t0 = n > 0 ? times[0] - minutes[0] * msPerMinute : 0;
  const lastMinute = n > 0 ? minutes[n - 1] : 0;
  const endMinute = Math.max(options.endMinute ?? lastMinute, lastMinute);
  const endT = t0 + endMinute * msPerMinute;

  const stateCols = columns.filter(
    (c) => STATE_COLUMNS.includes(c) || (c.startsWith("office_") && STATE_COLUMNS.includes(c.slice(7))),
  );
  const hosts = columns
    .filter((c) => c.endsWith("_up") && columns.includes(`${c.slice(0, -3)}_count`))
    .map((c) => c.slice(0, -3));

  const rows = chartRows(minutes);
  const withEnd = (push: (i: number, t: number) => void): void => {
    for (const i of rows) push(i, times[i]);
    if (n > 0 && endT > times[n - 1]) push(n - 1, endT);
  };

  const statePoints: SeriesPoint[] = [];
  withEnd((i, t) => {
    for (const c of stateCols) statePoints.push({ t, series: c, value: values.get(c)?.[i] ?? 0 });
  });
  const countPoints: SeriesPoint[] = [];
  withEnd((i, t) => {
    for (const h of hosts) countPoints.push({ t, series: h, value: values.get(`${h}_count`)?.[i] ?? 0 });
  });

  // Outage bands from every row (not only the drawn ones): down from a row with up = 0 to the next row with up = 1.
  const bands: Band[] = [];
  for (const h of hosts) {
    const up = values.get(`${h}_up`) ?? [];
    let downSince: number | null = null;
    for (let i = 0; i < n; i++) {
      if (up[i] === 0 && downSince === null) downSince = times[i];
      else if (up[i] !== 0 && downSince !== null) {
        bands.push({ start: downSince, end: times[i], series: h });
        downSince = null;
      }
    }
    if (downSince !== null) bands.push({ start: downSince, end: Math.max(endT, downSince + msPerMinute), series: h });
  }

  const x = {
    field: "t",
    type: "temporal" as const,
    title: "time (UTC)",
    scale: { type: "utc" as const, domain: [t0, Math.max(endT, t0 + msPerMinute)] },
  };
  const statesPanel = {
    title: "Licensing clients by state",
    width: WIDTH,
    height: PANEL_HEIGHT,
    data: { values: statePoints },
    mark: { type: "line" as const, interpolate: "step-after" as const, strokeWidth: 1.5 },
    encoding: {
      x,
      y: { field: "value", type: "quantitative" as const, title: "clients" },
      color: {
        field: "series",
        type: "nominal" as const,
        title: "state",
        sort: stateCols,
        scale: { domain: stateCols, scheme: "category10" },
        legend: LINE_LEGEND,
      },
    },
  };
  const hostsPanel = {
    title: `KMS host windows counts (dashed: threshold ${LOW_COUNT_THRESHOLD}; shaded: host down)`,
    width: WIDTH,
    height: PANEL_HEIGHT,
    layer: [
      {
        data: { values: bands },
        // aria: false — vega would label each band's end in the machine's local time zone.
        mark: { type: "rect" as const, opacity: 0.18, aria: false },
        encoding: {
          x: { field: "start", type: "temporal" as const, title: "time (UTC)", scale: { type: "utc" as const } },
          x2: { field: "end" },
          color: { field: "series", type: "nominal" as const, title: "host", legend: LINE_LEGEND },
        },
      },
      {
        data: { values: countPoints },
        mark: { type: "line" as const, interpolate: "step-after" as const, strokeWidth: 1.5 },
        encoding: {
          x,
          y: { field: "value", type: "quantitative" as const, title: "windows count" },
          color: {
            field: "series",
            type: "nominal" as const,
            title: "host",
            sort: hosts,
            scale: { domain: hosts, scheme: "tableau10" },
            legend: LINE_LEGEND,
          },
        },
      },
      {
        data: { values: [{ threshold: LOW_COUNT_THRESHOLD }] },
        mark: { type: "rule" as const, strokeDash: [6, 4], color: "#555" },
        encoding: { y: { field: "threshold", type: "quantitative" as const } },
      },
    ],
  };
  const spec: TopLevelSpec = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: options.title,
    background: "white",
    padding: 10,
    config: { font: "Helvetica, Arial, sans-serif", view: { stroke: "#ccc" } },
    vconcat: hosts.length > 0 ? [statesPanel, hostsPanel] : [statesPanel],
    resolve: { scale: { color: "independent" } },
  };
  return spec;
}

/** The vega runtime's text-metrics switch (untyped in vega-typings). */
interface TextMetricsHolder {
  readonly textMetrics?: { canvas(use: boolean): void };
}

/** A vega / vega-lite logger that collects warnings and errors instead of printing them (stderr stays clean). */
class CollectingLogger {
  readonly messages: string[] = [];
  private lvl = 2; // vega's Warn

  level(level?: number): number | this {
    if (level === undefined) return this.lvl;
    this.lvl = level;
    return this;
  }
  private add(kind: string, args: unknown[]): this {
    this.messages.push(`${kind}: ${args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" ")}`);
    return this;
  }
  error(...args: unknown[]): this {
    return this.add("error", args);
  }
  warn(...args: unknown[]): this {
    return this.lvl >= 2 ? this.add("warn", args) : this;
  }
  info(): this {
    return this;
  }
  debug(): this {
    return this;
  }
}

let renderQueue: Promise<unknown> = Promise.resolve();

/**
 * Renders a Vega-Lite spec to SVG text, headless and deterministically (one render at a time).
 * Warnings of vega-lite and vega are appended to `warnings` when given, never printed.
 */
export function renderSvg(spec: TopLevelSpec, warnings?: string[]): Promise<string> {
  const run = async (): Promise<string> => {
    // Loaded on first use: vega takes most of a second to import, and most commands never draw.
    const [vega, { compile, resetIdCounter }] = await Promise.all([import("vega"), import("vega-lite")]);
    const logger = new CollectingLogger();
    // Estimated text widths: identical on every machine, whether or not `canvas` is installed.
    (vega as unknown as TextMetricsHolder).textMetrics?.canvas(false);
    resetIdCounter();
    const vgSpec = compile(spec, { logger }).spec;
    const view = new vega.View(vega.parse(vgSpec), { renderer: "none", logger });
    try {
      vega.resetSVGDefIds();
      const svg = await view.toSVG();
      return svg.endsWith("\n") ? svg : svg + "\n";
    } finally {
      view.finalize();
      warnings?.push(...logger.messages);
    }
  };
  const result = renderQueue.then(run, run);
  renderQueue = result.catch(() => undefined);
  return result;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A self-contained HTML page around an inline SVG (no script, no external resource: opens offline). */
export function chartHtml(title: string, svg: string): string {
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<title>kmsim — ${escapeHtml(title)}</title>`,
    "<style>body{font-family:Helvetica,Arial,sans-serif;margin:1.5em;background:#fff}svg{max-width:100%;height:auto}</style>",
    "</head>",
    "<body>",
    svg.trimEnd(),
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

/** The timeline chart of a run as SVG and as a self-contained HTML page (FORMAT.md "Run folder"). */
export async function renderTimelineChart(
  timelineCsv: string,
  options: ChartOptions,
): Promise<{ readonly svg: string; readonly html: string }> {
  const svg = await renderSvg(timelineChartSpec(timelineCsv, options));
  return { svg, html: chartHtml(options.title, svg) };
}

async function readOptional(path: string): Promise<string | null> {
  try {
    return await readFile(path, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
}

/** Title and end minute of a run folder, from summary.csv / manifest.json when present, else the folder name. */
async function runFolderInfo(folder: string): Promise<ChartOptions> {
  let title = basename(folder);
  let endMinute: number | undefined;
  const summary = await readOptional(join(folder, "summary.csv"));
  if (summary !== null) {
    const parsed = Papa.parse<Record<string, string>>(summary.trim(), { header: true, skipEmptyLines: true });
    const row = parsed.data[0];
    if (row !== undefined && typeof row.scenario === "string" && row.scenario !== "") {
      title = row.strategy ? `${row.scenario} / ${row.strategy}` : row.scenario;
    }
  }
  const manifest = await readOptional(join(folder, "manifest.json"));
  if (manifest !== null) {
    try {
      const m: unknown = JSON.parse(manifest);
      if (typeof m === "object" && m !== null && "durationMin" in m && typeof m.durationMin === "number") {
        endMinute = m.durationMin;
      }
    } catch {
      // a manifest we cannot read does not stop the redraw; the chart ends at the last row
    }
  }
  return endMinute === undefined ? { title } : { title, endMinute };
}

/** Re-reads a run folder's timeline.csv and rewrites chart.svg and chart.html atomically (`kmsim report`). */
export async function redrawRunFolder(folder: string): Promise<void> {
  const timeline = await readFile(join(folder, "timeline.csv"), "utf8");
  const { svg, html } = await renderTimelineChart(timeline, await runFolderInfo(folder));
  await writeFolderAtomic(folder, { [CHART_SVG]: svg, [CHART_HTML]: html });
}
