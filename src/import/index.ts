// `kmsim import ad`: Active Directory exports → the text of a commented, valid scenario and a
// summary (docs/import.md). Reads the files, then hands everything to the pure builders; every
// error of every file is collected, and nothing is returned to write unless there are none.
import { parseComputers } from "./computers.js";
import { buildEstate, type EstateOptions } from "./estate.js";
import { Problems } from "./problems.js";
import { readExport, type ExportText } from "./read-export.js";
import { sizeProblems } from "../scenario/index.js";
import { scenarioText } from "./scenario-text.js";
import { parseSrv, type SrvRecords } from "./srv.js";
import { parseSubnets, type SubnetTable } from "./subnets.js";
import { summaryLines } from "./summary.js";

export { MAX_PER_FILE } from "./problems.js";
export { UNASSIGNED } from "./estate.js";

export interface ImportRequest extends EstateOptions {
  /** Paths as the user typed them (they prefix every message). */
  readonly computers: string;
  readonly subnets: string | undefined;
  readonly srv: string | undefined;
  readonly siteSrv: readonly { readonly site: string; readonly file: string }[];
  /** `name:` of the scenario; undefined = none written (the file name is the name). */
  readonly name: string | undefined;
}

export type ImportResult =
  | { readonly ok: true; readonly text: string; readonly summary: readonly string[] }
  | { readonly ok: false; readonly errors: readonly string[] };

function read(file: string, problems: Problems): ExportText | null {
  const r = readExport(file);
  if (r.ok) return r.value;
  problems.add(file, undefined, r.message);
  return null;
}

function srvFile(file: string, problems: Problems): SrvRecords | null {
  const source = read(file, problems);
  if (source === null) return null;
  const before = problems.empty;
  const records = parseSrv(file, source, problems);
  if (before && problems.empty && records.answers.length === 0) {
    problems.add(file, undefined, "no SRV answers (rows with Type SRV and Section Answer): is this a Resolve-DnsName -Type SRV _vlmcs._tcp.<domain> export?");
  }
  return records;
}

/** Reads the exports and builds the scenario text and the summary, or every error found. */
export function importAd(req: ImportRequest): ImportResult {
  const problems = new Problems();
  let subnets: SubnetTable | null = null;
  if (req.subnets !== undefined) {
    const source = read(req.subnets, problems);
    if (source !== null) subnets = parseSubnets(req.subnets, source, problems);
  }
  const computersSource = read(req.computers, problems);
  const computers = computersSource === null ? [] : parseComputers(req.computers, computersSource, problems, subnets?.siteOf ?? null);
  if (computersSource !== null && problems.empty && computers.length === 0) {
    problems.add(req.computers, undefined, "no computer accounts after the header row");
  }
  const srv = req.srv === undefined ? null : srvFile(req.srv, problems);
  const siteSrv = req.siteSrv.map((s) => ({ ...s, records: srvFile(s.file, problems) }));
  if (!problems.empty) return { ok: false, errors: problems.list() };

  const estate = buildEstate(
    {
      computers,
      subnets,
      srv: req.srv === undefined || srv === null ? null : { file: req.srv, records: srv },
      siteSrv: siteSrv.map((s) => ({ site: s.site, file: s.file, records: s.records ?? { answers: [], duplicates: [] } })),
      options: req,
    },
    problems,
  );
  if (estate === null) return { ok: false, errors: problems.list() };
  // The scenario written must be valid, so it must be within the size limits (FORMAT.md "Limits").
  const written = { sites: estate.sites, links: estate.links, hosts: estate.hosts.filter((h) => h.os !== null && h.csvlk !== null), clients: estate.groups };
  for (const f of sizeProblems(written)) problems.add(req.computers, undefined, `the scenario would be over a limit: ${f.path}: ${f.message}`);
  if (!problems.empty) return { ok: false, errors: problems.list() };
  return { ok: true, text: scenarioText(estate, req.name), summary: summaryLines(estate) };
}
