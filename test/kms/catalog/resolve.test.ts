import { describe, expect, it } from "vitest";
import {
  CSVLK_GROUPS,
  HOST_OSES,
  OFFICE_VERSIONS,
  resolveCsvlk,
  resolveHostOs,
  resolveOffice,
  resolveUpdate,
} from "../../../src/kms/catalog/index.js";

describe("resolveHostOs (CATALOG.md host OSes, §H6)", () => {
  it("CATALOG.md: each of the 9 host OSes resolves to itself", () => {
    expect(HOST_OSES).toHaveLength(9);
    for (const os of HOST_OSES) expect(resolveHostOs(os)).toEqual({ ok: true, os });
  });

  it.each([
    ["Windows Server 2022 Datacenter", "Windows Server 2022"],
    ["Windows Server 2019 Standard", "Windows Server 2019"],
    ["windows server 2012 r2   datacenter", "Windows Server 2012 R2"],
    ["Windows Server 2008 R2 Enterprise", "Windows Server 2008 R2"],
    ["Windows 10 Enterprise", "Windows 10"],
    ["Windows 10 Pro", "Windows 10"],
    ["Windows 8.1 Pro", "Windows 8.1"],
    ["Windows 7 Enterprise", "Windows 7"],
  ])("CATALOG.md: a host OS followed by an edition of it: %s → %s", (input, os) => {
    expect(resolveHostOs(input)).toEqual({ ok: true, os });
  });

  it("§H6: Windows Server 2022 Datacenter: Azure Edition cannot be a KMS host", () => {
    const r = resolveHostOs("windows server 2022 datacenter: azure edition");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/Azure Edition" cannot be a KMS host/);
  });

  it.each(["Windows 11", "Windows 11 Enterprise", "Windows Server 2008", "Windows Server Semi-Annual Channel Standard"])(
    "CATALOG.md: %s is not a host OS",
    (input) => {
      const r = resolveHostOs(input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toContain("is not a KMS host OS");
    },
  );

  it("CATALOG.md: an unknown host OS suggests the closest host OS or host edition", () => {
    expect(resolveHostOs("Windows Server 2021")).toEqual({
      ok: false,
      message: 'unknown host OS "Windows Server 2021" (did you mean "Windows Server 2022"?)',
    });
    const r = resolveHostOs("Windows Server 2016 Datacentr");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('(did you mean "Windows Server 2016 Datacenter"?)');
  });
});

describe("resolveCsvlk (CATALOG.md CSVLK groups)", () => {
  it("CATALOG.md: the 4 canonical groups resolve to themselves", () => {
    expect(CSVLK_GROUPS).toEqual(["Windows Server 2022", "Windows Server 2019", "Windows Server 2016", "Windows 10"]);
    for (const g of CSVLK_GROUPS) expect(resolveCsvlk(g)).toEqual({ ok: true, name: g });
  });

  it.each([
    ["Volume License for Windows Server 2022", "Windows Server 2022"],
    ["Volume License for Windows Server 2019", "Windows Server 2019"],
    ["volume license for windows server 2016", "Windows Server 2016"],
    ["Volume license for Windows 10", "Windows 10"],
    ["VOLUME LICENSE FOR  WINDOWS 10", "Windows 10"],
  ])("CATALOG.md: the seed's long form %s is accepted", (input, name) => {
    expect(resolveCsvlk(input)).toEqual({ ok: true, name });
  });

  it("CATALOG.md: an unknown CSVLK group suggests a canonical one", () => {
    expect(resolveCsvlk("Windows Server 2012")).toEqual({
      ok: false,
      message: 'unknown CSVLK group "Windows Server 2012" (did you mean "Windows Server 2022"?)',
    });
  });
});

describe("resolveOffice and resolveUpdate (CATALOG.md)", () => {
  it("CATALOG.md: the 6 Office versions resolve, case-insensitively", () => {
    expect(OFFICE_VERSIONS).toEqual([
      "Office 2010",
      "Office 2013",
      "Office 2016",
      "Office 2019",
      "Office LTSC 2021",
      "Office LTSC 2024",
    ]);
    for (const v of OFFICE_VERSIONS) expect(resolveOffice(v.toUpperCase())).toEqual({ ok: true, name: v });
  });

  it("CATALOG.md: an unknown Office version suggests the closest", () => {
    expect(resolveOffice("Office 2021")).toEqual({
      ok: false,
      message: 'unknown Office version "Office 2021" (did you mean "Office LTSC 2021"?)', // the version number decides first
    });
    const r = resolveOffice("Office LTSC 2012");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('"Office LTSC 2021"');
  });

  it("CATALOG.md: KB ids resolve case-insensitively (kb5003646 → KB5003646)", () => {
    expect(resolveUpdate("kb5003646")).toEqual({ ok: true, name: "KB5003646" });
    expect(resolveUpdate(" Kb3079821 ")).toEqual({ ok: true, name: "KB3079821" });
    expect(resolveUpdate("KB5003647")).toEqual({
      ok: false,
      message: 'unknown update "KB5003647" (did you mean "KB5003646"?)',
    });
  });
});
