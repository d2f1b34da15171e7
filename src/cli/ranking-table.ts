// The ranked table `kmsim compare` prints (FORMAT.md "Comparison folder"): strategies by mean
// client-days in notification, then lapses, then name, each with its paired difference to the best.
import { formatNumber, type RankedStrategy } from "../report/index.js";

function fmt(x: number | null): string {
  return x === null ? "–" : formatNumber(Math.round(x * 100) / 100);
}

/** The ranking as aligned text lines. */
export function formatRanking(
  scenario: string,
  ranked: readonly RankedStrategy[],
  info: { replications: number; folder: string; wallTimeMs: number; workers: number },
): string {
  const rows: string[][] = [["rank", "strategy", "notification client-days", "lapsed", "difference to best (95 % CI)", "CI excludes 0"]];
  ranked.forEach((r, i) => {
    const d = r.difference;
    const interval = d.ci95Low === null || d.ci95High === null ? "" : ` [${fmt(d.ci95Low)}, ${fmt(d.ci95High)}]`;
    const excludes = i === 0 || d.ci95Low === null || d.ci95High === null ? "" : d.ci95Low > 0 || d.ci95High < 0 ? "yes" : "no";
    rows.push([
      String(i + 1),
      r.strategy === "" ? "(base)" : r.strategy,
      fmt(r.notificationDays.mean),
      fmt(r.lapsed.mean),
      i === 0 ? "best" : `${fmt(d.mean)}${interval}`,
      excludes,
    ]);
  });
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  const lines = rows.map((row) => row.map((cell, c) => cell.padEnd(widths[c])).join("  ").trimEnd());
  lines.splice(1, 0, widths.map((w) => "-".repeat(w)).join("  "));
  return [
    `kmsim compare ${scenario}: ${ranked.length} ${ranked.length === 1 ? "strategy" : "strategies"} × ${info.replications} replications on ${info.workers} ${info.workers === 1 ? "worker" : "workers"}`,
    ...lines.map((l) => `  ${l}`),
    `  means over replications; differences paired by replication (common random numbers)`,
    `  results: ${info.folder}/ (runs.csv, comparison.csv, comparison-chart.svg, comparison-chart.html, manifest.json) in ${(info.wallTimeMs / 1000).toFixed(2)} s`,
    "",
  ].join("\n");
}
