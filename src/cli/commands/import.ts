// `kmsim import ad …`: write a scenario from Active Directory exports (docs/import.md).
import type { Argv, CommandModule } from "yargs";

export interface ImportAdArgs {
  computers: string;
  subnets?: string;
  srv?: string;
  "site-srv"?: string[];
  "active-within": string;
  "as-of"?: string;
  csvlk?: string[];
  "clients-online": string;
  "servers-online": string;
  name?: string;
  out?: string;
  force?: boolean;
}

const adCommand: CommandModule<object, ImportAdArgs> = {
  command: "ad",
  describe: "Write a scenario from AD computers, AD subnets and the _vlmcs._tcp SRV records (CSV exports)",
  builder: (y) =>
    y
      .option("computers", { type: "string", demandOption: true, describe: "Get-ADComputer … | Export-Csv file" })
      .option("subnets", { type: "string", describe: "Get-ADReplicationSubnet … | Export-Csv file (AD sites)" })
      .option("srv", { type: "string", describe: "Resolve-DnsName -Type SRV _vlmcs._tcp.<domain> | Export-Csv file (KMS hosts)" })
      .option("site-srv", { type: "string", array: true, describe: "SITE=FILE: that AD site's own SRV records (§N2); repeatable" })
      .option("active-within", { type: "string", default: "90d", describe: "skip computers whose LastLogonDate is older than this before --as-of" })
      .option("as-of", { type: "string", describe: "ISO 8601 date or date-time (default: the newest LastLogonDate)" })
      .option("csvlk", { type: "string", array: true, describe: "HOST=GROUP: the CSVLK a host holds (default assumed from its OS); repeatable" })
      .option("clients-online", { type: "string", default: "office-hours", describe: "online pattern of client editions" })
      .option("servers-online", { type: "string", default: "always", describe: "online pattern of server editions" })
      .option("name", { type: "string", describe: "the scenario's name (default: the file name)" })
      .option("out", { type: "string", describe: "write the scenario to this file (default: stdout)" })
      .option("force", { type: "boolean", describe: "overwrite --out if it exists" })
      .example(
        "kmsim import ad --computers computers.csv --subnets subnets.csv --srv srv.csv --out estate.yaml",
        "the estate as a scenario, then: kmsim validate estate.yaml && kmsim compare estate.yaml",
      )
      .example(
        "kmsim import ad --computers computers.csv --subnets subnets.csv --srv srv.csv --site-srv Branch-North=srv-north.csv --csvlk kms2=\"Windows Server 2019\"",
        "with a site's own SRV records and a known CSVLK, to stdout",
      ),
  handler: async (args) => {
    const { importAdJob } = await import("../import-job.js");
    await importAdJob(args);
  },
};

export const importCommand: CommandModule<object, object> = {
  command: "import",
  describe: "Write a scenario from the real estate (import ad: Active Directory and DNS exports)",
  builder: (y: Argv) => y.command(adCommand).demandCommand(1, "name what to import: kmsim import ad --computers FILE …"),
  handler: () => undefined,
};
