// The sweep chart (FORMAT.md "Sweep folder"): for each key risk metric (the ranking's), the mean
// over replications against the first parameter, a line per strategy with its 95 % interval as a
// band, and a panel per combination of the other parameters' values. Names are data values and
// colour domains, never field names, so every valid name charts.
import type { TopLevelSpec } from "vega-lite";
import { chartHtml, renderSvg } from "./chart.js";
import { metricInfo } from "./metric-titles.js";

export const SWEEP_CHART_SVG = "sweep-chart.svg";
export const SWEEP_CHART_HTML = "sweep-chart.html";

/** One plotted value: a strategy's statistics of one metric at one point. */
export interface SweepChartRow {
  readonly metric: string;
  /** The first parameter's value as written. */
  readonly x: string;
  /** The other parameters' values, `name=value, …` ("" with one parameter). */
  readonly panel: string;
  readonly strategy: string;
  readonly mean: number | null;
  readonly low: number | null;
  readonly high: number | null;
}

export interface SweepChartInput {
  readonly title: string;
  readonly xName: string;
  /** The first parameter's values in sweep order. */
  readonly xValues: readonly string[];
  readonly panels: readonly string[];
  readonly strategies: readonly string[];
  readonly metrics: readonly string[];
  readonly rows: readonly SweepChartRow[];
}

const WIDTH = 260;
const WIDE = 420;
const HEIGHT = 150;
/** More panels than this per metric would make the chart unreadable; the CSVs hold them all. */
export const MAX_SWEEP_PANELS = 6;

type ViewSpec = Extract<TopLevelSpec, { vconcat: unknown }>["vconcat"][number];

function numericAxis(values: readonly string[]): boolean {
  return values.every((v) => v.trim() !== "" && Number.isFinite(Number(v)));
}

function panelView(input: SweepChartInput, metric: string, panel: string, width: number): ViewSpec {
  const numeric = numericAxis(input.xValues);
  const rows = input.rows
    .filter((r) => r.metric === metric && r.panel === panel && r.mean !== null)
    .map((r) => ({ x: numeric ? Number(r.x) : r.x, strategy: r.strategy, mean: r.mean, low: r.low ?? r.mean, high: r.high ?? r.mean }));
  const x = numeric
    ? { field: "x", type: "quantitative" as const, title: input.xName, scale: { zero: false, nice: false } }
    : { field: "x", type: "ordinal" as const, title: input.xName, scale: { domain: [...input.xValues] } };
  const info = metricInfo(metric);
  const color = {
    field: "strategy",
    type: "nominal" as const,
    title: "strategy",
    scale: { domain: [...input.strategies], scheme: "tableau10" },
    legend: { orient: "top" as const, title: "strategy", symbolType: "stroke", symbolOpacity: 1, symbolStrokeWidth: 3 },
  };
  const y = { field: "mean", type: "quantitative" as const, title: null, scale: info.min === 0 ? { domainMin: 0, nice: true } : { zero: false, nice: true } };
  return {
    title: { text: panel === "" ? info.title : panel, subtitle: panel === "" ? metric : `${info.title} · ${metric}`, anchor: "start", fontSize: 12, subtitleFontSize: 10, subtitleColor: "#666" },
    width,
    height: HEIGHT,
    data: { values: rows },
    layer: [
      { mark: { type: "area", opacity: 0.18 }, encoding: { x, y: { field: "low", type: "quantitative", title: null }, y2: { field: "high" }, color } },
      { mark: { type: "line", strokeWidth: 2 }, encoding: { x, y, color } },
      { mark: { type: "point", filled: true, size: 30 }, encoding: { x, y, color } },
    ],
  };
}

/** The chart's Vega-Lite spec. */
export function sweepChartSpec(input: SweepChartInput): TopLevelSpec {
  const panels = input.panels.slice(0, MAX_SWEEP_PANELS);
  const hidden = input.panels.length - panels.length;
  // A metric with one value everywhere is said in words: a flat line at 0 tells nothing more.
  const flat = input.metrics.filter((m) => new Set(input.rows.filter((r) => r.metric === m).map((r) => r.mean)).size <= 1);
  const drawn = input.metrics.filter((m) => !flat.includes(m));
  const flatText = flat.map((m) => {
    const v = input.rows.find((r) => r.metric === m)?.mean;
    return `${metricInfo(m).title}: ${v === null || v === undefined ? "no values" : String(v)}`;
  });
  const subtitle = [
    `mean over replications with its 95 % interval, against ${input.xName}; one line per strategy`,
    ...(flatText.length > 0 ? [`the same for every strategy and point — ${flatText.join("; ")}`] : []),
    ...(hidden > 0 ? [`${hidden} more combination${hidden === 1 ? "" : "s"} of the other parameters are in sweep.csv, not drawn`] : []),
  ];
  const width = panels.length === 1 ? WIDE : WIDTH;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: `kmsim sweep — ${input.title}`, subtitle, anchor: "start", fontSize: 15, subtitleFontSize: 11 },
    background: "white",
    padding: 12,
    config: { font: "Helvetica, Arial, sans-serif", view: { stroke: "#ddd" } },
    vconcat: drawn.map((metric) => ({ hconcat: panels.map((panel) => panelView(input, metric, panel, width)) })),
  } as TopLevelSpec;
}

/** The chart as SVG and as a self-contained HTML page. */
export async function renderSweepChart(input: SweepChartInput): Promise<{ svg: string; html: string }> {
  const svg = await renderSvg(sweepChartSpec(input));
  return { svg, html: chartHtml(`sweep ${input.title}`, svg) };
}
