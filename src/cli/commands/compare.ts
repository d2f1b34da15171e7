// `kmsim compare <file>`: every strategy × replications, in parallel, into a comparison folder.
import type { CommandModule } from "yargs";

interface Args {
  file: string;
  replications?: string;
  "max-replications"?: number;
  tolerance?: string;
  "rank-by"?: string;
  workers?: number;
  out?: string;
  point?: number;
  shard?: string;
  strategies?: string;
  timelines?: boolean;
  json?: boolean;
}

export const compareCommand: CommandModule<object, Args> = {
  command: "compare <file>",
  describe: "Run every strategy × replications in parallel and compare them",
  builder: (y) =>
    y
      .positional("file", { type: "string", demandOption: true, describe: "scenario file (YAML or JSON)" })
      .option("replications", { type: "string", requiresArg: true, describe: "a number of replications per strategy, or `auto`: batches of 10 until the ranking is settled (default: the file's `replications`)" })
      .option("max-replications", { type: "number", requiresArg: true, describe: "with --replications auto: at most this many (default 200)" })
      .option("tolerance", { type: "string", describe: "with --replications auto: stop when a difference's 95 % half-width is within this (a number in the deciding metric's unit, or P% of the best's mean; default 1 %, at least the metric's resolution)" })
      .option("rank-by", { type: "string", describe: "rank by these summary columns in order (`name:high` where higher is better)" })
      .option("workers", { type: "number", requiresArg: true, describe: "worker threads (default: min(CPUs, runs); at most one per run, a warning above the CPUs)" })
      .option("point", { type: "number", requiresArg: true, describe: "the scenario at point P of its sweep: (0-based), exactly as kmsim sweep runs it" })
      .option("shard", { type: "string", describe: "run only shard K of N of the runs (K/N) into a shard folder; kmsim merge writes the comparison folder" })
      .option("out", { type: "string", describe: "the comparison folder itself (default results/<name>/compare/); replaced whole, only if kmsim wrote it" })
      .option("strategies", { type: "string", describe: "only these strategies, comma-separated" })
      .option("timelines", { type: "boolean", describe: "also write each run's timeline CSV" })
      .option("json", { type: "boolean", describe: "print the ranking as one JSON document on stdout (nothing else there)" })
      .example("kmsim compare scenarios/redundancy-strategies.yaml", "rank the bundled redundancy designs")
      .example("kmsim compare scenarios/two-hosts-dns.yaml --replications 50 --strategies as-is,no-caching", "two strategies, 50 replications")
      .example("kmsim compare scenarios/redundancy-strategies.yaml --replications auto", "as many replications as the ranking needs (≤ 200)")
      .example("kmsim compare scenarios/redundancy-strategies.yaml --rank-by client_hours_unreachable,failed_attempts", "rank by other risks")
      .example("kmsim compare scenarios/redundancy-strategies.yaml --json", "the ranking as JSON on stdout, for scripts"),
  handler: async (args) => {
    const { compareJob } = await import("../compare-job.js");
    await compareJob(args);
  },
};
