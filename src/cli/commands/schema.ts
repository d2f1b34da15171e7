// `kmsim schema`: the JSON Schema (draft 2020-12) of the scenario format, for editors.
import type { CommandModule } from "yargs";

export const schemaCommand: CommandModule = {
  command: "schema",
  describe: "Print the JSON Schema (draft 2020-12) of the scenario format",
  builder: (y) => y.example("kmsim schema > kmsim.schema.json", "save it for your editor ($schema: ./kmsim.schema.json)"),
  handler: async () => {
    const { jsonSchema } = await import("../../scenario/index.js");
    process.stdout.write(`${JSON.stringify(jsonSchema(), null, 2)}\n`);
  },
};
