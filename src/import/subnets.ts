// AD sites and subnets (docs/import.md "Sites"): `Get-ADReplicationSubnet | Select Name,Site`
// gives CIDR → site distinguished name. IPv4 subnets only (IPv6 ones are counted and ignored,
// as are subnets without a site); a machine belongs to the site of the longest prefix that
// contains its IPv4Address. Addresses and prefixes are parsed and matched by ipaddr.js.
import ipaddr from "ipaddr.js";
import { readCsvRows } from "./csv-rows.js";
import type { Problems } from "./problems.js";
import type { ExportText } from "./read-export.js";

/** An AD site named by at least one IPv4 subnet. */
export interface AdSite {
  /** The site's name, from the first RDN of its distinguished name (`CN=Branch-A,CN=Sites,…` → Branch-A). */
  readonly name: string;
  /** Its IPv4 subnets in CIDR notation, in file order. */
  readonly subnets: readonly string[];
}

export interface SubnetTable {
  /** AD sites sorted by name (case-insensitively, then exactly). */
  readonly sites: readonly AdSite[];
  readonly ipv6Ignored: number;
  readonly withoutSite: number;
  /** The index in `sites` of the site whose subnet is the longest prefix containing `ip`, or −1. */
  readonly siteOf: (ip: ipaddr.IPv4) => number;
}

export const SUBNET_COLUMNS = { required: ["Name", "Site"] as const, optional: [] as const };

/**
 * The site name of a distinguished name: the value of its first RDN, unescaped (`\,` and the
 * like; `\XX` hex escapes are UTF-8 bytes, so `Z\C3\BCrich` is Zürich); other text as it is.
 */
export function siteNameOf(site: string): string {
  const text = site.trim();
  if (!/^cn=/i.test(text)) return text;
  let out = "";
  let bytes: number[] = [];
  const flush = (): void => {
    if (bytes.length > 0) out += Buffer.from(bytes).toString("utf8");
    bytes = [];
  };
  for (let i = 3; i < text.length; i++) {
    const c = text[i];
    if (c === "\\" && i + 1 < text.length) {
      const hex = /^[0-9a-fA-F]{2}/.exec(text.slice(i + 1, i + 3));
      if (hex !== null) {
        bytes.push(parseInt(hex[0], 16));
        i += 2;
        continue;
      }
      flush();
      out += text[i + 1];
      i += 1;
      continue;
    }
    flush();
    if (c === ",") break;
    out += c;
  }
  flush();
  return out.trim();
}

const FOUR_PART_DECIMAL = /^(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})$/;

/**
 * Parses an IPv4 address written as four decimal parts (what ipaddr.js calls four-part decimal:
 * no leading zeros, no hex or short forms), or undefined. Read here rather than by
 * ipaddr.IPv4.parse, which tries every form it knows and is the slowest step of a 200 000-row import.
 */
export function parseIpv4(text: string): ipaddr.IPv4 | undefined {
  const m = FOUR_PART_DECIMAL.exec(text);
  if (m === null) return undefined;
  const octets = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
  return octets.every((o) => o <= 255) ? new ipaddr.IPv4(octets) : undefined;
}

interface Prefix {
  readonly network: ipaddr.IPv4;
  readonly bits: number;
  readonly site: number;
}

/**
 * Longest-prefix search: subnets are bucketed by the leading 16 bits (prefixes ≥ /16) or 8 bits
 * (/8 … /15), the rest kept in one list; each bucket is sorted longest prefix first, and the
 * buckets are tried from the most specific, so the first match is the longest prefix.
 */
function makeSiteOf(prefixes: readonly Prefix[]): (ip: ipaddr.IPv4) => number {
  const by16 = new Map<number, Prefix[]>();
  const by8 = new Map<number, Prefix[]>();
  const wide: Prefix[] = [];
  const bucket = (map: Map<number, Prefix[]>, key: number): Prefix[] => {
    let list = map.get(key);
    if (list === undefined) map.set(key, (list = []));
    return list;
  };
  for (const p of prefixes) {
    const [a, b] = p.network.octets;
    if (p.bits >= 16) bucket(by16, a * 256 + b).push(p);
    else if (p.bits >= 8) bucket(by8, a).push(p);
    else wide.push(p);
  }
  const longestFirst = (list: Prefix[]): void => {
    list.sort((x, y) => y.bits - x.bits);
  };
  for (const list of by16.values()) longestFirst(list);
  for (const list of by8.values()) longestFirst(list);
  longestFirst(wide);
  const first = (list: readonly Prefix[] | undefined, ip: ipaddr.IPv4): number => {
    if (list === undefined) return -1;
    for (const p of list) if (ip.match(p.network, p.bits)) return p.site;
    return -1;
  };
  return (ip) => {
    const [a, b] = ip.octets;
    const hit = first(by16.get(a * 256 + b), ip);
    if (hit !== -1) return hit;
    const hit8 = first(by8.get(a), ip);
    return hit8 !== -1 ? hit8 : first(wide, ip);
  };
}

/** Reads a subnets export; errors (invalid CIDR, host bits set, a subnet listed twice) name their line. */
export function parseSubnets(file: string, source: ExportText, problems: Problems): SubnetTable {
  const rows: { cidr: string; network: ipaddr.IPv4; bits: number; site: string }[] = [];
  const seen = new Map<string, number>();
  let ipv6Ignored = 0;
  let withoutSite = 0;
  readCsvRows(file, source, SUBNET_COLUMNS, problems, (fields, col, line) => {
    const name = fields[col.Name].trim();
    let parsed: [ipaddr.IPv4 | ipaddr.IPv6, number];
    try {
      parsed = ipaddr.parseCIDR(name);
    } catch {
      problems.add(file, line, `Name ${JSON.stringify(name)} is not a subnet in CIDR notation such as 10.1.0.0/16`);
      return;
    }
    const [address, bits] = parsed;
    if (address.kind() === "ipv6") {
      ipv6Ignored++;
      return;
    }
    if (!ipaddr.IPv4.isValidCIDRFourPartDecimal(name)) {
      problems.add(file, line, `Name ${JSON.stringify(name)} is not a subnet in CIDR notation such as 10.1.0.0/16`);
      return;
    }
    const network = ipaddr.IPv4.networkAddressFromCIDR(name);
    const cidr = `${network.toString()}/${bits}`;
    if (network.toString() !== address.toString()) {
      problems.add(file, line, `subnet ${name} has host bits set (did you mean ${cidr}?)`);
      return;
    }
    const first = seen.get(cidr);
    if (first !== undefined) {
      problems.add(file, line, `subnet ${cidr} is listed twice (first on line ${first})`);
      return;
    }
    seen.set(cidr, line);
    const site = siteNameOf(fields[col.Site]);
    if (site === "") {
      withoutSite++;
      return;
    }
    rows.push({ cidr, network, bits, site });
  });

  const byKey = new Map<string, { name: string; subnets: string[] }>();
  for (const r of rows) {
    const key = r.site.toLowerCase();
    const entry = byKey.get(key) ?? { name: r.site, subnets: [] };
    entry.subnets.push(r.cidr);
    byKey.set(key, entry);
  }
  const sites = [...byKey.values()].sort((a, b) => compareNames(a.name, b.name));
  const index = new Map(sites.map((s, i) => [s.name.toLowerCase(), i]));
  const prefixes = rows.map((r) => ({ network: r.network, bits: r.bits, site: index.get(r.site.toLowerCase()) ?? -1 }));
  return { sites, ipv6Ignored, withoutSite, siteOf: makeSiteOf(prefixes) };
}

/** Case-insensitive order, ties broken by the exact text (so the order never depends on input order). */
export function compareNames(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x !== y) return x < y ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
