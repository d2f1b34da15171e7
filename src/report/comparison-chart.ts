// The comparison chart (FORMAT.md "Comparison folder"): per key metric, each strategy's mean
// over the replications with its 95 % interval as a bar, one panel per metric.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import Papa from "papaparse";
import type { TopLevelSpec } from "vega-lite";
import { writeFolderAtomic } from "./atomic.js";
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

/**
 * The runs as runs.csv holds them (numbers as written, 6 decimals), with the strategies in order
 * of first appearance and the columns. Both `compare` and `kmsim report` draw the chart from
 * this, so a redraw gives the same bytes.
 */
export function comparedRunsFromCsv(text: string): { runs: ComparedRun[]; strategies: string[]; columns: string[]; scenario: string } {
  const parsed = Papa.parse<Record<string, string>>(text.trim(), { header: true, skipEmptyLines: true });
  const columns = parsed.meta.fields ?? [];
  const runs: ComparedRun[] = parsed.data.map((row) => {
    const record: Record<string, number | string> = {};
    for (const c of columns) {
      const v = row[c] ?? "";
      record[c] = v !== "" && c !== "scenario" && c !== "strategy" && Number.isFinite(Number(v)) ? Number(v) : v;
    }
    return { strategy: row.strategy ?? "", replication: Number(row.replication), record };
  });
  const strategies = [...new Set(runs.map((r) => r.strategy))];
  return { runs, strategies, columns, scenario: parsed.data[0]?.scenario ?? "comparison" };
}

/** The comparison chart drawn from runs.csv text (see comparedRunsFromCsv). */
export function renderComparisonChartFromCsv(runsCsvText: string): Promise<{ readonly svg: string; readonly html: string }> {
  const { runs, strategies, columns, scenario } = comparedRunsFromCsv(runsCsvText);
  return renderComparisonChart(scenario, strategies, keyMetrics(columns), runs);
}

/** Re-reads a comparison folder's runs.csv and rewrites the comparison chart atomically (`kmsim report`). */
export async function redrawComparisonFolder(folder: string): Promise<void> {
  const chart = await renderComparisonChartFromCsv(await readFile(join(folder, "runs.csv"), "utf8"));
  await writeFolderAtomic(folder, { [COMPARISON_CHART_SVG]: chart.svg, [COMPARISON_CHART_HTML]: chart.html });
}
