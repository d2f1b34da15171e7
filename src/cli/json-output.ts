// `--json` on `run` and `compare` (FORMAT.md "JSON output"): the run's summary or the comparison's
// ranking as one JSON document on stdout, for scripts; the progress bar, warnings and errors stay
// on stderr. Numbers are rounded as in the CSVs (6 decimals); an empty value is null.
import { formatNumber, significant, type RankedStrategy, type RankingMetric, type Summary } from "../report/index.js";

type JsonScalar = number | string | boolean | null;
type SummaryRecord = Readonly<Record<string, number | string>>;

/** A number as the CSVs write it (6 decimals), or null. */
function num(x: number | null): number | null {
  return x === null ? null : Number(formatNumber(x));
}

/** summary.csv's row as an object: numbers as numbers, empty cells (and the base's strategy) as null. */
export function summaryJson(record: SummaryRecord): Record<string, JsonScalar> {
  const out: Record<string, JsonScalar> = {};
  for (const [k, v] of Object.entries(record)) out[k] = typeof v === "number" ? num(v) : v === "" ? null : v;
  return out;
}

/** The document `kmsim run --json` prints. */
export function runJson(record: SummaryRecord, info: { folder: string; files: readonly string[] }): string {
  const doc = {
    command: "run",
    scenario: record.scenario,
    strategy: record.strategy === "" || record.strategy === undefined ? null : record.strategy,
    folder: info.folder,
    files: info.files,
    summary: summaryJson(record),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function differenceJson(d: Summary): Record<string, number | null> {
  return { mean: num(d.mean), ci95Low: num(d.ci95Low), ci95High: num(d.ci95High), n: d.n };
}

/** The document `kmsim compare --json` prints. */
export function rankingJson(
  scenario: string,
  ranked: readonly RankedStrategy[],
  metrics: readonly RankingMetric[],
  info: { folder: string; replications: number; auto: { max: number; stoppedBecause: string } | null; workers: number },
): string {
  const best = ranked[0];
  const doc = {
    command: "compare",
    scenario,
    folder: info.folder,
    replications: info.replications,
    autoReplications: info.auto,
    workers: info.workers,
    rankBy: metrics.map((m) => ({ column: m.column, higherIsBetter: m.higherIsBetter })),
    ranking: ranked.map((r) => {
      const i = r.decidedBy;
      return {
        rank: r.rank,
        tie: r.tie,
        strategy: r.strategy === "" ? null : r.strategy,
        means: Object.fromEntries(metrics.map((m, k) => [m.column, num(r.means[k] ?? null)])),
        decidedBy:
          i === null || r.difference === null || best === undefined
            ? null
            : {
                metric: metrics[i].column,
                mean: num(r.means[i] ?? null),
                bestMean: num(best.means[i] ?? null),
                difference: differenceJson(r.difference),
                significant: significant(r.difference),
              },
      };
    }),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
