// The comparison chart's Vega-Lite spec and its rendering (FORMAT.md "Comparison folder";
// docs/compare.md "The comparison chart"): tests assert the spec, not pixels. The data is the
// hand-made test/fixtures/compare/risk-metrics-runs.csv (see comparison-panels.test.ts).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import {
  COMPARISON_CHART_HTML,
  COMPARISON_CHART_SVG,
  comparedRunsFromCsv,
  comparisonChartSpec,
  redrawComparisonFolder,
  renderComparisonChartFromCsv,
  type ComparisonChartOptions,
} from "../../src/report/comparison-chart.js";
import { MAX_OTHER_PANELS } from "../../src/report/comparison-panels.js";
import { defaultRankingMetrics } from "../../src/report/ranking.js";

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "compare", "risk-metrics-runs.csv");
const CSV = readFileSync(FIXTURE, "utf8");

/** The parts of the spec the tests read (the spec is plain JSON). */
interface Encoding {
  field?: string;
  value?: number;
  scale?: { domain?: string[]; domainMin?: number; zero?: boolean };
}
interface Layer {
  data?: { values: Record<string, unknown>[] };
  mark: { type: string };
  encoding: Record<string, Encoding>;
}
interface PanelSpec {
  title: { text: string; subtitle: string };
  data?: { values: Record<string, unknown>[] };
  encoding?: Record<string, Encoding>;
  layer: Layer[];
}
interface SectionSpec {
  title: { text: string; subtitle: string[] };
  concat: PanelSpec[];
}
interface ChartSpec {
  title: { text: string; subtitle: string[] };
  vconcat: SectionSpec[];
}

function spec(csv: string, overrides: Partial<ComparisonChartOptions> = {}): ChartSpec {
  const { runs, columns, scenario } = comparedRunsFromCsv(csv);
  const options: ComparisonChartOptions = {
    title: scenario,
    columns,
    rankingMetrics: defaultRankingMetrics(columns),
    ...overrides,
  };
  return JSON.parse(JSON.stringify(comparisonChartSpec(runs, options))) as ChartSpec;
}

const panels = (s: ChartSpec): PanelSpec[] => s.vconcat.flatMap((section) => section.concat);
const titled = (s: ChartSpec, title: string): PanelSpec | undefined => panels(s).find((p) => p.title.text === title);
const marks = (p: PanelSpec): string[] => p.layer.map((l) => l.mark.type);
const plots = (s: ChartSpec): PanelSpec[] => panels(s).filter((p) => marks(p).includes("point"));

/** The y domain of a panel: the strategies' labels top to bottom. */
function yDomain(p: PanelSpec): string[] | undefined {
  return p.encoding?.y?.scale?.domain ?? p.layer[0]?.encoding.y?.scale?.domain;
}

describe("comparisonChartSpec: strategies in rank order", () => {
  it("every panel lists the strategies in the given rank order, with their ranks (ties as =1)", () => {
    const s = spec(CSV);
    for (const p of panels(s)) expect(yDomain(p), p.title.text).toEqual(["=1 · as-is", "=1 · copy", "3 · single-host"]);
  });

  it("another ranking is drawn in its order", () => {
    const s = spec(CSV, { rankingMetrics: [{ column: "min_validity_left_h", higherIsBetter: false }] });
    for (const p of panels(s)) expect(yDomain(p), p.title.text).toEqual(["1 · single-host", "=2 · as-is", "=2 · copy"]);
  });

  it("the ranking panels come first, in ranking order, each saying its place and direction", () => {
    const s = spec(CSV);
    expect(s.vconcat[0].title.text).toBe("Ranking metrics, in ranking order");
    expect(s.vconcat[0].concat.map((p) => p.title.text)).toEqual([
      "clients lapsed (validity ran out)",
      "Office installs lapsed (validity ran out)",
      "client-days in notification",
      "Office install-days in notification",
      "client-days in out-of-tolerance grace",
      "lowest validity left at a renewal (hours)",
      "client-hours with no host reachable",
      "failed attempts per run",
    ]);
    expect(s.vconcat[0].concat[5].title.subtitle).toBe("ranking metric 6 · higher is better · min_validity_left_h");
    expect(s.vconcat[0].concat[7].title.subtitle).toBe("ranking metric 8 · lower is better · failed_attempts");
  });
});

describe("comparisonChartSpec: panels", () => {
  const s = spec(CSV);

  it("a ranking panel whose values are all 0 says so in text and plots nothing", () => {
    const p = titled(s, "clients lapsed (validity ran out)");
    expect(p).toBeDefined();
    if (p === undefined) return;
    expect(marks(p)).not.toContain("point");
    expect(marks(p)).not.toContain("rule");
    const notes = p.layer.flatMap((l) => l.data?.values ?? []).map((v) => v.note);
    expect(notes).toContain("all 0: every strategy, every replication");
  });

  it("a panel for a non-ranking metric that differs between strategies, titled in words with its unit", () => {
    expect(titled(s, "hours with kms1 below 25")).toBeDefined();
    expect(titled(s, "failed attempts per run: no host reachable (0xC004F074)")).toBeDefined();
    expect(titled(s, "hours with kms1's Office count below 5")).toBeDefined();
  });

  it("no panel for a non-ranking metric that is the same everywhere (clients, first activation, kms1's downtime), nor for identity columns", () => {
    const titles = panels(s).map((p) => p.title.text);
    for (const t of ["licensing clients (Windows)", "hours to first activation, median", "hours kms1 was down", "highest count on kms1"]) {
      expect(titles).not.toContain(t);
    }
    const subtitles = panels(s).map((p) => p.title.subtitle);
    for (const c of ["scenario", "strategy", "replication", "seed", "clients"]) expect(subtitles).not.toContain(c);
  });

  it("count, hours and days axes never go below 0: zero-based domains and intervals clipped at 0", () => {
    expect(plots(s).length).toBeGreaterThan(10);
    for (const p of plots(s)) {
      for (const l of p.layer) {
        const x = l.encoding.x;
        if (x?.field !== undefined) {
          expect(x.scale?.domainMin, p.title.text).toBe(0);
          expect(x.scale?.zero, p.title.text).toBe(true);
        }
      }
      for (const row of p.data?.values ?? []) {
        if (typeof row.low === "number") expect(row.low, p.title.text).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it("beyond MAX_OTHER_PANELS differing metrics, the others section names how many more differ", () => {
    const hosts = Array.from({ length: MAX_OTHER_PANELS + 5 }, (_, i) => `h${i}`);
    const header = ["scenario", "strategy", "replication", "seed", "clients", ...hosts.map((h) => `${h}_requests`)];
    const rows = ["a", "b"].flatMap((st, k) => [0, 1].map((r) => ["many", st, r, 1, 10, ...hosts.map((_, i) => i + k + r)].join(",")));
    const t = spec([header.join(","), ...rows, ""].join("\n"));
    const others = t.vconcat[t.vconcat.length - 1];
    expect(others.concat).toHaveLength(MAX_OTHER_PANELS);
    expect(others.title.subtitle[0]).toMatch(/^5 more differ and are not drawn \(h40_requests, h41_requests, h42_requests, h43_requests, …\): see comparison.csv\.$/);
  });
});

/** Strategy names and host ids that are JavaScript property names or look like numbers: valid ids (FORMAT.md), data to the chart. */
const SPECIAL_STRATEGIES = ["constructor", "toString", "valueOf", "hasOwnProperty", "__proto__", "123", "a-_b"];
const SPECIAL_HOSTS = ["constructor", "hasOwnProperty", "__proto__", "toString"];

function specialCsv(): string {
  const header = [
    "scenario",
    "strategy",
    "replication",
    "seed",
    "clients",
    "clients_lapsed",
    "notification_client_days",
    ...SPECIAL_HOSTS.flatMap((h) => [`${h}_low_count_h`, `${h}_requests`]),
  ];
  const rows = SPECIAL_STRATEGIES.flatMap((st, k) =>
    [0, 1].map((r) => ["special", st, r, 1, 30, k % 2, k * r, ...SPECIAL_HOSTS.flatMap((_, i) => [k + i, 10 * k + r])].join(",")),
  );
  return [header.join(","), ...rows, ""].join("\n");
}

describe("every valid name charts (issue 9 item 10)", () => {
  it("strategies and hosts named constructor, toString, valueOf, hasOwnProperty, __proto__, 123, a-_b render, each shown", async () => {
    const { svg } = await renderComparisonChartFromCsv(specialCsv());
    for (const name of SPECIAL_STRATEGIES) expect(svg).toContain(` · ${name}</text>`);
    for (const host of SPECIAL_HOSTS) expect(svg).toContain(`hours with ${host} below 25`);
  });

  it("1,000 hosts whose columns all differ render: the panels are capped, not one per host", async () => {
    const hosts = Array.from({ length: 1000 }, (_, i) => `kms-${i}`);
    const header = ["scenario", "strategy", "replication", "seed", "clients", "clients_lapsed", ...hosts.flatMap((h) => [`${h}_downtime_h`, `${h}_requests`])];
    const rows = ["a", "b"].flatMap((st, k) => [0, 1].map((r) => ["big", st, r, 1, 10, 0, ...hosts.flatMap((_, i) => [r, i + k + r])].join(",")));
    const { svg } = await renderComparisonChartFromCsv([header.join(","), ...rows, ""].join("\n"));
    expect(svg).toContain("requests sent to kms-0 per run");
    expect(svg).toContain(`${1000 - MAX_OTHER_PANELS} more differ and are not drawn`);
  });

  it("names are data only: no sort arrays, transforms or expressions in the spec", () => {
    const text = JSON.stringify(spec(specialCsv()));
    expect(text).not.toContain('"sort"');
    expect(text).not.toContain('"transform"');
    expect(text).not.toContain("Expr");
  });
});

describe("rendering: deterministic, whole in the HTML page, redrawn byte-identical", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it("the same runs.csv gives the same SVG and HTML", async () => {
    const a = await renderComparisonChartFromCsv(CSV);
    const b = await renderComparisonChartFromCsv(CSV);
    expect(b.svg).toBe(a.svg);
    expect(b.html).toBe(a.html);
  });

  it("the SVG scales to the page: a viewBox the size of the chart, and the page lets it shrink to the window's width", async () => {
    const { svg, html } = await renderComparisonChartFromCsv(CSV);
    const m = /^<svg [^>]*width="(\d+)" height="(\d+)" viewBox="0 0 (\d+) (\d+)"/.exec(svg);
    expect(m).not.toBeNull();
    expect([m?.[3], m?.[4]]).toEqual([m?.[1], m?.[2]]);
    expect(html).toContain("svg{max-width:100%;height:auto}");
    expect(html).toContain(svg.trimEnd());
  });

  it("a runs.csv without runs draws a chart that says there is nothing to compare", async () => {
    const { svg } = await renderComparisonChartFromCsv("scenario,strategy,replication,seed,clients\n");
    expect(svg).toContain("no metric to compare");
  });

  it("redrawComparisonFolder writes what renderComparisonChartFromCsv draws, with the ranking it is given", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kmsim-comparison-chart-"));
    dirs.push(dir);
    writeFileSync(join(dir, "runs.csv"), CSV);
    // failed_attempts alone, higher first: single-host (mean 100 against 12) comes first.
    const ranking = [{ column: "failed_attempts", higherIsBetter: true }];
    await redrawComparisonFolder(dir, ranking);
    const expected = await renderComparisonChartFromCsv(CSV, ranking);
    expect(readFileSync(join(dir, COMPARISON_CHART_SVG), "utf8")).toBe(expected.svg);
    expect(readFileSync(join(dir, COMPARISON_CHART_HTML), "utf8")).toBe(expected.html);
    expect(expected.svg).toContain("1 · single-host");
  });
});
