// The import rules on small exports (docs/import.md): site placement by longest prefix, site ids,
// activity (disabled, never, stale), duplicates, editions per group, the KMS hosts (exclusion of
// their accounts, site, OS, CSVLK choice, ids), links to the hub, per-site SRV records.
import { describe, expect, it } from "vitest";
import { loadScenario, parseScenarioText } from "../../src/scenario/index.js";
import { computersCsv, countOf, importErrors, importOk, srvCsv, subnetsCsv, useTemp } from "./helpers.js";

const tmp = useTemp("estate");

/** Every generated scenario must load without errors. */
function expectValid(text: string): void {
  const parsed = parseScenarioText(text, "estate.yaml", "yaml");
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join("\n"));
  const loaded = loadScenario(parsed.data, "estate.yaml", "estate");
  expect(loaded.ok ? [] : loaded.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([]);
}

describe("sites", () => {
  const subnets = tmp.write(
    "subnets.csv",
    subnetsCsv([
      ["10.0.0.0/8", "HQ"],
      ["10.1.0.0/16", "Branch"],
      ["10.1.2.0/24", "Lab"],
      ["2001:db8::/32", "HQ"],
      ["192.168.0.0/16", ""],
    ]),
  );
  const computers = tmp.write(
    "computers-sites.csv",
    computersCsv([
      { Name: "A", IPv4Address: "10.1.2.3" }, // /24 Lab beats /16 Branch and /8 HQ
      { Name: "B", IPv4Address: "10.1.9.9" }, // /16 Branch beats /8 HQ
      { Name: "C", IPv4Address: "10.9.9.9" }, // only /8 HQ
      { Name: "D", IPv4Address: "192.168.0.5" }, // a subnet without a site: ignored, so outside
      { Name: "E", IPv4Address: "" }, // no address
    ]),
  );

  it("places each machine in the site of the longest prefix that contains its address", () => {
    const { scenario } = importOk({ computers, subnets });
    expect(countOf(scenario, "lab", "Windows 10 Enterprise")).toBe(1);
    expect(countOf(scenario, "branch", "Windows 10 Enterprise")).toBe(1);
    expect(countOf(scenario, "hq", "Windows 10 Enterprise")).toBe(1);
  });

  it("puts an empty or unmatched address in site unassigned, and says how many of each", () => {
    const { scenario, summary } = importOk({ computers, subnets });
    expect(countOf(scenario, "unassigned", "Windows 10 Enterprise")).toBe(2);
    expect(summary.join("\n")).toContain("unassigned 2 (no IPv4Address 1, outside every AD subnet 1)");
  });

  it("sorts sites by name, unassigned last, and ignores IPv6 subnets and subnets without a site", () => {
    const { scenario, summary } = importOk({ computers, subnets });
    expect(scenario.sites.map((s) => s.id)).toEqual(["branch", "hq", "lab", "unassigned"]);
    expect(summary).toContain("  AD subnets ignored: 1 IPv6, 1 without a site");
  });

  it("makes site ids valid from AD names: lower case, other characters to -, clashes -2, and unassigned is reserved", () => {
    const odd = tmp.write(
      "subnets-odd.csv",
      subnetsCsv([
        ["10.1.0.0/16", "Paris (Rive Gauche)"],
        ["10.2.0.0/16", "Site A"],
        ["10.3.0.0/16", "Site-A"],
        ["10.4.0.0/16", "Unassigned"],
      ]),
    );
    const { scenario, text } = importOk({ computers, subnets: odd });
    expect(scenario.sites.map((s) => s.id)).toEqual(["paris-rive-gauche", "site-a", "site-a-2", "unassigned-2", "unassigned"]);
    expectValid(text);
  });

  it("without --subnets puts every machine in unassigned", () => {
    const { scenario } = importOk({ computers });
    expect(scenario.sites.map((s) => s.id)).toEqual(["unassigned"]);
    expect(countOf(scenario, "unassigned", "Windows 10 Enterprise")).toBe(5);
  });
});

describe("activity: disabled, never logged on, stale, duplicates", () => {
  const computers = tmp.write(
    "computers-activity.csv",
    computersCsv([
      { Name: "NEWEST", LastLogonDate: "11/20/2026 9:00:00 AM" }, // the default --as-of
      { Name: "EDGE", LastLogonDate: "8/22/2026 9:00:00 AM" }, // exactly 90 d before: active
      { Name: "STALE", LastLogonDate: "8/22/2026 8:59:59 AM" }, // 1 s older: stale
      { Name: "NEVER", LastLogonDate: "" },
      { Name: "OFF", Enabled: "False" },
      { Name: "DUP", LastLogonDate: "11/1/2026 9:00:00 AM" },
      { Name: "DUP", LastLogonDate: "11/2/2026 9:00:00 AM" }, // same Name and DNSHostName: one machine
      { Name: "TWIN", DNSHostName: "twin.contoso.com" },
      { Name: "TWIN", DNSHostName: "twin.fabrikam.com" }, // same Name, another domain: two machines
    ]),
  );

  it("skips disabled accounts, never-logged-on ones and those older than --active-within before the newest LastLogonDate", () => {
    const { scenario, summary } = importOk({ computers });
    // NEWEST, EDGE, DUP (once), TWIN ×2 = 5 clients.
    expect(countOf(scenario, "unassigned", "Windows 10 Enterprise")).toBe(5);
    expect(summary[0]).toContain("as of 2026-11-20T09:00:00Z");
    expect(summary[2]).toBe(
      "  skipped: 4 (disabled 1, never logged on 1, no logon within 90d 1, duplicate 1, edition KMS cannot activate 0, not in the catalogue 0)",
    );
  });

  it("--active-within and --as-of move the cut: 30d before 2026-11-01 keeps only logons from 2026-10-02 on", () => {
    const asOfMs = Date.UTC(2026, 10, 1);
    const { summary, scenario } = importOk({ computers, asOfMs, activeWithinMin: 30 * 1440 });
    // Active: NEWEST, DUP (once; both logons are after the as-of), TWIN ×2 = 4. EDGE and STALE (August) are stale.
    expect(countOf(scenario, "unassigned", "Windows 10 Enterprise")).toBe(4);
    expect(summary[2]).toContain("no logon within 30d 2");
  });
});

describe("client groups", () => {
  it("makes one group per site and edition, editions in CATALOG order, servers always online and clients in office hours", () => {
    const computers = tmp.write(
      "computers-groups.csv",
      computersCsv([
        { OperatingSystem: "Windows Server 2019 Standard", OperatingSystemVersion: "10.0 (17763)" },
        { OperatingSystem: "Windows 10 Pro" },
        { OperatingSystem: "Windows 11 Enterprise", OperatingSystemVersion: "10.0 (22631)" },
        { OperatingSystem: "Windows 10 Enterprise", OperatingSystemVersion: "10.0 (22631)" },
        { OperatingSystem: "Windows 10 Home" },
        { OperatingSystem: "Windows Server 2025 Standard", OperatingSystemVersion: "10.0 (26100)" },
      ]),
    );
    const { scenario, summary, text } = importOk({ computers });
    expect(scenario.clients.map((c) => [c.id, c.edition, c.count, c.online])).toEqual([
      ["unassigned-windows-11-enterprise", "Windows 11 Enterprise", 2, "office-hours"],
      ["unassigned-windows-10-professional", "Windows 10 Professional", 1, "office-hours"],
      ["unassigned-windows-server-2019-standard", "Windows Server 2019 Standard", 1, "always"],
    ]);
    expect(summary).toContain("    editions KMS cannot activate: Windows 10 Home 1");
    expect(summary).toContain("    not in the catalogue: Windows Server 2025 Standard 1 (closest: Windows Server 2022 Standard)");
    expect(text).toContain("# Not in the catalogue (closest catalogue name in brackets): Windows Server 2025 Standard 1");
    expectValid(text);
  });

  it("--clients-online and --servers-online set each pattern", () => {
    const computers = tmp.write(
      "computers-online.csv",
      computersCsv([{ OperatingSystem: "Windows Server 2019 Standard" }, { OperatingSystem: "Windows 10 Pro" }]),
    );
    const { scenario, text } = importOk({ computers, clientsOnline: "intermittent(exp(9h), exp(15h))", serversOnline: "office-hours" });
    expect(scenario.clients.map((c) => c.online)).toEqual(["intermittent(exp(9h), exp(15h))", "office-hours"]);
    expectValid(text);
  });

  it("writes that imported clients start unactivated at minute 0", () => {
    const computers = tmp.write("computers-one.csv", computersCsv([{}]));
    expect(importOk({ computers }).text).toContain("Imported clients start unactivated at minute 0");
  });
});

describe("KMS hosts", () => {
  const subnets = tmp.write("subnets-hosts.csv", subnetsCsv([["10.1.0.0/16", "HQ"], ["10.2.0.0/16", "Branch"]]));
  const computers = tmp.write(
    "computers-hosts.csv",
    computersCsv([
      { Name: "KMS1", IPv4Address: "10.2.0.10", OperatingSystem: "Windows Server 2019 Standard", OperatingSystemVersion: "10.0 (17763)" },
      { Name: "KMS2", IPv4Address: "10.1.0.10", OperatingSystem: "Windows Server 2012 R2 Datacenter", OperatingSystemVersion: "6.3 (9600)" },
      { Name: "KMS3", IPv4Address: "10.1.0.11", OperatingSystem: "Windows Server 2008 R2 Enterprise", OperatingSystemVersion: "6.1 (7601)" },
      { Name: "KMS4", IPv4Address: "10.1.0.12", OperatingSystem: "Windows Server 2025 Standard", OperatingSystemVersion: "10.0 (26100)" },
      { Name: "PC1", IPv4Address: "10.1.0.20" },
      { Name: "PC2", IPv4Address: "10.1.0.21" },
      { Name: "PC3", IPv4Address: "10.2.0.20" },
    ]),
  );
  const srv = tmp.write(
    "srv-hosts.csv",
    srvCsv([
      ["kms4.contoso.com", 10, 0],
      ["KMS1.contoso.com.", 0, 100],
      ["kms2.contoso.com", 0, 50],
      ["kms3.contoso.com", 0, 0],
      ["kms5.contoso.com", 20, 0], // no computer account
    ]),
  );

  it("takes the hosts from the SRV answers, by priority then name, and keeps their computer accounts out of the client groups", () => {
    const { scenario, summary, text } = importOk({ computers, subnets, srv });
    expect(scenario.hosts.map((h) => h.id)).toEqual(["kms1", "kms2", "kms4", "kms5"]); // kms3 is commented out
    expect(scenario.clients.map((c) => [c.site, c.count])).toEqual([
      ["branch", 1],
      ["hq", 2],
    ]);
    expect(summary).toContain("  computer accounts of the KMS hosts (hosts, not clients): 4");
    expectValid(text);
  });

  it("places a host in the site of its account's address, with the account's OS; priority and weight from DNS", () => {
    const { scenario } = importOk({ computers, subnets, srv });
    expect(scenario.hosts[0]).toEqual({ id: "kms1", site: "branch", os: "Windows Server 2019", csvlk: "Windows Server 2019", srv: { priority: 0, weight: 100 } });
  });

  it("assumes the CSVLK of the host's own OS version, else the oldest its OS can carry (2012 R2 → 2016)", () => {
    const { scenario, text } = importOk({ computers, subnets, srv });
    expect(scenario.hosts[1]).toMatchObject({ id: "kms2", os: "Windows Server 2012 R2", csvlk: "Windows Server 2016" });
    expect(text).toMatch(/csvlk: Windows Server 2016 +# assumed: the oldest key its OS can carry \(§H6\)/);
  });

  it("--csvlk HOST=GROUP sets a host's CSVLK (long form accepted); a group its OS cannot carry is an error", () => {
    const { scenario } = importOk({ computers, subnets, srv, csvlk: [{ host: "KMS2", group: "Volume License for Windows Server 2019" }] });
    expect(scenario.hosts[1].csvlk).toBe("Windows Server 2019");
    // The 2022 CSVLK installs on 2022, 2019 and 2016 only (§H6); HOST may be the NameTarget.
    expect(importErrors({ computers, subnets, srv, csvlk: [{ host: "kms2.contoso.com", group: "Windows Server 2022" }] })).toEqual([
      "kmsim: --csvlk kms2.contoso.com=Windows Server 2022: the Windows Server 2022 CSVLK cannot be installed on Windows Server 2012 R2, the OS of kms2 (0xC004F050, §H6)",
    ]);
    expect(importErrors({ computers, subnets, srv, csvlk: [{ host: "kms9", group: "Windows 10" }] })[0]).toContain('no KMS host "kms9"');
  });

  it("leaves out, commented, a host on Windows Server 2008 R2 (no CSVLK of the catalogue installs there)", () => {
    const { text, summary } = importOk({ computers, subnets, srv });
    expect(text).toMatch(/ {2}# - id: kms3 +# kms3\.contoso\.com: left out, no CSVLK group of the catalogue can be installed on Windows Server 2008 R2/);
    expect(summary.some((l) => l.includes("host kms3 (kms3.contoso.com) is left out"))).toBe(true);
  });

  it("simulates a host on an OS the catalogue lacks (Windows Server 2025) as Windows Server 2022, assumed", () => {
    const { scenario, text } = importOk({ computers, subnets, srv });
    expect(scenario.hosts[2]).toMatchObject({ id: "kms4", site: "hq", os: "Windows Server 2022", csvlk: "Windows Server 2022" });
    expect(text).toContain("# assumed: Windows Server 2025 Standard is not a KMS host OS of the catalogue");
  });

  it("places a host without a computer account in the site with the most clients, on Windows Server 2022", () => {
    const { scenario } = importOk({ computers, subnets, srv });
    expect(scenario.hosts[3]).toMatchObject({ id: "kms5", site: "hq", os: "Windows Server 2022" });
  });

  it("names hosts by the first label of NameTarget, lower-cased, with -2 on a clash", () => {
    const twoKms = tmp.write("srv-clash.csv", srvCsv([["KMS.contoso.com", 0, 0], ["kms.fabrikam.com", 0, 0]]));
    const { scenario } = importOk({ computers, srv: twoKms });
    expect(scenario.hosts.map((h) => h.id)).toEqual(["kms", "kms-2"]);
  });

  it("joins every other site to the site with the most hosts by a link without outages", () => {
    const { scenario } = importOk({ computers, subnets, srv });
    // hq holds kms2, kms4 and kms5; branch holds kms1.
    expect(scenario.links).toEqual([{ id: "wan-branch", between: ["branch", "hq"] }]);
  });

  it("--site-srv SITE=FILE gives that site's SRV overrides (§N2), by AD site name or id", () => {
    const branchSrv = tmp.write("srv-branch.csv", srvCsv([["kms2.contoso.com", 10, 0], ["kms1.contoso.com", 0, 100]]));
    const { scenario, text } = importOk({ computers, subnets, srv, siteSrv: [{ site: "Branch", file: branchSrv }] });
    expect(scenario.sites[0]).toEqual({ id: "branch", srv: { kms1: { priority: 0, weight: 100 }, kms2: { priority: 10, weight: 0 } } });
    expectValid(text);
    const byId = importOk({ computers, subnets, srv, siteSrv: [{ site: "branch", file: branchSrv }] });
    expect(byId.text).toBe(text);
  });

  it("--site-srv: an unknown site, a target not published in the main SRV file, or no --srv are errors", () => {
    const other = tmp.write("srv-other.csv", srvCsv([["kms9.contoso.com", 0, 0]]));
    expect(importErrors({ computers, subnets, srv, siteSrv: [{ site: "Mars", file: other }] })).toEqual([
      `kmsim: --site-srv Mars=${other}: unknown site "Mars" (AD sites: Branch, HQ)`,
    ]);
    expect(importErrors({ computers, subnets, srv, siteSrv: [{ site: "HQ", file: other }] })).toEqual([
      `${other}: line 2: kms9.contoso.com is not among the SRV answers of ${srv}: a site can only override the record of a published host (§N2)`,
    ]);
    expect(importErrors({ computers, subnets, siteSrv: [{ site: "HQ", file: other }] })[0]).toContain("--site-srv needs --srv");
  });
});

describe("SRV exports", () => {
  const computers = tmp.write("computers-srv.csv", computersCsv([{}]));

  it("reads only Type SRV rows of the Answer section", () => {
    const srv = tmp.write("srv-mixed.csv", srvCsv([["kms1.contoso.com", 0, 0]]));
    expect(importOk({ computers, srv }).scenario.hosts.map((h) => h.id)).toEqual(["kms1"]);
  });

  it("rejects a bad Priority with its line, a record that is not _vlmcs._tcp, and a file without answers", () => {
    const bad = tmp.write(
      "srv-bad.csv",
      '"NameTarget","Priority","Weight","Port","Name","Type","Section"\r\n"kms1.contoso.com","high","0","1688","_vlmcs._tcp.contoso.com","SRV","Answer"\r\n"dc1.contoso.com","0","0","389","_ldap._tcp.contoso.com","SRV","Answer"\r\n',
    );
    expect(importErrors({ computers, srv: bad })).toEqual([
      `${bad}: line 2: Priority "high" is not a whole number 0 … 65535`,
      `${bad}: line 3: the SRV record "_ldap._tcp.contoso.com" is not a KMS record (_vlmcs._tcp.<domain>)`,
    ]);
    const none = tmp.write("srv-none.csv", '"NameTarget","Priority","Weight","Type","Section"\r\n"","","","A","Additional"\r\n');
    expect(importErrors({ computers, srv: none })[0]).toContain("no SRV answers");
  });
});

describe("determinism", () => {
  it("the text names no file path: the same exports in two folders give the same bytes", () => {
    const rows = computersCsv([{ Name: "KMS1", OperatingSystem: "Windows Server 2019 Standard" }, {}]);
    const srv = srvCsv([["kms1.contoso.com", 0, 0], ["kms1.contoso.com", 5, 0]]); // a duplicate record: noted
    const a = importOk({ computers: tmp.write("a-computers.csv", rows), srv: tmp.write("a-srv.csv", srv) });
    const b = importOk({ computers: tmp.write("b-computers.csv", rows), srv: tmp.write("b-srv.csv", srv) });
    expect(a.text).toContain("# - --srv line 3: a second record for kms1.contoso.com (the one on line 2 is used)");
    expect(b.text).toBe(a.text);
  });
});
