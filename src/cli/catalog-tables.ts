// The catalogue (CATALOG.md) as plain-text tables for `kmsim editions`, and one CSVLK group's
// view of it for `kmsim editions --csvlk NAME` (§H6).
import {
  CSVLK_TABLE,
  EDITIONS,
  EDITION_OSES,
  HOST_OSES,
  OFFICE_VERSIONS,
  UPDATE_KBS,
  csvlkEditions,
  editionInfo,
  releaseDateOf,
  requiredUpdateFor,
  resolveCsvlk,
} from "../kms/catalog/index.js";
import { InputError } from "./errors.js";

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

/**
 * One CSVLK group (§H6): the host OSes it can be installed on, the editions it activates, and for
 * each (host OS, client OS) pair that needs one, the updates and the patch level that meet it.
 * `name` as the user typed it; an unknown one is bad input with the closest group suggested.
 */
export function formatCsvlk(name: string): string {
  const found = resolveCsvlk(name);
  if (!found.ok) throw new InputError([`kmsim: --csvlk: ${found.message}`]);
  const row = CSVLK_TABLE.find((r) => r.group === found.name);
  if (row === undefined) throw new Error(`formatCsvlk: no table row for ${found.name}`);
  const editions = [...new Set(csvlkEditions(row.group))];
  const oses = EDITION_OSES.filter((os) => editions.some((e) => editionInfo(e).os === os));
  const updates = row.hostedOn.flatMap((hostOs) =>
    oses.flatMap((os) => {
      const need = requiredUpdateFor(hostOs, os);
      if (need === null) return [];
      return [[hostOs, os, need.kbs.map((kb) => `${kb} (${releaseDateOf(kb)})`).join(", "), need.earliestDate]];
    }),
  );
  const parts = [
    `CSVLK group ${row.group} (the seed's "${row.seedGroup}")\n`,
    table("Can be installed on (hosts[].os)", ["host OS"], row.hostedOn.map((os) => [os])),
    table(
      `Editions it activates (${editions.length}) — threshold 25 for client, 5 for server editions`,
      ["edition", "kind", "OS"],
      editions.map((e) => [e, editionInfo(e).kind, editionInfo(e).os]),
    ),
    updates.length === 0
      ? "Required updates: none (no host OS it can be installed on needs an update for these editions)\n"
      : table(
          "Required updates — a host on that OS activates editions of that client OS only with one of these KBs\n(updates: [KB…]) or a patchLevel on or after the date; every other pair needs none",
          ["host OS", "client OS", "updates (release date used)", "patchLevel from"],
          updates,
        ),
  ];
  return parts.join("\n");
}
