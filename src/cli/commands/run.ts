// `kmsim run <file>`: one simulation into a run folder.
import type { CommandModule } from "yargs";

interface Args {
  file: string;
  strategy?: string;
  seed?: number;
  replication?: number;
  out?: string;
  point?: number;
  sample?: string;
  events?: boolean;
  json?: boolean;
}

export const runCommand: CommandModule<object, Args> = {
  command: "run <file>",
  describe: "Run one simulation of a scenario and write a run folder",
  builder: (y) =>
    y
      .positional("file", { type: "string", demandOption: true, describe: "scenario file (YAML or JSON)" })
      .option("strategy", { type: "string", describe: "run this strategy instead of the base scenario" })
      .option("seed", { type: "number", requiresArg: true, describe: "override the scenario's seed" })
      .option("replication", { type: "number", requiresArg: true, describe: "replication number r (0-based), as in compare" })
      .option("point", { type: "number", requiresArg: true, describe: "the scenario at point P of its sweep: (0-based), exactly as kmsim sweep runs it" })
      .option("out", { type: "string", describe: "the run folder itself (default results/<name>/run/, with --strategy results/<name>/strategies/<S>/); replaced whole, only if kmsim wrote it" })
      .option("sample", { type: "string", describe: "timeline row every D (e.g. 1d) instead of change-driven rows" })
      .option("events", { type: "boolean", describe: "also write events.csv (every request and change)" })
      .option("json", { type: "boolean", describe: "print the summary as one JSON document on stdout (nothing else there)" })
      .example("kmsim run scenarios/quickstart.yaml", "run the quick-start scenario into results/quickstart/run/")
      .example("kmsim run scenarios/redundancy-strategies.yaml --strategy single-host --replication 3", "reproduce one run of a comparison")
      .example("kmsim run scenarios/quickstart.yaml --sample 1d --events --out /tmp/qs", "daily rows and the event log")
      .example("kmsim run scenarios/quickstart.yaml --json", "the summary as JSON on stdout, for scripts"),
  handler: async (args) => {
    const { runJob } = await import("../run-job.js");
    await runJob(args);
  },
};
