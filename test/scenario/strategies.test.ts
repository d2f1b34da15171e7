// FORMAT.md "Strategies": a strategy may set any top-level key except name, seed, replications,
// duration, start and sample; the keys it sets replace the base's whole value; each strategy is
// validated as its merged scenario with errors under strategies.<name>.<path>; nothing runs
// unless the base and every strategy are valid.
import { describe, expect, it } from "vitest";
import { DEFAULT_TIMERS } from "../../src/kms/world.js";
import { formatDiagnostic, loadScenario, parseScenarioText } from "../../src/scenario/index.js";
import { base, errorsOf, scenarioOf, warningsOf, withValue, withValues, type Json } from "./helpers.js";

const withStrategies = (strategies: Json, data: Json = base()): Json => withValue(data, ["strategies"], strategies);

describe("strategies", () => {
  it("are listed in file order, each with its merged World; {} and null are the base as written", () => {
    const s = scenarioOf(withStrategies({ "as-is": {}, empty: null, bigger: { clients: [{ id: "desk", site: "hq", count: 99, edition: "Windows 11 Enterprise" }] } }));
    expect(s.strategies.map((x) => x.name)).toEqual(["as-is", "empty", "bigger"]);
    expect(s.strategies[0].world).toEqual(s.base);
    expect(s.strategies[1].world).toEqual(s.base);
    expect(s.strategies[2].world.clients[0].count).toBe(99);
    expect(s.strategies[2].world.hosts).toEqual(s.base.hosts);
    expect(s.base.clients[0].count).toBe(30);
  });

  it("a base without strategies has none", () => {
    expect(scenarioOf(base()).strategies).toEqual([]);
  });

  it("replace the base's whole value: a strategy that sets timers sets all of them, others fall back to defaults", () => {
    const data = withValues([
      [["timers"], { activationInterval: "1h", renewalInterval: "1d" }],
      [["strategies"], { fast: { timers: { renewalInterval: "2d" } } }],
    ]);
    const s = scenarioOf(data);
    expect(s.base.timers.activationIntervalMin).toBe(60);
    expect(s.strategies[0].world.timers).toEqual({ ...DEFAULT_TIMERS, renewalIntervalMin: 2880 });
  });

  it("keep the scenario's name, start and duration", () => {
    const s = scenarioOf(withStrategies({ a: { description: "other" } }));
    expect(s.strategies[0].world.name).toBe("t");
    expect(s.strategies[0].world.durationMin).toBe(s.base.durationMin);
    expect(s.description).toBe("");
  });

  it.each(["name", "seed", "replications", "duration", "start", "sample"])("may not set %s", (key) => {
    expect(errorsOf(withStrategies({ a: { [key]: "1d" } }))).toEqual([
      `strategies.a.${key}: a strategy cannot set ${key}: name, seed, replications, duration, start and sample are shared by all strategies (so that their replications pair up)`,
    ]);
  });

  it("may not hold $schema or strategies; unknown keys get a hint", () => {
    expect(errorsOf(withStrategies({ a: { $schema: "x", strategies: {}, hots: [] } }))).toEqual([
      "strategies.a.$schema: $schema is allowed only at the top of the file, not inside a strategy",
      "strategies.a.strategies: a strategy cannot have strategies of its own",
      'strategies.a.hots: unknown key "hots" (did you mean "hosts"?)',
    ]);
  });

  it("have names that follow the id pattern", () => {
    expect(errorsOf(withStrategies({ "bad name": {} }))).toEqual([
      'strategies["bad name"]: strategy names are ids: letters, digits, "_" and "-" ([A-Za-z0-9_-]+), got "bad name"',
    ]);
  });

  it("are mappings", () => {
    expect(errorsOf(withStrategies({ a: 5 }))).toEqual([
      "strategies.a: expected a partial scenario (a mapping of top-level keys, {} for the base as written), got 5",
    ]);
    expect(errorsOf(withStrategies([{ a: {} }]))).toEqual(["strategies: expected a mapping of strategy names to partial scenarios, got a list"]);
  });

  it("report errors of their own keys under strategies.<name>.<path>", () => {
    expect(errorsOf(withStrategies({ a: { timers: { validity: 0 } } }))).toEqual(["strategies.a.timers.validity: must be greater than 0, got 0"]);
  });

  it("are validated as the merged scenario: a base key can break against the strategy's", () => {
    // The base's SRV override names kms2; the strategy drops kms2.
    const data = withValues([
      [["hosts", 1], { id: "kms2", site: "branch", os: "Windows Server 2022", csvlk: "Windows Server 2022" }],
      [["sites", 1, "srv"], { kms2: { priority: 10 } }],
      [["strategies"], { "no-branch-host": { hosts: [{ id: "kms1", site: "hq", os: "Windows Server 2022", csvlk: "Windows Server 2022" }] } }],
    ]);
    expect(errorsOf(data)).toEqual(['strategies.no-branch-host.sites[1].srv.kms2: unknown host "kms2" (did you mean "kms1"?)']);
  });

  it("do not repeat the base's errors for keys they do not set", () => {
    const data = withValues([
      [["hosts", 0, "site"], "zz"],
      [["strategies"], { a: {}, b: { clients: [] } }],
    ]);
    expect(errorsOf(data)).toEqual(['hosts[0].site: unknown site "zz" (sites: hq, branch)']);
  });

  it("report an error again when it lies under a key the strategy sets", () => {
    const data = withValues([
      [["hosts", 0, "site"], "zz"],
      [["strategies"], { b: { hosts: [{ id: "kms1", site: "zz", os: "Windows Server 2022", csvlk: "Windows Server 2022" }] } }],
    ]);
    expect(errorsOf(data)).toEqual([
      'hosts[0].site: unknown site "zz" (sites: hq, branch)',
      'strategies.b.hosts[0].site: unknown site "zz" (sites: hq, branch)',
    ]);
  });

  it("make the whole file invalid when one strategy is invalid", () => {
    const r = loadScenario(withStrategies({ good: {}, bad: { clients: 5 } }), "t.yaml", "t");
    expect(r.ok).toBe(false);
  });

  it("report their own warnings under strategies.<name>, and not the base's again", () => {
    const data = withValues([
      [["hosts", 0, "rebuilds"], ["40d"]],
      [["strategies"], { a: {}, b: { clients: [{ id: "desk", site: "hq", count: 1, edition: "Windows 11 Enterprise", join: { at: "31d" } }] } }],
    ]);
    expect(warningsOf(data)).toEqual([
      "hosts[0].rebuilds[0]: warning: rebuild at 40d, at or after the end of the run (30d): it has no effect",
      "strategies.b.clients[0].join.at: warning: the group joins at 31d, at or after the end of the run (30d): it never joins",
    ]);
  });

  it("can reuse base entries through YAML anchors and merge keys", () => {
    const text = [
      "name: anchors",
      "duration: 30d",
      "sites: [ { id: hq } ]",
      "hosts:",
      "  - &kms1",
      "    id: kms1",
      "    site: hq",
      "    os: Windows Server 2022",
      "    csvlk: Windows Server 2022",
      "  - id: kms2",
      "    site: hq",
      "    os: Windows Server 2022",
      "    csvlk: Windows Server 2022",
      "clients: [ { id: desk, site: hq, count: 5, edition: Windows 11 Enterprise } ]",
      "strategies:",
      "  one-host:",
      "    hosts: [ *kms1 ]",
      "  unpublished:",
      "    hosts:",
      "      - { <<: *kms1, srv: false }",
      "",
    ].join("\n");
    const parsed = parseScenarioText(text, "anchors.yaml", "yaml");
    if (!parsed.ok) throw new Error(parsed.errors.map(formatDiagnostic).join("\n"));
    const r = loadScenario(parsed.data, "anchors.yaml", "anchors");
    if (!r.ok) throw new Error(r.errors.map(formatDiagnostic).join("\n"));
    const [oneHost, unpublished] = r.scenario.strategies;
    expect(oneHost.world.hosts).toEqual([r.scenario.base.hosts[0]]);
    expect(unpublished.world.hosts).toEqual([{ ...r.scenario.base.hosts[0], srv: null }]);
  });
});
