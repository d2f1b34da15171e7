// --json on run and compare (FORMAT.md "JSON output"; issue 9 item 12e): stdout holds exactly one
// JSON document — the run's summary or the comparison's ranking — and nothing else; warnings stay on
// stderr; an empty value is null, numbers are those of the CSVs.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SCENARIOS, read, runCli, summaryRecord, useTempRoot } from "./helpers.js";

const tmp = useTempRoot("json");

describe("kmsim run --json", () => {
  it("prints summary.csv's row as one JSON document: numbers as numbers, empty cells and the base's strategy as null; warnings on stderr only", async () => {
    // office-and-windows warns (a group no host serves) and has empty cells (that group never activates Office).
    const out = join(tmp(), "run");
    const r = await runCli(["run", join(SCENARIOS, "office-and-windows.yaml"), "--out", out, "--json"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("warning");
    const doc = JSON.parse(r.stdout) as { command: string; strategy: string | null; folder: string; summary: Record<string, unknown> };
    expect(doc.command).toBe("run");
    expect(doc.strategy).toBeNull();
    expect(doc.folder).toBe(out);
    const csv = summaryRecord(read(out, "summary.csv"));
    expect(Object.keys(doc.summary)).toEqual(Object.keys(csv));
    for (const [k, v] of Object.entries(csv)) {
      if (v === "") expect(doc.summary[k], k).toBeNull();
      else if (k === "scenario" || k === "strategy") expect(doc.summary[k]).toBe(v);
      else expect(doc.summary[k], k).toBe(Number(v));
    }
    expect(Object.values(csv)).toContain(""); // the null case is exercised
  });

  it("names the strategy it ran", async () => {
    const r = await runCli(["run", join(SCENARIOS, "two-hosts-dns.yaml"), "--strategy", "no-caching", "--out", join(tmp(), "s"), "--json"]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { strategy: string }).strategy).toBe("no-caching");
  });
});

describe("kmsim compare --json", () => {
  it("prints the ranking as one JSON document: strategies best first with rank, tie, means of the ranking metrics and what decides each", async () => {
    const out = join(tmp(), "compare");
    const r = await runCli(["compare", join(SCENARIOS, "two-hosts-dns.yaml"), "--replications", "3", "--workers", "1", "--out", out, "--json"]);
    expect(r.code, r.stderr).toBe(0);
    interface Ranked {
      rank: number;
      tie: boolean;
      strategy: string | null;
      means: Record<string, number | null>;
      decidedBy: null | { metric: string; mean: number | null; bestMean: number | null; difference: { mean: number | null; ci95Low: number | null; ci95High: number | null; n: number }; significant: boolean | null };
    }
    const doc = JSON.parse(r.stdout) as { command: string; replications: number; autoReplications: unknown; rankBy: { column: string }[]; ranking: Ranked[] };
    expect(doc.command).toBe("compare");
    expect(doc.replications).toBe(3);
    expect(doc.autoReplications).toBeNull();
    expect(doc.ranking.map((s) => s.strategy).sort()).toEqual(["as-is", "equal-weights", "no-caching"]);
    expect(doc.ranking[0].rank).toBe(1);
    expect(doc.ranking[0].decidedBy).toBeNull();
    for (const s of doc.ranking) expect(Object.keys(s.means)).toEqual(doc.rankBy.map((m) => m.column));
    const decided = doc.ranking.filter((s) => s.decidedBy !== null);
    for (const s of decided) {
      const d = s.decidedBy;
      if (d === null) continue;
      expect(d.mean).toBe(s.means[d.metric]);
      expect(d.bestMean).toBe(doc.ranking[0].means[d.metric]);
      expect(d.difference.n).toBe(3);
    }
  });

  it("a file without strategies: the base's strategy is null", async () => {
    const r = await runCli(["compare", join(SCENARIOS, "quickstart.yaml"), "--replications", "2", "--workers", "1", "--out", join(tmp(), "base"), "--json"]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { ranking: { strategy: string | null }[] }).ranking.map((s) => s.strategy)).toEqual([null]);
  });
});
