import { describe, expect, it } from "vitest";
import {
  CSVLK_GROUPS,
  CSVLK_TABLE,
  EDITIONS,
  EDITION_NAMES,
  HOST_OSES,
  SEED_ITEM_EDITIONS,
  UPDATE_KBS,
  UPDATE_TABLE,
  csvlkEditions,
  csvlkInstallableOn,
  editionInfo,
  editionsOfOs,
  isEditionName,
  releaseDateOf,
} from "../../../src/kms/catalog/index.js";

describe("editions (CATALOG.md, §H6a)", () => {
  it("§H6a: 53 distinct canonical editions, 26 client and 27 server", () => {
    expect(new Set(EDITION_NAMES).size).toBe(EDITION_NAMES.length);
    expect(EDITIONS.filter((e) => e.kind === "client")).toHaveLength(26);
    expect(EDITIONS.filter((e) => e.kind === "server")).toHaveLength(27);
  });

  it("§H6a: editionInfo gives kind and the update table's OS version", () => {
    expect(editionInfo("Windows 11 Professional N for Workstations")).toEqual({
      name: "Windows 11 Professional N for Workstations",
      kind: "client",
      os: "Windows 11",
    });
    expect(editionInfo("Windows 10 Enterprise LTSB N 2015")).toMatchObject({ kind: "client", os: "Windows 10" });
    expect(editionInfo("Windows Server 2022")).toMatchObject({ kind: "server", os: "Windows Server 2022" });
    expect(editionInfo("Windows Server Semi-Annual Channel Datacenter")).toMatchObject({
      kind: "server",
      os: "Windows Server Semi-Annual Channel",
    });
    expect(() => editionInfo("Windows 11 Pro")).toThrow();
  });

  it("CATALOG.md: a bare server OS name is an edition of that OS", () => {
    for (const e of EDITIONS.filter((x) => x.kind === "server")) expect(isEditionName(e.os)).toBe(true);
    expect(isEditionName("Windows 11")).toBe(false);
  });
});

describe("CSVLK table (seed 'Activation versions', §H6)", () => {
  const hostedOn: Record<string, readonly string[]> = {
    "Windows Server 2022": ["Windows Server 2022", "Windows Server 2019", "Windows Server 2016"],
    "Windows Server 2019": ["Windows Server 2019", "Windows Server 2016", "Windows Server 2012 R2"],
    "Windows Server 2016": ["Windows Server 2016", "Windows Server 2012 R2", "Windows Server 2012"],
    "Windows 10": ["Windows 10", "Windows 8.1", "Windows 7"],
  };

  for (const group of ["Windows Server 2022", "Windows Server 2019", "Windows Server 2016", "Windows 10"]) {
    it(`§H6: the ${group} CSVLK can be hosted on exactly ${hostedOn[group].join(", ")}`, () => {
      for (const os of HOST_OSES) expect(csvlkInstallableOn(group, os), os).toBe(hostedOn[group].includes(os));
    });
  }

  it("§H6: the 2022 CSVLK on Windows Server 2016 is valid, on Windows Server 2012 R2 it is not (0xC004F050)", () => {
    expect(csvlkInstallableOn("Windows Server 2022", "Windows Server 2016")).toBe(true);
    expect(csvlkInstallableOn("Windows Server 2022", "Windows Server 2012 R2")).toBe(false);
  });

  it("§H6: no CSVLK can be hosted on Windows Server 2008 R2 (a host OS, but in no 'hosted on' list)", () => {
    for (const g of CSVLK_GROUPS) expect(csvlkInstallableOn(g, "Windows Server 2008 R2")).toBe(false);
  });

  it("§H6a: every seed item has an expansion, every expansion is canonical, none is unused", () => {
    const used = new Set(CSVLK_TABLE.flatMap((r) => r.activatesSeedItems));
    expect(new Set(Object.keys(SEED_ITEM_EDITIONS))).toEqual(used);
    for (const names of Object.values(SEED_ITEM_EDITIONS)) for (const n of names) expect(isEditionName(n), n).toBe(true);
  });

  it("CATALOG.md: '(all editions)' and 'Semi-Annual Channel' expand to every edition of the OS, bare name included", () => {
    expect(SEED_ITEM_EDITIONS["Windows Server 2022 (all editions)"]).toEqual(editionsOfOs("Windows Server 2022"));
    expect(SEED_ITEM_EDITIONS["Windows Server 2022 (all editions)"]).toContain("Windows Server 2022");
    expect(SEED_ITEM_EDITIONS["Windows Server Semi-Annual Channel"]).toHaveLength(3);
  });

  it("CATALOG.md: 'LTSC/LTSC N/LTSB' = LTSC names + four LTSB names; 'LTSB (2015 and 2016)' = four LTSB names", () => {
    const ltsb = [
      "Windows 10 Enterprise LTSB 2016",
      "Windows 10 Enterprise LTSB N 2016",
      "Windows 10 Enterprise LTSB 2015",
      "Windows 10 Enterprise LTSB N 2015",
    ];
    expect([...SEED_ITEM_EDITIONS["Windows 10 LTSB (2015 and 2016)"]].sort()).toEqual([...ltsb].sort());
    expect([...SEED_ITEM_EDITIONS["Windows 10 Enterprise LTSC/LTSC N/LTSB"]].sort()).toEqual(
      ["Windows 10 Enterprise LTSC", "Windows 10 Enterprise LTSC N", ...ltsb].sort(),
    );
  });

  it("§H6: activated edition counts per CSVLK, read literally", () => {
    // 2022: 4 servers×… = 4+3+3+3+3+3+4+4 servers (27) + 8 Win11 + 14 Win10 + 2 + 2 = 53.
    expect(new Set(csvlkEditions("Windows Server 2022")).size).toBe(53);
    // 2019: minus WS2022 (4) and Windows 11 (8).
    expect(new Set(csvlkEditions("Windows Server 2019")).size).toBe(41);
    // 2016: minus WS2019 (3) and Windows 10 LTSC/LTSC N (2).
    expect(new Set(csvlkEditions("Windows Server 2016")).size).toBe(36);
    // Windows 10: 6 + LTSB 2015 ×2 + Pro for Workstations + 8.1 ×2 + 7 ×2.
    expect(new Set(csvlkEditions("Windows 10")).size).toBe(13);
  });
});

describe("update table (seed 'KMS host required updates', §H6)", () => {
  it("CATALOG.md: release dates used for each KB", () => {
    expect(Object.fromEntries(UPDATE_KBS.map((u) => [u.kb, u.releaseDate]))).toEqual({
      KB5003646: "2021-06-08",
      KB5003638: "2021-06-08",
      KB4478877: "2018-12-03",
      KB4467695: "2018-11-27",
      KB3172614: "2016-07-01",
      KB3172615: "2016-07-01",
      KB3079821: "2015-07-29",
    });
  });

  it("§H6: 9 rows, each naming host OSes, OS versions and KBs of the catalogue", () => {
    expect(UPDATE_TABLE).toHaveLength(9);
    const oses = new Set(EDITIONS.map((e) => e.os));
    for (const row of UPDATE_TABLE) {
      expect(HOST_OSES).toContain(row.hostOs);
      for (const os of row.clientOses) expect(oses.has(os), os).toBe(true);
      for (const kb of row.kbs) expect(releaseDateOf(kb)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const kb of row.kbs) expect(row.seedText).toContain(`help/${kb.slice(2)}`);
    }
  });
});
