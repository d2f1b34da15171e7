// FORMAT.md "Scenario file" and "Field rules" defaults: what a valid scenario becomes as the
// model's World (src/kms/world.ts), including `start` → UTC and the week offset used by
// office hours (§R2); YAML and JSON of the same scenario give the same World. Also the
// file-level errors (`FILE: message`) for content that is not a scenario, and loadScenarioFile.
import { describe, expect, it } from "vitest";
import { DEFAULT_ASSUMPTIONS, DEFAULT_TIMERS } from "../../src/kms/world.js";
import { fileBaseName, formatDiagnostic, loadScenario, loadScenarioFile, weekOffsetMin, type Scenario } from "../../src/scenario/index.js";
import { base, errorsOf, scenarioOf, withValue, withValues } from "./helpers.js";

const FIXTURES = new URL("../fixtures/scenarios/", import.meta.url).pathname;

function fileScenario(path: string): Scenario {
  const r = loadScenarioFile(path);
  if (!r.ok) throw new Error(r.errors.map(formatDiagnostic).join("\n"));
  return r.scenario;
}

describe("defaults (FORMAT.md 'Field rules')", () => {
  it("fill every optional scenario field", () => {
    const s = scenarioOf(withValue(base(), ["name"], undefined));
    expect(s).toMatchObject({
      name: "t",
      description: "",
      start: "2027-01-04T00:00:00Z",
      startEpochMs: Date.UTC(2027, 0, 4),
      seed: 1,
      replications: 10,
      sampleMin: null,
    });
    expect(s.base.name).toBe("t");
    expect(s.base.durationMin).toBe(43_200);
    expect(s.base.startWeekOffsetMin).toBe(0);
    expect(s.base.timers).toEqual(DEFAULT_TIMERS);
    expect(s.base.assumptions).toEqual(DEFAULT_ASSUMPTIONS);
  });

  it("fill every optional site, link, host and client field", () => {
    const w = scenarioOf(base()).base;
    expect(w.sites).toEqual([
      { id: "hq", srvOverrides: [], dnsOutages: [] },
      { id: "branch", srvOverrides: [], dnsOutages: [] },
    ]);
    expect(w.links).toEqual([{ id: "wan", between: ["hq", "branch"], outages: [] }]);
    expect(w.hosts).toEqual([
      {
        id: "kms1",
        site: "hq",
        os: "Windows Server 2022",
        csvlk: "Windows Server 2022",
        patch: { kind: "full" },
        officeKeys: [],
        srv: { priority: 0, weight: 0 },
        outages: [],
        rebuilds: [],
      },
    ]);
    expect(w.clients).toEqual([
      {
        id: "desk",
        site: "hq",
        count: 30,
        edition: "Windows 11 Enterprise",
        office: null,
        join: { at: 0, over: 0 },
        retire: [],
        online: { kind: "always" },
        offline: [],
        kms: { kind: "dns" },
        hostCaching: true,
        cmid: "unique",
      },
    ]);
  });

  it("lists default to empty", () => {
    const w = scenarioOf({ duration: "1d" }).base;
    expect([w.sites, w.links, w.hosts, w.clients]).toEqual([[], [], [], []]);
  });
});

describe("name defaults to the file name without extension", () => {
  it("uses the file name", () => {
    expect(loadScenario(withValue(base(), ["name"], undefined), "dir/two-sites.yaml", "two-sites")).toMatchObject({
      ok: true,
      scenario: { name: "two-sites", base: { name: "two-sites" } },
    });
  });

  it("rejects a file name that is not a valid name when name is omitted", () => {
    const r = loadScenario(withValue(base(), ["name"], undefined), "my scenario.yaml", "my scenario");
    expect(r.ok ? [] : r.errors.map(formatDiagnostic)).toEqual([
      'my scenario.yaml: name: no name is given and the file name "my scenario" is not a valid name ([A-Za-z0-9_-]+): add a name key',
    ]);
  });
});

describe("start: ISO-8601 date-time (converted to UTC) or date", () => {
  it.each([
    ["2027-01-04", "2027-01-04T00:00:00Z", 0],
    ["2027-01-06", "2027-01-06T00:00:00Z", 2 * 1440],
    ["2027-01-04T09:30:00+01:00", "2027-01-04T08:30:00Z", 510],
    ["2027-01-04T09:30+0100", "2027-01-04T08:30:00Z", 510],
    ["2027-01-03T23:00:00-02:00", "2027-01-04T01:00:00Z", 60],
    ["2027-01-10T23:59:30Z", "2027-01-10T23:59:30Z", 6 * 1440 + 1439.5],
    ["2027-01-08T12:00:00", "2027-01-08T12:00:00Z", 4 * 1440 + 720],
    ["2027-01-08 12:00:00z", "2027-01-08T12:00:00Z", 4 * 1440 + 720],
    ["1999-12-31T23:00:00-01:00", "2000-01-01T00:00:00Z", 5 * 1440],
  ])("%s → %s, %d minutes after Monday 00:00 UTC", (input, iso, offset) => {
    const s = scenarioOf(withValue(base(), ["start"], input));
    expect(s.start).toBe(iso);
    expect(s.startEpochMs).toBe(Date.parse(iso));
    expect(s.base.startWeekOffsetMin).toBe(offset);
  });

  it("weekOffsetMin counts from Monday 00:00 UTC, before 1970 too", () => {
    expect(weekOffsetMin(Date.UTC(2027, 0, 4))).toBe(0);
    expect(weekOffsetMin(Date.UTC(2027, 0, 3, 23, 59))).toBe(10_079);
    expect(weekOffsetMin(Date.UTC(1969, 11, 31, 12))).toBe(2 * 1440 + 720); // a Wednesday
  });
});

describe("values become the World's types", () => {
  it("hosts: patch, officeKeys, srv, per-host intervals, outages, rebuilds", () => {
    const data = withValues([
      [["hosts", 0, "updates"], ["kb4478877"]],
      [["hosts", 0, "officeKeys"], ["office ltsc 2021", "Office LTSC 2021", "Office 2019"]],
      [["hosts", 0, "srv"], { weight: 5 }],
      [["hosts", 0, "activationInterval"], "1h"],
      [["hosts", 0, "renewalInterval"], "1d"],
      [["hosts", 0, "outages"], [{ start: "1d", duration: "12h" }, { random: { upTime: "exp(60d)", downTime: "lognormal(6h, 1.0)" } }]],
      [["hosts", 0, "rebuilds"], ["150d", 0]],
      [["hosts", 1], { id: "kms2", site: "hq", os: "Windows Server 2022", csvlk: "Windows Server 2022", patchLevel: "2021-06-08", srv: false }],
    ]);
    const [h1, h2] = scenarioOf(data).base.hosts;
    expect(h1).toEqual({
      id: "kms1",
      site: "hq",
      os: "Windows Server 2022",
      csvlk: "Windows Server 2022",
      patch: { kind: "updates", kbs: ["KB4478877"] },
      officeKeys: ["Office LTSC 2021", "Office 2019"],
      srv: { priority: 0, weight: 5 },
      activationIntervalMin: 60,
      renewalIntervalMin: 1440,
      outages: [
        { kind: "window", start: 1440, end: 2160 },
        { kind: "random", upTime: { kind: "exp", mean: 86_400 }, downTime: { kind: "lognormal", median: 360, sigma: 1 } },
      ],
      rebuilds: [216_000, 0],
    });
    expect(h2.patch).toEqual({ kind: "date", date: "2021-06-08" });
    expect(h2.srv).toBeNull();
  });

  it("sites: SRV overrides in file order, with only the values given", () => {
    const data = withValues([
      [["hosts", 1], { id: "kms2", site: "branch", os: "Windows Server 2022", csvlk: "Windows Server 2022" }],
      [["sites", 1, "srv"], { kms2: { priority: 10, weight: 100 }, kms1: { priority: 90 } }],
    ]);
    expect(scenarioOf(data).base.sites[1].srvOverrides).toEqual([
      { host: "kms2", priority: 10, weight: 100 },
      { host: "kms1", priority: 90 },
    ]);
  });

  it("clients: canonical names, join, retire, online, offline, kms, caching, cmid", () => {
    const data = withValues([
      [["clients", 0, "edition"], "windows 11 pro n"],
      [["clients", 0, "office"], "Office LTSC 2024"],
      [["clients", 0, "join"], { over: "2d" }],
      [["clients", 0, "retire"], [{ at: "10d", count: 5 }]],
      [["clients", 0, "online"], "intermittent(exp(9h), lognormal(15h, 0.5))"],
      [["clients", 0, "offline"], [{ start: "5d", end: "6d" }]],
      [["clients", 0, "kms"], { pinned: "kms1" }],
      [["clients", 0, "hostCaching"], false],
      [["clients", 0, "cmid"], "clone"],
    ]);
    expect(scenarioOf(data).base.clients[0]).toEqual({
      id: "desk",
      site: "hq",
      count: 30,
      edition: "Windows 11 Professional N",
      office: "Office LTSC 2024",
      join: { at: 0, over: 2880 },
      retire: [{ at: 14_400, count: 5 }],
      online: { kind: "intermittent", on: { kind: "exp", mean: 540 }, off: { kind: "lognormal", median: 900, sigma: 0.5 } },
      offline: [{ start: 7200, end: 8640 }],
      kms: { kind: "pinned", host: "kms1" },
      hostCaching: false,
      cmid: "clone",
    });
  });

  it("timers and assumptions: given values over the defaults", () => {
    const data = withValues([
      [["timers"], { validity: "90d", oobGrace: 0 }],
      [["assumptions"], { restartKeepsTables: false }],
      [["sample"], "1d"],
      [["seed"], 42],
      [["replications"], 3],
      [["description"], "d"],
    ]);
    const s = scenarioOf(data);
    expect(s.base.timers).toEqual({ ...DEFAULT_TIMERS, validityMin: 129_600, oobGraceMin: 0 });
    expect(s.base.assumptions).toEqual({ ...DEFAULT_ASSUMPTIONS, restartKeepsTables: false });
    expect([s.sampleMin, s.seed, s.replications, s.description]).toEqual([1440, 42, 3, "d"]);
  });
});

describe("YAML and JSON of the same scenario give the same World", () => {
  it("equivalent.yaml and equivalent.json load to equal scenarios", () => {
    const fromYaml = fileScenario(`${FIXTURES}equivalent.yaml`);
    const fromJson = fileScenario(`${FIXTURES}equivalent.json`);
    expect(fromYaml).toEqual(fromJson);
    expect(fromYaml.start).toBe("2027-01-06T08:30:00Z");
    expect(fromYaml.base.hosts.map((h) => h.id)).toEqual(["kms1", "kms2", "kms3"]);
  });
});

describe("loadScenario(data, file, fileBaseName)", () => {
  it("reports an empty file", () => {
    expect(errorsOf(null)).toEqual(["the file is empty: expected a scenario (a mapping with at least duration)"]);
  });

  it("reports a top level that is not a mapping", () => {
    expect(errorsOf([1])).toEqual(["expected a scenario (a mapping of keys such as name, duration, sites, hosts and clients), got a list"]);
    expect(errorsOf("duration: 1d")).toEqual([
      'expected a scenario (a mapping of keys such as name, duration, sites, hosts and clients), got "duration: 1d"',
    ]);
  });

  it("needs only a duration", () => {
    expect(errorsOf({})).toEqual(["duration: required (a duration such as 90, 30m, 12h, 7d, 2w or 1y)"]);
    expect(errorsOf({ duration: 1 })).toEqual([]);
  });
});

describe("loadScenarioFile(path)", () => {
  it("passes read errors through", () => {
    const r = loadScenarioFile("missing.yaml");
    expect(r.ok ? [] : r.errors.map(formatDiagnostic)).toEqual(["missing.yaml: cannot read file (no such file)"]);
  });

  it("fileBaseName drops the folder and the extension", () => {
    expect(fileBaseName("a/b/two-sites.yaml")).toBe("two-sites");
    expect(fileBaseName("two-sites.json")).toBe("two-sites");
    expect(fileBaseName("two-sites")).toBe("two-sites");
  });
});
