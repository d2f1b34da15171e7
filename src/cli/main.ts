// kmsim's command-line entry: a flat list of yargs commands (STYLE.md), exit codes per FORMAT.md
// (0 success, 2 bad input, 130/143 interrupted by SIGINT/SIGTERM, 1 anything else) and no stack
// trace for the user.
import yargs, { type MiddlewareFunction } from "yargs";
import { terminalLine } from "../scenario/terminal-text.js";
import { compareCommand } from "./commands/compare.js";
import { editionsCommand } from "./commands/editions.js";
import { importCommand } from "./commands/import.js";
import { initCommand } from "./commands/init.js";
import { reportCommand } from "./commands/report.js";
import { runCommand } from "./commands/run.js";
import { schemaCommand } from "./commands/schema.js";
import { sweepCommand } from "./commands/sweep.js";
import { mergeCommand } from "./commands/merge.js";
import { validateCommand } from "./commands/validate.js";
import { ExitCode, InputError } from "./errors.js";
import { numberFlagProblems, unknownFlagMessage, type ParsingContext } from "./flag-checks.js";
import { installInterruptHandlers } from "./interrupt.js";
import { kmsimVersion } from "./version.js";

/** Runs kmsim with these arguments and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  // The flags of the command being parsed, recorded before yargs validates (for "did you mean").
  let knownFlags: readonly string[] = [];
  // yargs passes its parsing context as a second argument (not in @types/yargs): the command's options.
  const flagCheck = (_args: unknown, y: ParsingContext): void => {
    const options = y.getOptions();
    knownFlags = Object.keys(options.key);
    const problems = numberFlagProblems(argv, options.number);
    if (problems.length > 0) throw new InputError(problems);
  };
  const cli = yargs(argv)
    .scriptName("kmsim")
    // One spelling per flag: no camelCase twins in "unknown argument" messages.
    .parserConfiguration({ "camel-case-expansion": false })
    .usage("$0 <command> [options]\n\nA discrete-event simulator of Microsoft KMS volume activation.")
    .command(runCommand)
    .command(compareCommand)
    .command(sweepCommand)
    .command(mergeCommand)
    .command(validateCommand)
    .command(editionsCommand)
    .command(schemaCommand)
    .command(reportCommand)
    .command(importCommand)
    .command(initCommand)
    .middleware(flagCheck as unknown as MiddlewareFunction, true)
    .completion("completion", "Print a bash/zsh completion script (kmsim completion >> ~/.bashrc)")
    .demandCommand(1, "name a command (kmsim --help lists them)")
    .strict()
    .recommendCommands()
    .version(kmsimVersion())
    .help()
    .alias("h", "help")
    .wrap(Math.min(110, process.stdout.columns ?? 100))
    .exitProcess(false)
    .fail((message, error) => {
      // Throwing here stops yargs before any handler runs on a bad command line.
      throw error ?? new InputError([unknownFlagMessage(message, knownFlags, argv) ?? `kmsim: ${lowerFirst(message)}`]);
    });
  // SIGINT/SIGTERM: temp folders and files removed, one line, exit 130/143 (interrupt.ts).
  const removeHandlers = installInterruptHandlers();
  try {
    await cli.parseAsync();
    return ExitCode.OK;
  } catch (err) {
    if (err instanceof InputError) {
      // Every line may quote a file's text: escaped and cut short here, whoever built it.
      for (const line of err.lines) process.stderr.write(`${terminalLine(line)}\n`);
      return ExitCode.BAD_INPUT;
    }
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`${terminalLine(`kmsim: internal error: ${message}`)}\n`);
    if (process.env.KMSIM_DEBUG && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
    return ExitCode.FAILURE;
  } finally {
    removeHandlers();
  }
}

function lowerFirst(s: string): string {
  return s.length > 0 ? s[0].toLowerCase() + s.slice(1) : s;
}
