// The bundled samples (examples/ad/, docs/import.md "Samples"): the committed files are what the
// seeded generator writes; every export shape of the same estate gives the same scenario, byte for
// byte; the same input gives the same bytes; the result is a valid scenario.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMPUTER_SHAPES, SAMPLE_COUNT, sampleFiles } from "../../examples/ad/generate.js";
import { loadScenario, parseScenarioText } from "../../src/scenario/index.js";
import { ROOT } from "../cli/helpers.js";
import { importOk } from "./helpers.js";

const AD = join(ROOT, "examples", "ad");
const at = (file: string): string => join(AD, file);
const SITE_SRV = [{ site: "Branch-North", file: at("srv-branch-north.csv") }];

describe("the sample exports in examples/ad", () => {
  it("are what examples/ad/generate.ts writes (regenerate them with npx tsx examples/ad/generate.ts)", () => {
    const files = sampleFiles();
    expect([...files.keys()].length).toBe(9);
    for (const [file, bytes] of files) expect(readFileSync(at(file)).equals(bytes), file).toBe(true);
  });

  it("hold each real shape: a #TYPE line, a BOM, ASCII, UTF-16 LE, CRLF and LF", () => {
    const bytes = (f: string): Buffer => readFileSync(at(f));
    expect(bytes("computers-ps51.csv").toString("latin1")).toMatch(/^#TYPE /);
    expect(bytes("computers-ps51.csv").every((b) => b < 0x80)).toBe(true);
    expect(bytes("computers-excel.csv").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bytes("computers-unicode.csv").subarray(0, 2)).toEqual(Buffer.from([0xff, 0xfe]));
    expect(bytes("computers.csv").toString("utf8")).toContain("\r\n");
    expect(bytes("computers-iso.csv").toString("utf8")).not.toContain("\r");
    expect(bytes("computers.csv").toString("utf8")).toContain("Windows Server® 2008 Standard");
    expect(bytes("srv-branch-north.csv").subarray(2).toString("utf16le")).toMatch(/^#TYPE /);
  });
});

describe("importing the samples", () => {
  const canonical = importOk({ computers: at("computers.csv"), subnets: at("subnets.csv"), srv: at("srv.csv"), siteSrv: SITE_SRV });

  it("every shape of the computers and subnets exports gives the byte-identical scenario", () => {
    for (const file of Object.keys(COMPUTER_SHAPES)) {
      for (const subnets of ["subnets.csv", "subnets-ps51.csv"]) {
        const other = importOk({ computers: at(file), subnets: at(subnets), srv: at("srv.csv"), siteSrv: SITE_SRV });
        expect(other.text === canonical.text, `${file} with ${subnets}`).toBe(true);
      }
    }
  });

  it("the same input gives the byte-identical scenario and summary", () => {
    const again = importOk({ computers: at("computers.csv"), subnets: at("subnets.csv"), srv: at("srv.csv"), siteSrv: SITE_SRV });
    expect(again.text).toBe(canonical.text);
    expect(again.summary).toEqual(canonical.summary);
  });

  it("is a valid scenario with the three AD sites, unassigned, and the three KMS hosts", () => {
    const parsed = parseScenarioText(canonical.text, "estate.yaml", "yaml");
    expect(parsed.ok).toBe(true);
    const loaded = parsed.ok ? loadScenario(parsed.data, "estate.yaml", "estate") : undefined;
    expect(loaded?.ok ? [] : loaded?.errors).toEqual([]);
    expect(canonical.scenario.sites.map((s) => s.id)).toEqual(["branch-north", "branch-south", "hq", "unassigned"]);
    expect(canonical.scenario.hosts.map((h) => [h.id, h.site, h.os])).toEqual([
      ["kms1", "hq", "Windows Server 2022"],
      ["kms2", "hq", "Windows Server 2019"],
      ["kms-north", "branch-north", "Windows Server 2016"],
    ]);
  });

  it("accounts for every computer: clients + skipped + the hosts' accounts = the rows read", () => {
    const s = canonical.summary.join("\n");
    const num = (re: RegExp): number => Number(re.exec(s)?.[1]);
    const read = num(/(\d+) computer accounts read/);
    const clients = num(/clients placed: (\d+)/);
    const skipped = num(/skipped: (\d+)/);
    const hosts = num(/hosts, not clients\): (\d+)/);
    expect(read).toBe(SAMPLE_COUNT);
    expect(hosts).toBe(3);
    expect(clients + skipped + hosts).toBe(read);
    expect(canonical.scenario.clients.reduce((n, g) => n + g.count, 0)).toBe(clients);
  });
});
