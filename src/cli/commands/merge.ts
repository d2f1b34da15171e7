// `kmsim merge OUT SHARD_DIR…`: join the shards of a campaign (FORMAT.md "Shards and merge").
import type { CommandModule } from "yargs";

interface Args {
  out: string;
  shards: string[];
}

export const mergeCommand: CommandModule<object, Args> = {
  command: "merge <out> <shards..>",
  describe: "Join the shard folders of a sweep (kmsim sweep --shard K/N) into one campaign folder",
  builder: (y) =>
    y
      .positional("out", { type: "string", demandOption: true, describe: "the campaign folder to write" })
      .positional("shards", { type: "string", array: true, demandOption: true, describe: "every shard folder, 1/N … N/N" })
      .example("kmsim merge results/branch-size-sweep/sweep shared/s1 shared/s2 shared/s3", "three shards into one folder"),
  handler: async (args) => {
    const { mergeJob } = await import("../merge-job.js");
    await mergeJob(args);
  },
};
