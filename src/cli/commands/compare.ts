// `kmsim compare <file>`: every strategy × replications, in parallel, into a comparison folder.
import type { CommandModule } from "yargs";

interface Args {
  file: string;
  replications?: string;
  workers?: string;
  out?: string;
  strategies?: string;
  timelines?: boolean;
}

export const compareCommand: CommandModule<object, Args> = {
  command: "compare <file>",
  describe: "Run every strategy × replications in parallel and compare them",
  builder: (y) =>
    y
      .positional("file", { type: "string", demandOption: true, describe: "scenario file (YAML or JSON)" })
      .option("replications", { type: "string", describe: "replications per strategy (default: the file's `replications`)" })
      .option("workers", { type: "string", describe: "worker threads (default: min(CPUs, runs))" })
      .option("out", { type: "string", describe: "comparison folder (default results/<name>/compare/)" })
      .option("strategies", { type: "string", describe: "only these strategies, comma-separated" })
      .option("timelines", { type: "boolean", describe: "also write each run's timeline CSV" })
      .example("kmsim compare scenarios/redundancy-strategies.yaml", "rank the bundled redundancy designs")
      .example("kmsim compare scenarios/two-hosts-dns.yaml --replications 50 --strategies as-is,no-caching", "two strategies, 50 replications"),
  handler: async (args) => {
    const { compareJob } = await import("../compare-job.js");
    await compareJob(args);
  },
};
