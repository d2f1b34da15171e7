// `kmsim compare` end to end (FORMAT.md Commands, "Comparison folder", "CSV conventions"): the
// folder's files, byte-identical CSVs whatever the number of worker threads, runs.csv's row order
// and host-column union, the ranking on stdout, a file without strategies, --strategies subsets,
// and the exit-2 cases (unknown strategy, bad --replications / --workers) that leave no folder.
// Worker threads load the compiled dist/cli/compare-worker.js: run `npm run build` after src changes.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, type CliResult } from "../cli/helpers.js";

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "compare");
const THREE = join(FIXTURES, "three-strategies.yaml");
const BASE_ONLY = join(FIXTURES, "base-only.yaml");
/** three-strategies.yaml's strategies in file order. */
const THREE_STRATEGIES = ["kms-b-only", "both-hosts", "no-caching"];
const COMPARISON_FILES = ["comparison-chart.html", "comparison-chart.svg", "comparison.csv", "manifest.json", "runs.csv"];

let root = "";
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "kmsim-compare-"));
});
afterAll(() => {
  if (root !== "") rmSync(root, { recursive: true, force: true });
});

function read(folder: string, file: string): string {
  return readFileSync(join(folder, file), "utf8");
}

/** A CSV of kmsim (no quoted fields in these fixtures) as header + rows of records. */
function parseCsv(csv: string): { header: string[]; rows: Record<string, string>[] } {
  expect(csv.endsWith("\n")).toBe(true);
  expect(csv).not.toContain('"');
  const [head, ...body] = csv.slice(0, -1).split("\n");
  const header = head.split(",");
  const rows = body.map((line) => {
    const cells = line.split(",");
    expect(cells).toHaveLength(header.length);
    return Object.fromEntries(header.map((h, i) => [h, cells[i]]));
  });
  return { header, rows };
}

async function compareInto(name: string, file: string, flags: readonly string[]): Promise<{ folder: string; result: CliResult }> {
  const folder = join(root, name);
  const result = await runCli(["compare", file, "--out", folder, ...flags]);
  if (result.code !== 0) throw new Error(`kmsim compare ${flags.join(" ")} exited ${result.code}:\n${result.stderr}`);
  return { folder, result };
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

describe("kmsim compare: worker threads do not change the bytes (FORMAT.md CSV conventions: same input and seed ⇒ byte-identical CSVs)", () => {
  let one: { folder: string; result: CliResult };
  let two: { folder: string; result: CliResult };
  beforeAll(async () => {
    one = await compareInto("workers-1", THREE, ["--workers", "1", "--timelines"]);
    two = await compareInto("workers-2", THREE, ["--workers", "2", "--timelines"]);
  }, 30_000);

  it.each(["runs.csv", "comparison.csv"])("--workers 1 and --workers 2 write a byte-identical %s", (file) => {
    expect(read(two.folder, file)).toBe(read(one.folder, file));
  });

  it("--workers 1 and --workers 2 write byte-identical charts and --timelines timelines", () => {
    const files = readdirSync(one.folder).filter((f) => f !== "manifest.json").sort();
    expect(readdirSync(two.folder).filter((f) => f !== "manifest.json").sort()).toEqual(files);
    for (const f of files) expect(read(two.folder, f), f).toBe(read(one.folder, f));
  });

  it("the comparison folder holds runs.csv, comparison.csv, the chart (SVG, HTML), manifest.json and, with --timelines, timeline-<strategy>-r<r>.csv per run", () => {
    const timelines = THREE_STRATEGIES.flatMap((s) => [0, 1, 2, 3].map((r) => `timeline-${s}-r${r}.csv`));
    expect(readdirSync(one.folder).sort()).toEqual([...COMPARISON_FILES, ...timelines].sort());
    for (const t of timelines) expect(read(one.folder, t).startsWith("minute,time,oob_grace,licensed,oot_grace,notification,")).toBe(true);
  });

  it("runs.csv has every strategy × replication: strategies in file order, replications ascending, seed = the scenario's", () => {
    const { rows } = parseCsv(read(one.folder, "runs.csv"));
    expect(rows.map((r) => `${r.strategy}/${r.replication}`)).toEqual(THREE_STRATEGIES.flatMap((s) => [0, 1, 2, 3].map((r) => `${s}/${r}`)));
    expect(new Set(rows.map((r) => r.seed))).toEqual(new Set(["11"]));
    expect(new Set(rows.map((r) => r.scenario))).toEqual(new Set(["compare-three"]));
  });

  it("runs.csv's host columns are the union in order of first appearance (kms-b from the first strategy, then kms-a), empty where a strategy lacks the host", () => {
    const { header, rows } = parseCsv(read(one.folder, "runs.csv"));
    const hostColumns = header.slice(header.indexOf("failed_0xC004F074") + 1, header.indexOf("failed_attempts"));
    expect(hostColumns).toEqual([
      "kms-b_downtime_h",
      "kms-b_low_count_h",
      "kms-b_requests",
      "kms-b_max_count",
      "kms-a_downtime_h",
      "kms-a_low_count_h",
      "kms-a_requests",
      "kms-a_max_count",
    ]);
    // The risk section follows, with its own per-host union (FORMAT.md summary.csv).
    expect(header.slice(header.indexOf("failed_attempts"))).toEqual([
      "failed_attempts",
      "min_validity_left_h",
      "client_hours_unreachable",
      "rejected_0xC004F041",
      "rejected_0xC004F042",
      "kms-b_rejected",
      "kms-a_rejected",
    ]);
    for (const row of rows) {
      const kmsA = ["kms-a_downtime_h", "kms-a_low_count_h", "kms-a_requests", "kms-a_max_count"].map((c) => row[c]);
      if (row.strategy === "kms-b-only") expect(kmsA).toEqual(["", "", "", ""]);
      else for (const v of kmsA) expect(v).toMatch(/^\d+(\.\d{1,6})?$/);
      expect(row["kms-b_requests"]).toMatch(/^\d+$/);
    }
  });

  it("runs.csv starts with the summary.csv columns (FORMAT.md Run folder) and has no Office columns without Office", () => {
    const { header } = parseCsv(read(one.folder, "runs.csv"));
    expect(header.slice(0, header.indexOf("failed_0xC004F074") + 1)).toEqual([
      "scenario", "strategy", "replication", "seed", "clients", "licensed_end", "oob_grace_end", "oot_grace_end",
      "notification_end", "notification_client_days", "oot_client_days", "clients_lapsed", "never_activated",
      "first_activation_p50_h", "first_activation_p95_h", "requests", "failed_0xC004F038", "failed_0xC004F041",
      "failed_0xC004F042", "failed_0xC004F074",
    ]);
    expect(header.some((c) => c.startsWith("office_"))).toBe(false);
  });

  it("comparison.csv: per strategy (file order) one row per summary column from `clients` on, in runs.csv order, with the statistics of runs.csv", () => {
    const runs = parseCsv(read(one.folder, "runs.csv"));
    const { header, rows } = parseCsv(read(one.folder, "comparison.csv"));
    expect(header).toEqual(["strategy", "metric", "mean", "sd", "ci95_low", "ci95_high", "min", "max", "n"]);
    const metricOrder = runs.header.slice(runs.header.indexOf("clients"));
    const strategiesSeen = [...new Set(rows.map((r) => r.strategy))];
    expect(strategiesSeen).toEqual(THREE_STRATEGIES);
    for (const strategy of THREE_STRATEGIES) {
      const own = rows.filter((r) => r.strategy === strategy);
      const metrics = own.map((r) => r.metric);
      // in summary order: a subsequence of runs.csv's columns from `clients` on …
      expect(metrics).toEqual(metricOrder.filter((m) => metrics.includes(m)));
      const ownRuns = runs.rows.filter((r) => r.strategy === strategy);
      // … holding every column this strategy has a value for
      for (const m of metricOrder) if (ownRuns.some((r) => r[m] !== "")) expect(metrics).toContain(m);
      for (const row of own) {
        const values = ownRuns.map((r) => r[row.metric]).filter((v) => v !== "").map(Number);
        expect(row.n, `${strategy} ${row.metric}`).toBe(String(values.length));
        if (values.length === 0) continue;
        expect(Number(row.mean)).toBeCloseTo(mean(values), 5);
        expect(Number(row.min)).toBe(Math.min(...values));
        expect(Number(row.max)).toBe(Math.max(...values));
        const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean(values)) ** 2, 0) / (values.length - 1));
        expect(Number(row.sd)).toBeCloseTo(sd, 5);
        // t(0.975, 3) = 3.18244630528 for the 4 replications (enough digits for sd in the hundreds)
        expect(Number(row.ci95_high) - Number(row.mean)).toBeCloseTo((3.18244630528 * sd) / 2, 4);
        expect(Number(row.mean) - Number(row.ci95_low)).toBeCloseTo((3.18244630528 * sd) / 2, 4);
      }
    }
  });

  it("no CSV value is in exponent notation or has more than 6 decimals", () => {
    for (const file of ["runs.csv", "comparison.csv"]) {
      for (const row of parseCsv(read(one.folder, file)).rows) {
        for (const [column, v] of Object.entries(row)) {
          if (column === "scenario" || column === "strategy" || column === "metric") continue;
          expect(v, `${file} ${column}`).toMatch(/^(-?\d+(\.\d{0,5}[1-9])?)?$/);
        }
      }
    }
  });

  /** The default ranking (FORMAT.md), recomputed here from runs.csv: means per metric, equal at 6 decimals. */
  const RANKING: [string, 1 | -1][] = [
    ["clients_lapsed", 1],
    ["notification_client_days", 1],
    ["oot_client_days", 1],
    ["min_validity_left_h", -1],
    ["client_hours_unreachable", 1],
    ["failed_attempts", 1],
  ];
  function means(rows: Record<string, string>[], s: string): number[] {
    const own = rows.filter((r) => r.strategy === s);
    return RANKING.map(([c]) => Math.round(mean(own.map((r) => Number(r[c]))) * 1e6) / 1e6);
  }

  it("the terminal table ranks the strategies lexicographically by the default ranking metrics' means, ties in file order", () => {
    const { rows } = parseCsv(read(one.folder, "runs.csv"));
    const expected = [...THREE_STRATEGIES].sort((a, b) => {
      const ma = means(rows, a);
      const mb = means(rows, b);
      for (let i = 0; i < RANKING.length; i++) if (ma[i] !== mb[i]) return (ma[i] - mb[i]) * RANKING[i][1];
      return 0;
    });
    const lines = one.result.stdout.split("\n");
    const ranked = expected.map((s) => lines.findIndex((l) => new RegExp(`^\\s*=?\\d+\\s+${s}\\s`).test(l)));
    for (const i of ranked) expect(i).toBeGreaterThanOrEqual(0);
    expect([...ranked].sort((a, b) => a - b)).toEqual(ranked); // printed in rank order
    expect(lines[ranked[0]]).toMatch(/^\s*=?1\s/);
  });

  it("each ranked line names the metric that separates it from the best, both means and the paired difference with its 95 % interval (§R3)", () => {
    const { rows } = parseCsv(read(one.folder, "runs.csv"));
    const lines = one.result.stdout.split("\n");
    const bestLine = lines.find((l) => /^\s*=?1\s/.test(l)) ?? "";
    const bestName = THREE_STRATEGIES.find((s) => new RegExp(`^\\s*=?1\\s+${s}\\s`).test(bestLine)) ?? "";
    const bestMeans = means(rows, bestName);
    for (const s of THREE_STRATEGIES.filter((x) => x !== bestName)) {
      const line = lines.find((l) => new RegExp(`^\\s*=?\\d+\\s+${s}\\s`).test(l)) ?? "";
      const mine = means(rows, s);
      const i = mine.findIndex((m, k) => m !== bestMeans[k]);
      if (i < 0) {
        expect(line, `${s} ties with the best`).toMatch(/tie/);
        continue;
      }
      const column = RANKING[i][0];
      expect(line, s).toContain(column);
      const best = rows.filter((r) => r.strategy === bestName).map((r) => Number(r[column]));
      const diffs = rows.filter((r) => r.strategy === s).map((r, k) => Number(r[column]) - best[k]);
      const d = mean(diffs);
      const sd = Math.sqrt(diffs.reduce((a, v) => a + (v - d) ** 2, 0) / 3);
      const half = (3.18244630528 * sd) / 2;
      const numbers = (line.replace(/^\s*=?\d+\s+\S+/, "").match(/[-+]?\d+(\.\d+)?/g) ?? []).map(Number);
      const shown = (x: number): boolean => numbers.some((n) => Math.abs(n - x) <= 0.0051 + 1e-6 * Math.abs(x));
      expect(shown(mean(rows.filter((r) => r.strategy === s).map((r) => Number(r[column])))), `${s}: mean in ${line}`).toBe(true);
      expect(shown(mean(best)), `${s}: best's mean in ${line}`).toBe(true);
      expect(shown(d), `${s}: paired difference ${d} in ${line}`).toBe(true);
      if (sd > 0) {
        expect(shown(d - half), `${s}: interval low ${d - half} in ${line}`).toBe(true);
        expect(shown(d + half), `${s}: interval high ${d + half} in ${line}`).toBe(true);
      }
      expect(line.includes("not significant"), line).toBe(d - half <= 0 && d + half >= 0);
    }
  });

  it("stdout names the folder; stderr has no error lines", () => {
    expect(one.result.stdout).toContain(one.folder);
    expect(one.result.stderr).not.toMatch(/error/i);
  });

  it("replication r of a strategy in runs.csv is what `kmsim run --strategy S --replication r` writes (FORMAT.md Commands)", async () => {
    const { rows } = parseCsv(read(one.folder, "runs.csv"));
    for (const [strategy, r] of [["kms-b-only", 1]] as const) {
      const out = join(root, `run-${strategy}-${r}`);
      const res = await runCli(["run", THREE, "--strategy", strategy, "--replication", String(r), "--out", out]);
      expect(res.code, res.stderr).toBe(0);
      const summary = parseCsv(read(out, "summary.csv"));
      expect(summary.rows).toHaveLength(1);
      const row = rows.find((x) => x.strategy === strategy && x.replication === String(r));
      for (const column of summary.header) expect(row?.[column], column).toBe(summary.rows[0][column]);
    }
  }, 20_000);
});

describe("kmsim compare: choosing strategies (FORMAT.md Commands)", () => {
  it("--strategies keeps the file's order whatever order the flag lists them in, and runs only those", async () => {
    const { folder, result } = await compareInto("subset", THREE, ["--strategies", "no-caching,kms-b-only", "--replications", "2", "--workers", "2"]);
    const { rows } = parseCsv(read(folder, "runs.csv"));
    expect(rows.map((r) => `${r.strategy}/${r.replication}`)).toEqual(["kms-b-only/0", "kms-b-only/1", "no-caching/0", "no-caching/1"]);
    expect([...new Set(parseCsv(read(folder, "comparison.csv")).rows.map((r) => r.strategy))]).toEqual(["kms-b-only", "no-caching"]);
    expect(result.stdout).not.toMatch(/both-hosts/);
    // --replications overrides the file's 4; comparison.csv's n follows it
    expect(new Set(parseCsv(read(folder, "comparison.csv")).rows.filter((r) => r.metric === "clients").map((r) => r.n))).toEqual(new Set(["2"]));
  }, 20_000);

  it("the same strategy and replication give the same runs.csv row in a subset as in the full comparison (§R3: streams from (seed, r))", async () => {
    const full = parseCsv(read(join(root, "workers-1"), "runs.csv"));
    const subset = parseCsv(read(join(root, "subset"), "runs.csv"));
    for (const row of subset.rows) {
      const same = full.rows.find((r) => r.strategy === row.strategy && r.replication === row.replication);
      for (const column of subset.header) expect(row[column], `${row.strategy}/${row.replication} ${column}`).toBe(same?.[column]);
    }
  });

  it("a file without strategies compares the base alone: empty strategy column, one set of comparison rows, one ranked line, timeline-base-r<r>.csv", async () => {
    const { folder, result } = await compareInto("base-only", BASE_ONLY, ["--timelines", "--workers", "2"]);
    const runs = parseCsv(read(folder, "runs.csv"));
    expect(runs.rows.map((r) => [r.strategy, r.replication])).toEqual([["", "0"], ["", "1"]]);
    const comparison = parseCsv(read(folder, "comparison.csv"));
    expect(new Set(comparison.rows.map((r) => r.strategy))).toEqual(new Set([""]));
    const metrics = comparison.rows.map((r) => r.metric);
    expect(new Set(metrics).size).toBe(metrics.length); // each metric once
    expect(metrics).toEqual(runs.header.slice(runs.header.indexOf("clients")));
    expect(readdirSync(folder).sort()).toEqual([...COMPARISON_FILES, "timeline-base-r0.csv", "timeline-base-r1.csv"].sort());
    const rankedLines = result.stdout.split("\n").filter((l) => /^\s*\d+\s+\S/.test(l));
    expect(rankedLines).toHaveLength(1);
    expect(rankedLines[0]).toMatch(/^\s*1\s/);
  }, 20_000);
});

describe("kmsim compare: bad input exits 2 and writes nothing (FORMAT.md Commands: exit codes)", () => {
  it("an unknown strategy in --strategies: exit 2, one line on stderr naming it and listing the known ones, no folder", async () => {
    const folder = join(root, "unknown-strategy");
    const r = await runCli(["compare", THREE, "--strategies", "both-hosts,no-such", "--out", folder]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0].startsWith(`${THREE}: `)).toBe(true);
    expect(lines[0]).toContain("no-such");
    for (const s of THREE_STRATEGIES) expect(lines[0]).toContain(s);
    expect(r.stdout).toBe("");
    expect(existsSync(folder)).toBe(false);
  });

  it("--strategies on a file without strategies: exit 2, no folder", async () => {
    const folder = join(root, "base-unknown-strategy");
    const r = await runCli(["compare", BASE_ONLY, "--strategies", "as-is", "--out", folder]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("as-is");
    expect(existsSync(folder)).toBe(false);
  });

  it.each([
    ["--replications", "0"],
    ["--replications", "two"],
    ["--replications", "1.5"],
    ["--replications", "-3"],
    ["--workers", "0"],
    ["--workers", "many"],
    ["--workers", "2.5"],
    ["--workers", "-1"],
  ])("%s=%s: exit 2, one error line naming the flag, no stack trace, no folder", async (flag, value) => {
    const folder = join(root, `bad${flag}-${value}`);
    const r = await runCli(["compare", THREE, `${flag}=${value}`, "--out", folder]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(flag.slice(2));
    expect(r.stderr).not.toMatch(/^\s+at\s/m);
    expect(existsSync(folder)).toBe(false);
  });

  it("a missing scenario file: exit 2, no folder", async () => {
    const folder = join(root, "missing-file");
    const r = await runCli(["compare", join(FIXTURES, "no-such-file.yaml"), "--out", folder]);
    expect(r.code).toBe(2);
    expect(existsSync(folder)).toBe(false);
  });
});

describe("kmsim report on a comparison folder (FORMAT.md Commands: report)", () => {
  it("redraws comparison-chart.svg and .html from runs.csv, byte-identical to the ones compare drew", async () => {
    const out = join(root, "report-redraw");
    expect((await runCli(["compare", BASE_ONLY, "--replications", "3", "--out", out])).code).toBe(0);
    const svg = readFileSync(join(out, "comparison-chart.svg"), "utf8");
    const html = readFileSync(join(out, "comparison-chart.html"), "utf8");
    rmSync(join(out, "comparison-chart.svg"));
    rmSync(join(out, "comparison-chart.html"));
    const result = await runCli(["report", out]);
    expect(result.code).toBe(0);
    expect(readFileSync(join(out, "comparison-chart.svg"), "utf8")).toBe(svg);
    expect(readFileSync(join(out, "comparison-chart.html"), "utf8")).toBe(html);
  });
});
