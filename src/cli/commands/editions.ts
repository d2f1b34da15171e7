// `kmsim editions`: the catalogue of accepted names (CATALOG.md) as tables.
import type { CommandModule } from "yargs";

export const editionsCommand: CommandModule = {
  command: "editions",
  describe: "Print the editions, host OSes, CSVLK groups, updates and Office versions kmsim accepts",
  builder: (y) => y.example("kmsim editions", "list every accepted name"),
  handler: async () => {
    const { formatCatalog } = await import("../catalog-tables.js");
    process.stdout.write(formatCatalog());
  },
};
