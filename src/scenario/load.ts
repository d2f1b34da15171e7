// A parsed scenario file (plain data from YAML or JSON) → a validated Scenario: the base World and
// one World per strategy (FORMAT.md "Scenario file", "Strategies", "Warnings"). Every error of the
// file is collected; nothing is returned to run unless the base and every strategy are valid.
import type { World } from "../kms/world.js";
import { errorAt, formatPath, joinPath, type Diagnostic } from "./diagnostics.js";
import { buildWorld, crossCheck, readPartial, warningsOf, type Finding } from "./resolve.js";
import { planningWarnings } from "./planning-warnings.js";
import { flattenIssues, SCENARIO_KEYS, ScenarioSchema, type ScenarioInput } from "./schema.js";
import {
  DEFAULT_REPLICATIONS,
  DEFAULT_SEED,
  DEFAULT_START,
  ID_PATTERN,
  isRecord,
  parseStart,
  STRATEGY_FORBIDDEN_KEYS,
} from "./values.js";
import { guardData } from "./data-guards.js";
import { runawayWarning, sizeProblems } from "./size-limits.js";
import { unknownKeyMessage } from "./suggest.js";
import { describeValue } from "../engine/duration.js";
import { parseSweep, type SweepSpec } from "./sweep-spec.js";

/** A validated scenario: the base and its strategies, ready to run (FORMAT.md "Scenario file"). */
export interface Scenario {
  readonly name: string;
  readonly description: string;
  /** Calendar time of t = 0, normalised to `YYYY-MM-DDTHH:MM:SSZ`. */
  readonly start: string;
  readonly startEpochMs: number;
  readonly seed: number;
  readonly replications: number;
  /** `sample` in minutes, or null for change-driven timeline rows. */
  readonly sampleMin: number | null;
  /** The scenario as written (`run` without `--strategy`). */
  readonly base: World;
  /** The strategies in file order, each merged over the base. */
  readonly strategies: readonly { readonly name: string; readonly world: World }[];
  /** The file's `sweep:` block, or null (a one-point campaign). */
  readonly sweep: SweepSpec | null;
  /** The sweep point these worlds are at, or null for the scenario as written. */
  readonly point: number | null;
}

export type LoadResult =
  | { ok: true; scenario: Scenario; warnings: Diagnostic[] }
  | { ok: false; errors: Diagnostic[]; warnings: Diagnostic[] };

const FORBIDDEN: readonly string[] = STRATEGY_FORBIDDEN_KEYS;
/** The keys a strategy may set. */
export const STRATEGY_KEYS: readonly string[] = SCENARIO_KEYS.filter((k) => !FORBIDDEN.includes(k));

interface Checked {
  readonly findings: Finding[];
  /** The whole scenario when it is valid. */
  readonly input?: ScenarioInput;
}

/** Validates one scenario mapping (the base, or a strategy merged over it): every rule, every error. */
function checkScenario(data: Record<string, unknown>, fileBaseName: string): Checked {
  const findings: Finding[] = [];
  const parsed = ScenarioSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of flattenIssues(parsed.error.issues)) {
      findings.push({ path: formatPath(issue.path), message: issue.message, severity: "error" });
    }
  }
  if (data.name === undefined && !ID_PATTERN.test(fileBaseName)) {
    findings.push({
      path: "name",
      message: `no name is given and the file name "${fileBaseName}" is not a valid name ([A-Za-z0-9_-]+): add a name key`,
      severity: "error",
    });
  }
  const partial = readPartial(data, parsed.success ? parsed.data : undefined);
  for (const f of crossCheck(partial)) findings.push(f); // not push(...): the lists can be huge
  for (const f of warningsOf(partial)) findings.push(f);
  const valid = parsed.success && !findings.some((f) => f.severity === "error");
  if (!valid) return { findings };
  // Planning warnings need the whole estate, so only a valid scenario gets them; the World's
  // name and start do not matter to them.
  const world = buildWorld(parsed.data, fileBaseName, 0);
  for (const f of planningWarnings(world)) findings.push(f);
  const runaway = runawayWarning(world);
  if (runaway !== null) findings.push(runaway);
  return { findings, input: parsed.data };
}

/** The top-level key a path lies under: "hosts" for `hosts[1].site`. */
function topKey(path: string): string {
  return /^[^.[]*/.exec(path)?.[0] ?? "";
}

function sameFinding(a: Finding, b: Finding): boolean {
  return a.path === b.path && a.message === b.message && a.severity === b.severity;
}

/** The part of a strategy that may be merged, plus the errors of the keys it may not set. */
function strategyKeys(value: Record<string, unknown>): { keys: Record<string, unknown>; findings: Finding[] } {
  const keys: Record<string, unknown> = {};
  const findings: Finding[] = [];
  for (const [key, v] of Object.entries(value)) {
    const path = formatPath([key]);
    if (STRATEGY_KEYS.includes(key)) keys[key] = v;
    else if (FORBIDDEN.includes(key)) {
      findings.push({
        path,
        message: `a strategy cannot set ${key}: name, seed, replications, duration, start and sample are shared by all strategies (so that their replications pair up)`,
        severity: "error",
      });
    } else if (key === "$schema") {
      findings.push({ path, message: "$schema is allowed only at the top of the file, not inside a strategy", severity: "error" });
    } else if (key === "strategies") {
      findings.push({ path, message: "a strategy cannot have strategies of its own", severity: "error" });
    } else {
      findings.push({ path, message: unknownKeyMessage(key, STRATEGY_KEYS), severity: "error" });
    }
  }
  return { keys, findings };
}

/** What the parser knows about the data: how many YAML aliases it holds (data-guards.ts words its message by it). */
export interface LoadOptions {
  readonly aliases?: number;
}

/** The size limits the base and each strategy (merged over the base) exceed, as errors; a strategy's only for the keys it sets. */
function sizeProblemsOf(data: Record<string, unknown>, file: string): Diagnostic[] {
  const out = sizeProblems(data).map((f) => errorAt(file, f.path, f.message));
  const raw = data.strategies;
  if (!isRecord(raw)) return out;
  for (const [name, value] of Object.entries(raw)) {
    if (!isRecord(value)) continue;
    const prefix = formatPath(["strategies", name]);
    for (const f of sizeProblems({ ...data, ...value })) {
      if (topKey(f.path) in value) out.push(errorAt(file, joinPath(prefix, f.path), f.message));
    }
  }
  return out;
}

/**
 * Validates a parsed scenario file and builds the base World and one World per strategy.
 * `file` prefixes every diagnostic; `fileBaseName` (the file name without extension) is the
 * default `name`.
 */
export function loadScenario(fileData: unknown, file: string, fileBaseName: string, options: LoadOptions = {}): LoadResult {
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const report = (prefix: string, findings: readonly Finding[]): void => {
    for (const f of findings) {
      const d: Diagnostic = { file, path: joinPath(prefix, f.path), message: f.message, severity: f.severity };
      (f.severity === "error" ? errors : warnings).push(d);
    }
  };

  if (fileData === null || fileData === undefined) {
    return { ok: false, errors: [errorAt(file, "", "the file is empty: expected a scenario (a mapping with at least duration)")], warnings };
  }
  if (!isRecord(fileData)) {
    return {
      ok: false,
      errors: [errorAt(file, "", `expected a scenario (a mapping of keys such as name, duration, sites, hosts and clients), got ${describeValue(fileData)}`)],
      warnings,
    };
  }
  let data: Record<string, unknown> = fileData;
  // The size limits first: before anything walks the data, so a huge file is refused at once.
  const tooLarge = sizeProblemsOf(data, file);
  if (tooLarge.length > 0) return { ok: false, errors: tooLarge, warnings };
  const guarded = guardData(data, file, options.aliases ?? 0);
  if (guarded.length > 0) return { ok: false, errors: guarded, warnings };

  // The sweep is read here and set aside: the scenario as written is validated without it, and
  // load-point.ts sets its values point by point.
  let sweep: SweepSpec | null = null;
  if (data.sweep !== undefined) {
    const parsed = parseSweep(data.sweep);
    report("", parsed.findings);
    sweep = parsed.spec ?? null;
    data = { ...data };
    delete data.sweep;
  }

  const base = checkScenario(data, fileBaseName);
  report("", base.findings);

  // Strategies: each one merged over the base (its keys replace the base's whole values) and
  // validated as a scenario; what it shares with the base's own findings is not repeated.
  const baseData: Record<string, unknown> = { ...data };
  delete baseData.strategies;
  delete baseData.$schema;
  const strategies: { name: string; input: ScenarioInput }[] = [];
  const raw = data.strategies;
  if (raw !== undefined && !isRecord(raw)) {
    report("", [{ path: "strategies", message: `expected a mapping of strategy names to partial scenarios, got ${describeValue(raw)}`, severity: "error" }]);
  } else if (raw !== undefined) {
    for (const [name, value] of Object.entries(raw)) {
      const prefix = formatPath(["strategies", name]);
      if (!ID_PATTERN.test(name)) {
        report("", [{ path: prefix, message: `strategy names are ids: letters, digits, "_" and "-" ([A-Za-z0-9_-]+), got ${JSON.stringify(name)}`, severity: "error" }]);
      }
      if (value !== null && !isRecord(value)) {
        report("", [{ path: prefix, message: `expected a partial scenario (a mapping of top-level keys, {} for the base as written), got ${describeValue(value)}`, severity: "error" }]);
        continue;
      }
      const own = strategyKeys(value ?? {});
      report(prefix, own.findings);
      const merged = checkScenario({ ...baseData, ...own.keys }, fileBaseName);
      // A finding the base has too is not repeated, unless the strategy sets a key it depends
      // on: the key its path lies under, or for a planning warning any key of the estate it
      // reads (a strategy that redesigns the hosts and keeps the trap shows it again).
      const repeated = (f: Finding): boolean =>
        !(f.keys ?? [topKey(f.path)]).some((k) => k in own.keys) && base.findings.some((b) => sameFinding(b, f));
      report(prefix, merged.findings.filter((f) => !repeated(f)));
      if (merged.input !== undefined && own.findings.length === 0) strategies.push({ name, input: merged.input });
    }
  }

  if (errors.length > 0 || base.input === undefined) return { ok: false, errors, warnings };

  const input = base.input;
  const start = input.start ?? defaultStart();
  const name = input.name ?? fileBaseName;
  // timeline.csv writes times as YYYY-MM-DDTHH:MM:SSZ, which has four digits for the year.
  if (start.epochMs + input.duration * 60_000 > LAST_WRITABLE_MS) {
    return { ok: false, errors: [errorAt(file, "duration", `the run must end by 9999-12-31T23:59:00Z (start ${start.iso} plus the duration goes past it)`)], warnings };
  }
  return {
    ok: true,
    warnings,
    scenario: {
      name,
      description: input.description ?? "",
      start: start.iso,
      startEpochMs: start.epochMs,
      seed: input.seed ?? DEFAULT_SEED,
      replications: input.replications ?? DEFAULT_REPLICATIONS,
      sampleMin: input.sample ?? null,
      base: buildWorld(input, name, start.epochMs),
      strategies: strategies.map((s) => ({ name: s.name, world: buildWorld(s.input, name, start.epochMs) })),
      sweep,
      point: null,
    },
  };
}

const LAST_WRITABLE_MS = Date.UTC(9999, 11, 31, 23, 59);

function defaultStart(): { iso: string; epochMs: number } {
  const r = parseStart(DEFAULT_START);
  if (!r.ok) throw new Error(`DEFAULT_START does not parse: ${r.message}`);
  return r.value;
}
