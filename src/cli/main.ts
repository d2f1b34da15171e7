// kmsim's command-line entry: a flat list of yargs commands (STYLE.md), exit codes per FORMAT.md
// (0 success, 2 bad input, 1 anything else) and no stack trace for the user.
import yargs from "yargs";
import { terminalLine } from "../scenario/terminal-text.js";
import { compareCommand } from "./commands/compare.js";
import { editionsCommand } from "./commands/editions.js";
import { importCommand } from "./commands/import.js";
import { reportCommand } from "./commands/report.js";
import { runCommand } from "./commands/run.js";
import { schemaCommand } from "./commands/schema.js";
import { validateCommand } from "./commands/validate.js";
import { ExitCode, InputError } from "./errors.js";
import { kmsimVersion } from "./version.js";

/** Runs kmsim with these arguments and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const cli = yargs(argv)
    .scriptName("kmsim")
    // One spelling per flag: no camelCase twins in "unknown argument" messages.
    .parserConfiguration({ "camel-case-expansion": false })
    .usage("$0 <command> [options]\n\nA discrete-event simulator of Microsoft KMS volume activation.")
    .command(runCommand)
    .command(compareCommand)
    .command(validateCommand)
    .command(editionsCommand)
    .command(schemaCommand)
    .command(reportCommand)
    .command(importCommand)
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
      throw error ?? new InputError([`kmsim: ${lowerFirst(message)}`]);
    });
  try {
    await cli.parseAsync();
    return ExitCode.OK;
  } catch (err) {
    if (err instanceof Error && err.name === "Interrupted") {
      process.stderr.write(`${terminalLine(`kmsim: ${err.message}`)}\n`);
      return ExitCode.FAILURE;
    }
    if (err instanceof InputError) {
      // Every line may quote a file's text: escaped and cut short here, whoever built it.
      for (const line of err.lines) process.stderr.write(`${terminalLine(line)}\n`);
      return ExitCode.BAD_INPUT;
    }
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`${terminalLine(`kmsim: internal error: ${message}`)}\n`);
    if (process.env.KMSIM_DEBUG && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
    return ExitCode.FAILURE;
  }
}

function lowerFirst(s: string): string {
  return s.length > 0 ? s[0].toLowerCase() + s.slice(1) : s;
}
