// The `sweep:` block of a scenario file (FORMAT.md "Sweeps"): which parameters a campaign varies,
// where each one lives in the scenario, and the values it takes. Read by hand rather than with zod
// so that every message names the parameter and the value it is about.
import type { Finding } from "./resolve.js";
import { formatPath } from "./diagnostics.js";
import { describeValue } from "../engine/duration.js";
import { isRecord } from "./values.js";
import { unknownKeyMessage } from "./suggest.js";

export type SweepMode = "grid" | "zip";

/** One swept parameter: a name (its column is `p_<name>`), a path into the scenario and its values. */
export interface SweepParameter {
  readonly name: string;
  /** The path as written, e.g. `clients.brb-desktops.count`. */
  readonly path: string;
  /** The path split at dots: a top-level key, then ids, 0-based indices or keys. */
  readonly segments: readonly string[];
  /** The values as written in the file (numbers, strings such as `exp(30d)`, mappings, …). */
  readonly values: readonly unknown[];
}

/** A validated sweep: how the values combine, and the parameters in file order. */
export interface SweepSpec {
  readonly mode: SweepMode;
  readonly parameters: readonly SweepParameter[];
}

export const PARAMETER_NAME = /^[A-Za-z0-9_-]+$/;
/** Top-level keys a sweep may not change: they identify the campaign or pair its runs. */
export const SWEEP_FORBIDDEN_KEYS = ["name", "seed", "replications", "sweep", "strategies"] as const;
/** Bounds that keep a campaign's plan small enough to hold and to print. */
export const MAX_SWEEP_PARAMETERS = 16;
export const MAX_SWEEP_VALUES = 10_000;
export const MAX_SWEEP_POINTS = 1_000_000;

const SWEEP_KEYS = ["mode", "parameters"];
const PARAMETER_KEYS = ["path", "values"];

/** Reads the `sweep:` block; returns the spec, or findings (paths relative to the file) when it is invalid. */
export function parseSweep(raw: unknown): { spec?: SweepSpec; findings: Finding[] } {
  const findings: Finding[] = [];
  const error = (path: (string | number)[], message: string): void => {
    findings.push({ path: formatPath(["sweep", ...path]), message, severity: "error" });
  };
  if (!isRecord(raw)) {
    error([], `expected a mapping with mode (grid or zip) and parameters, got ${describeValue(raw)}`);
    return { findings };
  }
  for (const key of Object.keys(raw)) if (!SWEEP_KEYS.includes(key)) error([key], unknownKeyMessage(key, SWEEP_KEYS));
  const mode = raw.mode ?? "grid";
  if (mode !== "grid" && mode !== "zip") error(["mode"], `expected grid (every combination) or zip (lists taken together), got ${describeValue(mode)}`);
  const params = raw.parameters;
  const parameters: SweepParameter[] = [];
  if (!isRecord(params) || Object.keys(params).length === 0) {
    error(["parameters"], `expected a mapping of parameter names to { path, values }, got ${describeValue(params)}`);
  } else {
    const names = Object.keys(params);
    if (names.length > MAX_SWEEP_PARAMETERS) error(["parameters"], `at most ${MAX_SWEEP_PARAMETERS} parameters, got ${names.length}`);
    for (const name of names.slice(0, MAX_SWEEP_PARAMETERS)) {
      const p = readParameter(name, params[name], (path, message) => error(["parameters", name, ...path], message));
      if (p !== undefined) parameters.push(p);
    }
  }
  if (findings.length > 0) return { findings };
  const spec: SweepSpec = { mode: mode as SweepMode, parameters };
  if (spec.mode === "zip") {
    const lengths = new Set(parameters.map((p) => p.values.length));
    if (lengths.size > 1) {
      const listed = parameters.map((p) => `${p.name} has ${p.values.length}`).join(", ");
      error(["parameters"], `zip takes the lists together, so they must be of equal length: ${listed}`);
      return { findings };
    }
  }
  const points = pointCountOf(spec);
  if (points > MAX_SWEEP_POINTS) {
    error(["parameters"], `the sweep has ${points.toLocaleString("en-US")} points; at most ${MAX_SWEEP_POINTS.toLocaleString("en-US")}`);
    return { findings };
  }
  return { spec, findings };
}

function readParameter(
  name: string,
  raw: unknown,
  error: (path: (string | number)[], message: string) => void,
): SweepParameter | undefined {
  let ok = true;
  const fail = (path: (string | number)[], message: string): void => {
    ok = false;
    error(path, message);
  };
  if (!PARAMETER_NAME.test(name)) fail([], `parameter names are letters, digits, "_" and "-" ([A-Za-z0-9_-]+); it becomes the column p_${name}`);
  if (!isRecord(raw)) {
    fail([], `expected { path, values }, got ${describeValue(raw)}`);
    return undefined;
  }
  for (const key of Object.keys(raw)) if (!PARAMETER_KEYS.includes(key)) fail([key], unknownKeyMessage(key, PARAMETER_KEYS));
  const path = raw.path;
  let segments: string[] = [];
  if (typeof path !== "string" || path.trim() === "") {
    fail(["path"], `expected a dot-separated path such as clients.desktops.count, got ${describeValue(path)}`);
  } else {
    segments = path.split(".");
    const top = segments[0];
    if (segments.some((s) => s === "")) fail(["path"], `"${path}" has an empty part: write keys, ids and indices separated by single dots`);
    else if ((SWEEP_FORBIDDEN_KEYS as readonly string[]).includes(top)) {
      fail(["path"], `a sweep cannot change ${top}: name, seed, replications, sweep and strategies are fixed for the whole campaign (so that its runs pair up)`);
    }
  }
  const values = raw.values;
  if (!Array.isArray(values) || values.length === 0) fail(["values"], `expected a non-empty list of values, got ${describeValue(values)}`);
  else if (values.length > MAX_SWEEP_VALUES) fail(["values"], `at most ${MAX_SWEEP_VALUES} values, got ${values.length}`);
  if (!ok || typeof path !== "string" || !Array.isArray(values)) return undefined;
  return { name, path, segments, values };
}

/** How many points the sweep has: the product of the list lengths (grid) or their common length (zip). */
export function pointCountOf(spec: SweepSpec): number {
  if (spec.parameters.length === 0) return 1;
  if (spec.mode === "zip") return spec.parameters[0].values.length;
  return spec.parameters.reduce((n, p) => n * p.values.length, 1);
}

/** The value index of each parameter at point p (grid order: the first parameter varies slowest). */
export function valueIndicesAt(spec: SweepSpec, point: number): number[] {
  if (spec.mode === "zip") return spec.parameters.map(() => point);
  const indices = new Array<number>(spec.parameters.length);
  let rest = point;
  for (let i = spec.parameters.length - 1; i >= 0; i--) {
    const n = spec.parameters[i].values.length;
    indices[i] = rest % n;
    rest = Math.floor(rest / n);
  }
  return indices;
}

/** A value as written, for a CSV cell or a message: scalars as text, anything else as compact JSON. */
export function valueText(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value === null) return "null";
  return JSON.stringify(value);
}

/** `branch-size=30, primary-uptime=exp(30d)`: the point's values, for messages. */
export function describePoint(spec: SweepSpec, point: number): string {
  const indices = valueIndicesAt(spec, point);
  return spec.parameters.map((p, i) => `${p.name}=${valueText(p.values[indices[i]])}`).join(", ");
}
