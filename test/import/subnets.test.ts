// AD subnets (docs/import.md "Sites"): site names from distinguished names, IPv4 addresses read
// as ipaddr.js reads four-part decimal, longest-prefix placement through the buckets.
import ipaddr from "ipaddr.js";
import { describe, expect, it } from "vitest";
import { Problems } from "../../src/import/problems.js";
import { exportText } from "../../src/import/read-export.js";
import { parseIpv4, parseSubnets, siteNameOf } from "../../src/import/subnets.js";
import { subnetsCsv } from "./helpers.js";

describe("siteNameOf", () => {
  it("takes the first RDN's value of a distinguished name, unescaping \\, and \\XX (UTF-8 bytes)", () => {
    expect(siteNameOf("CN=Branch-A,CN=Sites,CN=Configuration,DC=contoso,DC=com")).toBe("Branch-A");
    expect(siteNameOf("CN=Paris\\, Rive Gauche,CN=Sites,DC=contoso,DC=com")).toBe("Paris, Rive Gauche");
    expect(siteNameOf("CN=Z\\C3\\BCrich,CN=Sites")).toBe("Zürich");
    expect(siteNameOf("HQ")).toBe("HQ"); // already a name
    expect(siteNameOf("")).toBe("");
  });
});

describe("parseIpv4", () => {
  it("accepts exactly what ipaddr.js calls four-part decimal", () => {
    for (const text of ["10.1.2.3", "0.0.0.0", "255.255.255.255", "10.01.2.3", "10.1.2", "10.1.2.256", "0x0a.1.2.3", "10.1.2.3 ", "fe80::1", "", "1.2.3.4.5"]) {
      const ours = parseIpv4(text);
      const theirs = ipaddr.IPv4.isValidFourPartDecimal(text) ? ipaddr.IPv4.parse(text) : undefined;
      expect(ours?.toString(), text).toBe(theirs?.toString());
    }
  });
});

describe("parseSubnets", () => {
  const table = (pairs: readonly (readonly [string, string])[]) => {
    const problems = new Problems();
    const t = parseSubnets("subnets.csv", exportText(subnetsCsv(pairs)), problems);
    return { t, problems: problems.list() };
  };
  const siteAt = (t: ReturnType<typeof table>["t"], ip: string): string => {
    const i = t.siteOf(ipaddr.IPv4.parse(ip));
    return i === -1 ? "-" : t.sites[i].name;
  };

  it("finds the longest prefix across /4, /8, /12, /16, /20, /24 and /32 subnets", () => {
    const { t } = table([
      ["0.0.0.0/0", "World"],
      ["10.0.0.0/8", "Eight"],
      ["10.16.0.0/12", "Twelve"],
      ["10.17.0.0/16", "Sixteen"],
      ["10.17.16.0/20", "Twenty"],
      ["10.17.17.0/24", "TwentyFour"],
      ["10.17.17.17/32", "Host"],
    ]);
    expect(siteAt(t, "10.17.17.17")).toBe("Host");
    expect(siteAt(t, "10.17.17.18")).toBe("TwentyFour");
    expect(siteAt(t, "10.17.18.1")).toBe("Twenty");
    expect(siteAt(t, "10.17.99.1")).toBe("Sixteen");
    expect(siteAt(t, "10.18.0.1")).toBe("Twelve");
    expect(siteAt(t, "10.99.0.1")).toBe("Eight");
    expect(siteAt(t, "192.0.2.1")).toBe("World");
  });

  it("gathers a site's subnets under one name (case-insensitively) and sorts sites by name", () => {
    const { t } = table([
      ["10.2.0.0/16", "hq"],
      ["10.1.0.0/16", "Branch"],
      ["10.3.0.0/16", "HQ"],
    ]);
    expect(t.sites).toEqual([
      { name: "Branch", subnets: ["10.1.0.0/16"] },
      { name: "hq", subnets: ["10.2.0.0/16", "10.3.0.0/16"] },
    ]);
  });

  it("rejects an invalid CIDR, host bits set and a subnet listed twice, each with its line", () => {
    const { problems } = table([
      ["10.1.0.0/16", "A"],
      ["10.1.0.0/16", "B"],
      ["10.2.3.0/16", "A"],
      ["10.3.0.0", "A"],
      ["10.4.0.0/40", "A"],
    ]);
    expect(problems).toEqual([
      "subnets.csv: line 3: subnet 10.1.0.0/16 is listed twice (first on line 2)",
      "subnets.csv: line 4: subnet 10.2.3.0/16 has host bits set (did you mean 10.2.0.0/16?)",
      'subnets.csv: line 5: Name "10.3.0.0" is not a subnet in CIDR notation such as 10.1.0.0/16',
      'subnets.csv: line 6: Name "10.4.0.0/40" is not a subnet in CIDR notation such as 10.1.0.0/16',
    ]);
  });
});
