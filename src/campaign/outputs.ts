// A finished campaign's tables, chart and terminal sentences (FORMAT.md "Sweep folder"), built from
// the stored runs in task order, so the bytes are the same whether the runs were computed now,
// reused from the journal, or gathered from shards.
import { buildLayout } from "../kms/index.js";
import {
  crossoverLines,
  metricSummary,
  pointsCsv,
  rankableColumns,
  renderSweepChart,
  runsColumns,
  summaryColumnSections,
  sweepCsv,
  sweepRunsCsv,
  type ComparedRun,
  type RankingMetric,
  type SweepChartRow,
  type SweepGroup,
  type SweepPoint,
} from "../report/index.js";
import { valueIndicesAt, valueText, type Diagnostic } from "../scenario/index.js";
import type { JournalRecord } from "./journal.js";
import type { CampaignPlan } from "./plan.js";
import { taskCount, taskIndex } from "./tasks.js";
import { walkGroups, type TaskGroup } from "./walk.js";

export interface CampaignTables {
  readonly files: Record<string, string>;
  /** Summary columns of runs.csv (after point and the parameters). */
  readonly columns: readonly string[];
  /** Where the best strategy changes, per ranking metric. */
  readonly crossovers: readonly string[];
}

/** The values of point p as written. */
export function pointOf(plan: CampaignPlan, p: number): SweepPoint {
  if (plan.sweep === null) return { point: p, values: [] };
  const idx = valueIndicesAt(plan.sweep, p);
  return { point: p, values: plan.sweep.parameters.map((param, i) => valueText(param.values[idx[i]])) };
}

/** Every group of the campaign with its stored runs; the task indices that have none are listed. */
export function gatherGroups(
  plan: CampaignPlan,
  stored: ReadonlyMap<string, JournalRecord["record"]>,
  /** With `--replications auto`: the replications each point reached (else every point has the plan's). */
  counts?: readonly number[],
): { ok: true; groups: SweepGroup[]; columns: string[]; missing: number[] } | { ok: false; errors: Diagnostic[] } {
  const groups: SweepGroup[] = [];
  const sections: string[][][] = [];
  const seenSections = new Set<string>();
  const missing: number[] = [];
  const visit = (g: TaskGroup): void => {
    const s = summaryColumnSections(g.world, buildLayout(g.world));
    const key = JSON.stringify(s);
    if (!seenSections.has(key)) {
      seenSections.add(key);
      sections.push(s);
    }
    const runs: ComparedRun[] = [];
    g.ids.forEach((id, i) => {
      const record = stored.get(id);
      if (record === undefined) missing.push(g.firstTask + i);
      else runs.push({ strategy: g.label, replication: g.replications[i], record });
    });
    groups.push({ point: pointOf(plan, g.point), strategy: g.label, runs });
  };
  for (const range of taskRanges(plan, counts)) {
    const walked = walkGroups(plan, range, visit);
    if (!walked.ok) return walked;
  }
  return { ok: true, groups, columns: runsColumns(sections), missing };
}

/** points.csv, runs.csv, sweep.csv and the chart of a complete campaign. */
export async function campaignTables(plan: CampaignPlan, groups: readonly SweepGroup[], columns: readonly string[], ranking: readonly RankingMetric[]): Promise<CampaignTables> {
  const names = plan.sweep?.parameters.map((p) => p.name) ?? [];
  const points = Array.from({ length: plan.shape.points }, (_, p) => pointOf(plan, p));
  const files: Record<string, string> = {
    "points.csv": pointsCsv(names, points),
    "runs.csv": sweepRunsCsv(names, columns, groups),
    "sweep.csv": sweepCsv(names, rankableColumns(columns), groups),
  };

  // The first parameter runs along x; every combination of the others is a panel.
  const xName = names[0] ?? "point";
  const panelOf = (p: SweepPoint): string => names.slice(1).map((n, i) => `${n}=${p.values[i + 1]}`).join(", ");
  const xOf = (p: SweepPoint): string => (names.length === 0 ? String(p.point) : p.values[0]);
  const panels: string[] = [];
  const xs = new Map<string, string[]>();
  for (const p of points) {
    const panel = panelOf(p);
    if (!xs.has(panel)) {
      panels.push(panel);
      xs.set(panel, []);
    }
    const list = xs.get(panel) ?? [];
    if (!list.includes(xOf(p))) list.push(xOf(p));
  }
  const means = new Map<string, number | null>();
  const rows: SweepChartRow[] = [];
  for (const g of groups) {
    for (const m of ranking) {
      const s = metricSummary(g.runs, m.column);
      const panel = panelOf(g.point);
      means.set(`${m.column}\u0000${panel}\u0000${xOf(g.point)}\u0000${g.strategy}`, s.mean);
      rows.push({ metric: m.column, x: xOf(g.point), panel, strategy: g.strategy, mean: s.mean, low: s.ci95Low, high: s.ci95High });
    }
  }
  const firstValues = plan.sweep === null ? ["0"] : plan.sweep.parameters[0].values.map(valueText);
  const chart = await renderSweepChart({
    title: plan.name,
    xName,
    xValues: firstValues,
    panels,
    strategies: plan.strategies.map(labelOf),
    metrics: ranking.map((m) => m.column),
    rows: rows.map((r) => ({ ...r, strategy: labelOf(r.strategy) })),
  });
  files["sweep-chart.svg"] = chart.svg;
  files["sweep-chart.html"] = chart.html;

  const crossovers = crossoverLines({
    xName,
    panels: panels.map((label) => ({ label, xs: xs.get(label) ?? [] })),
    strategies: plan.strategies.map(labelOf),
    metrics: ranking,
    mean: (metric, panel, x, s) => means.get(`${metric}\u0000${panels[panel]}\u0000${xs.get(panels[panel])?.[x] ?? ""}\u0000${plan.strategies[s]}`) ?? null,
  });
  return { files, columns, crossovers };
}

function labelOf(strategy: string): string {
  return strategy === "" ? "base" : strategy;
}


/** The task ranges of a campaign: all of them, or with per-point counts, replications 0 … counts[p]−1 of each strategy. */
export function taskRanges(plan: CampaignPlan, counts?: readonly number[]): { from: number; to: number }[] {
  if (counts === undefined) return [{ from: 0, to: taskCount(plan.shape) }];
  return counts.flatMap((n, point) => pointRanges(plan, point, 0, n));
}

/** The tasks of replications [from, to) of every strategy at one point, a range per strategy. */
export function pointRanges(plan: CampaignPlan, point: number, from: number, to: number): { from: number; to: number }[] {
  return plan.strategies.map((_, strategy) => {
    const first = taskIndex(plan.shape, { point, strategy, replication: 0 });
    return { from: first + from, to: first + to };
  });
}
