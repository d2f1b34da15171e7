// The CSVs a result folder must hold, as its manifest.json implies them (FORMAT.md "Run folder",
// "Comparison folder"): the columns of timeline.csv and summary.csv follow the hosts, links, sites
// and Office use of the resolved scenario in `world`; a comparison's runs.csv follows the union
// over its strategies, and its row count the strategies × replications. `kmsim report` checks
// every file against these rules before drawing, so a damaged or edited file is bad input.
import { AVAILABILITY_COLUMNS } from "./availability.js";
import { COMPARISON_COLUMNS, runsColumns } from "./comparison.js";
import { summaryColumnSections, timelineColumns, type ColumnWorld } from "./columns.js";
import type { CellKind, ColumnRule, TableRule } from "./csv-check.js";
import { formatTime } from "./format.js";
import { rankableColumns } from "./ranking.js";

/** A problem with manifest.json itself: the JSON path and a message. */
export class ManifestProblem extends Error {
  override readonly name = "ManifestProblem";
}

/** When a run's timeline rows fall: its start, duration and `sample` (manifest.json). */
export interface RunTiming {
  readonly startEpochMs: number;
  readonly durationMin: number;
  readonly sampleMin: number | null;
}

/** What a run's manifest.json says about its CSVs. */
export interface RunManifest extends RunTiming {
  readonly scenario: string;
  readonly strategy: string | null;
  readonly world: ManifestWorld;
}

/** The part of a manifest's resolved scenario the columns depend on. */
export interface ManifestWorld extends ColumnWorld {
  readonly hasOffice: boolean;
}

/** What a comparison's manifest.json says about its CSVs. */
export interface ComparisonManifest extends RunTiming {
  readonly scenario: string;
  readonly replications: number;
  readonly strategies: readonly { readonly name: string; readonly world: ManifestWorld }[];
}

type Json = Record<string, unknown>;

function isRecord(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function fail(path: string, message: string): never {
  throw new ManifestProblem(`${path}: ${message}`);
}

function text(m: Json, key: string, path: string): string {
  const v = m[key];
  return typeof v === "string" ? v : fail(`${path}${key}`, "expected a string");
}

function whole(m: Json, key: string, path: string, min: number): number {
  const v = m[key];
  return typeof v === "number" && Number.isSafeInteger(v) && v >= min ? v : fail(`${path}${key}`, `expected a whole number ≥ ${min}`);
}

function ids(m: Json, key: string, path: string): { id: string; raw: Json }[] {
  const list = m[key];
  if (!Array.isArray(list)) fail(`${path}${key}`, "expected a list");
  return list.map((e: unknown, i) => {
    if (!isRecord(e) || typeof e.id !== "string") fail(`${path}${key}[${i}].id`, "expected a string");
    return { id: e.id, raw: e };
  });
}

/** The ids and Office use of a manifest's resolved scenario (`world`, or a strategy's). */
function manifestWorld(w: unknown, path: string): ManifestWorld {
  if (!isRecord(w)) fail(path.replace(/\.$/, ""), "expected an object (the resolved scenario)");
  const sites = ids(w, "sites", path).map(({ id, raw }, i) => {
    const dnsOutages = raw.dnsOutages;
    return Array.isArray(dnsOutages) ? { id, dnsOutages } : fail(`${path}sites[${i}].dnsOutages`, "expected a list");
  });
  const clients = ids(w, "clients", path);
  return {
    hosts: ids(w, "hosts", path),
    links: ids(w, "links", path),
    sites,
    hasOffice: clients.some((c) => c.raw.office !== null && c.raw.office !== undefined),
  };
}

function parseJson(textOfManifest: string): Json {
  let m: unknown;
  try {
    m = JSON.parse(textOfManifest);
  } catch {
    fail("manifest.json", "not valid JSON");
  }
  return isRecord(m) ? m : fail("manifest.json", "expected a JSON object");
}

function runTiming(m: Json): RunTiming {
  const startEpochMs = Date.parse(text(m, "start", ""));
  if (!Number.isFinite(startEpochMs)) fail("start", "expected an ISO-8601 time");
  const sampleMin = m.sampleMin === null ? null : whole(m, "sampleMin", "", 1);
  return { startEpochMs, durationMin: whole(m, "durationMin", "", 1), sampleMin };
}

/** A run folder's manifest.json, read for the CSV rules; a ManifestProblem when it lacks what they need. */
export function parseRunManifest(textOfManifest: string): RunManifest {
  const m = parseJson(textOfManifest);
  const strategy = m.strategy === null ? null : text(m, "strategy", "");
  return { scenario: text(m, "scenario", ""), strategy, ...runTiming(m), world: manifestWorld(m.world, "world.") };
}

/** A comparison folder's manifest.json, read for the CSV rules. */
export function parseComparisonManifest(textOfManifest: string): ComparisonManifest {
  const m = parseJson(textOfManifest);
  const world = isRecord(m.world) ? m.world : fail("world", "expected an object");
  const list = world.strategies;
  if (!Array.isArray(list) || list.length === 0) fail("world.strategies", "expected a non-empty list (a comparison's strategies)");
  const strategies = list.map((s: unknown, i) => {
    if (!isRecord(s)) fail(`world.strategies[${i}]`, "expected an object");
    return { name: text(s, "name", `world.strategies[${i}].`), world: manifestWorld(s.world, `world.strategies[${i}].world.`) };
  });
  return { scenario: text(m, "scenario", ""), ...runTiming(m), replications: whole(world, "replications", "world.", 1), strategies };
}

/** Summary columns that are empty when there is nothing to measure (FORMAT.md summary.csv). */
function mayBeEmpty(column: string): boolean {
  return (
    column === "first_activation_p50_h" ||
    column === "first_activation_p95_h" ||
    column === "min_validity_left_h" ||
    column === "office_min_validity_left_h" ||
    column.endsWith("_office_low_count_h")
  );
}

/** The kind of a summary column: names, then whole-number keys, then numbers. */
function summaryColumnRule(column: string, emptyAllowed: boolean): ColumnRule {
  if (column === "scenario") return { name: column, kind: "id" };
  if (column === "strategy") return { name: column, kind: "id", empty: true };
  if (column === "replication" || column === "seed") return { name: column, kind: "whole" };
  return { name: column, kind: "number", empty: emptyAllowed || mayBeEmpty(column) };
}

function timelineKind(column: string): CellKind {
  if (column === "minute") return "whole";
  if (column === "time") return "time";
  return column.endsWith("_up") ? "flag" : "whole";
}

/** timeline.csv of a run (or a comparison's timeline-<strategy>-r<R>.csv): header, kinds, minutes from 0 rising below the duration, time = start + minute. */
export function timelineRule(world: ManifestWorld, run: RunTiming, source: string): TableRule {
  let previous = -1;
  return {
    columns: timelineColumns(world, world).map((name) => ({ name, kind: timelineKind(name) })),
    minRows: 1,
    source,
    row: (cell, line) => {
      const minute = Number(cell("minute"));
      const before = previous;
      previous = Math.max(previous, minute);
      if (line === 2 && minute !== 0) return `minute is ${minute}: the first row is minute 0`;
      if (before >= 0 && minute <= before) return `minute ${minute} does not come after the previous row's ${before}`;
      if (minute >= run.durationMin) return `minute ${minute} is not below the run's duration (${run.durationMin}, manifest.json durationMin)`;
      if (run.sampleMin !== null && minute % run.sampleMin !== 0) return `minute ${minute} is not a multiple of the sample interval (${run.sampleMin}, manifest.json sampleMin)`;
      const time = formatTime(run.startEpochMs, minute);
      if (cell("time") !== time) return `time ${JSON.stringify(cell("time"))} is not start + minute (${time})`;
      return null;
    },
  };
}

/** summary.csv of a run: exactly one row, its columns from the manifest's scenario. */
export function summaryRule(manifest: RunManifest): TableRule {
  return {
    columns: summaryColumnSections(manifest.world, manifest.world).flat().map((c) => summaryColumnRule(c, false)),
    minRows: 1,
    maxRows: 1,
    source: "manifest.json's scenario",
    row: (cell) => {
      if (cell("scenario") !== manifest.scenario) return `scenario ${JSON.stringify(cell("scenario"))} is not manifest.json's ${JSON.stringify(manifest.scenario)}`;
      if (cell("strategy") !== (manifest.strategy ?? "")) return `strategy ${JSON.stringify(cell("strategy"))} is not manifest.json's ${JSON.stringify(manifest.strategy ?? "")}`;
      return null;
    },
  };
}

/** availability.csv of a run: ids of the manifest's hosts, links and sites; intervals inside the run. */
export function availabilityRule(manifest: RunManifest): TableRule {
  const known = {
    host: new Set(manifest.world.hosts.map((h) => h.id)),
    link: new Set(manifest.world.links.map((l) => l.id)),
    dns: new Set(manifest.world.sites.map((s) => s.id)),
  };
  return {
    columns: AVAILABILITY_COLUMNS.map((name) => ({ name, kind: name.endsWith("_minute") ? ("whole" as const) : ("id" as const) })),
    minRows: 0,
    source: "FORMAT.md",
    row: (cell) => {
      const kind = cell("kind");
      if (kind !== "host" && kind !== "link" && kind !== "dns") return `kind must be host, link or dns, found ${JSON.stringify(kind)}`;
      if (!known[kind].has(cell("id"))) return `${kind === "dns" ? "site" : kind} ${JSON.stringify(cell("id"))} is not in manifest.json's scenario`;
      const start = Number(cell("start_minute"));
      const end = Number(cell("end_minute"));
      if (end <= start) return `end_minute (${end}) must be after start_minute (${start})`;
      if (end > manifest.durationMin) return `end_minute (${end}) is after the end of the run (${manifest.durationMin}, manifest.json durationMin)`;
      return null;
    },
  };
}

/** runs.csv of a comparison: the union of the strategies' summary columns, one row per strategy × replication. */
export function runsRule(manifest: ComparisonManifest): TableRule {
  const sections = manifest.strategies.map((s) => summaryColumnSections(s.world, s.world));
  const columns = runsColumns(sections);
  const own = new Map(manifest.strategies.map((s, i) => [s.name, new Set(sections[i].flat())]));
  const expectedRows = manifest.strategies.length * manifest.replications;
  const measured = rankableColumns(columns);
  return {
    // A strategy lacking a host leaves its columns empty, so emptiness is checked per row below.
    columns: columns.map((c) => summaryColumnRule(c, !manifest.strategies.every((s) => own.get(s.name)?.has(c)))),
    minRows: 1,
    source: "manifest.json's strategies",
    row: (cell) => {
      if (cell("scenario") !== manifest.scenario) return `scenario ${JSON.stringify(cell("scenario"))} is not manifest.json's ${JSON.stringify(manifest.scenario)}`;
      const mine = own.get(cell("strategy"));
      if (mine === undefined) return `strategy ${JSON.stringify(cell("strategy"))} is not one of manifest.json's strategies`;
      const r = Number(cell("replication"));
      if (r >= manifest.replications) return `replication ${r} is not below manifest.json's ${manifest.replications} replications`;
      for (const c of measured) {
        if (cell(c) === "" && mine.has(c) && !mayBeEmpty(c)) return `${c}: expected a number, found nothing`;
        if (cell(c) !== "" && !mine.has(c)) return `${c}: strategy ${cell("strategy")} has no such column, so it must be empty`;
      }
      return null;
    },
    end: (rows) => (rows === expectedRows ? null : `${rows} rows; manifest.json implies ${expectedRows} (${manifest.strategies.length} strategies × ${manifest.replications} replications)`),
  };
}

/** comparison.csv: one row per strategy and rankable summary column. */
export function comparisonRule(manifest: ComparisonManifest): TableRule {
  const columns = runsColumns(manifest.strategies.map((s) => summaryColumnSections(s.world, s.world)));
  const metrics = new Set(rankableColumns(columns));
  const names = new Set(manifest.strategies.map((s) => s.name));
  const expectedRows = names.size * metrics.size;
  return {
    columns: COMPARISON_COLUMNS.map((name) =>
      name === "strategy"
        ? { name, kind: "id" as const, empty: true }
        : name === "metric"
          ? { name, kind: "id" as const }
          : name === "n"
            ? { name, kind: "whole" as const }
            : { name, kind: "number" as const, empty: true },
    ),
    minRows: 1,
    source: "FORMAT.md",
    row: (cell) => {
      if (!names.has(cell("strategy"))) return `strategy ${JSON.stringify(cell("strategy"))} is not one of manifest.json's strategies`;
      if (!metrics.has(cell("metric"))) return `metric ${JSON.stringify(cell("metric"))} is not a numeric summary column of this comparison`;
      return null;
    },
    end: (rows) => (rows === expectedRows ? null : `${rows} rows; manifest.json implies ${expectedRows} (${names.size} strategies × ${metrics.size} metrics)`),
  };
}
