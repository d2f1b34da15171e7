// The comparison chart's content (docs/compare.md "The comparison chart"), on a hand-made
// runs.csv with issue 8's risk columns (test/fixtures/compare/risk-metrics-runs.csv): three
// strategies × 3 replications, `copy` equal to `as-is` row for row, `single-host` without kms2,
// worse on the Office lapses and with one bad replication (r2).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { comparedRunsFromCsv } from "../../src/report/comparison-chart.js";
import { comparisonPanels, shortNumber, type Panel } from "../../src/report/comparison-panels.js";
import { defaultRankingMetrics } from "../../src/report/ranking.js";

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "compare", "risk-metrics-runs.csv");
const { runs, columns } = comparedRunsFromCsv(readFileSync(FIXTURE, "utf8"));
const METRICS = defaultRankingMetrics(columns);
/** t(0.975, 2), the Student t quantile of a 3-replication interval (tables: 4.302653). */
const T2 = 4.302653;

function panelOf(panels: readonly Panel[], column: string): Panel {
  const p = panels.find((x) => x.column === column);
  if (p === undefined) throw new Error(`no panel for ${column}`);
  return p;
}

describe("the default ranking metrics (issue 8 item 2), filtered to runs.csv's columns", () => {
  it("with Office, the Office columns follow their Windows counterparts; min_validity_left_h is the one where higher is better", () => {
    expect(METRICS).toEqual([
      { column: "clients_lapsed", higherIsBetter: false },
      { column: "office_clients_lapsed", higherIsBetter: false },
      { column: "notification_client_days", higherIsBetter: false },
      { column: "office_notification_client_days", higherIsBetter: false },
      { column: "oot_client_days", higherIsBetter: false },
      { column: "min_validity_left_h", higherIsBetter: true },
      { column: "client_hours_unreachable", higherIsBetter: false },
      { column: "failed_attempts", higherIsBetter: false },
    ]);
  });

  it("columns runs.csv lacks are left out (today's summary: no Office, no risk columns)", () => {
    expect(defaultRankingMetrics(["clients", "notification_client_days", "oot_client_days", "clients_lapsed"]).map((m) => m.column)).toEqual([
      "clients_lapsed",
      "notification_client_days",
      "oot_client_days",
    ]);
  });
});

describe("comparisonPanels: strategies and their ranks", () => {
  it("strategies in the ranking's order (single-host's Office lapses, mean 2/3 against 0, put it last); equal on every ranking metric ⇒ the same rank, marked `=`, file order", () => {
    const p = comparisonPanels(runs, { columns, rankingMetrics: METRICS });
    expect(p.strategies.map((s) => s.label)).toEqual(["=1 · as-is", "=1 · copy", "3 · single-host"]);
  });

  it("another ranking gives another order: min_validity_left_h with lower is better (means 4010, 4010, 3933.3) puts single-host first, then the tied pair sharing rank 2", () => {
    const p = comparisonPanels(runs, { columns, rankingMetrics: [{ column: "min_validity_left_h", higherIsBetter: false }] });
    expect(p.strategies.map((s) => s.label)).toEqual(["1 · single-host", "=2 · as-is", "=2 · copy"]);
    for (const panel of [...p.ranking, ...p.others]) expect(panel.rows.map((r) => r.strategy)).toEqual(["single-host", "as-is", "copy"]);
  });

  it("without ranking metrics nothing separates the strategies: all share rank 1, in file order (runs.csv: as-is, single-host, copy)", () => {
    const p = comparisonPanels(runs, { columns, rankingMetrics: [] });
    expect(p.strategies.map((s) => s.rank)).toEqual(["=1", "=1", "=1"]);
    expect(p.strategies.map((s) => s.strategy)).toEqual(["as-is", "single-host", "copy"]);
  });
});

describe("comparisonPanels: which panels", () => {
  const p = comparisonPanels(runs, { columns, rankingMetrics: METRICS });

  it("a panel per ranking metric, in ranking order, even when it is all 0", () => {
    expect(p.ranking.map((x) => x.column)).toEqual(METRICS.map((m) => m.column));
    expect(p.ranking.map((x) => x.rankingPosition)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("other panels: exactly the numeric columns whose means differ between strategies, in runs.csv order", () => {
    // Derived from the fixture: clients, *_end but office_licensed_end, the percentiles, kms1's
    // downtime and max counts are equal everywhere; kms2 exists only in as-is and copy, which are
    // equal; the identity columns (scenario, strategy, replication, seed) are never candidates.
    expect(p.others.map((x) => x.column)).toEqual([
      "requests",
      "failed_0xC004F038",
      "failed_0xC004F074",
      "kms1_low_count_h",
      "kms1_requests",
      "office_licensed_end",
      "rejected_0xC004F041",
      "kms1_rejected",
      "office_min_validity_left_h",
      "office_client_hours_unreachable",
      "kms1_office_low_count_h",
    ]);
    expect(p.omitted).toEqual([]);
  });

  it("a ranking panel whose every value is 0 says so instead of plotting; the others plot", () => {
    for (const column of ["clients_lapsed", "notification_client_days", "oot_client_days"]) {
      expect(panelOf(p.ranking, column).note).toBe("all 0: every strategy, every replication");
    }
    for (const column of ["office_clients_lapsed", "min_validity_left_h", "failed_attempts"]) expect(panelOf(p.ranking, column).note).toBeNull();
  });

  it("beyond maxOtherPanels, the rest are listed as omitted, in order", () => {
    const q = comparisonPanels(runs, { columns, rankingMetrics: METRICS, maxOtherPanels: 3 });
    expect(q.others.map((x) => x.column)).toEqual(["requests", "failed_0xC004F038", "failed_0xC004F074"]);
    expect(q.omitted).toHaveLength(8);
    expect(q.omitted[0]).toBe("kms1_low_count_h");
  });

  it("a comparison of one strategy shows the metrics that vary between its replications", () => {
    const one = runs.filter((r) => r.strategy === "as-is");
    const q = comparisonPanels(one, { columns, rankingMetrics: METRICS });
    // as-is varies in requests, failed_0xC004F038, kms1/kms2 downtime, low counts and requests, Office low counts.
    expect(q.others.map((x) => x.column)).toEqual([
      "requests",
      "failed_0xC004F038",
      "kms1_downtime_h",
      "kms1_low_count_h",
      "kms1_requests",
      "kms2_downtime_h",
      "kms2_low_count_h",
      "kms2_requests",
      "kms1_office_low_count_h",
      "kms2_office_low_count_h",
    ]);
    expect(q.replications).toBe(3);
  });

  it("a note also when no run has a value", () => {
    const empty = runs.map((r) => ({ ...r, record: { ...r.record, min_validity_left_h: "" } }));
    const q = comparisonPanels(empty, { columns, rankingMetrics: METRICS });
    expect(panelOf(q.ranking, "min_validity_left_h").note).toBe("no value in any run");
  });
});

describe("comparisonPanels: intervals clipped to what the metric can take", () => {
  const p = comparisonPanels(runs, { columns, rankingMetrics: METRICS });
  const row = (panel: Panel, strategy: string) => {
    const r = panel.rows.find((x) => x.strategy === strategy);
    if (r === undefined) throw new Error(strategy);
    return r;
  };

  it("failed_0xC004F074 of single-host (0, 0, 300): mean 100, sd 173.205, 100 ± 4.302653 × 100 ⇒ [−330.3, 530.3], shown as [0, 530.3]", () => {
    const r = row(panelOf(p.others, "failed_0xC004F074"), "single-host");
    expect(r.mean).toBe(100);
    expect(r.low).toBe(0);
    expect(r.high).toBeCloseTo(100 + T2 * 100, 4);
    expect(r.text).toBe("100  [0, 530]");
  });

  it("office_clients_lapsed of single-host (0, 0, 2 of 2 installs): 2/3 ± 2.868 ⇒ clipped to [0, 2], no more than office_clients", () => {
    const r = row(panelOf(p.ranking, "office_clients_lapsed"), "single-host");
    expect(r.mean).toBeCloseTo(2 / 3, 12);
    expect(r.low).toBe(0);
    expect(r.high).toBe(2);
    expect(r.text).toBe("0.67  [0, 2]");
  });

  it("no interval anywhere goes below 0", () => {
    for (const panel of [...p.ranking, ...p.others]) {
      expect(panel.min, panel.column).toBe(0);
      for (const r of panel.rows) if (r.low !== null) expect(r.low, `${panel.column} ${r.strategy}`).toBeGreaterThanOrEqual(0);
    }
  });

  it("an interval that is a single point shows the mean alone; an unclipped one both ends (as-is failed_attempts 10, 12, 14: 12 ± 4.97)", () => {
    expect(row(panelOf(p.others, "failed_0xC004F074"), "as-is").text).toBe("0");
    expect(row(panelOf(p.ranking, "failed_attempts"), "as-is").text).toBe("12  [7.03, 17]");
  });

  it("a strategy without the column has no value", () => {
    const q = comparisonPanels(runs, { columns, rankingMetrics: [{ column: "kms2_requests", higherIsBetter: false }] });
    const r = row(panelOf(q.ranking, "kms2_requests"), "single-host");
    expect([r.mean, r.low, r.high, r.n, r.text]).toEqual([null, null, null, 0, "no value"]);
  });
});

describe("shortNumber: figures for people", () => {
  it.each([
    [0, "0"],
    [0.666667, "0.67"],
    [26.87, "26.9"],
    [475.8, "476"],
    [5912.4, "5,912"],
    [1234567, "1,234,567"],
    [-1500, "-1,500"],
  ])("%s ⇒ %s", (x, s) => {
    expect(shortNumber(x)).toBe(s);
  });
});
