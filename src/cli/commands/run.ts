// `kmsim run <file>`: one simulation into a run folder.
import type { CommandModule } from "yargs";

interface Args {
  file: string;
  strategy?: string;
  seed?: string;
  replication?: string;
  out?: string;
  point?: string;
  sample?: string;
  events?: boolean;
}

export const runCommand: CommandModule<object, Args> = {
  command: "run <file>",
  describe: "Run one simulation of a scenario and write a run folder",
  builder: (y) =>
    y
      .positional("file", { type: "string", demandOption: true, describe: "scenario file (YAML or JSON)" })
      .option("strategy", { type: "string", describe: "run this strategy instead of the base scenario" })
      .option("seed", { type: "string", describe: "override the scenario's seed" })
      .option("replication", { type: "string", describe: "replication number r (0-based), as in compare" })
      .option("point", { type: "string", describe: "the scenario at point P of its sweep: (0-based), exactly as kmsim sweep runs it" })
      .option("out", { type: "string", describe: "run folder (default results/<name>/[<strategy>/])" })
      .option("sample", { type: "string", describe: "timeline row every D (e.g. 1d) instead of change-driven rows" })
      .option("events", { type: "boolean", describe: "also write events.csv (every request and change)" })
      .example("kmsim run scenarios/quickstart.yaml", "run the quick-start scenario into results/quickstart/")
      .example("kmsim run scenarios/redundancy-strategies.yaml --strategy single-host --replication 3", "reproduce one run of a comparison")
      .example("kmsim run scenarios/quickstart.yaml --sample 1d --events --out /tmp/qs", "daily rows and the event log"),
  handler: async (args) => {
    const { runJob } = await import("../run-job.js");
    await runJob(args);
  },
};
