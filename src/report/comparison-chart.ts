// The comparison chart (FORMAT.md "Comparison folder", docs/compare.md "The comparison chart"):
// strategies best first, one panel per ranking metric and per other metric that differs between
// strategies, each strategy's mean with its 95 % interval. Drawn from runs.csv, so `compare` and
// `kmsim report` give the same bytes. Names (strategies, hosts) are data values only, never field
// names or parts of an expression, so every valid name charts (issue 9 item 10).
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import Papa from "papaparse";
import type { TopLevelSpec } from "vega-lite";
import { writeFolderAtomic } from "./atomic.js";
import { chartHtml, renderSvg } from "./chart.js";
import type { ComparedRun } from "./comparison.js";
import { comparisonPanels, type Panel } from "./comparison-panels.js";
import { defaultRankingMetrics, type RankingMetric } from "./ranking.js";

export const COMPARISON_CHART_SVG = "comparison-chart.svg";
export const COMPARISON_CHART_HTML = "comparison-chart.html";

/** What the chart is drawn from besides the runs. */
export interface ComparisonChartOptions {
  /** The scenario name. */
  readonly title: string;
  /** The summary columns in runs.csv order. */
  readonly columns: readonly string[];
  /** The columns the ranking uses, in order (the strategies are drawn in the order they give). */
  readonly rankingMetrics: readonly RankingMetric[];
}

const PLOT_WIDTH = 280;
const ROW_STEP = 18;
const LABEL_LIMIT = 260;
const FIGURES_GAP = 8;
const COLUMNS = 2;
const RANKING_COLOR = "#1f5fa8";
const OTHER_COLOR = "#5b6b7b";
const NOTE_COLOR = "#2a7a3a";

/** A view inside the top-level vconcat (derived from the exported TopLevelSpec type). */
type ViewSpec = Extract<TopLevelSpec, { vconcat: unknown }>["vconcat"][number];
type TitleSpec = Extract<ViewSpec, { title?: unknown }>["title"];

function panelSubtitle(panel: Panel): string {
  if (panel.rankingPosition === null) return panel.column;
  const direction = panel.higherIsBetter ? "higher is better" : "lower is better";
  return `ranking metric ${panel.rankingPosition} · ${direction} · ${panel.column}`;
}

function panelTitle(panel: Panel): TitleSpec {
  return {
    text: panel.title,
    subtitle: panelSubtitle(panel),
    anchor: "start",
    fontSize: 12,
    subtitleFontSize: 10,
    subtitleColor: "#666",
    offset: 6,
  };
}

/**
 * A panel whose runs all have one value (or none): the strategies as in every panel, and the
 * value in words across the plot area instead of an empty plot.
 */
function notePanel(panel: Panel, note: string, labels: readonly string[]): ViewSpec {
  return {
    title: panelTitle(panel),
    width: PLOT_WIDTH,
    height: { step: ROW_STEP },
    layer: [
      {
        data: { values: panel.rows.map((r) => ({ label: r.label, text: r.text })) },
        mark: { type: "text", align: "left", baseline: "middle", fontSize: 10, color: "#333" },
        encoding: {
          y: { field: "label", type: "nominal", title: null, scale: { domain: [...labels] }, axis: { labelLimit: LABEL_LIMIT, ticks: false, labelPadding: 6 } },
          x: { value: PLOT_WIDTH + FIGURES_GAP },
          text: { field: "text", type: "nominal" },
        },
      },
      {
        data: { values: [{ note }] },
        mark: { type: "text", align: "center", baseline: "middle", fontSize: 13, fontWeight: "bold", color: NOTE_COLOR },
        encoding: { text: { field: "note", type: "nominal" }, x: { value: PLOT_WIDTH / 2 }, y: { value: (ROW_STEP * Math.max(labels.length, 1)) / 2 } },
      },
    ],
  };
}

function plotPanel(panel: Panel, labels: readonly string[]): ViewSpec {
  const color = panel.rankingPosition === null ? OTHER_COLOR : RANKING_COLOR;
  // Every column kmsim writes is ≥ 0: the axis starts at 0, never below (intervals are clipped too).
  const scale = panel.min === 0 ? { zero: true, domainMin: 0, nice: true } : { zero: false, nice: true };
  const x = { type: "quantitative" as const, title: null, scale, axis: { labelFlush: true, tickCount: 5 } };
  return {
    title: panelTitle(panel),
    width: PLOT_WIDTH,
    height: { step: ROW_STEP },
    data: { values: panel.rows.map((r) => ({ label: r.label, mean: r.mean, low: r.low, high: r.high, text: r.text })) },
    encoding: {
      // An explicit domain, not a sort array: vega-lite turns a sort array into an expression
      // with the names in it, which names like `constructor` break.
      y: { field: "label", type: "nominal", title: null, scale: { domain: [...labels] }, axis: { labelLimit: LABEL_LIMIT, ticks: false, labelPadding: 6 } },
    },
    layer: [
      { mark: { type: "rule", strokeWidth: 2.5, color, opacity: 0.55 }, encoding: { x: { field: "low", ...x }, x2: { field: "high" } } },
      { mark: { type: "point", filled: true, size: 55, color, opacity: 1 }, encoding: { x: { field: "mean", ...x } } },
      {
        mark: { type: "text", align: "left", baseline: "middle", fontSize: 10, color: "#333" },
        encoding: { x: { value: PLOT_WIDTH + FIGURES_GAP }, text: { field: "text", type: "nominal" } },
      },
    ],
  };
}

function panelView(panel: Panel, labels: readonly string[]): ViewSpec {
  return panel.note === null ? plotPanel(panel, labels) : notePanel(panel, panel.note, labels);
}

function section(title: string, subtitle: readonly string[], panels: readonly ViewSpec[]): ViewSpec {
  return {
    title: { text: title, subtitle: [...subtitle], anchor: "start", fontSize: 14, subtitleFontSize: 11, subtitleColor: "#444", offset: 10 },
    columns: COLUMNS,
    concat: [...panels],
    spacing: { row: 22, column: 40 },
  };
}

const RANKING_SENTENCE = "Compared in this order: a metric decides only between strategies equal on every metric before it.";

function omittedSentence(omitted: readonly string[]): string[] {
  if (omitted.length === 0) return [];
  const shown = omitted.slice(0, 4).join(", ");
  return [`${omitted.length} more differ and are not drawn (${shown}${omitted.length > 4 ? ", …" : ""}): see comparison.csv.`];
}

/** Vega-Lite spec of the comparison chart. */
export function comparisonChartSpec(runs: readonly ComparedRun[], options: ComparisonChartOptions): TopLevelSpec {
  const p = comparisonPanels(runs, options);
  const labels = p.strategies.map((s) => s.label);
  const replications = p.replications === null ? "the replications" : `${p.replications} ${p.replications === 1 ? "replication" : "replications"}`;
  const sections: ViewSpec[] = [];
  if (p.ranking.length > 0) {
    sections.push(
      section("Ranking metrics, in ranking order", [RANKING_SENTENCE], p.ranking.map((panel) => panelView(panel, labels))),
    );
  }
  if (p.others.length > 0 || p.omitted.length > 0) {
    const what = p.strategies.length === 1 ? "Other metrics that vary between replications" : "Other metrics that differ between strategies";
    sections.push(section(what, omittedSentence(p.omitted), p.others.map((panel) => panelView(panel, labels))));
  }
  if (sections.length === 0) {
    sections.push({ width: PLOT_WIDTH, height: ROW_STEP, view: { stroke: null }, data: { values: [{ note: "no metric to compare" }] }, mark: { type: "text", align: "left" }, encoding: { text: { field: "note", type: "nominal" }, x: { value: 0 }, y: { value: ROW_STEP / 2 } } });
  }
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: `${options.title}: strategies compared`,
      subtitle: [
        "Strategies best first: rank, then name (=k: tied on every ranking metric).",
        `Dot: mean over ${replications}; bar: its 95 % interval, clipped to what the metric can take (never below 0).`,
        "Figures at the right: mean [95 % interval].",
      ],
      anchor: "start",
      fontSize: 16,
      subtitleFontSize: 11,
      subtitleColor: "#444",
      offset: 14,
    },
    background: "white",
    padding: 12,
    config: { font: "Helvetica, Arial, sans-serif", view: { stroke: "#ccc" }, axis: { labelFontSize: 11 } },
    vconcat: sections,
    spacing: 30,
  };
}

/** The comparison chart as SVG and as a self-contained HTML page. */
export async function renderComparisonChart(
  runs: readonly ComparedRun[],
  options: ComparisonChartOptions,
): Promise<{ readonly svg: string; readonly html: string }> {
  const svg = await renderSvg(comparisonChartSpec(runs, options));
  return { svg, html: chartHtml(`${options.title} — comparison`, svg) };
}

/**
 * The runs as runs.csv holds them (numbers as written, 6 decimals), with the strategies in order
 * of first appearance and the columns. Both `compare` and `kmsim report` draw the chart from
 * this, so a redraw gives the same bytes.
 */
export function comparedRunsFromCsv(text: string): { runs: ComparedRun[]; strategies: string[]; columns: string[]; scenario: string } {
  const parsed = Papa.parse<Record<string, string>>(text.trim(), { header: true, skipEmptyLines: true });
  const columns = parsed.meta.fields ?? [];
  const runs: ComparedRun[] = parsed.data.map((row) => {
    // No prototype: a column is only ever an own key.
    const record = Object.create(null) as Record<string, number | string>;
    for (const c of columns) {
      const v = row[c] ?? "";
      record[c] = v !== "" && c !== "scenario" && c !== "strategy" && Number.isFinite(Number(v)) ? Number(v) : v;
    }
    return { strategy: row.strategy ?? "", replication: Number(row.replication), record };
  });
  const strategies = [...new Set(runs.map((r) => r.strategy))];
  return { runs, strategies, columns, scenario: parsed.data[0]?.scenario ?? "comparison" };
}

/**
 * The comparison chart drawn from runs.csv text (see comparedRunsFromCsv), ranked by
 * `rankingMetrics` (default: FORMAT.md's ranking metrics present in runs.csv).
 */
export function renderComparisonChartFromCsv(
  runsCsvText: string,
  rankingMetrics?: readonly RankingMetric[],
): Promise<{ readonly svg: string; readonly html: string }> {
  const { runs, columns, scenario } = comparedRunsFromCsv(runsCsvText);
  return renderComparisonChart(runs, { title: scenario, columns, rankingMetrics: rankingMetrics ?? defaultRankingMetrics(columns) });
}

/** Re-reads a comparison folder's runs.csv and rewrites the comparison chart atomically (`kmsim report`). */
export async function redrawComparisonFolder(
  folder: string,
  rankingMetrics?: readonly RankingMetric[],
  beforeCommit?: () => Promise<void>,
): Promise<void> {
  const chart = await renderComparisonChartFromCsv(await readFile(join(folder, "runs.csv"), "utf8"), rankingMetrics);
  await writeFolderAtomic(folder, { [COMPARISON_CHART_SVG]: chart.svg, [COMPARISON_CHART_HTML]: chart.html }, beforeCommit);
}
