// KMS hosts from the SRV answers (docs/import.md "Hosts"): each answer's NameTarget is matched to
// the computer account with that DNSHostName, which gives the host's site and OS; the CSVLK is
// not in AD, so it is assumed (the key of the host's own OS version, else the oldest key its OS
// can carry, MODEL.md §H6) unless --csvlk names it. Pure: no files, no process.
import {
  CSVLK_GROUPS,
  csvlkInstallableOn,
  editionInfo,
  isHostOs,
} from "../kms/catalog/index.js";
import type { Computer } from "./computers.js";
import { mapOperatingSystem } from "./os-map.js";

/** What a host runs in the scenario, and why when it is not what AD says. */
export type HostPlatform =
  | { readonly simulated: true; readonly os: string; readonly assumed: string | null }
  | { readonly simulated: false; readonly why: string };

/** The newest catalogue host OS of each kind: what a host on an OS the catalogue lacks is simulated as. */
export const NEWEST_SERVER_HOST = "Windows Server 2022";
export const NEWEST_CLIENT_HOST = "Windows 10";

/** The CSVLK groups installable on a host OS, in the seed's order (newest first). */
export function groupsFor(os: string): string[] {
  return CSVLK_GROUPS.filter((g) => csvlkInstallableOn(g, os));
}

/**
 * The host OS a KMS host is simulated on, from its computer account: the account's own OS when
 * it is a catalogue host OS that can hold a CSVLK; not simulated when it is Windows Server 2008
 * or 2008 R2 (no CSVLK of the catalogue installs there, §H6); otherwise (Windows Server 2025,
 * Semi-Annual Channel, Windows 11, not Windows, no account) the newest catalogue host OS of its
 * kind, marked as assumed.
 */
export function hostPlatform(account: Computer | null): HostPlatform {
  if (account === null) {
    return { simulated: true, os: NEWEST_SERVER_HOST, assumed: "no computer account has this DNSHostName" };
  }
  const outcome = mapOperatingSystem(account.operatingSystem, account.operatingSystemVersion);
  if (outcome.kind === "edition") {
    const { os, kind } = editionInfo(outcome.edition);
    if (isHostOs(os) && groupsFor(os).length > 0) return { simulated: true, os, assumed: null };
    if (os === "Windows Server 2008" || os === "Windows Server 2008 R2") {
      return { simulated: false, why: `no CSVLK group of the catalogue can be installed on ${os} (§H6)` };
    }
    const newest = kind === "client" ? NEWEST_CLIENT_HOST : NEWEST_SERVER_HOST;
    return { simulated: true, os: newest, assumed: `${outcome.edition} is not a KMS host OS of the catalogue` };
  }
  const label = outcome.label;
  const server = /\bserver\b/i.test(label) || !/^windows\b/i.test(label);
  return {
    simulated: true,
    os: server ? NEWEST_SERVER_HOST : NEWEST_CLIENT_HOST,
    assumed: `${label} is not a KMS host OS of the catalogue`,
  };
}

/** The assumed CSVLK of a host OS: the group named after the OS itself, else the oldest group it can carry (§H6). */
export function assumedCsvlk(os: string): { group: string; own: boolean } {
  const groups = groupsFor(os);
  if (groups.includes(os)) return { group: os, own: true };
  const oldest = groups[groups.length - 1];
  if (oldest === undefined) throw new Error(`assumedCsvlk: no CSVLK group installs on ${os}`);
  return { group: oldest, own: false };
}

/** The computer account of a host: among the rows with its DNSHostName, enabled first, then the newest logon, then file order. */
export function accountOf(candidates: readonly Computer[]): Computer | null {
  let best: Computer | null = null;
  for (const c of candidates) {
    if (best === null || better(c, best)) best = c;
  }
  return best;
}

function better(a: Computer, b: Computer): boolean {
  if (a.enabled !== b.enabled) return a.enabled;
  const x = a.lastLogonMs ?? -Infinity;
  const y = b.lastLogonMs ?? -Infinity;
  return x > y; // on a tie the earlier row stays
}

/** The first label of a DNS name: `kms1.contoso.com` → `kms1`. */
export function firstLabel(target: string): string {
  const dot = target.indexOf(".");
  return dot === -1 ? target : target.slice(0, dot);
}
