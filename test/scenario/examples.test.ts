// FORMAT.md examples/: the bundled example scenarios (copied verbatim into test/fixtures/examples)
// load without errors or warnings, except format-example.yaml (FORMAT.md's own example), whose
// two planning traps are warned about; it has its two strategies.
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatDiagnostic, loadScenarioFile, type LoadResult } from "../../src/scenario/index.js";
import { FORMAT_EXAMPLE_WARNINGS } from "../cli/bundled-warnings.js";

const DIR = new URL("../fixtures/examples/", import.meta.url).pathname;
const FILES = readdirSync(DIR).filter((f) => f.endsWith(".yaml")).sort();

function diagnostics(r: LoadResult): string[] {
  return [...(r.ok ? [] : r.errors), ...r.warnings].map(formatDiagnostic);
}

describe("examples", () => {
  it("are all there", () => {
    expect(FILES).toEqual([
      "clones-and-office.yaml",
      "format-example.yaml",
      "join-over-two-days.yaml",
      "outage-spanning-renewals.yaml",
      "primary-down-cached-failover.yaml",
    ]);
  });

  it.each(FILES.filter((f) => f !== "format-example.yaml"))("%s loads without errors or warnings", (file) => {
    const r = loadScenarioFile(`${DIR}${file}`);
    expect(diagnostics(r)).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it("format-example.yaml loads without errors, with its two planning warnings", () => {
    const r = loadScenarioFile(`${DIR}format-example.yaml`);
    expect(r.ok).toBe(true);
    // The two traps of FORMAT.md's example, derived in bundled-warnings.ts.
    expect(diagnostics(r).map((d) => d.replace(`${DIR}format-example.yaml: `, ""))).toEqual(FORMAT_EXAMPLE_WARNINGS);
  });

  it("format-example.yaml has the strategies as-is and no-branch-host", () => {
    const r = loadScenarioFile(`${DIR}format-example.yaml`);
    if (!r.ok) throw new Error(diagnostics(r).join("\n"));
    const s = r.scenario;
    expect(s.name).toBe("two-sites");
    expect(s.strategies.map((x) => x.name)).toEqual(["as-is", "no-branch-host"]);
    expect(s.strategies[0].world).toEqual(s.base);
    const noBranch = s.strategies[1].world;
    expect(noBranch.hosts).toEqual([s.base.hosts[0]]);
    expect(noBranch.sites.map((x) => x.srvOverrides)).toEqual([[], []]);
    expect(noBranch.sites[1].dnsOutages).toEqual([]);
    expect(noBranch.clients).toEqual(s.base.clients);
    expect([s.seed, s.replications, s.sampleMin, s.base.durationMin]).toEqual([1, 20, 1440, 525_600]);
  });

  it("primary-down-cached-failover.yaml: the outage from 337h for 20d", () => {
    const r = loadScenarioFile(`${DIR}primary-down-cached-failover.yaml`);
    if (!r.ok) throw new Error(diagnostics(r).join("\n"));
    expect(r.scenario.base.hosts[0].outages).toEqual([{ kind: "window", start: 20_220, end: 20_220 + 28_800 }]);
    expect(r.scenario.base.hosts.map((h) => h.srv)).toEqual([
      { priority: 0, weight: 0 },
      { priority: 10, weight: 0 },
    ]);
  });
});
