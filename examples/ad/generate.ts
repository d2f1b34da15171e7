// Writes the sample exports of examples/ad/ (docs/import.md "Samples"): the same fictitious
// 2,000-machine estate in each shape real exports come in. Run from the repository root with
//   npx tsx examples/ad/generate.ts
// The output is deterministic (seeded); the files are committed, so run it only to change them.
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  COMPUTER_HEADER,
  SRV_HEADER,
  SUBNET_HEADER,
  sampleComputers,
  sampleSrv,
  sampleSrvBranchNorth,
  sampleSubnets,
  toCsv,
  type Shape,
} from "./estate-generator.js";

const HERE = dirname(fileURLToPath(import.meta.url));
export const SAMPLE_COUNT = 2000;
export const SAMPLE_SEED = "kmsim-ad-sample";

/** PowerShell 7 on Windows: UTF-8 without BOM, every field quoted, CRLF. */
const PS7: Shape = { encoding: "utf8", newline: "\r\n", quoting: "all", dates: "en-US" };

/** Every shape of the computers export, by file name. */
export const COMPUTER_SHAPES: Readonly<Record<string, Shape>> = {
  "computers.csv": PS7,
  // Windows PowerShell 5.1 without -NoTypeInformation: a #TYPE line, ASCII ("®" becomes "?").
  "computers-ps51.csv": { ...PS7, encoding: "ascii", typeLine: "#TYPE Microsoft.ActiveDirectory.Management.ADComputer" },
  // Export-Csv -Encoding Unicode (or Out-File): UTF-16 LE with a BOM.
  "computers-unicode.csv": { ...PS7, encoding: "utf16le" },
  // Opened and saved again by Excel as "CSV UTF-8": a BOM, quotes only where needed.
  "computers-excel.csv": { ...PS7, encoding: "utf8-bom", quoting: "minimal" },
  // PowerShell 7 on Linux with LastLogonDate as .ToString('o'): LF line ends, ISO 8601 dates.
  "computers-iso.csv": { ...PS7, newline: "\n", dates: "iso" },
};

/** Every sample file's bytes, by file name. */
export function sampleFiles(): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const computers = sampleComputers(SAMPLE_COUNT, SAMPLE_SEED);
  for (const [file, shape] of Object.entries(COMPUTER_SHAPES)) files.set(file, toCsv(COMPUTER_HEADER, computers, shape, ["LastLogonDate"]));
  const ps51 = (typeLine: string): Shape => ({ ...PS7, encoding: "ascii", typeLine });
  files.set("subnets.csv", toCsv(SUBNET_HEADER, sampleSubnets(), PS7));
  files.set("subnets-ps51.csv", toCsv(SUBNET_HEADER, sampleSubnets(), ps51("#TYPE Selected.Microsoft.ActiveDirectory.Management.ADReplicationSubnet")));
  files.set("srv.csv", toCsv(SRV_HEADER, sampleSrv(), PS7));
  // Windows PowerShell 5.1 with -Encoding Unicode: a #TYPE line in UTF-16 LE.
  files.set(
    "srv-branch-north.csv",
    toCsv(SRV_HEADER, sampleSrvBranchNorth(), { ...PS7, encoding: "utf16le", typeLine: "#TYPE Microsoft.DnsClient.Commands.DnsRecord_SRV" }),
  );
  return files;
}

function main(): void {
  for (const [file, bytes] of sampleFiles()) writeFileSync(join(HERE, file), bytes);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) main();
