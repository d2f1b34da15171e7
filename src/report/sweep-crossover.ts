// Where the best strategy changes along a sweep (FORMAT.md "Sweep folder": the terminal says, per
// ranking metric, e.g. "host-per-site beats central from branch-size 24 on"). Pure: means in,
// sentences out.
import type { RankingMetric } from "./ranking.js";

export interface CrossoverInput {
  readonly xName: string;
  /** Per panel (a combination of the other parameters, "" with one parameter): the x values in order. */
  readonly panels: readonly { readonly label: string; readonly xs: readonly string[] }[];
  readonly strategies: readonly string[];
  readonly metrics: readonly RankingMetric[];
  /** The mean of a metric for a strategy at (panel, x index), or null without values. */
  readonly mean: (metric: string, panel: number, x: number, strategy: number) => number | null;
}

/**
 * Strategies sharing the best means at one x, compared on `metrics` in order (lexicographically,
 * equal at 6 decimals: FORMAT.md's ranking rule; an empty mean ranks last), "" without values.
 */
function bestAt(input: CrossoverInput, metrics: readonly RankingMetric[], panel: number, x: number): string {
  const key = (s: number): (number | null)[] =>
    metrics.map((m) => {
      const v = input.mean(m.column, panel, x, s);
      return v === null ? null : Math.round(v * 1e6) * (m.higherIsBetter ? -1 : 1);
    });
  const compare = (a: (number | null)[], b: (number | null)[]): number => {
    for (let i = 0; i < a.length; i++) {
      if (a[i] === b[i]) continue;
      if (a[i] === null) return 1;
      if (b[i] === null) return -1;
      return (a[i] as number) - (b[i] as number);
    }
    return 0;
  };
  let best: (number | null)[] | null = null;
  let names: string[] = [];
  input.strategies.forEach((name, s) => {
    const k = key(s);
    if (k.every((v) => v === null)) return;
    const c = best === null ? -1 : compare(k, best);
    if (c < 0) {
      best = k;
      names = [name];
    } else if (c === 0) names.push(name);
  });
  if (names.length === input.strategies.length && names.length > 1) return "all tie";
  return names.join(" = ");
}

/**
 * One sentence per panel for the whole ranking, then per ranking metric: where the best strategy
 * changes along the first parameter.
 */
export function crossoverLines(input: CrossoverInput): string[] {
  const lines: string[] = [];
  const criteria = [{ label: "ranking", metrics: input.metrics }, ...input.metrics.map((m) => ({ label: m.column, metrics: [m] }))];
  for (const criterion of criteria) {
    input.panels.forEach((panel, p) => {
      const segments: { best: string; from: string; to: string }[] = [];
      panel.xs.forEach((x, i) => {
        const best = bestAt(input, criterion.metrics, p, i);
        const last = segments[segments.length - 1];
        if (last !== undefined && last.best === best) last.to = x;
        else segments.push({ best, from: x, to: x });
      });
      const where = panel.label === "" ? "" : ` (${panel.label})`;
      lines.push(`${criterion.label}${where}: ${describe(segments, input.xName)}`);
    });
  }
  return lines;
}

function describe(segments: readonly { best: string; from: string; to: string }[], xName: string): string {
  const name = (best: string): string => (best === "" ? "no values" : best);
  if (segments.length === 1) return segments[0].best === "all tie" ? "all strategies tie at every point" : `${name(segments[0].best)} best at every point`;
  if (segments.length === 2 && !segments.some((s) => s.best === "all tie" || s.best === "")) {
    return `${segments[1].best} beats ${segments[0].best} from ${xName} ${segments[1].from} on`;
  }
  return segments
    .map((s, i) => {
      const range = i === segments.length - 1 ? `from ${s.from} on` : s.from === s.to ? `at ${s.from}` : `at ${s.from}–${s.to}`;
      return `${s.best === "all tie" ? "all tie" : name(s.best)} ${range}`;
    })
    .join(", ")
    .replace(/^/, `along ${xName}: `);
}
