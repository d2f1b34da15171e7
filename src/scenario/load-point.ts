// A scenario at one point of its sweep (FORMAT.md "Sweeps"): each parameter's value is set in the
// scenario of every strategy (the base with that strategy's keys merged), and the result is
// validated whole. Errors a point causes are reported at the value responsible,
// `sweep.parameters.<name>.values[i]`, naming the point and the strategy.
import { errorAt, formatPath, type Diagnostic } from "./diagnostics.js";
import { loadScenario, type LoadResult } from "./load.js";
import { setAtPath } from "./sweep-path.js";
import { describePoint, pointCountOf, valueIndicesAt, type SweepSpec } from "./sweep-spec.js";
import { isRecord } from "./values.js";

/** Where a scenario of the point came from: "" for the base, else the strategy's name. */
type Variant = string;

interface PointDocument {
  readonly doc: Record<string, unknown>;
  /** Per variant, the resolved path of each parameter (`clients[2].count`), for attributing errors. */
  readonly paths: ReadonlyMap<Variant, readonly string[]>;
  /** Paths that do not resolve: the parameter, the variant, why. */
  readonly unresolved: readonly { param: number; variant: Variant; message: string }[];
}

/**
 * The document of point `point`: the file as written with each parameter's value set in the base
 * and, for a strategy that sets the parameter's top-level key itself, in that strategy's keys.
 */
function documentAt(data: Record<string, unknown>, spec: SweepSpec, point: number): PointDocument {
  const indices = valueIndicesAt(spec, point);
  let doc: Record<string, unknown> = { ...data };
  delete doc.sweep;
  const strategies = isRecord(doc.strategies) ? { ...doc.strategies } : null;
  const names = strategies === null ? [] : Object.keys(strategies);
  const paths = new Map<Variant, string[]>([["", []], ...names.map((n): [Variant, string[]] => [n, []])]);
  const unresolved: { param: number; variant: Variant; message: string }[] = [];

  spec.parameters.forEach((param, i) => {
    const value = param.values[indices[i]];
    const top = param.segments[0];
    const owners = names.filter((n) => isRecord(strategies?.[n]) && Object.hasOwn(strategies?.[n] as object, top));
    // The base holds the value for itself and for every strategy that keeps the base's key; if
    // every strategy sets the key itself, the base as written is left alone.
    const baseUsed = names.length === 0 || owners.length < names.length;
    if (baseUsed) {
      const set = setAtPath(doc, param.segments, value);
      if (set.ok) {
        doc = set.value as Record<string, unknown>;
        const at = formatPath(set.at);
        for (const n of ["", ...names.filter((n) => !owners.includes(n))]) paths.get(n)?.push(at);
      } else {
        unresolved.push({ param: i, variant: "", message: set.message });
      }
    }
    for (const n of owners) {
      const own = strategies?.[n] as Record<string, unknown>;
      const set = setAtPath(own, param.segments, value);
      if (set.ok && strategies !== null) {
        strategies[n] = set.value;
        paths.get(n)?.push(formatPath(set.at));
      } else if (!set.ok) {
        unresolved.push({ param: i, variant: n, message: set.message });
      }
    }
  });
  if (strategies !== null) doc.strategies = strategies;
  return { doc, paths, unresolved };
}

/** Whether `path` is `prefix` or lies under it (`clients[2].count` under `clients[2]`). */
function under(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
}

/** A diagnostic of a point's scenario, moved to the sweep value (or the sweep) it comes from. */
function attribute(d: Diagnostic, spec: SweepSpec, point: number, doc: PointDocument): Diagnostic {
  const strategy = /^strategies\.([A-Za-z0-9_-]+)(?:\.|\[|$)/.exec(d.path)?.[1];
  const variant = strategy ?? "";
  const inner = strategy === undefined ? d.path : d.path.slice(`strategies.${strategy}`.length).replace(/^\./, "");
  const paths = doc.paths.get(variant) ?? [];
  const param = paths.findIndex((p) => inner !== "" && under(inner, p));
  const where = `point ${point} (${describePoint(spec, point)})${strategy === undefined ? "" : `, strategy ${strategy}`}`;
  const text = inner === "" ? d.message : `${inner}: ${d.message}`;
  if (param < 0) return { ...d, path: "sweep", message: `${where}: ${text}` };
  const i = valueIndicesAt(spec, point)[param];
  return { ...d, path: `sweep.parameters.${spec.parameters[param].name}.values[${i}]`, message: `${where}: ${text}` };
}

/**
 * The scenario at sweep point `point`, validated whole. `data` is the parsed file (with its
 * `sweep:`); a file without a sweep has the one point 0, the file as written.
 */
export function loadScenarioAt(data: unknown, file: string, fileBaseName: string, point: number): LoadResult {
  return pointLoader(data, file, fileBaseName)(point);
}

/**
 * A loader of the file's points: the file as written is validated once, then each call builds
 * and validates one point (a campaign loads thousands of points).
 */
export function pointLoader(data: unknown, file: string, fileBaseName: string): (point: number) => LoadResult {
  const written = loadScenario(data, file, fileBaseName);
  return (point) => {
    if (!written.ok || !isRecord(data)) return written;
    const spec = written.scenario.sweep;
    const count = spec === null ? 1 : pointCountOf(spec);
    if (!Number.isInteger(point) || point < 0 || point >= count) {
      const range = count === 1 ? "the file has one point, 0" : `its points are 0 … ${count - 1}`;
      return { ok: false, errors: [errorAt(file, "sweep", `there is no point ${point}: ${range}`)], warnings: written.warnings };
    }
    if (spec === null) return { ...written, scenario: { ...written.scenario, point: 0 } };
    return loadPoint(data, file, fileBaseName, spec, point, written.warnings);
  };
}

function loadPoint(
  data: Record<string, unknown>,
  file: string,
  fileBaseName: string,
  spec: SweepSpec,
  point: number,
  writtenWarnings: readonly Diagnostic[],
): LoadResult {
  const doc = documentAt(data, spec, point);
  const where = (variant: Variant): string => `point ${point} (${describePoint(spec, point)})${variant === "" ? "" : `, strategy ${variant}`}`;
  const unresolved = doc.unresolved.map((u) => {
    const p = spec.parameters[u.param];
    return errorAt(file, `sweep.parameters.${p.name}.path`, `${where(u.variant)}: ${p.path} does not resolve: ${u.message}`);
  });
  if (unresolved.length > 0) return { ok: false, errors: unresolved, warnings: [...writtenWarnings] };
  const result = loadScenario(doc.doc, file, fileBaseName);
  // Warnings the file as written has already were printed for it; only the point's own are new.
  const seen = new Set(writtenWarnings.map((w) => `${w.path}\u0000${w.message}`));
  const warnings = [
    ...writtenWarnings,
    ...result.warnings.filter((w) => !seen.has(`${w.path}\u0000${w.message}`)).map((w) => attribute(w, spec, point, doc)),
  ];
  if (!result.ok) return { ok: false, errors: result.errors.map((e) => attribute(e, spec, point, doc)), warnings };
  return { ok: true, warnings, scenario: { ...result.scenario, sweep: spec, point } };
}

/**
 * Every point of the sweep validated (`validate`, `sweep`): the errors and new warnings of all
 * points, each distinct message once, with how many other points share it.
 */
export function checkSweepPoints(data: unknown, file: string, fileBaseName: string): { errors: Diagnostic[]; warnings: Diagnostic[] } {
  const written = loadScenario(data, file, fileBaseName);
  if (!written.ok || !isRecord(data) || written.scenario.sweep === null) return { errors: [], warnings: [] };
  const spec = written.scenario.sweep;
  const count = pointCountOf(spec);
  const found = new Map<string, { d: Diagnostic; more: number }>();
  for (let point = 0; point < count; point++) {
    const prefix = `point ${point} (${describePoint(spec, point)})`;
    const keep = (d: Diagnostic): void => {
      // The same value failing the same way at several points is one problem: key it without the point.
      const key = `${d.severity}\u0000${d.path}\u0000${d.message.startsWith(prefix) ? d.message.slice(prefix.length) : d.message}`;
      const hit = found.get(key);
      if (hit === undefined) found.set(key, { d, more: 0 });
      else hit.more++;
    };
    const r = loadPoint(data, file, fileBaseName, spec, point, written.warnings);
    if (!r.ok) r.errors.forEach(keep);
    r.warnings.slice(written.warnings.length).forEach(keep);
  }
  const out = [...found.values()].map(({ d, more }) =>
    more === 0 ? d : { ...d, message: `${d.message} (and at ${more} other point${more === 1 ? "" : "s"})` },
  );
  return { errors: out.filter((d) => d.severity === "error"), warnings: out.filter((d) => d.severity === "warning") };
}

/**
 * The document of one point (`compare --point P --shard K/N` records it in its shards): the file
 * with the point's values set and without its sweep; the file as written, without its sweep, for
 * a file without one. Null when the point does not exist (loadScenarioAt says why).
 */
export function pointDocument(data: unknown, file: string, fileBaseName: string, point: number | undefined): Record<string, unknown> | null {
  if (!isRecord(data)) return null;
  const written = loadScenario(data, file, fileBaseName);
  const spec = written.ok ? written.scenario.sweep : null;
  if (point === undefined || spec === null) {
    if (point !== undefined && point !== 0) return null;
    const doc = { ...data };
    delete doc.sweep;
    return doc;
  }
  if (!Number.isInteger(point) || point < 0 || point >= pointCountOf(spec)) return null;
  return documentAt(data, spec, point).doc;
}
