// Reading a scenario for a command: every error and warning printed as FORMAT.md says, and
// the validated scenario (or the chosen strategy of it) returned.
import { formatDiagnostic, loadScenarioFile, type Scenario } from "../scenario/index.js";
import { worldSizeProblem, type World } from "../kms/index.js";
import { InputError } from "./errors.js";

/** Loads and validates a scenario file; prints warnings; throws InputError with every error. */
export function readScenario(file: string): Scenario {
  const result = loadScenarioFile(file);
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
