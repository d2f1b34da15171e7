// The ranked table `kmsim compare` prints (FORMAT.md "Comparison folder"): strategies by the
// ranking metrics, lexicographically; for each one the metric that separates it from the best,
// both means, and the paired 95 % interval of the difference ("not significant" when it holds 0).
import { formatNumber, significant, type RankedStrategy, type RankingMetric } from "../report/index.js";

/** How the replications were chosen, for the header line. */
export interface ReplicationsInfo {
  readonly count: number;
  /** Set with `--replications auto`: why it stopped. */
  readonly auto?: { readonly reason: string; readonly max: number };
}

function fixed2(x: number): string {
  return formatNumber(Math.round(x * 100) / 100);
}

/** Two means at 2 decimals, or at the CSV's 6 when 2 would make different means look equal. */
function meanPair(mine: number | null, best: number | null): [string, string] {
  if (mine === null || best === null) return [mine === null ? "–" : fixed2(mine), best === null ? "–" : fixed2(best)];
  const short: [string, string] = [fixed2(mine), fixed2(best)];
  return short[0] !== short[1] ? short : [formatNumber(mine), formatNumber(best)];
}

function signed(x: number): string {
  const s = formatNumber(Math.round(x * 1e4) / 1e4);
  return x > 0 ? `+${s}` : s;
}

/** The ranking as aligned text lines. */
export function formatRanking(
  scenario: string,
  ranked: readonly RankedStrategy[],
  metrics: readonly RankingMetric[],
  info: { replications: ReplicationsInfo; folder: string; wallTimeMs: number; workers: number },
): string {
  const header = ["rank", "strategy", "decided by", "mean", "best's", "difference (95 % CI)", "n", ""];
  const rows: string[][] = [header];
  const best = ranked[0];
  for (const r of ranked) {
    const rank = r.tie ? `=${r.rank}` : String(r.rank);
    const name = r.strategy === "" ? "(base)" : r.strategy;
    if (r.decidedBy === null || r.difference === null || best === undefined) {
      rows.push([rank, name, r.rank === 1 && r === best ? "best" : "", "", "", "", "", r.tie ? "tie" : ""]);
      continue;
    }
    const i = r.decidedBy;
    const metric = metrics[i];
    const [mine, theirs] = meanPair(r.means[i], best.means[i]);
    const d = r.difference;
    const interval = d.mean === null ? "" : d.ci95Low === null || d.ci95High === null ? signed(d.mean) : `${signed(d.mean)} [${signed(d.ci95Low)}, ${signed(d.ci95High)}]`;
    const sig = significant(d);
    const notes = [r.tie ? "tie" : "", sig === false ? "not significant" : sig === null ? "n < 2" : ""].filter((s) => s !== "");
    rows.push([rank, name, `${metric.column}${metric.higherIsBetter ? " (higher is better)" : ""}`, mine, theirs, interval, String(d.n), notes.join(", ")]);
  }
  const widths = header.map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  const lines = rows.map((row) => row.map((cell, c) => cell.padEnd(widths[c])).join("  ").trimEnd());
  lines.splice(1, 0, widths.map((w) => "-".repeat(w)).join("  ").trimEnd());
  const reps = info.replications;
  const repText = reps.auto === undefined ? `${reps.count} replications` : `${reps.count} replications (auto, max ${reps.auto.max}: ${reps.auto.reason})`;
  const count = ranked.length === 1 ? "strategy" : "strategies";
  return [
    `kmsim compare ${scenario}: ${ranked.length} ${count} × ${repText} on ${info.workers} ${info.workers === 1 ? "worker" : "workers"}`,
    ...lines.map((l) => `  ${l}`),
    `  ranked by ${metrics.map((m) => (m.higherIsBetter ? `${m.column} (higher is better)` : m.column)).join(", then ")}; means over replications, equal at 6 decimals = tie`,
    `  differences to the best are paired by replication (common random numbers); "not significant": the 95 % interval contains 0`,
    `  results: ${info.folder}/ (runs.csv, comparison.csv, comparison-chart.svg, comparison-chart.html, manifest.json) in ${(info.wallTimeMs / 1000).toFixed(2)} s`,
    "",
  ].join("\n");
}
