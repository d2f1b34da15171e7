// FORMAT.md "Field rules": each field's type and range, checked with a failing input whose error
// names the exact path and message. Rules relating several fields are in cross-rules.test.ts.
import { describe, expect, it } from "vitest";
import { base, errorsOf, withValue, withValues, type Json, type Path } from "./helpers.js";

type Case = readonly [rule: string, path: Path, value: Json | undefined, error: string];

function expectOnly(path: Path, value: Json | undefined, error: string): void {
  expect(errorsOf(withValue(base(), path, value))).toEqual([error]);
}

const NUMBER_HINT = 'expected a string, got the number 7: quote values that look like numbers (YAML reads 007 as the number 7; write "007")';
const ID_MESSAGE = (got: string): string => `expected an id made of letters, digits, "_" and "-" ([A-Za-z0-9_-]+), got ${got}`;
const SUFFIX_MESSAGE = (got: string): string =>
  `host and link ids must not end in "_office" or "_dns" (they would clash with timeline column names), got "${got}"`;

describe("ids: string [A-Za-z0-9_-]+; host and link ids must not end in _office or _dns", () => {
  const cases: Case[] = [
    ["name pattern", ["name"], "two sites", `name: ${ID_MESSAGE('"two sites"')}`],
    ["id: 007 is a number: hint to quote", ["name"], 7, `name: ${NUMBER_HINT}`],
    ["site id pattern", ["sites", 0, "id"], "h.q", `sites[0].id: ${ID_MESSAGE('"h.q"')}`],
    ["host id pattern", ["hosts", 0, "id"], "", `hosts[0].id: ${ID_MESSAGE('""')}`],
    ["host id number", ["hosts", 0, "id"], 7, `hosts[0].id: ${NUMBER_HINT}`],
    ["host id _office", ["hosts", 0, "id"], "kms1_office", `hosts[0].id: ${SUFFIX_MESSAGE("kms1_office")}`],
    ["host id _dns", ["hosts", 0, "id"], "kms1_dns", `hosts[0].id: ${SUFFIX_MESSAGE("kms1_dns")}`],
    ["link id _dns", ["links", 0, "id"], "wan_dns", `links[0].id: ${SUFFIX_MESSAGE("wan_dns")}`],
    ["group id pattern", ["clients", 0, "id"], "desk/1", `clients[0].id: ${ID_MESSAGE('"desk/1"')}`],
    ["reference is a string", ["hosts", 0, "site"], 7, `hosts[0].site: ${NUMBER_HINT}`],
  ];
  it.each(cases)("%s", (_rule, path, value, error) => expectOnly(path, value, error));

  it("site and group ids may end in _dns or _office (they name no such column)", () => {
    const data = withValues([
      [["sites", 0, "id"], "hq_dns"],
      [["hosts", 0, "site"], "hq_dns"],
      [["links", 0, "between", 0], "hq_dns"],
      [["clients", 0, "site"], "hq_dns"],
      [["clients", 0, "id"], "desk_office"],
    ]);
    expect(errorsOf(data)).toEqual([]);
  });
});

describe("top-level fields", () => {
  const cases: Case[] = [
    ["duration required", ["duration"], undefined, "duration: required (a duration such as 90, 30m, 12h, 7d, 2w or 1y)"],
    ["duration > 0", ["duration"], 0, "duration: must be greater than 0, got 0"],
    ["duration ≤ 100y", ["duration"], "101y", 'duration: must be at most 100y, got "101y"'],
    ["duration syntax", ["duration"], "7 days", 'duration: expected a duration such as 90, 30m, 12h, 7d, 2w or 1y, got "7 days"'],
    ["duration rounds to 0", ["duration"], "0.4m", 'duration: must be greater than 0, got "0.4m" (0 after rounding)'],
    ["description is a string", ["description"], 5, "description: expected a string, got 5"],
    ["start date-time", ["start"], "tomorrow", 'start: expected an ISO-8601 date-time such as 2027-01-04T00:00:00Z or a date such as 2027-01-04, got "tomorrow"'],
    ["start calendar date", ["start"], "2027-02-29", "start: 2027-02-29 is not a calendar date"],
    ["start time of day", ["start"], "2027-01-04T24:00:00Z", 'start: "2027-01-04T24:00:00Z" is not a valid time of day'],
    ["start no fractions", ["start"], "2027-01-04T10:00:00.5Z", 'start: fractional seconds are not supported in start, got "2027-01-04T10:00:00.5Z"'],
    ["start offset", ["start"], "2027-01-04T10:00:00+25:00", 'start: "+25:00" is not a valid UTC offset'],
    ["seed integer ≥ 0", ["seed"], -1, "seed: expected an integer ≥ 0, got -1"],
    ["seed integer", ["seed"], 1.5, "seed: expected an integer ≥ 0, got 1.5"],
    ["seed is a number", ["seed"], "1", 'seed: expected an integer ≥ 0, got "1" (write it without quotes)'],
    ["replications ≥ 1", ["replications"], 0, "replications: expected an integer from 1 to 10000, got 0"],
    ["replications ≤ 10000", ["replications"], 10001, "replications: expected an integer from 1 to 10000, got 10001"],
    ["sample > 0", ["sample"], "0", 'sample: must be greater than 0, got "0"'],
    ["sample rounds to 0", ["sample"], 0.2, "sample: must be greater than 0, got 0.2 (0 after rounding)"],
    ["lists are lists", ["hosts"], { id: "kms1" }, "hosts: expected a list of hosts, got a mapping"],
    ["null is not an empty list", ["links"], null, "links: expected a list of links, got null (write [] for an empty list)"],
    ["list items are mappings", ["clients", 0], "desk", 'clients[0]: expected a client group such as { id: desks, site: hq, count: 100, edition: Windows 11 Enterprise }, got "desk"'],
  ];
  it.each(cases)("%s", (_rule, path, value, error) => expectOnly(path, value, error));

  it("accepts the limits themselves", () => {
    const data = withValues([
      [["duration"], "100y"],
      [["seed"], 0],
      [["replications"], 10000],
      [["sample"], 1],
    ]);
    expect(errorsOf(data)).toEqual([]);
  });
});

describe("timers (§C1, §C2, §C4, §H7) and assumptions", () => {
  const cases: Case[] = [
    ["activationInterval ≥ 15m", ["timers"], { activationInterval: "14m" }, 'timers.activationInterval: must be between 15m and 30d (§C1), got "14m"'],
    ["renewalInterval ≤ 30d", ["timers"], { renewalInterval: "31d" }, 'timers.renewalInterval: must be between 15m and 30d (§C1), got "31d"'],
    ["validity > 0", ["timers"], { validity: 0 }, "timers.validity: must be greater than 0, got 0"],
    ["oobGrace ≥ 0", ["timers"], { oobGrace: "-1d" }, 'timers.oobGrace: a duration cannot be negative, got "-1d"'],
    ["ootGrace ≥ 0", ["timers"], { ootGrace: -1 }, "timers.ootGrace: a duration cannot be negative, got -1"],
    ["renewalJitter ≥ 0", ["timers"], { renewalJitter: "x" }, 'timers.renewalJitter: expected a duration such as 90, 30m, 12h, 7d, 2w or 1y, got "x"'],
    ["keyExceptionDelay ≥ 0", ["timers"], { keyExceptionDelay: "-3d" }, 'timers.keyExceptionDelay: a duration cannot be negative, got "-3d"'],
    ["timers unknown key", ["timers"], { renewalJiter: 5 }, 'timers.renewalJiter: unknown key "renewalJiter" (did you mean "renewalJitter"?)'],
    ["assumptions are booleans", ["assumptions"], { failoverOnLowCount: "yes" }, 'assumptions.failoverOnLowCount: expected true or false, got "yes"'],
    ["assumptions unknown key", ["assumptions"], { restartKeepTables: false }, 'assumptions.restartKeepTables: unknown key "restartKeepTables" (did you mean "restartKeepsTables"?)'],
  ];
  it.each(cases)("%s", (_rule, path, value, error) => expectOnly(path, value, error));

  it("accepts 15m and 30d intervals and zero graces", () => {
    const timers = { activationInterval: "15m", renewalInterval: "30d", oobGrace: 0, ootGrace: 0, renewalJitter: 0, keyExceptionDelay: 0 };
    expect(errorsOf(withValue(base(), ["timers"], timers))).toEqual([]);
  });
});

describe("sites and links", () => {
  const cases: Case[] = [
    ["srv priority ≤ 65535", ["sites", 0, "srv"], { kms1: { priority: 65536 } }, "sites[0].srv.kms1.priority: expected an integer from 0 to 65535, got 65536"],
    ["srv weight ≥ 0", ["sites", 0, "srv"], { kms1: { weight: -1 } }, "sites[0].srv.kms1.weight: expected an integer from 0 to 65535, got -1"],
    ["srv override keys", ["sites", 0, "srv"], { kms1: { prio: 1 } }, 'sites[0].srv.kms1.prio: unknown key "prio" (expected one of: priority, weight)'],
    ["srv is a mapping", ["sites", 0, "srv"], [], "sites[0].srv: expected a mapping of host ids to { priority, weight }, got a list"],
    ["dnsOutages entries are windows", ["sites", 0, "dnsOutages"], [{ start: "5d", end: "1d" }], "sites[0].dnsOutages[0]: end (1d) is before start (5d)"],
    ["between has two ends", ["links", 0, "between"], ["hq"], "links[0].between: expected two site ids such as [hq, branch], got 1"],
    ["between is a list", ["links", 0, "between"], "hq", 'links[0].between: expected a list of two site ids such as [hq, branch], got "hq"'],
    ["between required", ["links", 0, "between"], undefined, "links[0].between: required (a list of two site ids such as [hq, branch])"],
  ];
  it.each(cases)("%s", (_rule, path, value, error) => expectOnly(path, value, error));
});

describe("windows and outages (FORMAT.md 'A window is …', §T3, §R1)", () => {
  const host = (outages: Json): Json => withValue(base(), ["hosts", 0, "outages"], outages);
  const cases: [rule: string, outages: Json, errors: string[]][] = [
    ["end > start", [{ start: "10d", end: "5d" }], ["hosts[0].outages[0]: end (5d) is before start (10d)"]],
    ["end = start is empty", [{ start: "10d", end: "10d" }], ["hosts[0].outages[0]: end (10d) is not after start (10d)"]],
    ["duration > 0", [{ start: "10d", duration: 0 }], ["hosts[0].outages[0].duration: must be greater than 0, got 0"]],
    ["start ≥ 0", [{ start: "-1d", end: "5d" }], ['hosts[0].outages[0].start: a duration cannot be negative, got "-1d"']],
    ["start required", [{ end: "5d" }], ["hosts[0].outages[0].start: required (a duration such as 90, 30m, 12h, 7d, 2w or 1y)"]],
    ["end or duration", [{ start: "10d" }], ["hosts[0].outages[0]: a window needs end or duration besides start"]],
    ["not both", [{ start: "10d", end: "12d", duration: "2d" }], ["hosts[0].outages[0]: a window has end or duration, not both"]],
    ["unknown key", [{ start: "10d", ends: "12d" }], ['hosts[0].outages[0].ends: unknown key "ends" (did you mean "end"?)', "hosts[0].outages[0]: a window needs end or duration besides start"].reverse()],
    ["random distributions", [{ random: { upTime: "exp(0)", downTime: "lognormal(6h, x)" } }], [
      'hosts[0].outages[0].random.upTime: exp(…) mean must be greater than 0, got "0"',
      'hosts[0].outages[0].random.downTime: lognormal(…) sigma must be a plain number ≥ 0 such as 1.0, got "x"',
    ]],
    ["random needs both", [{ random: { upTime: "exp(1d)" } }], [
      "hosts[0].outages[0].random.downTime: required (a distribution such as exp(60d), lognormal(6h, 1.0), uniform(1h, 4h) or 2h)",
    ]],
    ["random is a mapping", [{ random: "exp(1d)" }], ['hosts[0].outages[0].random: expected a mapping { upTime: DIST, downTime: DIST }, got "exp(1d)"']],
    ["entries are mappings", [5], ["hosts[0].outages[0]: expected a window { start, end } or { start, duration }, or { random: { upTime, downTime } }, got 5"]],
    ["outages is a list", { start: 1 }, ["hosts[0].outages: expected a list of outages (windows or { random: … }), got a mapping"]],
  ];
  it.each(cases)("%s", (_rule, outages, errors) => {
    expect(errorsOf(host(outages)).sort()).toEqual([...errors].sort());
  });

  it("accepts { start, end }, { start, duration } and { random } entries, extending past the run", () => {
    const outages: Json = [{ start: 0, end: "1d" }, { start: "2d", duration: "40d" }, { random: { upTime: "exp(60d)", downTime: "lognormal(6h, 1.0)" } }];
    expect(errorsOf(host(outages))).toEqual([]);
  });
});

describe("hosts", () => {
  const cases: Case[] = [
    ["os from the catalogue", ["hosts", 0, "os"], "Windos Server 2022", 'hosts[0].os: unknown host OS "Windos Server 2022" (did you mean "Windows Server 2022"?)'],
    ["Azure Edition cannot be a host (§H6)", ["hosts", 0, "os"], "Windows Server 2022 Datacenter: Azure Edition", 'hosts[0].os: "Windows Server 2022 Datacenter: Azure Edition" cannot be a KMS host (Datacenter: Azure Edition cannot run KMS)'],
    ["csvlk required on every host", ["hosts", 0, "csvlk"], undefined, 'hosts[0].csvlk: required (a CSVLK group such as "Windows Server 2022")'],
    ["csvlk from the catalogue", ["hosts", 0, "csvlk"], "Windows Server 2025", 'hosts[0].csvlk: unknown CSVLK group "Windows Server 2025" (did you mean "Windows Server 2022"?)'],
    ["patchLevel is a date", ["hosts", 0, "patchLevel"], "June 2021", 'hosts[0].patchLevel: expected a date YYYY-MM-DD such as 2021-06-08, got "June 2021"'],
    ["patchLevel is a calendar date", ["hosts", 0, "patchLevel"], "2021-02-30", "hosts[0].patchLevel: 2021-02-30 is not a calendar date"],
    ["updates are catalogue KBs", ["hosts", 0, "updates"], ["KB5003646", "KB0000000"], "hosts[0].updates[1]: unknown update \"KB0000000\" (did you mean \"KB5003646\"?)"],
    ["officeKeys are catalogue versions", ["hosts", 0, "officeKeys"], ["Office LTSC 2O21"], 'hosts[0].officeKeys[0]: unknown Office version "Office LTSC 2O21" (did you mean "Office LTSC 2021"?)'],
    ["srv is { priority, weight } or false", ["hosts", 0, "srv"], "off", 'hosts[0].srv: expected { priority, weight } or false (not published), got "off"'],
    ["srv priority integer", ["hosts", 0, "srv"], { priority: 1.5 }, "hosts[0].srv.priority: expected an integer from 0 to 65535, got 1.5"],
    ["host activationInterval 15m … 30d", ["hosts", 0, "activationInterval"], "14m", 'hosts[0].activationInterval: must be between 15m and 30d (§C1), got "14m"'],
    ["host renewalInterval 15m … 30d", ["hosts", 0, "renewalInterval"], "30.5d", 'hosts[0].renewalInterval: must be between 15m and 30d (§C1), got "30.5d" (732h after rounding)'],
    ["rebuilds ≥ 0", ["hosts", 0, "rebuilds"], ["-1d"], 'hosts[0].rebuilds[0]: a duration cannot be negative, got "-1d"'],
    ["rebuilds is a list", ["hosts", 0, "rebuilds"], "150d", 'hosts[0].rebuilds: expected a list of durations such as [150d], got "150d"'],
    ["unknown host key", ["hosts", 0, "sitee"], "hq", 'hosts[0].sitee: unknown key "sitee" (did you mean "site"?)'],
  ];
  it.each(cases)("%s", (_rule, path, value, error) => expectOnly(path, value, error));
});

describe("client groups", () => {
  const cases: Case[] = [
    ["count required", ["clients", 0, "count"], undefined, "clients[0].count: required (an integer from 0 to 10000000)"],
    ["count ≥ 0", ["clients", 0, "count"], -1, "clients[0].count: expected an integer from 0 to 10000000, got -1"],
    ["count within the licensing-client limit (FORMAT.md Limits)", ["clients", 0, "count"], 10_000_001, 'clients: 10000001 licensing clients, more than the limit of 2000000 (FORMAT.md "Limits": memory grows with each client)'],
    ["count integer", ["clients", 0, "count"], 2.5, "clients[0].count: expected an integer from 0 to 10000000, got 2.5"],
    ["edition from the catalogue", ["clients", 0, "edition"], "Windows 11 Enterprize", 'clients[0].edition: unknown edition "Windows 11 Enterprize" (did you mean "Windows 11 Enterprise"?)'],
    ["office from the catalogue", ["clients", 0, "office"], "Office LTSC 2O24", 'clients[0].office: unknown Office version "Office LTSC 2O24" (did you mean "Office LTSC 2024"?)'],
    ["join.at ≥ 0", ["clients", 0, "join"], { at: "-1d" }, 'clients[0].join.at: a duration cannot be negative, got "-1d"'],
    ["join.over is a duration", ["clients", 0, "join"], { over: "x" }, 'clients[0].join.over: expected a duration such as 90, 30m, 12h, 7d, 2w or 1y, got "x"'],
    ["join keys", ["clients", 0, "join"], { at: 0, when: 1 }, 'clients[0].join.when: unknown key "when" (expected one of: at, over)'],
    ["retire count ≥ 1", ["clients", 0, "retire"], [{ at: "1d", count: 0 }], "clients[0].retire[0].count: expected an integer from 1 to 10000000, got 0"],
    ["retire at ≥ 0", ["clients", 0, "retire"], [{ at: -5, count: 1 }], "clients[0].retire[0].at: a duration cannot be negative, got -5"],
    ["online keywords", ["clients", 0, "online"], "office_hours", 'clients[0].online: expected always, office-hours or intermittent(ON, OFF) such as intermittent(exp(9h), exp(15h)), got "office_hours" (did you mean "office-hours"?)'],
    ["intermittent takes ON and OFF", ["clients", 0, "online"], "intermittent(exp(9h))", "clients[0].online: intermittent takes 2 arguments, intermittent(ON, OFF), got intermittent(exp(9h))"],
    ["intermittent OFF is a distribution", ["clients", 0, "online"], "intermittent(exp(9h), exp(-15h))", 'clients[0].online: intermittent(…) OFF: exp(…) mean: a duration cannot be negative, got "-15h"'],
    ["intermittent parentheses", ["clients", 0, "online"], "intermittent(exp(9h), exp(15h)", 'clients[0].online: expected always, office-hours or intermittent(ON, OFF) such as intermittent(exp(9h), exp(15h)), got "intermittent(exp(9h), exp(15h)" (unbalanced parentheses?)'],
    ["offline windows", ["clients", 0, "offline"], [{ start: "10d", end: "5d" }], "clients[0].offline[0]: end (5d) is before start (10d)"],
    ["offline has no random entries", ["clients", 0, "offline"], [{ random: { upTime: "1d", downTime: "1d" } }], 'clients[0].offline[0]: offline entries are windows { start, end }; for random offline periods use online: intermittent(ON, OFF)'],
    ["kms dns or pinned", ["clients", 0, "kms"], "DNS", 'clients[0].kms: expected dns or { pinned: HOST }, got "DNS" (did you mean "dns"?)'],
    ["kms pinned keys", ["clients", 0, "kms"], { pinned: "kms1", via: 1 }, 'clients[0].kms.via: unknown key "via" (expected one of: pinned)'],
    ["hostCaching boolean", ["clients", 0, "hostCaching"], "no", 'clients[0].hostCaching: expected true or false, got "no"'],
    ["cmid keywords", ["clients", 0, "cmid"], "cloned", 'clients[0].cmid: expected unique, clone or non-persistent, got "cloned" (did you mean "clone"?)'],
  ];
  it.each(cases)("%s", (_rule, path, value, error) => expectOnly(path, value, error));

  it("offline windows without start are reported at start", () => {
    expect(errorsOf(withValue(base(), ["clients", 0, "offline"], [{ end: "1d" }]))).toEqual([
      "clients[0].offline[0].start: required (a duration such as 90, 30m, 12h, 7d, 2w or 1y)",
    ]);
  });
});

describe("unknown keys are errors with a 'did you mean' hint", () => {
  it("at the top level", () => {
    expect(errorsOf(withValue(base(), ["strategy"], {}))).toEqual(['strategy: unknown key "strategy" (did you mean "strategies"?)']);
  });

  it("lists the known keys when nothing is close", () => {
    expect(errorsOf(withValue(base(), ["zzz"], 1))).toEqual([
      'zzz: unknown key "zzz" (expected one of: $schema, name, description, start, duration, seed, replications, sample, timers, assumptions, sites, links, hosts, clients, strategies)',
    ]);
  });

  it("allows a top-level $schema (for editors)", () => {
    expect(errorsOf(withValue(base(), ["$schema"], "./kmsim.schema.json"))).toEqual([]);
  });
});

describe("all errors are collected, not just the first", () => {
  it("reports errors in several fields, entries and rules at once", () => {
    const data = withValues([
      [["duration"], "0"],
      [["hosts", 0, "id"], 7],
      [["hosts", 0, "outages"], [{ start: "10d", end: "5d" }]],
      [["hosts", 0, "os"], "Windows Server 2012 R2"],
      [["clients", 0, "site"], "nowhere"],
      [["clients", 0, "count"], -1],
      [["links", 0, "id"], "wan_dns"],
      [["foo"], 1],
    ]);
    expect(errorsOf(data).sort()).toEqual(
      [
        'duration: must be greater than 0, got "0"',
        `hosts[0].id: ${NUMBER_HINT}`,
        "hosts[0].outages[0]: end (5d) is before start (10d)",
        "hosts[0].csvlk: the Windows Server 2022 CSVLK cannot be installed on Windows Server 2012 R2 (0xC004F050, §H6); it can be installed on Windows Server 2022, Windows Server 2019, Windows Server 2016",
        'clients[0].site: unknown site "nowhere" (sites: hq, branch)',
        "clients[0].count: expected an integer from 0 to 10000000, got -1",
        `links[0].id: ${SUFFIX_MESSAGE("wan_dns")}`,
        'foo: unknown key "foo" (expected one of: $schema, name, description, start, duration, seed, replications, sample, timers, assumptions, sites, links, hosts, clients, strategies)',
      ].sort(),
    );
  });
});
