// Reading a scenario for a command: every error and warning printed as FORMAT.md says, and
// the validated scenario (or the chosen strategy of it) returned.
import {
  fileBaseName,
  formatDiagnostic,
  loadScenario,
  loadScenarioAt,
  loadScenarioFile,
  readScenarioFile,
  type LoadResult,
  type Scenario,
} from "../scenario/index.js";
import { worldSizeProblem, type World } from "../kms/index.js";
import { InputError } from "./errors.js";

/** Loads and validates a scenario file; prints warnings; throws InputError with every error. */
export function readScenario(file: string, point?: number): Scenario {
  if (point === undefined) return validScenario(file, loadScenarioFile(file));
  // --point P: the scenario at point P of its sweep (FORMAT.md "Sweeps"), exactly as sweep runs it.
  const parsed = readScenarioFile(file);
  if (!parsed.ok) throw new InputError(parsed.errors.map(formatDiagnostic));
  return validScenario(file, loadScenarioAt(parsed.data, file, fileBaseName(file), point));
}

/** The same for a file already parsed (`data`): warnings printed, errors thrown as InputError. */
export function loadValidScenario(file: string, data: unknown, aliases = 0): Scenario {
  return validScenario(file, loadScenario(data, file, fileBaseName(file), { aliases }));
}

function validScenario(file: string, result: LoadResult): Scenario {
  for (const w of result.warnings) process.stderr.write(`${formatDiagnostic(w)}\n`);
  if (!result.ok) throw new InputError(result.errors.map(formatDiagnostic));
  const variants = [{ name: null, world: result.scenario.base }, ...result.scenario.strategies];
  const tooLarge = variants.flatMap(({ name, world }) => {
    const problem = worldSizeProblem(world);
    return problem === null ? [] : [`${file}: ${name === null ? "" : `strategies.${name}.`}clients: ${problem}`];
  });
  if (tooLarge.length > 0) throw new InputError(tooLarge);
  return result.scenario;
}

/** The World of a strategy, or of the base when `name` is undefined; unknown names are bad input. */
export function pickStrategy(scenario: Scenario, file: string, name: string | undefined): World {
  if (name === undefined) return scenario.base;
  const found = scenario.strategies.find((s) => s.name === name);
  if (found === undefined) throw new InputError([unknownStrategyMessage(scenario, file, name)]);
  return found.world;
}

/** `FILE: unknown strategy "x" (known: a, b)`. */
export function unknownStrategyMessage(scenario: Scenario, file: string, name: string): string {
  const known = scenario.strategies.map((s) => s.name);
  return `${file}: unknown strategy "${name}" (${known.length > 0 ? `known: ${known.join(", ")}` : "the file has no strategies"})`;
}

/** The labels of `--strategies a,b` (file order), all strategies by default, [""] (the base) for a file without any. */
export function chooseStrategyLabels(scenario: Scenario, file: string, list: string | undefined): string[] {
  const wanted = list === undefined ? undefined : list.split(",").map((s) => s.trim()).filter((s) => s !== "");
  if (scenario.strategies.length === 0) {
    if (wanted !== undefined && wanted.length > 0) throw new InputError([unknownStrategyMessage(scenario, file, wanted[0])]);
    return [""];
  }
  if (wanted === undefined) return scenario.strategies.map((s) => s.name);
  if (wanted.length === 0) throw new InputError([`kmsim: --strategies names no strategy`]);
  const errors = wanted.filter((name) => !scenario.strategies.some((s) => s.name === name)).map((name) => unknownStrategyMessage(scenario, file, name));
  if (errors.length > 0) throw new InputError(errors);
  return scenario.strategies.filter((s) => wanted.includes(s.name)).map((s) => s.name);
}
