// FORMAT.md "Field rules" that relate several fields or entries: unique ids, references that must
// exist, site SRV overrides of published hosts (§N2), patchLevel xor updates, a CSVLK installable
// on the host OS (§H6, 0xC004F050), and the retirements of a group within its count (§C8).
import { describe, expect, it } from "vitest";
import { base, errorsOf, withValue, withValues, type Json } from "./helpers.js";

const HOST2: Json = { id: "kms2", site: "branch", os: "Windows Server 2022", csvlk: "Windows Server 2022" };

describe("ids are unique", () => {
  it("site ids are unique", () => {
    const data = withValues([
      [["sites", 1, "id"], "hq"],
      [["links"], []],
    ]);
    expect(errorsOf(data)).toEqual(['sites[1].id: duplicate site id "hq" (already used by sites[0])']);
  });

  it("host ids are unique", () => {
    expect(errorsOf(withValue(base(), ["hosts", 1], withValue(HOST2, ["id"], "kms1")))).toEqual([
      'hosts[1].id: duplicate host id "kms1" (already used by hosts[0])',
    ]);
  });

  it("host and link ids are unique together; the clash is reported at the link", () => {
    expect(errorsOf(withValue(base(), ["links", 0, "id"], "kms1"))).toEqual([
      'links[0].id: "kms1" is already the id of hosts[0]: host and link ids must be unique together (they name timeline columns)',
    ]);
  });

  it("link ids are unique", () => {
    expect(errorsOf(withValue(base(), ["links", 1], { id: "wan", between: ["branch", "hq"] }))).toEqual([
      'links[1].id: duplicate link id "wan" (already used by links[0])',
    ]);
  });

  it("client group ids are unique", () => {
    expect(errorsOf(withValue(base(), ["clients", 1], { id: "desk", site: "hq", count: 1, edition: "Windows 11 Enterprise" }))).toEqual([
      'clients[1].id: duplicate client group id "desk" (already used by clients[0])',
    ]);
  });

  it("a site may share its id with a host or a group", () => {
    const data = withValues([
      [["hosts", 0, "id"], "hq"],
      [["clients", 0, "id"], "hq"],
    ]);
    expect(errorsOf(data)).toEqual([]);
  });
});

describe("every reference exists", () => {
  it("host.site", () => {
    expect(errorsOf(withValue(base(), ["hosts", 0, "site"], "hqq"))).toEqual(['hosts[0].site: unknown site "hqq" (did you mean "hq"?)']);
  });

  it("client.site, listing the sites when none is close", () => {
    expect(errorsOf(withValue(base(), ["clients", 0, "site"], "nowhere"))).toEqual(['clients[0].site: unknown site "nowhere" (sites: hq, branch)']);
  });

  it("a reference when there are no sites at all", () => {
    const data = withValues([
      [["sites"], undefined],
      [["links"], undefined],
      [["clients"], undefined],
    ]);
    expect(errorsOf(data)).toEqual(['hosts[0].site: unknown site "hq": the scenario has no sites']);
  });

  it("kms.pinned", () => {
    expect(errorsOf(withValue(base(), ["clients", 0, "kms"], { pinned: "kms9" }))).toEqual([
      'clients[0].kms.pinned: unknown host "kms9" (did you mean "kms1"?)',
    ]);
  });

  it("link ends", () => {
    expect(errorsOf(withValue(base(), ["links", 0, "between"], ["hq", "brnch"]))).toEqual([
      'links[0].between[1]: unknown site "brnch" (did you mean "branch"?)',
    ]);
  });

  it("a link joins two different sites", () => {
    expect(errorsOf(withValue(base(), ["links", 0, "between"], ["hq", "hq"]))).toEqual([
      'links[0].between: a link joins two different sites, got "hq" twice',
    ]);
  });

  it("a site SRV override names a host", () => {
    expect(errorsOf(withValue(base(), ["sites", 1, "srv"], { "kms-branch": { priority: 10 } }))).toEqual([
      'sites[1].srv.kms-branch: unknown host "kms-branch" (hosts: kms1)',
    ]);
  });

  it("a site SRV override names a host whose srv is not false (§N2)", () => {
    const data = withValues([
      [["sites", 1, "srv"], { kms1: { priority: 10 } }],
      [["hosts", 0, "srv"], false],
    ]);
    expect(errorsOf(data)).toEqual([
      'sites[1].srv.kms1: host "kms1" has srv: false (not published in DNS), so a site cannot override its SRV record (§N2)',
    ]);
  });

  it("a broken id is not reported again as a missing reference", () => {
    const data = withValues([
      [["hosts", 0, "id"], 7],
      [["clients", 0, "kms"], { pinned: "kms1" }],
      [["sites", 0, "id"], "h q"],
    ]);
    const errors = errorsOf(data);
    expect(errors.some((e) => e.includes("unknown"))).toBe(false);
    expect(errors).toHaveLength(2);
  });

  it("a list that is not a list is reported once, not at every reference to it", () => {
    expect(errorsOf(withValue(base(), ["sites"], { hq: {} }))).toEqual(["sites: expected a list of sites, got a mapping"]);
  });
});

describe("hosts: patchLevel xor updates; csvlk installable on os (§H6)", () => {
  it("patchLevel and updates together are an error at the host", () => {
    const data = withValues([
      [["hosts", 0, "patchLevel"], "2021-06-08"],
      [["hosts", 0, "updates"], ["KB5003646"]],
    ]);
    expect(errorsOf(data)).toEqual(["hosts[0]: give patchLevel or updates, not both"]);
  });

  it("a CSVLK that cannot be installed on the host OS is 0xC004F050", () => {
    const data = withValues([
      [["hosts", 0, "os"], "Windows 10"],
      [["hosts", 0, "csvlk"], "Windows Server 2019"],
    ]);
    expect(errorsOf(data)).toEqual([
      "hosts[0].csvlk: the Windows Server 2019 CSVLK cannot be installed on Windows 10 (0xC004F050, §H6); it can be installed on Windows Server 2019, Windows Server 2016, Windows Server 2012 R2",
    ]);
  });

  it("an OS with an edition suffix is read as its OS", () => {
    const data = withValues([
      [["hosts", 0, "os"], "Windows Server 2019 Datacenter"],
      [["hosts", 0, "csvlk"], "Volume License for Windows Server 2019"],
    ]);
    expect(errorsOf(data)).toEqual([]);
  });
});

describe("retire: the retirements of a group together ≤ its count (§C8)", () => {
  it("reports a total above the count at retire", () => {
    const data = withValue(base(), ["clients", 0, "retire"], [
      { at: "1d", count: 20 },
      { at: "2d", count: 11 },
    ]);
    expect(errorsOf(data)).toEqual(["clients[0].retire: the retirements total 31 members, more than the group's count (30)"]);
  });

  it("accepts a total equal to the count", () => {
    const data = withValue(base(), ["clients", 0, "retire"], [
      { at: "1d", count: 20 },
      { at: "2d", count: 10 },
    ]);
    expect(errorsOf(data)).toEqual([]);
  });
});
