// `kmsim sweep <file>`: a parameter study over the scenario's `sweep:` block (FORMAT.md "Sweeps").
import type { CommandModule } from "yargs";

interface Args {
  file: string;
  replications?: string;
  "max-replications"?: string;
  tolerance?: string;
  strategies?: string;
  workers?: string;
  out?: string;
  shard?: string;
  fresh?: boolean;
}

export const sweepCommand: CommandModule<object, Args> = {
  command: "sweep <file>",
  describe: "Run every sweep point × strategy × replication; resumes from the campaign's journal",
  builder: (y) =>
    y
      .positional("file", { type: "string", demandOption: true, describe: "scenario file with a sweep: block (YAML or JSON)" })
      .option("replications", { type: "string", describe: "replications per point and strategy, or `auto`: batches of 10 per point until its ranking is settled (default: the file's `replications`)" })
      .option("max-replications", { type: "string", describe: "with --replications auto: at most this many per point (default 200)" })
      .option("tolerance", { type: "string", describe: "with --replications auto: as for compare (a number, or P% of the best's mean)" })
      .option("strategies", { type: "string", describe: "only these strategies, comma-separated" })
      .option("workers", { type: "string", describe: "worker threads (default: min(CPUs, runs))" })
      .option("out", { type: "string", describe: "campaign folder (default results/<name>/sweep/)" })
      .option("shard", { type: "string", describe: "run only shard K of N of the tasks (K/N), into its own folder; join shards with kmsim merge" })
      .option("fresh", { type: "boolean", describe: "discard the campaign's journal and compute every run again" })
      .example("kmsim sweep scenarios/branch-size-sweep.yaml", "when does a branch deserve its own host?")
      .example("kmsim sweep scenarios/branch-size-sweep.yaml --shard 2/8 --out shared/s2", "shard 2 of 8, e.g. one Slurm array task"),
  handler: async (args) => {
    const { sweepJob } = await import("../sweep-job.js");
    await sweepJob(args);
  },
};
