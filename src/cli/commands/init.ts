// `kmsim init [file]`: write a commented starter scenario that validates (never overwrites).
import type { CommandModule } from "yargs";

interface Args {
  file: string;
}

export const initCommand: CommandModule<object, Args> = {
  command: "init [file]",
  describe: "Write a commented starter scenario (never overwrites a file)",
  builder: (y) =>
    y
      .positional("file", { type: "string", default: "scenario.yaml", describe: "the scenario file to create" })
      .example("kmsim init", "write scenario.yaml in the current folder")
      .example("kmsim init branch-offices.yaml", "write branch-offices.yaml (scenario name branch-offices)"),
  handler: async (args) => {
    const { initJob } = await import("../init-job.js");
    initJob(args.file);
  },
};
