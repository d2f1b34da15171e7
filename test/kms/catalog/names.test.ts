import { describe, expect, it } from "vitest";
import {
  EDITION_NAMES,
  OFFICE_VERSIONS,
  closestName,
  levenshtein,
  normaliseEditionName,
  normaliseName,
  resolveEdition,
} from "../../../src/kms/catalog/index.js";

describe("name matching (CATALOG.md, §H6a)", () => {
  it("normaliseName lower-cases, trims and folds repeated spaces", () => {
    expect(normaliseName("  Windows   11\tEnterprise  ")).toBe("windows 11 enterprise");
  });

  it.each([
    ["Windows 11 Pro", "Windows 11 Professional"],
    ["Windows 11 Pro N", "Windows 11 Professional N"],
    ["Windows 11 Pro for Workstations", "Windows 11 Professional for Workstations"],
    ["Windows 11 Pro N for Workstations", "Windows 11 Professional N for Workstations"],
    ["Windows 10 Pro", "Windows 10 Professional"],
    ["Windows 10 Pro N", "Windows 10 Professional N"],
    ["Windows 10 Pro for Workstations", "Windows 10 Professional for Workstations"],
    ["Windows 10 Pro N for Workstations", "Windows 10 Professional N for Workstations"],
    ["Windows 8.1 Pro", "Windows 8.1 Professional"],
    ["Windows 7 Pro", "Windows 7 Professional"],
    ["Windows 11 for Education", "Windows 11 Education"],
    ["Windows 11 for Education N", "Windows 11 Education N"],
    ["Windows 10 for Education", "Windows 10 Education"],
    ["Windows 10 for Education N", "Windows 10 Education N"],
  ])("CATALOG.md alias: %s resolves to %s", (input, name) => {
    expect(resolveEdition(input)).toEqual({ ok: true, name });
  });

  it("CATALOG.md alias: 'Pro' is replaced only as a whole word", () => {
    expect(normaliseEditionName("Windows 11 Professional")).toBe("windows 11 professional");
    expect(resolveEdition("Windows 11 Prof").ok).toBe(false);
    expect(resolveEdition("Windows 11 ProN").ok).toBe(false);
  });

  it("CATALOG.md: matching is case-insensitive and folds/trims spaces", () => {
    expect(resolveEdition("  windows   11   ENTERPRISE n ")).toEqual({ ok: true, name: "Windows 11 Enterprise N" });
    expect(resolveEdition("WINDOWS SERVER 2022 DATACENTER: AZURE EDITION")).toEqual({
      ok: true,
      name: "Windows Server 2022 Datacenter: Azure Edition",
    });
    expect(resolveEdition("windows 11 pro  n")).toEqual({ ok: true, name: "Windows 11 Professional N" });
  });

  it("CATALOG.md: every canonical edition resolves to itself", () => {
    for (const name of EDITION_NAMES) expect(resolveEdition(name)).toEqual({ ok: true, name });
  });

  it("CATALOG.md: an unknown name fails with the closest canonical name as a suggestion", () => {
    expect(resolveEdition("Windows 11 Enterprize")).toEqual({
      ok: false,
      message: 'unknown edition "Windows 11 Enterprize" (did you mean "Windows 11 Enterprise"?)',
    });
    const r = resolveEdition("windows server 2019 datacentre");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('(did you mean "Windows Server 2019 Datacenter"?)');
  });

  it("CATALOG.md: suggestions measure distance after aliases (Pro → Professional)", () => {
    const r = resolveEdition("Windows 11 Pro NN");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('"Windows 11 Professional N"');
  });

  it("levenshtein(a, b) counts inserts, deletes and substitutions", () => {
    expect(levenshtein("", "")).toBe(0);
    expect(levenshtein("abc", "")).toBe(3);
    expect(levenshtein("kitten", "sitting")).toBe(3);
    expect(levenshtein("flaw", "lawn")).toBe(2);
  });

  it("closestName(input, candidates) picks the nearest, the first on a tie, undefined for none", () => {
    expect(closestName("Office 2018", ["Office 2016", "Office 2019"])).toBe("Office 2016");
    expect(closestName("OFFICE  2019", ["Office 2016", "Office 2019"])).toBe("Office 2019");
    expect(closestName("x", [])).toBeUndefined();
  });
});

describe("closestName prefers names with the same version numbers (CATALOG.md suggestions)", () => {
  it("suggests Office LTSC 2021 for 'Office 2021' and Office LTSC 2024 for 'Office 2024'", () => {
    expect(closestName("Office 2021", OFFICE_VERSIONS)).toBe("Office LTSC 2021");
    expect(closestName("Office 2024", OFFICE_VERSIONS)).toBe("Office LTSC 2024");
  });
  it("falls back to plain edit distance when no name has the input's numbers", () => {
    expect(closestName("Office 2099", OFFICE_VERSIONS)).toBeDefined();
  });
});
