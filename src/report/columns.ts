// Column lists of timeline.csv and summary.csv (FORMAT.md "Run folder"), derived from a World.
// Shared by the run aggregator, the chart and (later) compare's runs.csv.
import { LICENSE_STATE_NAMES } from "../kms/facts.js";

/**
 * What the column lists depend on: the ids of hosts, links and sites (and which sites have DNS
 * outages). A World has this shape; so has a run's manifest.json `world`, which `kmsim report`
 * checks the CSVs against.
 */
export interface ColumnWorld {
  readonly hosts: readonly { readonly id: string }[];
  readonly links: readonly { readonly id: string }[];
  readonly sites: readonly { readonly id: string; readonly dnsOutages: readonly unknown[] }[];
}

/** Whether some group has `office` (the Office columns); a Layout has this shape. */
export interface ColumnLayout {
  readonly hasOffice: boolean;
}

/** The four §C4 state column names in FORMAT.md order (oob_grace, licensed, oot_grace, notification). */
export const STATE_COLUMNS: readonly string[] = LICENSE_STATE_NAMES.slice(1);

/** A host's `windows` count below this is "low" (FORMAT.md summary.csv `<host>_low_count_h`; the §C5 client threshold). */
export const LOW_COUNT_THRESHOLD = 25;

/** Failure codes with a `failed_<code>` summary column, in FORMAT.md order (§C6.4). */
export const FAILED_CODES: readonly number[] = [0xc004f038, 0xc004f041, 0xc004f042, 0xc004f074];

/** Indices of the sites that get a `<site>_dns_up` column: those with at least one DNS outage entry. */
export function dnsColumnSites(world: ColumnWorld): number[] {
  const out: number[] = [];
  world.sites.forEach((s, i) => {
    if (s.dnsOutages.length > 0) out.push(i);
  });
  return out;
}

/** The columns of timeline.csv, in FORMAT.md order. */
export function timelineColumns(world: ColumnWorld, layout: ColumnLayout): string[] {
  const cols = ["minute", "time", ...STATE_COLUMNS];
  if (layout.hasOffice) cols.push(...STATE_COLUMNS.map((s) => `office_${s}`));
  for (const h of world.hosts) {
    cols.push(`${h.id}_up`, `${h.id}_count`);
    if (layout.hasOffice) cols.push(`${h.id}_office_count`);
  }
  for (const l of world.links) cols.push(`${l.id}_up`);
  for (const s of dnsColumnSites(world)) cols.push(`${world.sites[s].id}_dns_up`);
  return cols;
}

/** The fixed leading columns of summary.csv, before the host columns (FORMAT.md order). */
export const SUMMARY_LEADING_COLUMNS: readonly string[] = [
  "scenario",
  "strategy",
  "replication",
  "seed",
  "clients",
  "licensed_end",
  "oob_grace_end",
  "oot_grace_end",
  "notification_end",
  "notification_client_days",
  "oot_client_days",
  "clients_lapsed",
  "never_activated",
  "first_activation_p50_h",
  "first_activation_p95_h",
  "requests",
  ...FAILED_CODES.map((c) => `failed_0x${c.toString(16).toUpperCase()}`),
];

/** The per-host summary column suffixes, in FORMAT.md order. */
export const SUMMARY_HOST_SUFFIXES: readonly string[] = ["downtime_h", "low_count_h", "requests", "max_count"];

/** The Office summary columns (only when some group has `office`), in FORMAT.md order. */
export const SUMMARY_OFFICE_COLUMNS: readonly string[] = [
  "office_clients",
  "office_licensed_end",
  "office_notification_client_days",
  "office_clients_lapsed",
  "office_never_activated",
];

/** Rejection codes with a `rejected_<code>` summary column (§H2: host not activated, cannot activate this product). */
export const REJECTED_CODES: readonly number[] = [0xc004f041, 0xc004f042];

/** The risk columns appended after the Office columns (FORMAT.md summary.csv, in order). */
export const SUMMARY_RISK_COLUMNS: readonly string[] = [
  "failed_attempts",
  "min_validity_left_h",
  "client_hours_unreachable",
  ...REJECTED_CODES.map((c) => `rejected_0x${c.toString(16).toUpperCase()}`),
];

/** The per-host risk column suffixes, after the risk columns. */
export const SUMMARY_HOST_RISK_SUFFIXES: readonly string[] = ["rejected"];

/** The Office risk columns (only with Office), then the per-host Office suffixes. */
export const SUMMARY_OFFICE_RISK_COLUMNS: readonly string[] = ["office_min_validity_left_h", "office_client_hours_unreachable"];
export const SUMMARY_HOST_OFFICE_SUFFIXES: readonly string[] = ["office_max_count", "office_low_count_h"];

/** A host's `office` count below this is "low" (`<host>_office_low_count_h`; the §C5 Office threshold). */
export const LOW_OFFICE_COUNT_THRESHOLD = 5;

/**
 * The columns of summary.csv in FORMAT.md order, as consecutive sections (leading, host, Office,
 * risk, host risk, Office risk, host Office); sections without columns are empty. compare's
 * runs.csv takes the union over strategies section by section.
 */
export function summaryColumnSections(world: ColumnWorld, layout: ColumnLayout): string[][] {
  const perHost = (suffixes: readonly string[]): string[] => world.hosts.flatMap((h) => suffixes.map((s) => `${h.id}_${s}`));
  const office = layout.hasOffice;
  return [
    [...SUMMARY_LEADING_COLUMNS],
    perHost(SUMMARY_HOST_SUFFIXES),
    office ? [...SUMMARY_OFFICE_COLUMNS] : [],
    [...SUMMARY_RISK_COLUMNS],
    perHost(SUMMARY_HOST_RISK_SUFFIXES),
    office ? [...SUMMARY_OFFICE_RISK_COLUMNS] : [],
    office ? perHost(SUMMARY_HOST_OFFICE_SUFFIXES) : [],
  ];
}

/** The columns of summary.csv, in FORMAT.md order. */
export function summaryColumns(world: ColumnWorld, layout: ColumnLayout): string[] {
  return summaryColumnSections(world, layout).flat();
}
