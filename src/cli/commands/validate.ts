// `kmsim validate <file…>`: every error and warning of each file; changes nothing.
import type { CommandModule } from "yargs";
import { InputError } from "../errors.js";

interface Args {
  files: string[];
}

export const validateCommand: CommandModule<object, Args> = {
  command: "validate <files..>",
  describe: "Check scenario files and print every error and warning",
  builder: (y) =>
    y
      .positional("files", { type: "string", array: true, demandOption: true, describe: "scenario files" })
      .example("kmsim validate scenarios/*.yaml", "check every bundled scenario"),
  handler: async (args) => {
    const { formatDiagnostic, pointCountOf, validateScenarioFile } = await import("../../scenario/index.js");
    const errors: string[] = [];
    for (const file of args.files) {
      const result = validateScenarioFile(file);
      for (const w of result.warnings) process.stderr.write(`${formatDiagnostic(w)}\n`);
      if (result.ok) {
        const n = result.scenario.strategies.length;
        const sweep = result.scenario.sweep;
        const points = sweep === null ? "" : `; a sweep of ${pointCountOf(sweep)} points, each valid`;
        process.stdout.write(`${file}: ok (${n === 0 ? "no strategies" : `base and ${n} ${n === 1 ? "strategy" : "strategies"}`}${points})\n`);
      } else {
        for (const e of result.errors) errors.push(formatDiagnostic(e)); // not push(...): there may be very many
      }
    }
    if (errors.length > 0) throw new InputError(errors);
  },
};
