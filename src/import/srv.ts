// The KMS SRV records (docs/import.md "Hosts"): `Resolve-DnsName -Type SRV _vlmcs._tcp.<domain>
// | Export-Csv`. Rows with Type SRV in the Answer section give NameTarget, Priority, Weight
// (and Port); every other row (the A records of the Additional section, …) is ignored.
import { readCsvRows } from "./csv-rows.js";
import type { Problems } from "./problems.js";
import type { ExportText } from "./read-export.js";

export interface SrvAnswer {
  /** NameTarget as exported, without a trailing dot. */
  readonly target: string;
  /** NameTarget lower-cased: DNS names compare without case. */
  readonly key: string;
  readonly priority: number;
  readonly weight: number;
  /** Port, or undefined when the export has no Port value. */
  readonly port: number | undefined;
  readonly line: number;
}

export interface SrvRecords {
  /** The answers in file order, one per NameTarget (the first record of a target wins). */
  readonly answers: readonly SrvAnswer[];
  /** Lines whose target was already answered, as `line N: …` notes. */
  readonly duplicates: readonly string[];
}

export const SRV_COLUMNS = {
  required: ["Type", "Section", "NameTarget", "Priority", "Weight"] as const,
  optional: ["Port", "Name"] as const,
};

function uint16(text: string): number | undefined {
  const t = text.trim();
  if (!/^\d{1,5}$/.test(t)) return undefined;
  const n = Number(t);
  return n <= 65_535 ? n : undefined;
}

/** A DNS name as a lookup key: trimmed, without the trailing dot, lower-cased. */
export function dnsKey(name: string): string {
  return name.trim().replace(/\.$/, "").toLowerCase();
}

/** Reads an SRV export; a bad Priority, Weight or Port, or a record that is not `_vlmcs._tcp`, names its line. */
export function parseSrv(file: string, source: ExportText, problems: Problems): SrvRecords {
  const answers: SrvAnswer[] = [];
  const duplicates: string[] = [];
  const firstLine = new Map<string, number>();
  readCsvRows(file, source, SRV_COLUMNS, problems, (fields, col, line) => {
    const type = fields[col.Type].trim().toUpperCase();
    const section = fields[col.Section].trim().toLowerCase();
    if ((type !== "SRV" && type !== "33") || (section !== "answer" && section !== "1")) return;
    const name = col.Name === -1 ? "" : fields[col.Name].trim();
    if (name !== "" && !/^_vlmcs\._tcp(\.|$)/i.test(name)) {
      problems.add(file, line, `the SRV record ${JSON.stringify(name)} is not a KMS record (_vlmcs._tcp.<domain>)`);
      return;
    }
    const target = fields[col.NameTarget].trim().replace(/\.$/, "");
    if (target === "") {
      problems.add(file, line, "an SRV answer without a NameTarget");
      return;
    }
    const priority = uint16(fields[col.Priority]);
    const weight = uint16(fields[col.Weight]);
    const portText = col.Port === -1 ? "" : fields[col.Port].trim();
    const port = portText === "" ? undefined : uint16(portText);
    if (priority === undefined) problems.add(file, line, `Priority ${JSON.stringify(fields[col.Priority])} is not a whole number 0 … 65535`);
    if (weight === undefined) problems.add(file, line, `Weight ${JSON.stringify(fields[col.Weight])} is not a whole number 0 … 65535`);
    if (portText !== "" && (port === undefined || port === 0)) problems.add(file, line, `Port ${JSON.stringify(portText)} is not a port number 1 … 65535`);
    if (priority === undefined || weight === undefined || (portText !== "" && (port === undefined || port === 0))) return;
    const key = dnsKey(target);
    const first = firstLine.get(key);
    if (first !== undefined) {
      duplicates.push(`line ${line}: a second record for ${target} (the one on line ${first} is used)`);
      return;
    }
    firstLine.set(key, line);
    answers.push({ target, key, priority, weight, port, line });
  });
  return { answers, duplicates };
}
