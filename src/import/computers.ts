// The computer accounts (docs/import.md "Computers"): `Get-ADComputer -Filter * -Properties
// OperatingSystem,OperatingSystemVersion,IPv4Address,LastLogonDate,Enabled | Export-Csv`. Each
// row is checked (Enabled, IPv4Address, LastLogonDate) and placed in its AD site as it is read,
// so only a compact record per computer is kept.
import type ipaddr from "ipaddr.js";
import { readCsvRows } from "./csv-rows.js";
import { parseLogonDate } from "./dates.js";
import type { Problems } from "./problems.js";
import type { ExportText } from "./read-export.js";
import { dnsKey } from "./srv.js";
import { parseIpv4 } from "./subnets.js";

/** Where a computer's IPv4Address put it: an index into the AD sites, or why it is in none. */
export const NO_ADDRESS = -1;
export const OUTSIDE_SUBNETS = -2;

export interface Computer {
  readonly line: number;
  readonly name: string;
  readonly dnsHostName: string;
  /** DNSHostName as a lookup key (see dnsKey). */
  readonly dnsKey: string;
  readonly enabled: boolean;
  readonly ipv4Address: string;
  /** Index of its AD site, NO_ADDRESS or OUTSIDE_SUBNETS. */
  readonly site: number;
  /** LastLogonDate in epoch ms; null = never logged on (empty). */
  readonly lastLogonMs: number | null;
  readonly operatingSystem: string;
  readonly operatingSystemVersion: string;
}

export const COMPUTER_COLUMNS = {
  required: ["Name", "DNSHostName", "Enabled", "IPv4Address", "LastLogonDate", "OperatingSystem", "OperatingSystemVersion"] as const,
  optional: ["DistinguishedName"] as const,
};

/**
 * Reads a computers export. `siteOf` places an address (longest-prefix match); without subnets
 * every address is outside them. Errors name their line: an empty Name, an Enabled that is not
 * True/False, an IPv4Address that is not an IPv4 address, a LastLogonDate in another format.
 */
export function parseComputers(
  file: string,
  source: ExportText,
  problems: Problems,
  siteOf: ((ip: ipaddr.IPv4) => number) | null,
): Computer[] {
  const out: Computer[] = [];
  // OperatingSystem strings repeat on thousands of rows: keep one copy of each.
  const interned = new Map<string, string>();
  const intern = (s: string): string => {
    const hit = interned.get(s);
    if (hit !== undefined) return hit;
    interned.set(s, s);
    return s;
  };
  readCsvRows(file, source, COMPUTER_COLUMNS, problems, (fields, col, line) => {
    const name = fields[col.Name].trim();
    let ok = true;
    const bad = (message: string): void => {
      problems.add(file, line, message);
      ok = false;
    };
    if (name === "") bad("a computer without a Name");
    const enabledText = fields[col.Enabled].trim().toLowerCase();
    if (enabledText !== "true" && enabledText !== "false") bad(`Enabled ${JSON.stringify(fields[col.Enabled])} is neither True nor False`);
    const ipText = fields[col.IPv4Address].trim();
    let site = NO_ADDRESS;
    if (ipText !== "") {
      const ip = parseIpv4(ipText);
      if (ip === undefined) bad(`IPv4Address ${JSON.stringify(ipText)} is not an IPv4 address (four numbers 0 … 255: 10.1.2.3)`);
      else {
        const hit = siteOf === null ? -1 : siteOf(ip);
        site = hit === -1 ? OUTSIDE_SUBNETS : hit;
      }
    }
    const logonText = fields[col.LastLogonDate].trim();
    let lastLogonMs: number | null = null;
    if (logonText !== "") {
      const parsed = parseLogonDate(logonText);
      if (parsed.ok) lastLogonMs = parsed.ms;
      else bad(parsed.message);
    }
    if (!ok) return;
    const dnsHostName = fields[col.DNSHostName].trim();
    out.push({
      line,
      name,
      dnsHostName,
      dnsKey: dnsKey(dnsHostName),
      enabled: enabledText === "true",
      ipv4Address: ipText,
      site,
      lastLogonMs,
      operatingSystem: intern(fields[col.OperatingSystem]),
      operatingSystemVersion: intern(fields[col.OperatingSystemVersion]),
    });
  });
  return out;
}
