// Shared helpers of the scenario tests: a small valid scenario as plain data, a way to change one
// value in a copy of it, and the diagnostics of loading it as `PATH: message` lines.
import { formatDiagnostic, loadScenario, type LoadResult, type Scenario } from "../../src/scenario/index.js";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Path = readonly (string | number)[];

/** A small valid scenario: two sites on a link, one host, one client group. */
export function base(): { [key: string]: Json } {
  return {
    name: "t",
    duration: "30d",
    sites: [{ id: "hq" }, { id: "branch" }],
    links: [{ id: "wan", between: ["hq", "branch"] }],
    hosts: [{ id: "kms1", site: "hq", os: "Windows Server 2022", csvlk: "Windows Server 2022" }],
    clients: [{ id: "desk", site: "hq", count: 30, edition: "Windows 11 Enterprise" }],
  };
}

/** A copy of `data` with the value at `path` replaced (undefined deletes the key). */
export function withValue(data: Json, path: Path, value: Json | undefined): Json {
  const copy: Json = structuredClone(data);
  let node: Json = copy;
  for (const seg of path.slice(0, -1)) {
    const next: Json | undefined = Array.isArray(node) ? node[Number(seg)] : node !== null && typeof node === "object" ? node[String(seg)] : undefined;
    if (next === undefined || next === null || typeof next !== "object") throw new Error(`no container at ${String(seg)}`);
    node = next;
  }
  const last = path[path.length - 1];
  if (Array.isArray(node)) {
    if (value === undefined) node.splice(Number(last), 1);
    else node[Number(last)] = value;
  } else if (node !== null && typeof node === "object") {
    if (value === undefined) delete node[String(last)];
    else node[String(last)] = value;
  }
  return copy;
}

/** The base with several values replaced. */
export function withValues(changes: readonly [Path, Json | undefined][], data: Json = base()): Json {
  return changes.reduce<Json>((d, [path, value]) => withValue(d, path, value), data);
}

/** Loads data as file `t.yaml`. */
export function load(data: unknown): LoadResult {
  return loadScenario(data, "t.yaml", "t");
}

function lines(list: readonly { file: string; path: string; message: string; severity: "error" | "warning" }[]): string[] {
  return list.map((d) => formatDiagnostic(d).replace(/^t\.yaml: /, ""));
}

/** The errors of loading `data`, as `PATH: message` (or `message` for file-level ones). */
export function errorsOf(data: unknown): string[] {
  const r = load(data);
  return r.ok ? [] : lines(r.errors);
}

/** The warnings of loading `data`, as `PATH: warning: message`. */
export function warningsOf(data: unknown): string[] {
  return lines(load(data).warnings);
}

/** The scenario of valid `data`; fails the test with the errors otherwise. */
export function scenarioOf(data: unknown): Scenario {
  const r = load(data);
  if (!r.ok) throw new Error(`unexpected errors:\n${lines(r.errors).join("\n")}`);
  return r.scenario;
}
