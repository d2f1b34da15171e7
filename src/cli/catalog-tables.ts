// The catalogue (CATALOG.md) as plain-text tables for `kmsim editions`.
import {
  CSVLK_TABLE,
  EDITIONS,
  HOST_OSES,
  OFFICE_VERSIONS,
  UPDATE_KBS,
  csvlkEditions,
} from "../kms/catalog/index.js";

function table(title: string, header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
  return [title, line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line), ""].join("\n");
}

/** Every accepted name, grouped as CATALOG.md groups them. */
export function formatCatalog(): string {
  const parts = [
    table(
      "Editions (clients[].edition) — threshold 25 for client, 5 for server editions",
      ["edition", "kind", "OS"],
      EDITIONS.map((e) => [e.name, e.kind, e.os]),
    ),
    table("Host OSes (hosts[].os)", ["host OS"], HOST_OSES.map((o) => [o])),
    table(
      "CSVLK groups (hosts[].csvlk)",
      ["CSVLK", "can be installed on", "activates"],
      CSVLK_TABLE.map((row) => [row.group, row.hostedOn.join(", "), `${csvlkEditions(row.group).length} editions`]),
    ),
    table("Updates (hosts[].updates, patchLevel)", ["KB", "release date"], UPDATE_KBS.map((u) => [u.kb, u.releaseDate])),
    table("Office versions (clients[].office, hosts[].officeKeys)", ["Office"], OFFICE_VERSIONS.map((o) => [o])),
  ];
  return parts.join("\n");
}
