// Column lists of timeline.csv and summary.csv (FORMAT.md "Run folder"), derived from a World.
// Shared by the run aggregator, the chart and (later) compare's runs.csv.
import { LICENSE_STATE_NAMES } from "../kms/facts.js";
import type { Layout } from "../kms/layout.js";
import type { World } from "../kms/world.js";

/** The four §C4 state column names in FORMAT.md order (oob_grace, licensed, oot_grace, notification). */
export const STATE_COLUMNS: readonly string[] = LICENSE_STATE_NAMES.slice(1);

/** A host's `windows` count below this is "low" (FORMAT.md summary.csv `<host>_low_count_h`; the §C5 client threshold). */
export const LOW_COUNT_THRESHOLD = 25;

/** Failure codes with a `failed_<code>` summary column, in FORMAT.md order (§C6.4). */
export const FAILED_CODES: readonly number[] = [0xc004f038, 0xc004f041, 0xc004f042, 0xc004f074];

/** Indices of the sites that get a `<site>_dns_up` column: those with at least one DNS outage entry. */
export function dnsColumnSites(world: World): number[] {
  const out: number[] = [];
  world.sites.forEach((s, i) => {
    if (s.dnsOutages.length > 0) out.push(i);
  });
  return out;
}

/** The columns of timeline.csv, in FORMAT.md order. */
export function timelineColumns(world: World, layout: Layout): string[] {
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

/** The columns of summary.csv, in FORMAT.md order. */
export function summaryColumns(world: World, layout: Layout): string[] {
  const cols = [...SUMMARY_LEADING_COLUMNS];
  for (const h of world.hosts) for (const s of SUMMARY_HOST_SUFFIXES) cols.push(`${h.id}_${s}`);
  if (layout.hasOffice) cols.push(...SUMMARY_OFFICE_COLUMNS);
  return cols;
}
