// AD's OperatingSystem → catalogue editions (docs/import.md "Editions"): one test per rule of the
// mapping table, on the strings AD really writes.
import { describe, expect, it } from "vitest";
import { buildOf, cleanOsName, closestCatalogueName, mapOperatingSystem } from "../../src/import/os-map.js";

const edition = (os: string, version = ""): string => {
  const r = mapOperatingSystem(os, version);
  if (r.kind !== "edition") throw new Error(`${os}: expected an edition, got ${JSON.stringify(r)}`);
  return r.edition;
};

describe("mapOperatingSystem: names the catalogue knows", () => {
  it("maps AD's names that are catalogue names as they are (case and repeated spaces ignored)", () => {
    expect(edition("Windows 11 Enterprise", "10.0 (22631)")).toBe("Windows 11 Enterprise");
    expect(edition("Windows Server 2019 Standard", "10.0 (17763)")).toBe("Windows Server 2019 Standard");
    expect(edition("WINDOWS  10   ENTERPRISE", "10.0 (19045)")).toBe("Windows 10 Enterprise");
    expect(edition("Windows Server 2022 Datacenter: Azure Edition")).toBe("Windows Server 2022 Datacenter: Azure Edition");
  });

  it("reads Pro as Professional: Windows 10 Pro → Windows 10 Professional, Pro N, Pro for Workstations", () => {
    expect(edition("Windows 10 Pro", "10.0 (19045)")).toBe("Windows 10 Professional");
    expect(edition("Windows 10 Pro N", "10.0 (19045)")).toBe("Windows 10 Professional N");
    expect(edition("Windows 10 Pro for Workstations", "10.0 (19045)")).toBe("Windows 10 Professional for Workstations");
    expect(edition("Windows 8.1 Pro", "6.3 (9600)")).toBe("Windows 8.1 Professional");
  });

  it("drops ®, ™, (R), (TM) and the ? an ASCII export leaves for a mark", () => {
    expect(edition("Windows Server® 2008 Standard", "6.0 (6003)")).toBe("Windows Server 2008 Standard");
    expect(edition("Windows Server (R) 2008 Enterprise")).toBe("Windows Server 2008 Enterprise");
    expect(edition("Windows Server? 2008 Standard")).toBe("Windows Server 2008 Standard");
    expect(edition("Windows 7 Professional(TM)")).toBe("Windows 7 Professional");
    expect(cleanOsName("Windows Vista™ Business")).toBe("Windows Vista Business");
  });

  it("reads a Windows 10 name with build ≥ 22000 as Windows 11, and build 21999 as Windows 10", () => {
    expect(edition("Windows 10 Enterprise", "10.0 (22000)")).toBe("Windows 11 Enterprise");
    expect(edition("Windows 10 Pro", "10.0 (22631)")).toBe("Windows 11 Professional");
    expect(edition("Windows 10 Enterprise", "10.0 (21999)")).toBe("Windows 10 Enterprise");
    expect(edition("Windows 10 Enterprise", "")).toBe("Windows 10 Enterprise"); // no build: as named
  });

  it("maps AD's LTSB spellings (year before LTSB, N before the year) to the catalogue's", () => {
    expect(edition("Windows 10 Enterprise 2016 LTSB", "10.0 (14393)")).toBe("Windows 10 Enterprise LTSB 2016");
    expect(edition("Windows 10 Enterprise N 2016 LTSB", "10.0 (14393)")).toBe("Windows 10 Enterprise LTSB N 2016");
    expect(edition("Windows 10 Enterprise 2015 LTSB", "10.0 (10240)")).toBe("Windows 10 Enterprise LTSB 2015");
  });

  it("dates an LTSB without a year by its build: 10240 is LTSB 2015, 14393 LTSB 2016", () => {
    expect(edition("Windows 10 Enterprise LTSB", "10.0 (10240)")).toBe("Windows 10 Enterprise LTSB 2015");
    expect(edition("Windows 10 Enterprise LTSB", "10.0 (14393)")).toBe("Windows 10 Enterprise LTSB 2016");
    expect(mapOperatingSystem("Windows 10 Enterprise LTSB", "10.0 (17763)").kind).toBe("unknown");
  });

  it("maps every LTSC release (2019, 2021: one catalogue name) and LTSC N", () => {
    expect(edition("Windows 10 Enterprise LTSC", "10.0 (17763)")).toBe("Windows 10 Enterprise LTSC");
    expect(edition("Windows 10 Enterprise LTSC", "10.0 (19044)")).toBe("Windows 10 Enterprise LTSC");
    expect(edition("Windows 10 Enterprise N LTSC", "10.0 (19044)")).toBe("Windows 10 Enterprise LTSC N");
    expect(edition("Windows 10 Enterprise LTSC 2019", "10.0 (17763)")).toBe("Windows 10 Enterprise LTSC");
  });

  it("reads a server without a year (Windows Server Standard, Datacenter) as Semi-Annual Channel", () => {
    expect(edition("Windows Server Standard", "10.0 (19042)")).toBe("Windows Server Semi-Annual Channel Standard");
    expect(edition("Windows Server Datacenter", "10.0 (18363)")).toBe("Windows Server Semi-Annual Channel Datacenter");
  });

  it("reads \"without Hyper-V\" as the same edition (same KMS key)", () => {
    expect(edition("Windows Server® 2008 Enterprise without Hyper-V")).toBe("Windows Server 2008 Enterprise");
  });
});

describe("mapOperatingSystem: skipped names", () => {
  it("skips editions KMS cannot activate: Home, Starter, Ultimate, Evaluation", () => {
    for (const os of ["Windows 10 Home", "Windows 11 Home", "Windows 7 Home Premium", "Windows 7 Starter", "Windows 7 Ultimate", "Windows 10 Enterprise Evaluation", "Windows Server 2019 Datacenter Evaluation"]) {
      expect(mapOperatingSystem(os, "10.0 (19045)")).toEqual({ kind: "not-kms", label: os });
    }
  });

  it("skips what is not Windows, and accounts without an OperatingSystem", () => {
    expect(mapOperatingSystem("Mac OS X", "10.15")).toEqual({ kind: "not-kms", label: "Mac OS X" });
    expect(mapOperatingSystem("CentOS Linux", "7.9")).toEqual({ kind: "not-kms", label: "CentOS Linux" });
    expect(mapOperatingSystem("Hyper-V Server 2019", "10.0 (17763)")).toEqual({ kind: "not-kms", label: "Hyper-V Server 2019" });
    expect(mapOperatingSystem("", "")).toEqual({ kind: "not-kms", label: "(no OperatingSystem)" });
    expect(mapOperatingSystem("  ", "")).toEqual({ kind: "not-kms", label: "(no OperatingSystem)" });
  });

  it("skips Windows names the catalogue lacks, with the closest catalogue name", () => {
    expect(mapOperatingSystem("Windows Server 2025 Standard", "10.0 (26100)")).toEqual({
      kind: "unknown",
      label: "Windows Server 2025 Standard",
      closest: "Windows Server 2022 Standard",
    });
    expect(mapOperatingSystem("Windows 10 Enterprise multi-session", "10.0 (19045)")).toEqual({
      kind: "unknown",
      label: "Windows 10 Enterprise multi-session",
      closest: "Windows 10 Enterprise",
    });
  });

  it("names a skipped Windows 10 name with a Windows 11 build as Windows 11", () => {
    expect(mapOperatingSystem("Windows 10 Enterprise multi-session", "10.0 (22631)")).toMatchObject({
      label: "Windows 11 Enterprise multi-session",
      closest: "Windows 11 Enterprise",
    });
  });
});

describe("closestCatalogueName and buildOf", () => {
  it("prefers the longest catalogue name the AD name starts with, else the nearest with the same numbers", () => {
    expect(closestCatalogueName("Windows Server 2016 Essentials")).toBe("Windows Server 2016");
    expect(closestCatalogueName("Windows 11 Enterprise LTSC")).toBe("Windows 11 Enterprise");
    expect(closestCatalogueName("Windows 8 Enterprise")).toBe("Windows 8.1 Enterprise");
  });

  it("reads the build of an OperatingSystemVersion", () => {
    expect(buildOf("10.0 (19045)")).toBe(19045);
    expect(buildOf("6.1 (7601)")).toBe(7601);
    expect(buildOf("10.15")).toBeUndefined();
    expect(buildOf("")).toBeUndefined();
  });
});
