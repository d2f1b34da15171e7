// The model's input: a validated, plain-data description of one KMS estate (MODEL.md "Entities").
// Built by src/scenario from a scenario file; every name here is already canonical (CATALOG.md)
// and every reference (site, host, link end) is known to exist.
import type { Distribution } from "../engine/distribution.js";

/** One entry of an `outages` list (§T3, §R1): a scheduled window [start, end) or a random process. */
export type Outage =
  | { readonly kind: "window"; readonly start: number; readonly end: number }
  | { readonly kind: "random"; readonly upTime: Distribution; readonly downTime: Distribution };

/** Client and host timers in minutes (§C1, §C2, §C3, §C4, §H7). */
export interface Timers {
  readonly activationIntervalMin: number;
  readonly renewalIntervalMin: number;
  readonly validityMin: number;
  readonly oobGraceMin: number;
  readonly ootGraceMin: number;
  readonly renewalJitterMin: number;
  readonly keyExceptionDelayMin: number;
}

/** Switches for MODEL.md's (assumed) rules (FORMAT.md `assumptions`). */
export interface Assumptions {
  readonly failoverOnLowCount: boolean;
  readonly rejectedRequestsCounted: boolean;
  readonly restartKeepsTables: boolean;
}

/** A site's SRV override of one published host (§N2). */
export interface SrvOverride {
  readonly host: string;
  readonly priority?: number;
  readonly weight?: number;
}

export interface SiteSpec {
  readonly id: string;
  readonly srvOverrides: readonly SrvOverride[];
  readonly dnsOutages: readonly Outage[];
}

export interface LinkSpec {
  readonly id: string;
  readonly between: readonly [string, string];
  readonly outages: readonly Outage[];
}

/** How a host's patch level is given (§H6): omitted = fully patched. */
export type PatchSpec =
  | { readonly kind: "full" }
  | { readonly kind: "date"; readonly date: string } // YYYY-MM-DD
  | { readonly kind: "updates"; readonly kbs: readonly string[] };

export interface SrvRecord {
  readonly priority: number;
  readonly weight: number;
}

export interface HostSpec {
  readonly id: string;
  readonly site: string;
  /** Canonical host OS version (CATALOG.md "Host OSes"), e.g. `Windows Server 2019`. */
  readonly os: string;
  /** Canonical CSVLK group, e.g. `Windows Server 2022`. */
  readonly csvlk: string;
  readonly patch: PatchSpec;
  /** Canonical Office versions whose host key this host holds (§O1). */
  readonly officeKeys: readonly string[];
  /** The published `_vlmcs._tcp` record, or null when `srv: false` (§N2). */
  readonly srv: SrvRecord | null;
  readonly activationIntervalMin?: number;
  readonly renewalIntervalMin?: number;
  readonly outages: readonly Outage[];
  /** Rebuild minutes (§H5, §H7), in any order. */
  readonly rebuilds: readonly number[];
}

export type OnlinePattern =
  | { readonly kind: "always" }
  | { readonly kind: "office-hours" }
  | { readonly kind: "intermittent"; readonly on: Distribution; readonly off: Distribution };

export type KmsConfig = { readonly kind: "dns" } | { readonly kind: "pinned"; readonly host: string };

export type CmidMode = "unique" | "clone" | "non-persistent";

export interface ClientGroupSpec {
  readonly id: string;
  readonly site: string;
  readonly count: number;
  /** Canonical edition name (CATALOG.md "Editions"). */
  readonly edition: string;
  /** Canonical Office version, or null when the group has no volume Office (§O1). */
  readonly office: string | null;
  readonly join: { readonly at: number; readonly over: number };
  readonly retire: readonly { readonly at: number; readonly count: number }[];
  readonly online: OnlinePattern;
  /** Explicit offline windows [start, end) (§R2). */
  readonly offline: readonly { readonly start: number; readonly end: number }[];
  readonly kms: KmsConfig;
  readonly hostCaching: boolean;
  readonly cmid: CmidMode;
}

export interface World {
  readonly name: string;
  /** The run covers minutes [0, durationMin) (§T1). */
  readonly durationMin: number;
  /**
   * Minutes from Monday 00:00 UTC of the week that holds `start` to `start` (0 ≤ x < 10 080; may be
   * fractional when `start` has seconds). Office hours (§R2) are read from it; the model never sees a Date.
   */
  readonly startWeekOffsetMin: number;
  readonly timers: Timers;
  readonly assumptions: Assumptions;
  readonly sites: readonly SiteSpec[];
  readonly links: readonly LinkSpec[];
  readonly hosts: readonly HostSpec[];
  readonly clients: readonly ClientGroupSpec[];
}

/** The defaults of FORMAT.md `timers` (§C1, §C2, §C4, §H7). */
export const DEFAULT_TIMERS: Timers = {
  activationIntervalMin: 120,
  renewalIntervalMin: 10_080,
  validityMin: 259_200,
  oobGraceMin: 43_200,
  ootGraceMin: 43_200,
  renewalJitterMin: 0,
  keyExceptionDelayMin: 4_320,
};

/** The defaults of FORMAT.md `assumptions`. */
export const DEFAULT_ASSUMPTIONS: Assumptions = {
  failoverOnLowCount: false,
  rejectedRequestsCounted: false,
  restartKeepsTables: true,
};
