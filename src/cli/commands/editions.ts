// `kmsim editions [--csvlk NAME]`: the catalogue of accepted names (CATALOG.md) as tables, or what
// one CSVLK group activates and needs (§H6).
import type { CommandModule } from "yargs";

interface Args {
  csvlk?: string;
}

export const editionsCommand: CommandModule<object, Args> = {
  command: "editions",
  describe: "Print the editions, host OSes, CSVLK groups, updates and Office versions kmsim accepts",
  builder: (y) =>
    y
      .option("csvlk", {
        type: "string",
        describe: "only this CSVLK group: the editions it activates, the host OSes that can carry it, the updates they need",
      })
      .example("kmsim editions", "list every accepted name")
      .example('kmsim editions --csvlk "Windows Server 2019"', "what the 2019 CSVLK activates and which updates its hosts need"),
  handler: async (args) => {
    const { formatCatalog, formatCsvlk } = await import("../catalog-tables.js");
    process.stdout.write(args.csvlk === undefined ? formatCatalog() : formatCsvlk(args.csvlk));
  },
};
