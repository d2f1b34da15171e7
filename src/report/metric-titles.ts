// What a summary.csv column means to a reader (FORMAT.md "Run folder" summary.csv): a title in
// words with its unit, and the range its values can take, so that charts can label panels for
// people and clip statistical intervals to what is possible (no negative counts or hours).
import { LOW_COUNT_THRESHOLD } from "./columns.js";

/** A host's Office count below this is "low" (issue 8: `<host>_office_low_count_h`; the §C5 Office threshold). */
export const OFFICE_LOW_COUNT_THRESHOLD = 5;

/** How to present one summary column. */
export interface MetricInfo {
  /** Words with the unit: "client-days in notification", "hours with kms-hq1 below 25". */
  readonly title: string;
  /** The smallest possible value: 0 for every count, hours and days column; null when unknown. */
  readonly min: number | null;
  /** A column of the same run whose value bounds this one from above (`clients` bounds `clients_lapsed`). */
  readonly maxColumn: string | null;
}

const WINDOWS_CLIENTS = "clients";
const OFFICE_CLIENTS = "office_clients";

/** Columns of one run, with their title and, for client counts, the column bounding them. */
const FIXED: ReadonlyMap<string, readonly [title: string, maxColumn: string | null]> = new Map([
  ["clients", ["licensing clients (Windows)", null]],
  ["licensed_end", ["clients licensed at the end", WINDOWS_CLIENTS]],
  ["oob_grace_end", ["clients in initial grace at the end", WINDOWS_CLIENTS]],
  ["oot_grace_end", ["clients in out-of-tolerance grace at the end", WINDOWS_CLIENTS]],
  ["notification_end", ["clients in notification at the end", WINDOWS_CLIENTS]],
  ["notification_client_days", ["client-days in notification", null]],
  ["oot_client_days", ["client-days in out-of-tolerance grace", null]],
  ["clients_lapsed", ["clients lapsed (validity ran out)", WINDOWS_CLIENTS]],
  ["never_activated", ["clients never activated", WINDOWS_CLIENTS]],
  ["first_activation_p50_h", ["hours to first activation, median", null]],
  ["first_activation_p95_h", ["hours to first activation, 95th percentile", null]],
  ["requests", ["requests sent to hosts per run", null]],
  ["failed_0xC004F038", ["failed attempts per run: count too low (0xC004F038)", null]],
  ["failed_0xC004F041", ["failed attempts per run: host not activated (0xC004F041)", null]],
  ["failed_0xC004F042", ["failed attempts per run: product not activatable (0xC004F042)", null]],
  ["failed_0xC004F074", ["failed attempts per run: no host reachable (0xC004F074)", null]],
  ["failed_attempts", ["failed attempts per run", null]],
  ["min_validity_left_h", ["lowest validity left at a renewal (hours)", null]],
  ["client_hours_unreachable", ["client-hours with no host reachable", null]],
  ["rejected_0xC004F041", ["requests refused per run: host not activated (0xC004F041)", null]],
  ["rejected_0xC004F042", ["requests refused per run: cannot activate this product (0xC004F042)", null]],
  ["office_clients", ["Office installs", null]],
  ["office_licensed_end", ["Office installs licensed at the end", OFFICE_CLIENTS]],
  ["office_notification_client_days", ["Office install-days in notification", null]],
  ["office_clients_lapsed", ["Office installs lapsed (validity ran out)", OFFICE_CLIENTS]],
  ["office_never_activated", ["Office installs never activated", OFFICE_CLIENTS]],
  ["office_min_validity_left_h", ["Office: lowest validity left at a renewal (hours)", null]],
  ["office_client_hours_unreachable", ["Office install-hours with no host reachable", null]],
]);

/**
 * Per-host column suffixes, longest first: host ids never end in `_office` (FORMAT.md ids), so
 * `<host>_office_max_count` cannot be read as another host's `_max_count`.
 */
const PER_HOST: readonly (readonly [suffix: string, title: (host: string) => string])[] = [
  ["_office_low_count_h", (h) => `hours with ${h}'s Office count below ${OFFICE_LOW_COUNT_THRESHOLD}`],
  ["_office_max_count", (h) => `highest Office count on ${h}`],
  ["_low_count_h", (h) => `hours with ${h} below ${LOW_COUNT_THRESHOLD}`],
  ["_downtime_h", (h) => `hours ${h} was down`],
  ["_max_count", (h) => `highest count on ${h}`],
  ["_requests", (h) => `requests sent to ${h} per run`],
  ["_rejected", (h) => `requests ${h} refused per run (0xC004F041, 0xC004F042)`],
];

/**
 * The title and range of a summary column. Every column kmsim writes counts something or
 * measures hours or days, so its minimum is 0; a column kmsim does not know keeps its name as
 * title and has no known range.
 */
export function metricInfo(column: string): MetricInfo {
  const fixed = FIXED.get(column);
  if (fixed !== undefined) return { title: fixed[0], min: 0, maxColumn: fixed[1] };
  for (const [suffix, title] of PER_HOST) {
    if (column.length > suffix.length && column.endsWith(suffix)) {
      return { title: title(column.slice(0, -suffix.length)), min: 0, maxColumn: null };
    }
  }
  return { title: column, min: null, maxColumn: null };
}
