// A fictitious Active Directory estate for `kmsim import ad` (docs/import.md "Samples"): the
// computers, subnets and SRV records of contoso.com, three AD sites (HQ, Branch-North,
// Branch-South), three KMS hosts, and the mess real exports hold — disabled and stale accounts,
// machines that never logged on, Home and evaluation editions, Macs and Linux boxes, a Windows
// 11 machine AD still calls Windows 10, laptops outside every subnet. Seeded and deterministic:
// the same count and seed give the same rows. Also written out in each export shape (encoding,
// BOM, `#TYPE` line, line ends, quoting, date format) by `toCsv`.
import seedrandom from "seedrandom";

export const DOMAIN = "contoso.com";
/** The newest LastLogonDate of the sample (a KMS host logging on): the default --as-of. */
export const AS_OF_MS = Date.UTC(2026, 10, 20, 16, 42, 11);
const DAY_MS = 86_400_000;

export const COMPUTER_HEADER = [
  "DistinguishedName",
  "DNSHostName",
  "Enabled",
  "IPv4Address",
  "LastLogonDate",
  "Name",
  "ObjectClass",
  "ObjectGUID",
  "OperatingSystem",
  "OperatingSystemVersion",
  "SamAccountName",
  "SID",
  "UserPrincipalName",
] as const;
export const SUBNET_HEADER = ["Name", "Site"] as const;
export const SRV_HEADER = ["QueryType", "Target", "NameTarget", "Priority", "Weight", "Port", "Name", "Type", "CharacterSet", "Section", "DataLength", "TTL"] as const;

/** One row: a value per header column; dates are epoch ms (null = empty), formatted by the shape. */
export type Row = Readonly<Record<string, string | number | null>>;

interface Os {
  readonly name: string;
  readonly version: string;
  readonly weight: number;
}

const CLIENT_OSES: readonly Os[] = [
  { name: "Windows 11 Enterprise", version: "10.0 (22631)", weight: 40 },
  { name: "Windows 10 Enterprise", version: "10.0 (22631)", weight: 4 }, // Windows 11, as AD still names some
  { name: "Windows 10 Enterprise", version: "10.0 (19045)", weight: 26 },
  { name: "Windows 10 Pro", version: "10.0 (19045)", weight: 6 },
  { name: "Windows 11 Pro", version: "10.0 (22631)", weight: 3 },
  { name: "Windows 10 Enterprise 2016 LTSB", version: "10.0 (14393)", weight: 2 },
  { name: "Windows 10 Enterprise LTSC", version: "10.0 (17763)", weight: 2 },
  { name: "Windows 10 Pro for Workstations", version: "10.0 (19045)", weight: 1 },
  { name: "Windows 10 Home", version: "10.0 (19045)", weight: 0.6 },
  { name: "Windows 10 Enterprise Evaluation", version: "10.0 (19045)", weight: 0.3 },
  { name: "Windows 7 Professional", version: "6.1 (7601)", weight: 0.5 },
  { name: "Mac OS X", version: "10.15", weight: 0.6 },
];

const SERVER_OSES: readonly Os[] = [
  { name: "Windows Server 2019 Standard", version: "10.0 (17763)", weight: 30 },
  { name: "Windows Server 2022 Datacenter", version: "10.0 (20348)", weight: 25 },
  { name: "Windows Server 2016 Standard", version: "10.0 (14393)", weight: 18 },
  { name: "Windows Server 2012 R2 Standard", version: "6.3 (9600)", weight: 10 },
  { name: "Windows Server® 2008 Standard", version: "6.0 (6003)", weight: 2 },
  { name: "Windows Server 2025 Standard", version: "10.0 (26100)", weight: 4 },
  { name: "Windows Server 2022 Datacenter: Azure Edition", version: "10.0 (20348)", weight: 2 },
  { name: "CentOS Linux", version: "7.9", weight: 3 },
  { name: "", version: "", weight: 1 }, // a cluster name object: no OS
];

interface Place {
  readonly site: string;
  readonly ou: string;
  readonly prefix: string;
  readonly weight: number;
  readonly serverShare: number;
  /** An address in the site. */
  ip(r: () => number): string;
}

const n = (r: () => number, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));

const PLACES: readonly Place[] = [
  {
    site: "HQ",
    ou: "HQ",
    prefix: "HQ",
    weight: 56,
    serverShare: 0.22,
    ip: (r) => {
      const u = r();
      if (u < 0.1) return `10.5.${n(r, 0, 255)}.${n(r, 1, 254)}`; // only the /8 catch-all covers it
      if (u < 0.16) return `172.16.${n(r, 0, 15)}.${n(r, 1, 254)}`; // VPN pool
      return `10.1.${n(r, 1, 250)}.${n(r, 1, 254)}`;
    },
  },
  {
    site: "Branch-North",
    ou: "North",
    prefix: "NORTH",
    weight: 26,
    serverShare: 0.05,
    ip: (r) => (r() < 0.1 ? `10.30.99.${n(r, 1, 254)}` : `10.20.${n(r, 1, 250)}.${n(r, 1, 254)}`), // 10.30.99.0/24 is North's lab
  },
  {
    site: "Branch-South",
    ou: "South",
    prefix: "SOUTH",
    weight: 18,
    serverShare: 0.04,
    ip: (r) => `10.30.${[n(r, 0, 98), n(r, 100, 250)][n(r, 0, 1)]}.${n(r, 1, 254)}`,
  },
];

function pick<T extends { weight: number }>(r: () => number, list: readonly T[]): T {
  const total = list.reduce((s, x) => s + x.weight, 0);
  let u = r() * total;
  for (const x of list) {
    u -= x.weight;
    if (u < 0) return x;
  }
  return list[list.length - 1];
}

function guid(r: () => number): string {
  const hex = (k: number): string => Array.from({ length: k }, () => n(r, 0, 15).toString(16)).join("");
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${["8", "9", "a", "b"][n(r, 0, 3)]}${hex(3)}-${hex(12)}`;
}

function computer(
  r: () => number,
  name: string,
  ou: string,
  os: Os,
  ip: string,
  enabled: boolean,
  lastLogonMs: number | null,
  rid: number,
): Row {
  return {
    DistinguishedName: `CN=${name},OU=${ou},DC=contoso,DC=com`,
    DNSHostName: os.name === "" ? "" : `${name.toLowerCase()}.${DOMAIN}`,
    Enabled: enabled ? "True" : "False",
    IPv4Address: ip,
    LastLogonDate: lastLogonMs,
    Name: name,
    ObjectClass: "computer",
    ObjectGUID: guid(r),
    OperatingSystem: os.name,
    OperatingSystemVersion: os.version,
    SamAccountName: `${name}$`,
    SID: `S-1-5-21-1004336348-1177238915-682003330-${rid}`,
    UserPrincipalName: "",
  };
}

/** The KMS hosts: name, site OU, address, OS. kms-north's 2016 key does not activate Windows 11 (§H6). */
export const KMS_HOSTS = [
  { name: "KMS1", ou: "HQ", ip: "10.1.0.10", os: { name: "Windows Server 2022 Standard", version: "10.0 (20348)", weight: 0 } },
  { name: "KMS2", ou: "HQ", ip: "10.1.0.11", os: { name: "Windows Server 2019 Standard", version: "10.0 (17763)", weight: 0 } },
  { name: "KMS-NORTH", ou: "North", ip: "10.20.0.10", os: { name: "Windows Server 2016 Standard", version: "10.0 (14393)", weight: 0 } },
] as const;

/** `count` computer accounts (the KMS hosts' three included), seeded by `seed`, in a stable order. */
export function sampleComputers(count: number, seed: string): Row[] {
  const r = seedrandom.alea(seed);
  const rows: Row[] = [];
  let rid = 1103;
  KMS_HOSTS.forEach((h, i) => rows.push(computer(r, h.name, h.ou, h.os, h.ip, true, i === 0 ? AS_OF_MS : AS_OF_MS - n(r, 1, 5) * 3_600_000, rid++)));
  const serial = new Map<string, number>();
  const width = String(count).length;
  while (rows.length < count) {
    const place = pick(r, PLACES);
    const server = r() < place.serverShare;
    const kind = server ? "SRV" : "PC";
    const k = (serial.get(`${place.prefix}-${kind}`) ?? 0) + 1;
    serial.set(`${place.prefix}-${kind}`, k);
    const name = `${place.prefix}-${kind}-${String(k).padStart(width, "0")}`;
    const os = pick(r, server ? SERVER_OSES : CLIENT_OSES);
    // Laptops: some have no address in DNS, some resolve to a home network outside every subnet.
    const u = r();
    const ip = !server && u < 0.012 ? "" : !server && u < 0.02 ? `192.168.1.${n(r, 2, 254)}` : place.ip(r);
    const status = r();
    const enabled = status >= 0.03;
    const lastLogonMs =
      status < 0.04 ? null // never logged on (or disabled before it did)
      : status < 0.09 ? AS_OF_MS - n(r, 100, 700) * DAY_MS - n(r, 0, DAY_MS / 1000) * 1000 // stale
      : AS_OF_MS - n(r, 0, 29 * DAY_MS / 1000) * 1000 - DAY_MS / 2; // active: lastLogonTimestamp lags up to 14 days
    rows.push(computer(r, name, place.ou, os, ip, enabled, lastLogonMs, rid++));
  }
  // A machine rejoined under the same name and DNS name: two accounts, one machine.
  if (count > 100) {
    const original = rows[50];
    rows[count - 1] = { ...original, ObjectGUID: guid(r), SID: `S-1-5-21-1004336348-1177238915-682003330-${rid++}`, LastLogonDate: AS_OF_MS - 40 * DAY_MS };
  }
  return rows;
}

/** The AD subnets: a /8 catch-all for HQ, a VPN pool, a North lab inside South's /16, an IPv6 subnet, one without a site. */
export function sampleSubnets(): Row[] {
  const site = (name: string): string => `CN=${name},CN=Sites,CN=Configuration,DC=contoso,DC=com`;
  return [
    { Name: "10.0.0.0/8", Site: site("HQ") },
    { Name: "10.1.0.0/16", Site: site("HQ") },
    { Name: "10.20.0.0/16", Site: site("Branch-North") },
    { Name: "10.30.0.0/16", Site: site("Branch-South") },
    { Name: "10.30.99.0/24", Site: site("Branch-North") },
    { Name: "172.16.0.0/20", Site: site("HQ") },
    { Name: "2001:db8:10::/48", Site: site("HQ") },
    { Name: "192.168.50.0/24", Site: "" },
  ];
}

function srvAnswer(target: string, priority: number, weight: number): Row {
  return {
    QueryType: "SRV",
    Target: target,
    NameTarget: target,
    Priority: priority,
    Weight: weight,
    Port: 1688,
    Name: `_vlmcs._tcp.${DOMAIN}`,
    Type: "SRV",
    CharacterSet: "Unicode",
    Section: "Answer",
    DataLength: 16,
    TTL: 3600,
  };
}

function aRecord(target: string): Row {
  return { QueryType: "A", Target: "", NameTarget: "", Priority: "", Weight: "", Port: "", Name: target, Type: "A", CharacterSet: "Unicode", Section: "Additional", DataLength: 4, TTL: 3600 };
}

/** `_vlmcs._tcp.contoso.com`: the HQ hosts first (priority 0), kms-north as a backup (priority 10); A records in Additional. */
export function sampleSrv(): Row[] {
  const t = (h: string): string => `${h}.${DOMAIN}`;
  return [
    srvAnswer(t("kms-north"), 10, 100),
    srvAnswer(t("kms1"), 0, 100),
    srvAnswer(t("kms2"), 0, 50),
    aRecord(t("kms-north")),
    aRecord(t("kms1")),
    aRecord(t("kms2")),
  ];
}

/** Branch-North's own records (§N2): its local host first, HQ's as the backup. */
export function sampleSrvBranchNorth(): Row[] {
  const t = (h: string): string => `${h}.${DOMAIN}`;
  return [srvAnswer(t("kms-north"), 0, 100), srvAnswer(t("kms1"), 10, 100), srvAnswer(t("kms2"), 10, 50), aRecord(t("kms-north"))];
}

// ---------------------------------------------------------------------------------------------
// Export shapes

export interface Shape {
  readonly encoding: "utf8" | "utf8-bom" | "ascii" | "utf16le";
  readonly newline: "\r\n" | "\n";
  /** Windows PowerShell 5.1's first line without -NoTypeInformation. */
  readonly typeLine?: string;
  /** Export-Csv quotes every field; Excel only where needed. */
  readonly quoting: "all" | "minimal";
  /** LastLogonDate as Export-Csv writes it on en-US, or ISO 8601 from .ToString('o'). */
  readonly dates: "en-US" | "iso";
}

const pad2 = (x: number): string => String(x).padStart(2, "0");

/** `11/20/2026 4:42:11 PM`, as Export-Csv writes a DateTime on an en-US system. */
export function enUsDate(ms: number): string {
  const d = new Date(ms);
  const h = d.getUTCHours();
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${h % 12 === 0 ? 12 : h % 12}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} ${h < 12 ? "AM" : "PM"}`;
}

/** `2026-11-20T16:42:11.0000000+00:00`, as .ToString('o') writes it on a machine set to UTC. */
export function isoDate(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}.0000000+00:00`;
}

function field(value: string | number | null, shape: Shape, date: boolean): string {
  const text = value === null ? "" : date && typeof value === "number" ? (shape.dates === "iso" ? isoDate(value) : enUsDate(value)) : String(value);
  if (shape.quoting === "all" || /[",\r\n]|^\s|\s$/.test(text)) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

/** The bytes of a CSV export of `rows` in `shape`. */
export function toCsv(header: readonly string[], rows: readonly Row[], shape: Shape, dateColumns: readonly string[] = []): Buffer {
  const lines: string[] = [];
  if (shape.typeLine !== undefined) lines.push(shape.typeLine);
  lines.push(header.map((h) => field(h, shape, false)).join(","));
  for (const row of rows) lines.push(header.map((h) => field(row[h] ?? "", shape, dateColumns.includes(h))).join(","));
  const text = lines.join(shape.newline) + shape.newline;
  switch (shape.encoding) {
    case "utf8":
      return Buffer.from(text, "utf8");
    case "utf8-bom":
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
    case "ascii":
      return Buffer.from(text.replace(/[^\x00-\x7f]/g, "?"), "latin1"); // what PowerShell 5.1's ASCII encoder does
    case "utf16le":
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    default: {
      const unreachable: never = shape.encoding;
      throw new Error(`toCsv: unknown encoding ${String(unreachable)}`);
    }
  }
}
