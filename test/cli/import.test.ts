// `kmsim import ad` through the CLI (FORMAT.md "Commands", docs/import.md): the bundled samples
// round-trip (import ⇒ validate passes ⇒ run works); stdout and --out carry the same bytes; bad
// input exits 2 with `FILE: line N: message`, no stack trace and nothing written; an existing
// --out needs --force.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT, filesIn, lines, read, runCli, stackLines, summaryRecord, useTempRoot } from "./helpers.js";

const AD = join(ROOT, "examples", "ad");
const tempRoot = useTempRoot("import");
const SAMPLE_ARGS = [
  "import", "ad",
  "--computers", join(AD, "computers.csv"),
  "--subnets", join(AD, "subnets.csv"),
  "--srv", join(AD, "srv.csv"),
  "--site-srv", `Branch-North=${join(AD, "srv-branch-north.csv")}`,
];

describe("kmsim import ad on the bundled samples", () => {
  it("writes a scenario that validates (exit 0) and runs; the summary goes to stderr", async () => {
    const out = join(tempRoot(), "estate.yaml");
    const imported = await runCli([...SAMPLE_ARGS, "--out", out]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toBe("");
    expect(imported.stderr).toMatch(/^kmsim import ad: 2000 computer accounts read/);
    expect(imported.stderr).toContain(`  wrote ${out}\n`);

    const validated = await runCli(["validate", out]);
    expect(validated).toMatchObject({ code: 0, stdout: `${out}: ok (no strategies)\n` });

    const runDir = join(tempRoot(), "run");
    const ran = await runCli(["run", out, "--out", runDir]);
    expect(ran.code).toBe(0);
    const clients = (parse(readFileSync(out, "utf8")) as { clients: { count: number }[] }).clients.reduce((n, g) => n + g.count, 0);
    expect(summaryRecord(read(runDir, "summary.csv")).clients).toBe(String(clients));
    expect(summaryRecord(read(runDir, "summary.csv")).scenario).toBe("estate"); // the name is the file name
  }, 120_000);

  it("writes to stdout without --out, the same bytes as with --out", async () => {
    const out = join(tempRoot(), "same.yaml");
    const toFile = await runCli([...SAMPLE_ARGS, "--out", out]);
    const toStdout = await runCli(SAMPLE_ARGS);
    expect(toFile.code).toBe(0);
    expect(toStdout.code).toBe(0);
    expect(toStdout.stdout).toBe(readFileSync(out, "utf8"));
  });

  it("refuses to overwrite an existing --out without --force (exit 2, file untouched), and overwrites it with --force", async () => {
    const out = join(tempRoot(), "kept.yaml");
    writeFileSync(out, "mine\n");
    const refused = await runCli([...SAMPLE_ARGS, "--out", out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`kmsim: ${out} exists: use --force to overwrite it\n`);
    expect(readFileSync(out, "utf8")).toBe("mine\n");
    const forced = await runCli([...SAMPLE_ARGS, "--out", out, "--force"]);
    expect(forced.code).toBe(0);
    expect(readFileSync(out, "utf8")).toMatch(/^# Imported from Active Directory/);
  });

  it("writes a name when the --out file name is not a valid scenario name", async () => {
    const out = join(tempRoot(), "my estate.yaml");
    expect((await runCli([...SAMPLE_ARGS, "--out", out])).code).toBe(0);
    expect(readFileSync(out, "utf8")).toContain("\nname: my-estate\n");
    expect((await runCli(["validate", out])).code).toBe(0);
  });
});

describe("kmsim import ad on bad input", () => {
  /** Runs the import into a fresh folder and checks: exit 2, no stack trace, nothing written. */
  let cases = 0;
  async function failing(files: Record<string, string>, extra: readonly string[] = []): Promise<string[]> {
    const dir = join(tempRoot(), `bad-${++cases}`);
    mkdirSync(dir, { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const args = ["import", "ad", "--computers", join(dir, "computers.csv"), "--out", join(dir, "estate.yaml")];
    if ("subnets.csv" in files) args.push("--subnets", join(dir, "subnets.csv"));
    const r = await runCli([...args, ...extra]);
    expect(r.code).toBe(2);
    expect(stackLines(r.stderr)).toEqual([]);
    expect(r.stdout).toBe("");
    expect(filesIn(dir)).toEqual(Object.keys(files).sort());
    return lines(r.stderr).map((l) => l.replace(`${dir}/`, ""));
  }

  const HEADER = '"Name","DNSHostName","Enabled","IPv4Address","LastLogonDate","OperatingSystem","OperatingSystemVersion"\r\n';
  const row = (name: string, ip: string, date: string): string => `"${name}","${name.toLowerCase()}.contoso.com","True","${ip}","${date}","Windows 10 Pro","10.0 (19045)"\r\n`;

  it("a missing column names the columns found", async () => {
    const errors = await failing({ "computers.csv": '"Name","Enabled"\r\n"PC1","True"\r\n' });
    expect(errors).toEqual([
      "computers.csv: line 1: missing columns DNSHostName, IPv4Address, LastLogonDate, OperatingSystem, OperatingSystemVersion (columns found: Name, Enabled)",
    ]);
  });

  it("an invalid date or IP names its line (counting the #TYPE line), every error listed", async () => {
    const text = `#TYPE Microsoft.ActiveDirectory.Management.ADComputer\r\n${HEADER}${row("PC1", "10.1.0.1", "11/20/2026 9:14:03 AM")}${row("PC2", "10.1.0.256", "11/20/2026 9:14:03 AM")}${row("PC3", "10.1.0.3", "20.11.2026 09:14")}`;
    const errors = await failing({ "computers.csv": text });
    expect(errors).toEqual([
      'computers.csv: line 4: IPv4Address "10.1.0.256" is not an IPv4 address (four numbers 0 … 255: 10.1.2.3)',
      `computers.csv: line 5: LastLogonDate "20.11.2026 09:14" is neither en-US (11/20/2026 9:14:03 AM) nor ISO 8601 (2026-11-20T09:14:03): export it as ISO 8601 with $_.LastLogonDate.ToString('o') (see docs/import.md)`,
    ]);
  });

  it("an invalid CIDR names its line", async () => {
    const errors = await failing({
      "computers.csv": HEADER + row("PC1", "10.1.0.1", "11/20/2026 9:14:03 AM"),
      "subnets.csv": '"Name","Site"\r\n"10.1.0.0/16","CN=HQ,CN=Sites"\r\n"10.2.0.0/33","CN=B,CN=Sites"\r\n',
    });
    expect(errors).toEqual(['subnets.csv: line 3: Name "10.2.0.0/33" is not a subnet in CIDR notation such as 10.1.0.0/16']);
  });

  it("a missing file, a bad flag value and an unknown --csvlk host exit 2", async () => {
    const ok = { "computers.csv": HEADER + row("PC1", "10.1.0.1", "11/20/2026 9:14:03 AM") };
    expect(await failing(ok, ["--active-within", "soon", "--as-of", "11/20/2026", "--name", "my estate"])).toEqual([
      'kmsim: --active-within: expected a duration such as 90, 30m, 12h, 7d, 2w or 1y, got "soon"',
      'kmsim: --as-of expects an ISO 8601 date or date-time such as 2026-11-20 or 2026-11-20T17:00:00Z, got "11/20/2026"',
      'kmsim: --name must be made of letters, digits, "_" and "-", got "my estate"',
    ]);
    expect(await failing(ok, ["--csvlk", "kms1=Windows Server 2019"])).toEqual(['kmsim: --csvlk kms1=Windows Server 2019: no KMS host "kms1" in the SRV answers (there are none)']);
    const missing = await runCli(["import", "ad", "--computers", join(tempRoot(), "none.csv")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`${join(tempRoot(), "none.csv")}: cannot read file (no such file)\n`);
  });

  it("`kmsim import` without a source and `import ad` without --computers exit 2", async () => {
    expect((await runCli(["import"])).code).toBe(2);
    const r = await runCli(["import", "ad"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("kmsim: missing required argument: computers\n");
  });
});
