// FORMAT.md "Warnings": valid but suspicious input is reported as `FILE: PATH: warning: message`
// and does not make the scenario invalid — more than 6 hosts on one CSVLK group (§H7), a window,
// rebuild, join or retirement at or after the end of the run, a sample not shorter than the run.
import { describe, expect, it } from "vitest";
import { base, load, warningsOf, withValue, withValues, type Json } from "./helpers.js";

function hosts(n: number, csvlk = "Windows Server 2022"): Json {
  return Array.from({ length: n }, (_, i) => ({ id: `k${i}`, site: "hq", os: "Windows Server 2022", csvlk }));
}

describe("warnings", () => {
  it("a valid scenario has none", () => {
    expect(warningsOf(base())).toEqual([]);
  });

  it("more than 6 hosts on one CSVLK group (§H7), once, at the 7th host", () => {
    const data = withValue(base(), ["hosts"], hosts(8));
    expect(warningsOf(data)).toEqual([
      "hosts[6].csvlk: warning: 8 hosts hold the Windows Server 2022 CSVLK, more than the 6 one key activates (§H7): this needs an exception from Microsoft; the hosts are simulated as activated",
    ]);
    expect(load(data).ok).toBe(true);
  });

  it("6 hosts on one group, or 7 on two groups, are fine", () => {
    expect(warningsOf(withValue(base(), ["hosts"], hosts(6)))).toEqual([]);
    const mixed = [...(hosts(6) as Json[]), { id: "x", site: "hq", os: "Windows Server 2022", csvlk: "Windows Server 2019" }];
    expect(warningsOf(withValue(base(), ["hosts"], mixed))).toEqual([]);
  });

  it("windows, rebuilds, joins and retirements at or after the end of the run", () => {
    const data = withValues([
      [["sites", 0, "dnsOutages"], [{ start: "1y", duration: 1 }]],
      [["links", 0, "outages"], [{ start: "30d", duration: 1 }]],
      [["hosts", 0, "outages"], [{ start: "29d", end: "31d" }, { start: "30d", end: "31d" }, { random: { upTime: "40d", downTime: "1h" } }]],
      [["hosts", 0, "rebuilds"], ["1d", "30d"]],
      [["clients", 0, "join"], { at: "40d" }],
      [["clients", 0, "retire"], [{ at: "30d", count: 1 }]],
      [["clients", 0, "offline"], [{ start: "31d", duration: "1d" }]],
    ]);
    expect(warningsOf(data)).toEqual([
      "sites[0].dnsOutages[0]: warning: starts at 365d, at or after the end of the run (30d): it has no effect",
      "links[0].outages[0]: warning: starts at 30d, at or after the end of the run (30d): it has no effect",
      "hosts[0].outages[1]: warning: starts at 30d, at or after the end of the run (30d): it has no effect",
      "hosts[0].rebuilds[1]: warning: rebuild at 30d, at or after the end of the run (30d): it has no effect",
      "clients[0].join.at: warning: the group joins at 40d, at or after the end of the run (30d): it never joins",
      "clients[0].retire[0]: warning: retirement at 30d, at or after the end of the run (30d): it has no effect",
      "clients[0].offline[0]: warning: starts at 31d, at or after the end of the run (30d): it has no effect",
    ]);
    expect(load(data).ok).toBe(true);
  });

  it("a sample not shorter than the run", () => {
    expect(warningsOf(withValue(base(), ["sample"], "30d"))).toEqual([
      "sample: warning: sample (30d) is not shorter than the run (30d): the timeline has only the row for minute 0",
    ]);
  });

  it("are reported alongside errors", () => {
    const r = load(withValues([
      [["hosts", 0, "rebuilds"], ["40d"]],
      [["clients", 0, "count"], -1],
    ]));
    expect(r.ok).toBe(false);
    expect(r.warnings).toHaveLength(1);
  });
});
