// The one-screen text summary printed by `kmsim run` (FORMAT.md "Run folder").
import type { World } from "../kms/index.js";
import { formatNumber } from "../report/index.js";

type SummaryRecord = Record<string, number | string>;

/** What each failure code means (MODEL.md "Outputs", §C5 §C6.4 §H2), in summary.csv's column order. */
export const FAILURE_MEANINGS: readonly (readonly [string, string])[] = [
  ["0xC004F038", "count too low: below the client's threshold"],
  ["0xC004F041", "host not activated"],
  ["0xC004F042", "host cannot activate this product"],
  ["0xC004F074", "no host could be contacted"],
];

function value(record: SummaryRecord, key: string): string {
  const v = record[key];
  return typeof v === "number" ? formatNumber(Math.round(v * 100) / 100) : v === undefined || v === "" ? "–" : v;
}

/** States at the end, lapses, per-host downtime and low-count hours, and where the files went. */
export function formatRunSummary(
  world: World,
  record: SummaryRecord,
  info: { folder: string; wallTimeMs: number; title: string; files: readonly string[] },
): string {
  const lines: string[] = [];
  lines.push(`kmsim run ${info.title}: ${value(record, "clients")} Windows clients over ${formatNumber(world.durationMin / 1440)} days`);
  lines.push(
    `  at the end: ${value(record, "licensed_end")} licensed, ${value(record, "oob_grace_end")} in initial grace, ` +
      `${value(record, "oot_grace_end")} in out-of-tolerance grace, ${value(record, "notification_end")} in notification`,
  );
  lines.push(
    `  lapsed at least once: ${value(record, "clients_lapsed")}; never activated: ${value(record, "never_activated")}; ` +
      `client-days in notification: ${value(record, "notification_client_days")}`,
  );
  lines.push(
    `  first activation (h): median ${value(record, "first_activation_p50_h")}, 95th percentile ${value(record, "first_activation_p95_h")}`,
  );
  lines.push(`  requests: ${value(record, "requests")}; failed attempts, by final result:`);
  for (const [code, meaning] of FAILURE_MEANINGS) lines.push(`    ${code} (${meaning}): ${value(record, `failed_${code}`)}`);
  if (record.office_clients !== undefined) {
    lines.push(
      `  Office: ${value(record, "office_clients")} installs, ${value(record, "office_licensed_end")} licensed at the end, ` +
        `${value(record, "office_clients_lapsed")} lapsed, ${value(record, "office_never_activated")} never activated`,
    );
  }
  for (const host of world.hosts) {
    lines.push(
      `  host ${host.id}: down ${value(record, `${host.id}_downtime_h`)} h, count below 25 for ${value(record, `${host.id}_low_count_h`)} h, ` +
        `${value(record, `${host.id}_requests`)} requests, max count ${value(record, `${host.id}_max_count`)}`,
    );
  }
  lines.push(`  results: ${info.folder}/ (${info.files.join(", ")}) in ${(info.wallTimeMs / 1000).toFixed(2)} s`);
  return `${lines.join("\n")}\n`;
}
