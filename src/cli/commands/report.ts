// `kmsim report <folder>`: redraw the charts of a run or comparison folder from its CSVs.
import type { CommandModule } from "yargs";

interface Args {
  folder: string;
}

export const reportCommand: CommandModule<object, Args> = {
  command: "report <folder>",
  describe: "Redraw the charts of a run or comparison folder from its CSVs",
  builder: (y) =>
    y
      .positional("folder", { type: "string", demandOption: true, describe: "a run or comparison folder" })
      .example("kmsim report results/quickstart/run", "redraw chart.svg and chart.html"),
  handler: async (args) => {
    const { redrawFolder } = await import("../redraw.js");
    await redrawFolder(args.folder);
  },
};
