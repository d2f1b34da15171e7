// Scenario files → validated model input (FORMAT.md "Scenario file"). This file only re-exports.
export { type Diagnostic, type PathSegment, formatDiagnostic, formatPath, joinPath } from "./diagnostics.js";
export { type ParsedFile, type ScenarioFormat, formatOf, parseScenarioText, readScenarioFile } from "./parse-file.js";
export { type Scenario, type LoadResult, STRATEGY_KEYS, loadScenario } from "./load.js";
export { fileBaseName, loadScenarioFile, validateScenarioFile } from "./load-file.js";
export { CSV_FILE_MAX_BYTES, SCENARIO_FILE_MAX_BYTES, type UserFileRead, formatBytes, readUserFile } from "./read-user-file.js";
export { EXCERPT, MAX_LINE, escapeControls, shortenQuoted, terminalLine } from "./terminal-text.js";
export { EVENTS_WARNING, SIZE_LIMITS, licensingClients, runawayWarning, sizeProblems } from "./size-limits.js";
export { weekOffsetMin } from "./resolve.js";
export { SCENARIO_KEYS, jsonSchema } from "./schema.js";
export {
  DEFAULT_REPLICATIONS,
  DEFAULT_SEED,
  DEFAULT_START,
  ID_PATTERN,
  STRATEGY_FORBIDDEN_KEYS,
  formatUtc,
} from "./values.js";
export { checkSweepPoints, loadScenarioAt, pointDocument, pointLoader } from "./load-point.js";
export { describePoint, pointCountOf, valueIndicesAt, valueText, type SweepParameter, type SweepSpec } from "./sweep-spec.js";
