// Shared helpers of the importer tests: small exports written as Export-Csv writes them, into a
// temp folder removed after the file's tests, and importAd run on them with default flags.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { parse } from "yaml";
import { importAd, type ImportRequest } from "../../src/import/index.js";

export const COMPUTER_COLUMNS = ["Name", "DNSHostName", "Enabled", "IPv4Address", "LastLogonDate", "OperatingSystem", "OperatingSystemVersion"] as const;
export type ComputerFields = Partial<Record<(typeof COMPUTER_COLUMNS)[number], string>>;

/** A CSV as Export-Csv -NoTypeInformation writes it: every field quoted, CRLF. */
export function csv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (fields: readonly string[]): string => fields.map((f) => `"${f.replace(/"/g, '""')}"`).join(",");
  return [line(header), ...rows.map(line)].map((l) => `${l}\r\n`).join("");
}

/** A computers export; each row defaults to an enabled Windows 10 Enterprise at 10.1.0.1 that logged on at AS_OF. */
export function computersCsv(rows: readonly ComputerFields[]): string {
  return csv(
    COMPUTER_COLUMNS,
    rows.map((r, i) => {
      const name = r.Name ?? `PC${i + 1}`;
      const full: Required<ComputerFields> = {
        Name: name,
        DNSHostName: `${name.toLowerCase()}.contoso.com`,
        Enabled: "True",
        IPv4Address: "10.1.0.1",
        LastLogonDate: "11/20/2026 9:00:00 AM",
        OperatingSystem: "Windows 10 Enterprise",
        OperatingSystemVersion: "10.0 (19045)",
        ...r,
      };
      return COMPUTER_COLUMNS.map((c) => full[c]);
    }),
  );
}

/** A subnets export from [cidr, site name] pairs (the site as a distinguished name). */
export function subnetsCsv(pairs: readonly (readonly [string, string])[]): string {
  return csv(["Name", "Site"], pairs.map(([cidr, site]) => [cidr, site === "" ? "" : `CN=${site},CN=Sites,CN=Configuration,DC=contoso,DC=com`]));
}

/** An SRV export from [target, priority, weight] answers, with an A record in Additional. */
export function srvCsv(answers: readonly (readonly [string, number, number])[]): string {
  const header = ["QueryType", "Target", "NameTarget", "Priority", "Weight", "Port", "Name", "Type", "Section", "TTL"];
  const rows = answers.map(([t, p, w]) => ["SRV", t, t, String(p), String(w), "1688", "_vlmcs._tcp.contoso.com", "SRV", "Answer", "3600"]);
  const extra = answers.map(([t]) => ["A", "", "", "", "", "", t, "A", "Additional", "3600"]);
  return csv(header, [...rows, ...extra]);
}

/** A temp folder for this test file, removed after its tests; `write` puts a file in it and returns its path. */
export function useTemp(prefix: string): { dir: () => string; write: (name: string, content: string | Uint8Array) => string } {
  let dir: string | undefined;
  afterAll(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });
  const get = (): string => (dir ??= mkdtempSync(join(tmpdir(), `kmsim-import-${prefix}-`)));
  return {
    dir: get,
    write: (name, content) => {
      const path = join(get(), name);
      writeFileSync(path, content);
      return path;
    },
  };
}

export const DEFAULTS: Omit<ImportRequest, "computers"> = {
  subnets: undefined,
  srv: undefined,
  siteSrv: [],
  activeWithinMin: 90 * 1440,
  asOfMs: undefined,
  csvlk: [],
  clientsOnline: "office-hours",
  serversOnline: "always",
  name: undefined,
};

export interface Scenario {
  sites: { id: string; srv?: Record<string, { priority: number; weight: number }> }[];
  links?: { id: string; between: [string, string] }[];
  hosts: { id: string; site: string; os: string; csvlk: string; srv: { priority: number; weight: number } }[];
  clients: { id: string; site: string; count: number; edition: string; online: string }[];
}

/** Runs importAd on files already written; throws with the errors when it fails. */
export function importOk(req: Partial<ImportRequest> & { computers: string }): { text: string; summary: readonly string[]; scenario: Scenario } {
  const r = importAd({ ...DEFAULTS, ...req });
  if (!r.ok) throw new Error(`import failed:\n${r.errors.join("\n")}`);
  return { text: r.text, summary: r.summary, scenario: parse(r.text) as Scenario };
}

/** Runs importAd and returns its errors (throws when it succeeds). */
export function importErrors(req: Partial<ImportRequest> & { computers: string }): readonly string[] {
  const r = importAd({ ...DEFAULTS, ...req });
  if (r.ok) throw new Error("expected the import to fail");
  return r.errors;
}

/** `count` of the client group of (site, edition), 0 when there is none. */
export function countOf(s: Scenario, site: string, edition: string): number {
  return s.clients.find((c) => c.site === site && c.edition === edition)?.count ?? 0;
}
