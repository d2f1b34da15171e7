// The comparison folder's tables and statistics (FORMAT.md "Comparison folder", "CSV conventions"):
// summarize (mean, sd with n − 1, t-based 95 % interval, min, max, n) against hand-computed values,
// comparison.csv rows, the runs.csv column union, and the ranking with paired differences (§R3).
//
// Hand computations used below:
// - values 1, 2, 3, 4: mean 2.5; sd = √(5/3) = 1.2909944…; t(0.975, 3 dof) = 3.1824463…;
//   half-width = 3.1824463 × 1.2909944 / √4 = 2.0542603…, so the interval is [0.4457397…, 4.5542603…].
// - values 1, 3: mean 2; sd = √2; t(0.975, 1 dof) = tan(0.475 π) = 12.7062047…; half-width =
//   12.7062047 × √2 / √2, so the interval is [-10.7062047…, 14.7062047…].
import { describe, expect, it } from "vitest";
import {
  comparisonCsv,
  metricSummary,
  runsColumns,
  runsCsv,
  unionColumns,
  type ComparedRun,
} from "../../src/report/comparison.js";
import { summarize } from "../../src/report/stats.js";

function runsOf(strategy: string, metric: string, values: readonly (number | string)[]): ComparedRun[] {
  return values.map((v, replication) => ({ strategy, replication, record: { [metric]: v } }));
}

/** Runs of one strategy with notification_client_days and clients_lapsed per replication. */
describe("summarize (FORMAT.md comparison.csv: mean, sd, t-based 95 % interval, min, max, n)", () => {
  it("values 1, 2, 3, 4 give mean 2.5, sd 1.290994 (n − 1) and the interval 2.5 ± 3.182446 × sd / 2", () => {
    const s = summarize([1, 2, 3, 4]);
    expect(s.n).toBe(4);
    expect(s.mean).toBe(2.5);
    expect(s.sd).toBeCloseTo(Math.sqrt(5 / 3), 12);
    expect(s.sd).toBeCloseTo(1.290994, 6);
    expect(s.ci95Low).toBeCloseTo(0.4457397, 6);
    expect(s.ci95High).toBeCloseTo(4.5542603, 6);
    expect(s.min).toBe(1);
    expect(s.max).toBe(4);
  });

  it("the interval uses Student's t with n − 1 degrees of freedom, not the normal 1.96 (values 1, 3: t(1) = 12.706205)", () => {
    const s = summarize([3, 1]);
    expect(s.mean).toBe(2);
    expect(s.sd).toBeCloseTo(Math.SQRT2, 12);
    expect(s.ci95Low).toBeCloseTo(-10.7062047, 6);
    expect(s.ci95High).toBeCloseTo(14.7062047, 6);
  });

  it("the interval is symmetric about the mean and shrinks as n grows for the same spread", () => {
    const four = summarize([1, 2, 3, 4]);
    const eight = summarize([1, 2, 3, 4, 1, 2, 3, 4]);
    expect((four.ci95Low ?? NaN) + (four.ci95High ?? NaN)).toBeCloseTo(2 * 2.5, 12);
    expect((eight.ci95High ?? NaN) - (eight.ci95Low ?? NaN)).toBeLessThan((four.ci95High ?? NaN) - (four.ci95Low ?? NaN));
  });

  it("n = 1: mean, min and max are the value; sd and the interval are empty (n < 2)", () => {
    expect(summarize([7.25])).toEqual({ mean: 7.25, sd: null, ci95Low: null, ci95High: null, min: 7.25, max: 7.25, n: 1 });
  });

  it("n = 0: everything empty, n = 0", () => {
    expect(summarize([])).toEqual({ mean: null, sd: null, ci95Low: null, ci95High: null, min: null, max: null, n: 0 });
  });

  it("equal values give sd 0 and a zero-width interval at that value", () => {
    expect(summarize([0.1, 0.1, 0.1])).toEqual({ mean: 0.1, sd: 0, ci95Low: 0.1, ci95High: 0.1, min: 0.1, max: 0.1, n: 3 });
  });
});

describe("comparison.csv (FORMAT.md Comparison folder, CSV conventions)", () => {
  it("has the header strategy,metric,mean,sd,ci95_low,ci95_high,min,max,n and rounds to 6 decimals", () => {
    const csv = comparisonCsv(["s"], ["x"], runsOf("s", "x", [1, 2, 3, 4]));
    expect(csv).toBe("strategy,metric,mean,sd,ci95_low,ci95_high,min,max,n\ns,x,2.5,1.290994,0.44574,4.55426,1,4,4\n");
  });

  it("with n = 1 sd and the interval are empty fields", () => {
    const csv = comparisonCsv(["s"], ["x"], runsOf("s", "x", [5]));
    expect(csv.split("\n")[1]).toBe("s,x,5,,,,5,5,1");
  });

  it("the interval is over the replications with a value: empty cells are not counted in n", () => {
    const csv = comparisonCsv(["s"], ["p50"], runsOf("s", "p50", [1, "", 3, ""]));
    expect(csv.split("\n")[1]).toBe("s,p50,2,1.414214,-10.706205,14.706205,1,3,2");
  });

  it("a metric no replication has a value for gives n = 0 and empty statistics", () => {
    const csv = comparisonCsv(["s"], ["p50"], runsOf("s", "p50", ["", ""]));
    expect(csv.split("\n")[1]).toBe("s,p50,,,,,,,0");
  });

  it("one row per strategy (in the given order) and metric (in the given order); each strategy uses only its own runs", () => {
    const runs: ComparedRun[] = [
      { strategy: "b", replication: 0, record: { clients: 10, requests: 4 } },
      { strategy: "a", replication: 0, record: { clients: 1, requests: 2 } },
      { strategy: "b", replication: 1, record: { clients: 20, requests: 6 } },
      { strategy: "a", replication: 1, record: { clients: 3, requests: 2 } },
    ];
    const rows = comparisonCsv(["b", "a"], ["clients", "requests"], runs).split("\n");
    expect(rows.slice(1, -1).map((r) => r.split(",").slice(0, 3).join(","))).toEqual([
      "b,clients,15",
      "b,requests,5",
      "a,clients,2",
      "a,requests,2",
    ]);
    expect(rows.at(-1)).toBe(""); // the last line ends with \n (CSV conventions)
  });

  it("the base alone (strategy \"\") gives rows with an empty strategy field", () => {
    const csv = comparisonCsv([""], ["x"], runsOf("", "x", [2, 2]));
    expect(csv.split("\n")[1]).toBe(",x,2,0,2,2,2,2,2");
  });

  it("values are never written in exponent notation", () => {
    const csv = comparisonCsv(["s"], ["x"], runsOf("s", "x", [1e-7, 3e-7, 1e21 + 0, 2]));
    expect(csv).not.toMatch(/e[+-]?\d/i);
  });

  it("metricSummary ignores runs without a numeric value for the metric", () => {
    const runs: ComparedRun[] = [...runsOf("s", "x", [1, 2, 3, 4]), { strategy: "s", replication: 4, record: { y: 9 } }];
    expect(metricSummary(runs, "x")).toEqual(summarize([1, 2, 3, 4]));
  });
});

describe("runs.csv columns (FORMAT.md Comparison folder: host columns are the union, in order of first appearance)", () => {
  const LEADING = ["scenario", "strategy", "replication", "clients"];
  const OFFICE = ["office_clients", "office_licensed_end"];

  it("unionColumns keeps the order of first appearance, strategies in the given order", () => {
    expect(unionColumns([["a", "k2_x", "k3_x"], ["a", "k1_x", "k2_x", "k4_x"]])).toEqual(["a", "k2_x", "k3_x", "k1_x", "k4_x"]);
  });

  it("runsColumns keeps each section's union in place (host columns before the Office ones, whoever has Office)", () => {
    const first = [LEADING, ["kms2_requests"], [], ["failed_attempts"], ["kms2_rejected"]];
    const second = [LEADING, ["kms1_requests", "kms2_requests"], OFFICE, ["failed_attempts"], ["kms1_rejected", "kms2_rejected"]];
    expect(runsColumns([first, second])).toEqual([
      ...LEADING,
      "kms2_requests",
      "kms1_requests",
      ...OFFICE,
      "failed_attempts",
      "kms2_rejected",
      "kms1_rejected",
    ]);
  });

  it("runsColumns adds no Office columns when no strategy has them", () => {
    expect(runsColumns([[LEADING, ["h_requests"], []]])).toEqual([...LEADING, "h_requests"]);
  });

  it("runsCsv leaves a field empty where a strategy lacks a host, and writes rows in the given order", () => {
    const columns = ["strategy", "replication", "kms2_requests", "kms1_requests"];
    const runs: ComparedRun[] = [
      { strategy: "one", replication: 0, record: { strategy: "one", replication: 0, kms2_requests: 5 } },
      { strategy: "two", replication: 0, record: { strategy: "two", replication: 0, kms2_requests: 1.5, kms1_requests: 7 } },
    ];
    expect(runsCsv(columns, runs)).toBe("strategy,replication,kms2_requests,kms1_requests\none,0,5,\ntwo,0,1.5,7\n");
  });

  it("runsCsv writes the base's empty strategy as an empty field and an empty percentile as an empty field", () => {
    const columns = ["strategy", "first_activation_p50_h"];
    const runs: ComparedRun[] = [{ strategy: "", replication: 0, record: { strategy: "", first_activation_p50_h: "" } }];
    expect(runsCsv(columns, runs)).toBe("strategy,first_activation_p50_h\n,\n");
  });
});
