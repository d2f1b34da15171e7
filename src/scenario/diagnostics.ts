// User-facing errors and warnings as values (FORMAT.md "Commands": `FILE: PATH: message`, one line
// each; STYLE.md "Errors for users are values with a path and a message").
import { terminalLine } from "./terminal-text.js";

/** One error or warning about a scenario file. `path` is empty for file-level messages. */
export interface Diagnostic {
  readonly file: string;
  /** Where in the file: `hosts[1].outages[0].end`, `strategies.no-branch-host.hosts[0].site`, `line 12`, or "". */
  readonly path: string;
  readonly message: string;
  readonly severity: "error" | "warning";
}

/** A path as a list of keys and list indices, e.g. ["hosts", 1, "outages", 0, "end"]. */
export type PathSegment = string | number;

const SIMPLE_KEY = /^[A-Za-z0-9_$-]+$/;

/**
 * Writes a path the way FORMAT.md does: `hosts[1].outages[0].end`, `sites[1].srv.kms-branch`.
 * A key that is not a plain word is written quoted in brackets: `srv["kms 1"]`.
 */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = "";
  for (const s of segments) {
    if (typeof s === "number") out += `[${s}]`;
    else if (SIMPLE_KEY.test(s)) out += out === "" ? s : `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

/** Joins a prefix path and a relative path: ("strategies.x", "hosts[0]") → "strategies.x.hosts[0]". */
export function joinPath(prefix: string, path: string): string {
  if (prefix === "") return path;
  if (path === "") return prefix;
  return path.startsWith("[") ? `${prefix}${path}` : `${prefix}.${path}`;
}

/**
 * One line: `FILE: PATH: message`, `FILE: message` without a path, `FILE: PATH: warning: message`
 * for warnings; the user's text in it escaped and cut short for the terminal (terminal-text.ts).
 */
export function formatDiagnostic(d: Diagnostic): string {
  const parts = [d.file];
  if (d.path !== "") parts.push(d.path);
  if (d.severity === "warning") parts.push("warning");
  parts.push(d.message);
  return terminalLine(parts.join(": "));
}

/** An error diagnostic. */
export function errorAt(file: string, path: string, message: string): Diagnostic {
  return { file, path, message, severity: "error" };
}

/** A warning diagnostic. */
export function warningAt(file: string, path: string, message: string): Diagnostic {
  return { file, path, message, severity: "warning" };
}
