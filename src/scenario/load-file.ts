// A scenario file path → a validated Scenario: read, parse, validate (FORMAT.md "Scenario file").
import { basename, extname } from "node:path";
import { loadScenario, type LoadResult } from "./load.js";
import { readScenarioFile } from "./parse-file.js";
import { checkSweepPoints } from "./load-point.js";

/** The default scenario name of a file: its name without directory and extension. */
export function fileBaseName(path: string): string {
  return basename(path, extname(path));
}

/** Reads, parses and validates a scenario file; `path` appears in messages as given. */
export function loadScenarioFile(path: string): LoadResult {
  const parsed = readScenarioFile(path);
  if (!parsed.ok) return { ok: false, errors: parsed.errors, warnings: [] };
  return loadScenario(parsed.data, path, fileBaseName(path), { aliases: parsed.aliases });
}

/**
 * `validate`: the file as `loadScenarioFile` reads it and, for a file with a sweep, every point
 * of it validated whole (FORMAT.md "Sweeps"), its errors and new warnings added.
 */
export function validateScenarioFile(path: string): LoadResult {
  const parsed = readScenarioFile(path);
  if (!parsed.ok) return { ok: false, errors: parsed.errors, warnings: [] };
  const result = loadScenario(parsed.data, path, fileBaseName(path), { aliases: parsed.aliases });
  if (!result.ok || result.scenario.sweep === null) return result;
  const points = checkSweepPoints(parsed.data, path, fileBaseName(path));
  const warnings = [...result.warnings, ...points.warnings];
  return points.errors.length > 0 ? { ok: false, errors: points.errors, warnings } : { ...result, warnings };
}
