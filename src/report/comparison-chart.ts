// The comparison chart (FORMAT.md "Comparison folder"): per key metric, each strategy's mean
// over the replications with its 95 % interval as a bar, one panel per metric.
import type { TopLevelSpec } from "vega-lite";
import { chartHtml, renderSvg } from "./chart.js";
import { metricSummary, type ComparedRun } from "./comparison.js";

export const COMPARISON_CHART_SVG = "comparison-chart.svg";
export const COMPARISON_CHART_HTML = "comparison-chart.html";

/** The metrics drawn: client-days in notification, lapses, first activation, hours below threshold per host. */
export function keyMetrics(columns: readonly string[]): string[] {
  const fixed = ["notification_client_days", "clients_lapsed", "first_activation_p50_h"];
  return [...fixed.filter((m) => columns.includes(m)), ...columns.filter((c) => c.endsWith("_low_count_h"))];
}

/** Vega-Lite spec of the comparison chart. */
export function comparisonChartSpec(
  title: string,
  strategies: readonly string[],
  metrics: readonly string[],
  runs: readonly ComparedRun[],
): TopLevelSpec {
  const values: Record<string, string | number | null>[] = [];
  for (const metric of metrics) {
    for (const strategy of strategies) {
      const s = metricSummary(
        runs.filter((r) => r.strategy === strategy),
        metric,
      );
      if (s.mean === null) continue;
      values.push({ metric, strategy: strategy === "" ? "(base)" : strategy, mean: s.mean, low: s.ci95Low, high: s.ci95High, n: s.n });
    }
  }
  const order = strategies.map((s) => (s === "" ? "(base)" : s));
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: `${title}: strategies compared (mean and 95 % interval over replications)` },
    data: { values },
    facet: { row: { field: "metric", type: "nominal", sort: [...metrics], header: { labelAngle: 0, labelAlign: "left", title: null } } },
    spec: {
      width: 420,
      height: { step: 18 },
      layer: [
        {
          mark: { type: "rule", strokeWidth: 2 },
          encoding: {
            y: { field: "strategy", type: "nominal", sort: order, title: null, axis: { labelLimit: 320 } },
            x: { field: "low", type: "quantitative", title: null },
            x2: { field: "high" },
          },
        },
        {
          mark: { type: "point", filled: true, size: 50 },
          encoding: {
            y: { field: "strategy", type: "nominal", sort: order, title: null, axis: { labelLimit: 320 } },
            x: { field: "mean", type: "quantitative", title: null },
            tooltip: [
              { field: "strategy", type: "nominal" },
              { field: "mean", type: "quantitative" },
              { field: "n", type: "quantitative" },
            ],
          },
        },
      ],
    },
    resolve: { scale: { x: "independent" } },
  };
}

/** The comparison chart as SVG and as a self-contained HTML page. */
export async function renderComparisonChart(
  title: string,
  strategies: readonly string[],
  metrics: readonly string[],
  runs: readonly ComparedRun[],
): Promise<{ readonly svg: string; readonly html: string }> {
  const svg = await renderSvg(comparisonChartSpec(title, strategies, metrics, runs));
  return { svg, html: chartHtml(`${title} — comparison`, svg) };
}
