// Planning warnings (FORMAT.md "Warnings"; docs/model-notes.md "Planning warnings"): a client
// group whose edition or Office version no host it can use activates — published in its site's
// SRV view or pinned (§N2, §C6.1), joined to its site by links, outages ignored (§N1), patch
// level and updates included (§H6) — and a site whose DNS clients see a remote host at a local
// host's SRV priority (§N2, §C6.3). Each trap fires; each near miss does not; per strategy.
import { describe, expect, it } from "vitest";
import { base, load, warningsOf, withValue, withValues, type Json } from "./helpers.js";

type Obj = { [key: string]: Json };

function host(id: string, site: string, extra: Obj = {}): Obj {
  return { id, site, os: "Windows Server 2022", csvlk: "Windows Server 2022", ...extra };
}

function group(id: string, site: string, extra: Obj = {}): Obj {
  return { id, site, count: 30, edition: "Windows 11 Enterprise", ...extra };
}

/** The base scenario (sites hq and branch on link wan) with these hosts and client groups. */
function estate(hosts: Obj[], clients: Obj[], more: [readonly (string | number)[], Json | undefined][] = []): Json {
  return withValues([[["hosts"], hosts], [["clients"], clients], ...more]);
}

describe("no host a group can use activates its product (§H6, §N1, §N2, §C6.1)", () => {
  it("fires when the CSVLK does not list the edition (the 2019 CSVLK and Windows 11, §H6)", () => {
    const data = estate([host("kms1", "hq", { os: "Windows Server 2019", csvlk: "Windows Server 2019" })], [group("desk", "hq")]);
    expect(warningsOf(data)).toEqual([
      "clients[0].edition: warning: no host that group desk can use activates Windows 11 Enterprise (kms1: Windows Server 2019 CSVLK does not cover it)",
    ]);
    expect(load(data).ok).toBe(true);
  });

  it("fires when the host lacks the update by patch level: a 2016 host at 2021-05-11 and Server 2022 clients need KB5003638 (2021-06-08)", () => {
    const data = estate(
      [host("kms1", "hq", { os: "Windows Server 2016", patchLevel: "2021-05-11" })],
      [group("srv", "hq", { edition: "Windows Server 2022 Standard" })],
    );
    expect(warningsOf(data)).toEqual([
      "clients[0].edition: warning: no host that group srv can use activates Windows Server 2022 Standard (kms1: needs KB5003638 or a patch level from 2021-06-08, has 2021-05-11)",
    ]);
  });

  it("fires when the listed updates are not the needed ones: KB4478877 does not teach a 2016 host Server 2022", () => {
    const data = estate(
      [host("kms1", "hq", { os: "Windows Server 2016", updates: ["KB4478877"] })],
      [group("srv", "hq", { edition: "Windows Server 2022 Standard" })],
    );
    expect(warningsOf(data)).toEqual([
      "clients[0].edition: warning: no host that group srv can use activates Windows Server 2022 Standard (kms1: needs KB5003638 or a patch level from 2021-06-08, has KB4478877)",
    ]);
    const none = withValue(data, ["hosts", 0, "updates"], []);
    expect(warningsOf(none)[0]).toContain("(kms1: needs KB5003638 or a patch level from 2021-06-08, has none)");
  });

  it("does not fire when the patch level meets the earliest release date of the pair's rows (2016 host, Server 2019 clients: 2018-12-03)", () => {
    const clients = [group("srv", "hq", { edition: "Windows Server 2019 Standard" })];
    expect(warningsOf(estate([host("kms1", "hq", { os: "Windows Server 2016", patchLevel: "2018-12-03" })], clients))).toEqual([]);
    expect(warningsOf(estate([host("kms1", "hq", { os: "Windows Server 2016", updates: ["KB4478877"] })], clients))).toEqual([]);
    expect(warningsOf(estate([host("kms1", "hq", { os: "Windows Server 2016", patchLevel: "2018-12-02" })], clients))).toEqual([
      "clients[0].edition: warning: no host that group srv can use activates Windows Server 2019 Standard (kms1: needs KB5003638 or KB4478877 or a patch level from 2018-12-03, has 2018-12-02)",
    ]);
  });

  it("fires for an Office version no host holds the key of, at the group's office (§H6, §O1); not with the key", () => {
    const clients = [group("desk", "hq", { office: "Office LTSC 2021" })];
    expect(warningsOf(estate([host("kms1", "hq", { officeKeys: ["Office 2019"] })], clients))).toEqual([
      "clients[0].office: warning: no host that group desk can use activates Office LTSC 2021 (kms1: no Office LTSC 2021 key)",
    ]);
    expect(warningsOf(estate([host("kms1", "hq", { officeKeys: ["Office 2019", "Office LTSC 2021"] })], clients))).toEqual([]);
  });

  it("fires when the only capable host is on a site with no link path to the group's (§N1)", () => {
    const data = estate([host("kms1", "hq")], [group("desk", "branch")], [[["links"], []]]);
    expect(warningsOf(data)).toEqual([
      "clients[0].edition: warning: no host that group desk can use activates Windows 11 Enterprise (kms1: no link path from branch to hq)",
    ]);
  });

  it("does not fire when a path of two links joins the sites (multi-hop, §N1), nor for a link with outages (ignored)", () => {
    const data = withValues([
      [["sites"], [{ id: "hq" }, { id: "mid" }, { id: "branch" }]],
      [["links"], [{ id: "a", between: ["branch", "mid"], outages: [{ start: 0, end: "30d" }] }, { id: "b", between: ["mid", "hq"] }]],
      [["hosts"], [host("kms1", "hq")]],
      [["clients"], [group("desk", "branch")]],
    ]);
    expect(warningsOf(data)).toEqual([]);
  });

  it("fires when the only capable host is not published (srv: false) and the group uses DNS (§N2)", () => {
    const data = estate([host("kms1", "hq", { srv: false })], [group("desk", "hq")]);
    expect(warningsOf(data)).toEqual([
      "clients[0].edition: warning: no host that group desk can use activates Windows 11 Enterprise (kms1: not published (srv: false))",
    ]);
  });

  it("does not fire for a group pinned to an unpublished host that can activate it (§C6.1: no DNS)", () => {
    const data = estate([host("kms1", "hq", { srv: false })], [group("desk", "hq", { kms: { pinned: "kms1" } })]);
    expect(warningsOf(data)).toEqual([]);
  });

  it("fires for a group pinned to a host that cannot activate it, although another host could (§C6.1: no failover)", () => {
    const hosts = [host("kms1", "hq", { os: "Windows Server 2019", csvlk: "Windows Server 2019" }), host("kms2", "hq")];
    expect(warningsOf(estate(hosts, [group("lab", "hq", { kms: { pinned: "kms1" } })]))).toEqual([
      "clients[0].edition: warning: no host that group lab can use activates Windows 11 Enterprise (pinned to kms1: Windows Server 2019 CSVLK does not cover it)",
    ]);
    expect(warningsOf(estate(hosts, [group("lab", "hq", { kms: { pinned: "kms2" } })]))).toEqual([]);
    expect(warningsOf(estate(hosts, [group("lab", "hq")]))).toEqual([]);
  });

  it("fires for a pinned host out of reach (§N1)", () => {
    const data = estate([host("kms1", "hq")], [group("lab", "branch", { kms: { pinned: "kms1" } })], [[["links"], []]]);
    expect(warningsOf(data)).toEqual([
      "clients[0].edition: warning: no host that group lab can use activates Windows 11 Enterprise (pinned to kms1: no link path from branch to hq)",
    ]);
  });

  it("lists every reason of a host, groups hosts with the same reasons, and cuts long lists short", () => {
    const old = { os: "Windows Server 2019", csvlk: "Windows Server 2019" };
    const data = estate(
      [
        host("a", "hq", old),
        host("b", "hq", old),
        host("c", "branch", { ...old, srv: false }),
        host("d", "hq", { officeKeys: [] }),
      ],
      [group("desk", "branch")],
      [[["links"], []]],
    );
    expect(warningsOf(data)).toEqual([
      "clients[0].edition: warning: no host that group desk can use activates Windows 11 Enterprise (a, b: no link path from branch to hq, Windows Server 2019 CSVLK does not cover it; c: not published (srv: false), Windows Server 2019 CSVLK does not cover it; d: no link path from branch to hq)",
    ]);
    const many = estate(
      [
        host("a", "hq", old),
        host("b", "hq", old),
        host("c", "hq", old),
        host("d", "hq", old),
        host("e", "branch", old),
        host("f", "branch", { srv: false }),
        host("g", "branch", { os: "Windows Server 2016", csvlk: "Windows Server 2016" }),
        host("h", "branch", { os: "Windows Server 2016", csvlk: "Windows Server 2016" }),
      ],
      [group("desk", "branch")],
      [[["links"], []]],
    );
    // (branch's DNS clients also see hq's hosts at its local hosts' priority: a warning of its own.)
    expect(warningsOf(many).filter((w) => w.startsWith("clients"))).toEqual([
      "clients[0].edition: warning: no host that group desk can use activates Windows 11 Enterprise (a, b, c and 1 more: no link path from branch to hq, Windows Server 2019 CSVLK does not cover it; e: Windows Server 2019 CSVLK does not cover it; f: not published (srv: false); and 2 more hosts)",
    ]);
  });

  it("fires when the scenario has no host at all, not for a group of 0 machines", () => {
    expect(warningsOf(estate([], [group("desk", "hq")]))).toEqual([
      "clients[0].edition: warning: no host that group desk can use activates Windows 11 Enterprise (the scenario has no KMS host)",
    ]);
    expect(warningsOf(estate([], [group("desk", "hq", { count: 0 })]))).toEqual([]);
  });

  it("is not computed for an invalid scenario (its errors come first)", () => {
    const data = estate([host("kms1", "hq", { os: "Windows Server 2019", csvlk: "Windows Server 2019" })], [group("desk", "hq", { count: -1 })]);
    const r = load(data);
    expect(r.ok).toBe(false);
    expect(r.warnings).toEqual([]);
  });
});

describe("a remote host at a local host's SRV priority (§N2, §C6.3)", () => {
  const twoHosts = [host("kms-hq", "hq"), host("kms-branch", "branch")];

  it("fires for a site with DNS clients, a local host and a remote one at the same priority (defaults 0/0)", () => {
    expect(warningsOf(estate(twoHosts, [group("branch-desk", "branch")]))).toEqual([
      "sites[1]: warning: DNS clients at branch may pick a remote host before the local one: kms-hq (site hq) has SRV priority 0, like local kms-branch; give remote hosts a higher priority number in this site's srv (§N2)",
    ]);
  });

  it("fires when an override puts the remote host at the local one's priority", () => {
    const hosts = [host("kms-hq", "hq", { srv: { priority: 0 } }), host("kms-branch", "branch", { srv: { priority: 10 } })];
    const data = estate(hosts, [group("branch-desk", "branch")], [[["sites", 1, "srv"], { "kms-hq": { priority: 10 } }]]);
    expect(warningsOf(data)).toEqual([
      "sites[1]: warning: DNS clients at branch may pick a remote host before the local one: kms-hq (site hq) has SRV priority 10, like local kms-branch; give remote hosts a higher priority number in this site's srv (§N2)",
    ]);
  });

  it("does not fire when the site's override gives the remote host a higher priority number (Microsoft's site-local-first design)", () => {
    const data = estate(twoHosts, [group("branch-desk", "branch")], [[["sites", 1, "srv"], { "kms-branch": { priority: 10 }, "kms-hq": { priority: 90 } }]]);
    expect(warningsOf(data)).toEqual([]);
  });

  it("does not fire when the remote record has weight 0 and every local one at that priority a positive weight (§C6.3: weight 0 comes last)", () => {
    const data = estate(twoHosts, [group("branch-desk", "branch")], [[["sites", 1, "srv"], { "kms-branch": { weight: 100 } }]]);
    expect(warningsOf(data)).toEqual([]);
    const both = withValue(data, ["sites", 1, "srv", "kms-hq"], { weight: 1 });
    expect(warningsOf(both)).toHaveLength(1);
  });

  it("does not fire for a site whose clients are all pinned, a site without a local host, or an unpublished remote host", () => {
    expect(warningsOf(estate(twoHosts, [group("lab", "branch", { kms: { pinned: "kms-branch" } })]))).toEqual([]);
    expect(warningsOf(estate([host("kms-hq", "hq")], [group("branch-desk", "branch")]))).toEqual([]);
    expect(warningsOf(estate([host("kms-hq", "hq", { srv: false }), host("kms-branch", "branch")], [group("branch-desk", "branch"), group("hq-desk", "hq", { kms: { pinned: "kms-hq" } })]))).toEqual([]);
  });

  it("names every remote host at that priority and checks each site on its own", () => {
    const hosts = [host("h1", "hq"), host("h2", "hq"), host("b1", "branch")];
    const data = estate(hosts, [group("hq-desk", "hq"), group("branch-desk", "branch")]);
    expect(warningsOf(data)).toEqual([
      "sites[0]: warning: DNS clients at hq may pick a remote host before the local one: b1 (site branch) has SRV priority 0, like local h1, h2; give remote hosts a higher priority number in this site's srv (§N2)",
      "sites[1]: warning: DNS clients at branch may pick a remote host before the local one: h1 (site hq), h2 (site hq) have SRV priority 0, like local b1; give remote hosts a higher priority number in this site's srv (§N2)",
    ]);
  });
});

describe("planning warnings per strategy (FORMAT.md Strategies)", () => {
  const trap = (): Json =>
    estate(
      [host("kms1", "hq", { os: "Windows Server 2016", patchLevel: "2021-05-11" })],
      [group("srv", "hq", { edition: "Windows Server 2022 Standard" })],
    );
  const baseLine =
    "clients[0].edition: warning: no host that group srv can use activates Windows Server 2022 Standard (kms1: needs KB5003638 or a patch level from 2021-06-08, has 2021-05-11)";

  it("a strategy that fixes the trap has no warning; one that sets no key the warning reads does not repeat it", () => {
    const data = withValue(trap(), ["strategies"], {
      "as-is": {},
      timers: { timers: { activationInterval: "1h" } },
      patched: { hosts: [host("kms1", "hq", { os: "Windows Server 2016", patchLevel: "2021-06-08" })] },
    });
    expect(warningsOf(data)).toEqual([baseLine]);
  });

  it("a strategy that sets a key the warning reads and keeps the trap repeats it under strategies.<name>", () => {
    const data = withValue(trap(), ["strategies"], {
      "caching-off": { clients: [group("srv", "hq", { edition: "Windows Server 2022 Standard", hostCaching: false })] },
      "new-link": { links: [] },
    });
    expect(warningsOf(data)).toEqual([baseLine, `strategies.caching-off.${baseLine}`, `strategies.new-link.${baseLine}`]);
  });

  it("a strategy can bring a trap the base does not have", () => {
    const data = withValue(base(), ["strategies"], {
      "old-host": { hosts: [host("kms1", "hq", { os: "Windows Server 2019", csvlk: "Windows Server 2019" })] },
    });
    expect(warningsOf(data)).toEqual([
      "strategies.old-host.clients[0].edition: warning: no host that group desk can use activates Windows 11 Enterprise (kms1: Windows Server 2019 CSVLK does not cover it)",
    ]);
  });

  it("a strategy whose SRV overrides fix the remote-priority trap has no warning", () => {
    const data = withValues([
      [["hosts"], [host("kms-hq", "hq"), host("kms-branch", "branch")]],
      [["clients"], [group("branch-desk", "branch")]],
      [["strategies"], { "as-is": {}, "site-local": { sites: [{ id: "hq" }, { id: "branch", srv: { "kms-hq": { priority: 90 } } }] } }],
    ]);
    expect(warningsOf(data)).toEqual([
      "sites[1]: warning: DNS clients at branch may pick a remote host before the local one: kms-hq (site hq) has SRV priority 0, like local kms-branch; give remote hosts a higher priority number in this site's srv (§N2)",
    ]);
  });
});
