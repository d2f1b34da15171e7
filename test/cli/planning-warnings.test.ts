// Planning warnings through the CLI (FORMAT.md "Warnings", Commands): `validate`, `run` and
// `compare` print them as `FILE: PATH: warning: message` on stderr with exit code 0; every
// bundled scenario validates, and exactly the ones that teach a trap on purpose warn, saying so
// in their description. Also `kmsim editions --csvlk NAME` (§H6).
// compare's worker threads load dist/: run `npm run build` after src changes.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenarioFile } from "../../src/scenario/index.js";
import { BUNDLED_WARNINGS } from "./bundled-warnings.js";
import { SCENARIOS, bundledScenarioNames, lines, runCli, stackLines, useTempRoot } from "./helpers.js";

const tmp = useTempRoot("planning");

// kms1's Windows Server 2019 CSVLK does not list Windows 11 (§H6); the strategy kms-2022 gives
// it the 2022 CSVLK (fixed); more-timers changes no key the warning reads (not repeated);
// second-2019-host redesigns the hosts and keeps the trap (repeated, with both hosts named).
const TRAP = `
name: trap
duration: 1d
sites: [ { id: hq } ]
hosts: [ { id: kms1, site: hq, os: Windows Server 2019, csvlk: Windows Server 2019 } ]
clients: [ { id: desk, site: hq, count: 3, edition: Windows 11 Enterprise } ]
strategies:
  as-is: {}
  kms-2022:
    hosts: [ { id: kms1, site: hq, os: Windows Server 2022, csvlk: Windows Server 2022 } ]
  more-timers:
    timers: { activationInterval: 1h }
  second-2019-host:
    hosts:
      - { id: kms1, site: hq, os: Windows Server 2019, csvlk: Windows Server 2019 }
      - { id: kms2, site: hq, os: Windows Server 2016, csvlk: Windows Server 2019 }
`;

function trapFile(): string {
  const file = join(tmp(), "trap.yaml");
  writeFileSync(file, TRAP);
  return file;
}

function expectedWarnings(file: string): string[] {
  return [
    `${file}: clients[0].edition: warning: no host that group desk can use activates Windows 11 Enterprise (kms1: Windows Server 2019 CSVLK does not cover it)`,
    `${file}: strategies.second-2019-host.clients[0].edition: warning: no host that group desk can use activates Windows 11 Enterprise (kms1, kms2: Windows Server 2019 CSVLK does not cover it)`,
  ];
}

describe("planning warnings on the command line (FORMAT.md Warnings)", () => {
  it("validate prints them, base and strategies, and exits 0", async () => {
    const file = trapFile();
    const r = await runCli(["validate", file]);
    expect(r.code).toBe(0);
    expect(lines(r.stderr)).toEqual(expectedWarnings(file));
    expect(r.stdout).toBe(`${file}: ok (base and 4 strategies)\n`);
  });

  it("run prints the same lines and still runs (exit 0)", async () => {
    const file = trapFile();
    const r = await runCli(["run", file, "--out", join(tmp(), "run")]);
    expect(r.code).toBe(0);
    expect(lines(r.stderr)).toEqual(expectedWarnings(file));
  });

  it("compare prints the same lines and still compares (exit 0)", async () => {
    const file = trapFile();
    const r = await runCli(["compare", file, "--replications", "1", "--workers", "1", "--out", join(tmp(), "compare")]);
    expect(r.code).toBe(0);
    expect(lines(r.stderr)).toEqual(expectedWarnings(file));
  });
});

describe("bundled scenarios and planning warnings", () => {
  const names = bundledScenarioNames();

  it("validate scenarios/*.yaml: exit 0, and exactly the scenarios that teach a trap warn", async () => {
    const files = names.map((n) => join(SCENARIOS, `${n}.yaml`));
    const r = await runCli(["validate", ...files]);
    expect(r.code).toBe(0);
    const expected = names.flatMap((n) => (BUNDLED_WARNINGS[n] ?? []).map((w) => `${join(SCENARIOS, `${n}.yaml`)}: ${w}`));
    expect(lines(r.stderr)).toEqual(expected);
    expect(Object.keys(BUNDLED_WARNINGS).every((n) => names.includes(n))).toBe(true);
  });

  it.each(names)("%s: its description mentions a warning iff it warns, and names where", (name) => {
    const r = loadScenarioFile(join(SCENARIOS, `${name}.yaml`));
    if (!r.ok) throw new Error(`${name} does not load`);
    const planned = BUNDLED_WARNINGS[name] ?? [];
    const description = r.scenario.description;
    if (planned.length === 0) {
      expect(description).not.toMatch(/warn/i);
      return;
    }
    expect(description).toMatch(/warn/i);
    for (const w of planned) expect(description).toContain(w.slice(0, w.indexOf(": warning: ")));
  });
});

describe("kmsim editions --csvlk NAME (§H6)", () => {
  it("the 2016 CSVLK: host OSes, editions with Windows 10 LTSB but not LTSC, and the updates per pair with dates", async () => {
    const r = await runCli(["editions", "--csvlk", "windows server 2016"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const out = lines(r.stdout);
    expect(out[0]).toBe('CSVLK group Windows Server 2016 (the seed\'s "Volume License for Windows Server 2016")');
    // CATALOG.md / the seed: it can be hosted on 2016, 2012 R2 and 2012.
    const hostedAt = out.indexOf("Can be installed on (hosts[].os)");
    expect(out.slice(hostedAt + 3, hostedAt + 6)).toEqual(["Windows Server 2016", "Windows Server 2012 R2", "Windows Server 2012"]);
    expect(r.stdout).toMatch(/^Windows 10 Enterprise LTSB 2016 +client +Windows 10$/m);
    expect(r.stdout).not.toContain("LTSC");
    expect(r.stdout).not.toContain("Windows 11");
    // The seed's update table, rows of the host OSes above, for client OSes this CSVLK activates:
    // 2012 R2 → Windows 10 and Server 2016 (KB4467695 2018-11-27 or KB3172614 2016-07-01); 2012 →
    // Windows 10, Server 2016 and 2012 R2 (KB3172615, July 2016). 2016 hosts need nothing here.
    const rows = out.filter((l) => /^Windows Server 201\d( R2)? +Windows /.test(l)).map((l) => l.split(/ {2,}/));
    expect(rows).toEqual([
      ["Windows Server 2012 R2", "Windows 10", "KB4467695 (2018-11-27), KB3172614 (2016-07-01)", "2016-07-01"],
      ["Windows Server 2012 R2", "Windows Server 2016", "KB4467695 (2018-11-27), KB3172614 (2016-07-01)", "2016-07-01"],
      ["Windows Server 2012", "Windows 10", "KB3172615 (2016-07-01)", "2016-07-01"],
      ["Windows Server 2012", "Windows Server 2016", "KB3172615 (2016-07-01)", "2016-07-01"],
      ["Windows Server 2012", "Windows Server 2012 R2", "KB3172615 (2016-07-01)", "2016-07-01"],
    ]);
  });

  it("accepts the seed's long form and lists the 2016 host's two KBs for Server 2019 clients (earliest 2018-12-03)", async () => {
    const r = await runCli(["editions", "--csvlk", "Volume License for Windows Server 2022"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Windows Server 2016 +Windows Server 2019 +KB5003638 \(2021-06-08\), KB4478877 \(2018-12-03\) +2018-12-03$/m);
    expect(r.stdout).toMatch(/^Windows Server 2019 +Windows Server 2022 +KB5003646 \(2021-06-08\) +2021-06-08$/m);
  });

  it("an unknown name: exit 2, one line with a did-you-mean hint, nothing on stdout, no stack trace", async () => {
    const r = await runCli(["editions", "--csvlk", "Windows Server 2021"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(stackLines(r.stderr)).toEqual([]);
    expect(lines(r.stderr)).toEqual(['kmsim: --csvlk: unknown CSVLK group "Windows Server 2021" (did you mean "Windows Server 2022"?)']);
  });
});
