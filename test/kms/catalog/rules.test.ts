import { describe, expect, it } from "vitest";
import {
  CSVLK_GROUPS,
  EDITIONS,
  EDITION_NAMES,
  HOST_OSES,
  OFFICE_THRESHOLD,
  OFFICE_VERSIONS,
  csvlkActivates,
  csvlkInstallableOn,
  editionInfo,
  editionRefusal,
  editionsOfOs,
  hostServesEdition,
  hostServesOffice,
  requiredUpdateFor,
  thresholdOf,
} from "../../../src/kms/catalog/index.js";
import type { PatchSpec } from "../../../src/kms/world.js";

const full: PatchSpec = { kind: "full" };
const date = (d: string): PatchSpec => ({ kind: "date", date: d });
const updates = (...kbs: string[]): PatchSpec => ({ kind: "updates", kbs });
const host = (os: string, csvlk: string, patch: PatchSpec = full) => ({ os, csvlk, patch });

const WIN11 = editionsOfOs("Windows 11");

describe("thresholds (§C5, §O1)", () => {
  it("§C5: 25 for every client edition, 5 for every server edition", () => {
    for (const e of EDITIONS) expect(thresholdOf(e.name)).toBe(e.kind === "client" ? 25 : 5);
    expect(thresholdOf("Windows 7 Enterprise")).toBe(25);
    expect(thresholdOf("Windows Server 2022 Datacenter: Azure Edition")).toBe(5);
  });

  it("§C5/§O1: volume Office sends 5", () => {
    expect(OFFICE_THRESHOLD).toBe(5);
  });
});

describe("which editions a CSVLK activates, read literally (§H6)", () => {
  it("§H6: the 2019 and 2016 CSVLKs do not activate Windows 11", () => {
    for (const e of WIN11) {
      expect(hostServesEdition(host("Windows Server 2019", "Windows Server 2019"), e), e).toBe(false);
      expect(hostServesEdition(host("Windows Server 2016", "Windows Server 2016"), e), e).toBe(false);
    }
  });

  it("§H6: the 2022 CSVLK activates every Windows 11 edition, e.g. Windows 11 Professional N for Workstations", () => {
    for (const e of WIN11) expect(hostServesEdition(host("Windows Server 2022", "Windows Server 2022"), e), e).toBe(true);
    expect(
      hostServesEdition(host("Windows Server 2022", "Windows Server 2022"), "Windows 11 Professional N for Workstations"),
    ).toBe(true);
  });

  it("§H6: the 2022 CSVLK activates every edition of the catalogue, Azure Edition included", () => {
    for (const e of EDITION_NAMES) expect(hostServesEdition(host("Windows Server 2022", "Windows Server 2022"), e), e).toBe(true);
  });

  it("§H6: the 2019 CSVLK does not activate Windows Server 2022 but activates Semi-Annual Channel and LTSC", () => {
    const h = host("Windows Server 2019", "Windows Server 2019");
    for (const e of editionsOfOs("Windows Server 2022")) expect(hostServesEdition(h, e), e).toBe(false);
    expect(hostServesEdition(h, "Windows Server Semi-Annual Channel Standard")).toBe(true);
    expect(hostServesEdition(h, "Windows 10 Enterprise LTSC N")).toBe(true);
    expect(hostServesEdition(h, "Windows 10 Enterprise LTSB N 2015")).toBe(true);
  });

  it("§H6: the 2016 CSVLK activates Windows 10 Enterprise LTSB 2016 but not Windows 10 Enterprise LTSC", () => {
    const h = host("Windows Server 2016", "Windows Server 2016");
    expect(hostServesEdition(h, "Windows 10 Enterprise LTSB 2016")).toBe(true);
    expect(hostServesEdition(h, "Windows 10 Enterprise LTSB N 2015")).toBe(true);
    expect(hostServesEdition(h, "Windows 10 Enterprise LTSC")).toBe(false);
    expect(hostServesEdition(h, "Windows 10 Enterprise LTSC N")).toBe(false);
    expect(hostServesEdition(h, "Windows Server 2019")).toBe(false);
    expect(hostServesEdition(h, "Windows Server Semi-Annual Channel")).toBe(true);
    expect(hostServesEdition(h, "Windows 10 Education N")).toBe(true);
  });

  it("§H6: the Windows 10 CSVLK activates no server edition", () => {
    const h = host("Windows 10", "Windows 10");
    for (const e of EDITIONS.filter((x) => x.kind === "server")) {
      expect(csvlkActivates("Windows 10", e.name), e.name).toBe(false);
      expect(hostServesEdition(h, e.name), e.name).toBe(false);
    }
  });

  it("§H6: the Windows 10 CSVLK activates LTSB 2015 and LTSB N 2015, not LTSB 2016, LTSC or Windows 11", () => {
    const h = host("Windows 10", "Windows 10");
    expect(hostServesEdition(h, "Windows 10 Enterprise LTSB 2015")).toBe(true);
    expect(hostServesEdition(h, "Windows 10 Enterprise LTSB N 2015")).toBe(true);
    expect(hostServesEdition(h, "Windows 10 Enterprise LTSB 2016")).toBe(false);
    expect(hostServesEdition(h, "Windows 10 Enterprise LTSB N 2016")).toBe(false);
    expect(hostServesEdition(h, "Windows 10 Enterprise LTSC")).toBe(false);
    for (const e of WIN11) expect(hostServesEdition(h, e), e).toBe(false);
  });

  it("§H6: the Windows 10 CSVLK lists Pro for Workstations but not Pro N for Workstations", () => {
    const h = host("Windows 10", "Windows 10");
    expect(hostServesEdition(h, "Windows 10 Professional for Workstations")).toBe(true);
    expect(hostServesEdition(h, "Windows 10 Professional N for Workstations")).toBe(false);
  });
});

describe("a host on a Windows client OS (§H6)", () => {
  it("§H6: a host on Windows 10/8.1/7 activates only client editions, whatever its CSVLK lists", () => {
    // No valid CSVLK/OS pair reaches this rule (the Windows 10 CSVLK lists no server), so test it directly.
    for (const os of ["Windows 10", "Windows 8.1", "Windows 7"]) {
      expect(hostServesEdition(host(os, "Windows Server 2022"), "Windows Server 2022 Standard"), os).toBe(false);
      expect(hostServesEdition(host(os, "Windows Server 2022"), "Windows Server 2008"), os).toBe(false);
      expect(hostServesEdition(host(os, "Windows 10"), "Windows 8.1 Enterprise"), os).toBe(true);
    }
  });
});

describe("required updates (§H6, seed 'KMS host required updates')", () => {
  it("§H6: Windows Server 2016 host, 2022 CSVLK, Windows Server 2022 needs KB5003638 (2021-06-08)", () => {
    expect(requiredUpdateFor("Windows Server 2016", "Windows Server 2022")).toEqual({
      kbs: ["KB5003638"],
      earliestDate: "2021-06-08",
    });
    const e = "Windows Server 2022 Datacenter";
    expect(hostServesEdition(host("Windows Server 2016", "Windows Server 2022", date("2021-06-07")), e)).toBe(false);
    expect(hostServesEdition(host("Windows Server 2016", "Windows Server 2022", date("2021-06-08")), e)).toBe(true);
    expect(hostServesEdition(host("Windows Server 2016", "Windows Server 2022", date("2024-01-01")), e)).toBe(true);
    expect(hostServesEdition(host("Windows Server 2016", "Windows Server 2022", updates("KB5003638")), e)).toBe(true);
    expect(hostServesEdition(host("Windows Server 2016", "Windows Server 2022", full), e)).toBe(true);
  });

  it("§H6: Windows Server 2016 host, Windows Server 2019 needs the earliest of KB5003638/KB4478877 (2018-12-03)", () => {
    expect(requiredUpdateFor("Windows Server 2016", "Windows Server 2019")).toEqual({
      kbs: ["KB5003638", "KB4478877"],
      earliestDate: "2018-12-03",
    });
    const e = "Windows Server 2019 Standard";
    expect(hostServesEdition(host("Windows Server 2016", "Windows Server 2022", date("2018-12-02")), e)).toBe(false);
    expect(hostServesEdition(host("Windows Server 2016", "Windows Server 2022", date("2018-12-03")), e)).toBe(true);
    expect(hostServesEdition(host("Windows Server 2016", "Windows Server 2019", date("2018-12-03")), e)).toBe(true);
  });

  it("§H6: updates: [KB4478877] on Windows Server 2016 serves Windows Server 2019 but not Windows Server 2022", () => {
    const h = host("Windows Server 2016", "Windows Server 2022", updates("KB4478877"));
    expect(hostServesEdition(h, "Windows Server 2019")).toBe(true);
    expect(hostServesEdition(h, "Windows Server 2022")).toBe(false);
  });

  it("§H6: updates: [] meets no requirement, but is enough where none is needed", () => {
    const h = host("Windows Server 2016", "Windows Server 2022", updates());
    expect(hostServesEdition(h, "Windows Server 2019")).toBe(false);
    expect(hostServesEdition(h, "Windows Server 2016")).toBe(true);
    expect(hostServesEdition(h, "Windows 10 Enterprise")).toBe(true);
  });

  it("§H6: Windows 11 needs no update (no row lists it), even on a Windows Server 2016 host patched long ago", () => {
    for (const hostOs of HOST_OSES) expect(requiredUpdateFor(hostOs, "Windows 11")).toBeNull();
    const h = host("Windows Server 2016", "Windows Server 2022", date("2016-01-01"));
    for (const e of WIN11) expect(hostServesEdition(h, e), e).toBe(true);
  });

  it("§H6: Windows Server 2019 host, 2022 CSVLK: Windows Server 2022 needs KB5003646, Windows Server 2019 nothing", () => {
    expect(requiredUpdateFor("Windows Server 2019", "Windows Server 2022")).toEqual({
      kbs: ["KB5003646"],
      earliestDate: "2021-06-08",
    });
    const old = host("Windows Server 2019", "Windows Server 2022", date("2019-01-01"));
    expect(hostServesEdition(old, "Windows Server 2022 Standard")).toBe(false);
    expect(hostServesEdition(old, "Windows Server 2019 Standard")).toBe(true);
    const kb = host("Windows Server 2019", "Windows Server 2022", updates("KB5003638"));
    expect(hostServesEdition(kb, "Windows Server 2022 Standard")).toBe(false); // the WS2016 KB, not this host's
  });

  it("§H6: Windows Server 2012 R2 host, Windows 10: earliest of KB4467695 (2018-11-27) and KB3172614 (2016-07-01)", () => {
    expect(requiredUpdateFor("Windows Server 2012 R2", "Windows 10")).toEqual({
      kbs: ["KB4467695", "KB3172614"],
      earliestDate: "2016-07-01",
    });
    const at = (p: PatchSpec) => host("Windows Server 2012 R2", "Windows Server 2019", p);
    expect(hostServesEdition(at(date("2016-06-30")), "Windows 10 Enterprise")).toBe(false);
    expect(hostServesEdition(at(date("2016-07-01")), "Windows 10 Enterprise")).toBe(true);
    expect(hostServesEdition(at(updates("KB4467695")), "Windows 10 Enterprise")).toBe(true);
    expect(hostServesEdition(at(updates("KB3172614")), "Windows 10 Enterprise")).toBe(true);
    expect(hostServesEdition(at(updates("KB3172615")), "Windows 10 Enterprise")).toBe(false);
  });

  it("§H6: Windows Server 2012 R2 host, Windows Server 2019 needs KB4467695 only (2018-11-27)", () => {
    expect(requiredUpdateFor("Windows Server 2012 R2", "Windows Server 2019")).toEqual({
      kbs: ["KB4467695"],
      earliestDate: "2018-11-27",
    });
    const at = (p: PatchSpec) => host("Windows Server 2012 R2", "Windows Server 2019", p);
    expect(hostServesEdition(at(date("2018-11-26")), "Windows Server 2019")).toBe(false);
    expect(hostServesEdition(at(date("2018-11-27")), "Windows Server 2019")).toBe(true);
    expect(hostServesEdition(at(updates("KB3172614")), "Windows Server 2019")).toBe(false);
    expect(hostServesEdition(at(updates("KB3172614")), "Windows Server 2016")).toBe(true);
    expect(hostServesEdition(at(date("2000-01-01")), "Windows Server 2012 R2")).toBe(true);
  });

  it("§H6: Windows Server 2012 host, 2016 CSVLK: Windows Server 2016, 2012 R2 and Windows 10 need KB3172615", () => {
    const at = (p: PatchSpec) => host("Windows Server 2012", "Windows Server 2016", p);
    for (const e of ["Windows Server 2016", "Windows Server 2012 R2 Datacenter", "Windows 10 Professional"]) {
      expect(hostServesEdition(at(date("2016-06-30")), e), e).toBe(false);
      expect(hostServesEdition(at(date("2016-07-01")), e), e).toBe(true);
      expect(hostServesEdition(at(updates("KB3172615")), e), e).toBe(true);
      expect(hostServesEdition(at(updates("KB3172614")), e), e).toBe(false);
    }
    expect(hostServesEdition(at(date("2000-01-01")), "Windows 8.1 Enterprise")).toBe(true);
    expect(hostServesEdition(at(date("2000-01-01")), "Windows Server 2012")).toBe(true);
  });

  it("§H6: Windows 8.1 and Windows 7 hosts, Windows 10 CSVLK: Windows 10 needs KB3172614 / KB3079821", () => {
    expect(requiredUpdateFor("Windows 8.1", "Windows 10")).toEqual({ kbs: ["KB3172614"], earliestDate: "2016-07-01" });
    expect(requiredUpdateFor("Windows 7", "Windows 10")).toEqual({ kbs: ["KB3079821"], earliestDate: "2015-07-29" });
    expect(hostServesEdition(host("Windows 8.1", "Windows 10", date("2016-06-30")), "Windows 10 Enterprise")).toBe(false);
    expect(hostServesEdition(host("Windows 8.1", "Windows 10", date("2016-07-01")), "Windows 10 Enterprise")).toBe(true);
    expect(hostServesEdition(host("Windows 7", "Windows 10", date("2015-07-28")), "Windows 10 Enterprise")).toBe(false);
    expect(hostServesEdition(host("Windows 7", "Windows 10", updates("KB3079821")), "Windows 10 Enterprise")).toBe(true);
    expect(hostServesEdition(host("Windows 7", "Windows 10", date("2010-01-01")), "Windows 8.1 Professional")).toBe(true);
    expect(hostServesEdition(host("Windows 10", "Windows 10", date("2010-01-01")), "Windows 10 Enterprise")).toBe(true);
  });

  it("§H6: requiredUpdateFor is null for pairs the table does not list", () => {
    expect(requiredUpdateFor("Windows Server 2022", "Windows Server 2022")).toBeNull();
    expect(requiredUpdateFor("Windows Server 2016", "Windows Server 2016")).toBeNull();
    expect(requiredUpdateFor("Windows Server 2016", "Windows Server Semi-Annual Channel")).toBeNull();
    expect(requiredUpdateFor("Windows Server 2008 R2", "Windows 10")).toEqual({
      kbs: ["KB3079821"],
      earliestDate: "2015-07-29",
    });
  });

  it("§H6: over every valid host, a full patch serves exactly what the CSVLK lists; a later date never serves less", () => {
    const dates = ["2015-01-01", "2015-07-29", "2016-07-01", "2018-11-27", "2018-12-03", "2021-06-08"];
    for (const os of HOST_OSES) {
      for (const csvlk of CSVLK_GROUPS) {
        if (!csvlkInstallableOn(csvlk, os)) continue;
        for (const e of EDITION_NAMES) {
          expect(hostServesEdition(host(os, csvlk, full), e)).toBe(csvlkActivates(csvlk, e));
          let served = false;
          for (const d of dates) {
            const now = hostServesEdition(host(os, csvlk, date(d)), e);
            if (served) expect(now, `${os} ${csvlk} ${e} ${d}`).toBe(true);
            served = now;
          }
          expect(served).toBe(csvlkActivates(csvlk, e)); // by 2021-06-08 every listed update is out
          const req = requiredUpdateFor(os, editionInfo(e).os);
          if (req !== null && csvlkActivates(csvlk, e)) {
            expect(hostServesEdition(host(os, csvlk, updates(...req.kbs)), e)).toBe(true);
          }
        }
      }
    }
  });
});

describe("Office keys (§H6, §O1)", () => {
  it("§H6: a host activates an Office version only if officeKeys holds exactly that version", () => {
    expect(hostServesOffice(["Office 2019"], "Office 2019")).toBe(true);
    expect(hostServesOffice(["Office 2019"], "Office 2016")).toBe(false);
    expect(hostServesOffice(["Office LTSC 2021"], "Office 2019")).toBe(false);
    expect(hostServesOffice(["Office 2016", "Office LTSC 2024"], "Office LTSC 2024")).toBe(true);
    expect(hostServesOffice([], "Office 2010")).toBe(false);
    for (const v of OFFICE_VERSIONS) expect(hostServesOffice(OFFICE_VERSIONS, v)).toBe(true);
  });
});

describe("why a host refuses an edition (§H6; the planning warnings explain with it)", () => {
  it("null exactly when hostServesEdition, for every host OS, CSVLK installable on it, edition and patch level", () => {
    for (const os of HOST_OSES) {
      for (const csvlk of CSVLK_GROUPS) {
        if (!csvlkInstallableOn(csvlk, os)) continue;
        for (const patch of [full, date("2015-01-01"), updates()]) {
          for (const e of EDITION_NAMES) {
            expect(editionRefusal(host(os, csvlk, patch), e) === null, `${os}/${csvlk}/${e}`).toBe(hostServesEdition(host(os, csvlk, patch), e));
          }
        }
      }
    }
  });

  it("names the cause: the CSVLK first, then the update with the pair's KBs and earliest date", () => {
    expect(editionRefusal(host("Windows Server 2019", "Windows Server 2019"), "Windows 11 Enterprise")).toEqual({ kind: "csvlk" });
    // A 2016 host at May 2021 and Server 2022 clients: the seed's row needs KB5003638 (2021-06-08).
    expect(editionRefusal(host("Windows Server 2016", "Windows Server 2022", date("2021-05-11")), "Windows Server 2022")).toEqual({
      kind: "update",
      requirement: { kbs: ["KB5003638"], earliestDate: "2021-06-08" },
    });
    // Not patched, and the CSVLK does not list it: the CSVLK is named.
    expect(editionRefusal(host("Windows Server 2016", "Windows Server 2016", date("2010-01-01")), "Windows Server 2019")).toEqual({ kind: "csvlk" });
  });
});
