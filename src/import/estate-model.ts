// What the importer builds (docs/import.md): the estate's sites, hosts, client groups, links and
// counts, and what it is built from. Types only, plus the name of the `unassigned` site.
import type { Computer } from "./computers.js";
import type { SrvRecords } from "./srv.js";
import type { SubnetTable } from "./subnets.js";

/** The site of machines with no IPv4Address or one outside every AD subnet. */
export const UNASSIGNED = "unassigned";

export interface EstateSite {
  readonly id: string;
  /** The AD site's name; null for `unassigned`. */
  readonly adName: string | null;
  readonly subnets: readonly string[];
  readonly clients: number;
  /** Per-site SRV overrides (§N2) from --site-srv, in host order. */
  readonly srv: readonly { readonly host: string; readonly priority: number; readonly weight: number }[];
  /** The --site-srv file the overrides came from. */
  readonly srvFile: string | null;
}

export interface EstateGroup {
  readonly id: string;
  readonly site: string;
  readonly edition: string;
  readonly count: number;
  readonly online: string;
}

export interface HostAccount {
  readonly line: number;
  readonly name: string;
  readonly operatingSystem: string;
  readonly operatingSystemVersion: string;
  readonly ipv4Address: string;
  readonly enabled: boolean;
  readonly lastLogonMs: number | null;
}

export interface EstateHost {
  readonly id: string;
  readonly target: string;
  readonly priority: number;
  readonly weight: number;
  readonly port: number | undefined;
  readonly account: HostAccount | null;
  readonly site: string;
  /** Why the site is a guess (no computer account), or null. */
  readonly siteAssumed: string | null;
  /** The host OS; null when the host cannot be simulated (then `notSimulated` says why). */
  readonly os: string | null;
  readonly osAssumed: string | null;
  readonly notSimulated: string | null;
  readonly csvlk: string | null;
  /** How the CSVLK was chosen: named by --csvlk, the key of its own OS, or the oldest key its OS carries. */
  readonly csvlkFrom: "flag" | "own" | "oldest" | null;
}

export interface EstateCounts {
  readonly read: number;
  readonly clients: number;
  readonly hostAccounts: number;
  readonly disabled: number;
  readonly neverLoggedOn: number;
  readonly stale: number;
  readonly duplicate: number;
  readonly notKms: number;
  readonly notInCatalogue: number;
  readonly noAddress: number;
  readonly outsideSubnets: number;
}

export interface Estate {
  readonly asOfMs: number | null;
  readonly asOfGiven: boolean;
  readonly activeWithinMin: number;
  readonly sites: readonly EstateSite[];
  readonly hub: string | null;
  readonly links: readonly { readonly id: string; readonly between: readonly [string, string] }[];
  readonly hosts: readonly EstateHost[];
  readonly groups: readonly EstateGroup[];
  readonly counts: EstateCounts;
  /** Skipped OperatingSystem names KMS cannot activate, most frequent first. */
  readonly notKms: readonly { readonly label: string; readonly count: number }[];
  /** Skipped OperatingSystem names the catalogue lacks, most frequent first, with the closest catalogue name. */
  readonly notInCatalogue: readonly { readonly label: string; readonly closest: string; readonly count: number }[];
  readonly subnetsGiven: boolean;
  readonly srvGiven: boolean;
  readonly ipv6SubnetsIgnored: number;
  readonly subnetsWithoutSite: number;
  /** Things the administrator should check, one sentence each. */
  readonly notes: readonly string[];
}

export interface EstateOptions {
  readonly activeWithinMin: number;
  /** --as-of in epoch ms; undefined = the newest LastLogonDate of the export. */
  readonly asOfMs: number | undefined;
  /** --csvlk HOST=GROUP, as typed. */
  readonly csvlk: readonly { readonly host: string; readonly group: string }[];
  readonly clientsOnline: string;
  readonly serversOnline: string;
}

export interface SiteSrvInput {
  /** SITE of --site-srv SITE=FILE, as typed (an AD site name or a site id). */
  readonly site: string;
  readonly file: string;
  readonly records: SrvRecords;
}

export interface EstateInput {
  readonly computers: readonly Computer[];
  readonly subnets: SubnetTable | null;
  readonly srv: { readonly file: string; readonly records: SrvRecords } | null;
  readonly siteSrv: readonly SiteSrvInput[];
  readonly options: EstateOptions;
}

