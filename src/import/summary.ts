// The summary `kmsim import ad` prints on stderr (docs/import.md "Summary"): machines read,
// clients placed per site, computers skipped by reason, the KMS hosts found, and the notes.
import { formatDuration } from "../engine/duration.js";
import { formatUtc } from "../scenario/index.js";
import type { Estate } from "./estate.js";
import { placedDetail, skippedDetail, skippedTotal } from "./scenario-text.js";

/** The summary lines, without line ends. */
export function summaryLines(e: Estate): string[] {
  const c = e.counts;
  const asOf = e.asOfMs === null ? "no LastLogonDate in the export" : `as of ${formatUtc(e.asOfMs)}`;
  const out = [
    `kmsim import ad: ${c.read} computer accounts read (${asOf}, active within ${formatDuration(e.activeWithinMin)})`,
    `  clients placed: ${c.clients} (${placedDetail(e)})`,
    `  skipped: ${skippedTotal(e)} (${skippedDetail(e)})`,
  ];
  if (e.notKms.length > 0) out.push(`    editions KMS cannot activate: ${e.notKms.map((x) => `${x.label} ${x.count}`).join(", ")}`);
  if (e.notInCatalogue.length > 0) {
    out.push(`    not in the catalogue: ${e.notInCatalogue.map((x) => `${x.label} ${x.count} (closest: ${x.closest})`).join(", ")}`);
  }
  if (e.ipv6SubnetsIgnored > 0 || e.subnetsWithoutSite > 0) {
    out.push(`  AD subnets ignored: ${e.ipv6SubnetsIgnored} IPv6, ${e.subnetsWithoutSite} without a site`);
  }
  const hosts = e.hosts.map((h) =>
    h.os === null ? `${h.id} (left out)` : `${h.id} (${h.site}, ${h.os}, CSVLK ${h.csvlk ?? "?"}${h.csvlkFrom === "flag" ? "" : " assumed"})`,
  );
  out.push(`  KMS hosts: ${e.hosts.length}${hosts.length === 0 ? (e.srvGiven ? "" : " (no --srv)") : ` — ${hosts.join(", ")}`}`);
  out.push(`  computer accounts of the KMS hosts (hosts, not clients): ${c.hostAccounts}`);
  for (const n of e.notes) out.push(`  note: ${n}`);
  return out;
}
