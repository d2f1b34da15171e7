// Exit codes, error lines and no partial output (FORMAT.md "Commands"): 0 success, 2 bad input
// (missing file, syntax error, invalid scenario, bad flag, unknown strategy); every error is one
// line on stderr, `FILE: PATH: message` (file-level errors `FILE: message`, syntax errors
// `FILE: line N: message`), all errors of a file listed, no stack trace; a failed run leaves no
// output; `--out DIR` is the run folder itself; the default is `results/<name>/run/` or
// `results/<name>/strategies/<strategy>/` (FORMAT.md "Result folders").
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { FORMAT_EXAMPLE_WARNINGS, warningText } from "./bundled-warnings.js";
import { EXAMPLES, FORMAT_EXAMPLE, RUN_FOLDER_FILES, filesIn, lines, runCli, stackLines, useTempRoot } from "./helpers.js";

const tmp = useTempRoot("exit-codes");
const GOOD = join(EXAMPLES, "outage-spanning-renewals.yaml");

/** Writes `text` to a new file under the temp root and returns its path. */
function scenarioFile(name: string, text: string): string {
  const dir = join(tmp(), "inputs");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const SYNTAX_ERROR = "name: broken\nduration: 30d\nhosts:\n  - id: a\n   site: b\n"; // line 5 is mis-indented
const INVALID = [
  "name: invalid",
  "duration: 30d",
  "sites: [ { id: hq } ]",
  "hosts:",
  "  - id: kms1",
  "    site: hq",
  "    os: Windows Server 2022",
  "    csvlk: Windows Server 2022",
  "    outages: [ { start: 10d, end: 5d } ]",
  "",
].join("\n");
// Two independent problems: the outage window and a count out of range.
const TWO_ERRORS = `${INVALID}clients:\n  - { id: desk, site: hq, count: -1, edition: Windows 11 Enterprise }\n`;

/** Expectations shared by every bad-input case: exit 2, no stdout, one line per problem, no stack, no folder. */
async function expectBadInput(argv: string[], out: string): Promise<string[]> {
  const r = await runCli(argv);
  expect(r.code).toBe(2);
  expect(stackLines(r.stderr)).toEqual([]);
  expect(r.stderr.endsWith("\n")).toBe(true);
  const errorLines = lines(r.stderr);
  for (const line of errorLines) expect(line.trim()).not.toBe("");
  expect(r.stdout).toBe("");
  expect(existsSync(out)).toBe(false);
  return errorLines;
}

describe("kmsim run: bad input exits 2, prints one line per problem and creates no output folder (FORMAT.md Commands)", () => {
  it("a missing file: `FILE: message`, FILE as typed", async () => {
    const missing = join(tmp(), "inputs", "no-such-scenario.yaml");
    const out = join(tmp(), "out-missing");
    const errs = await expectBadInput(["run", missing, "--out", out], out);
    expect(errs).toHaveLength(1);
    expect(errs[0].startsWith(`${missing}: `)).toBe(true);
  });

  it("a YAML syntax error: `FILE: line N: message` naming the offending line", async () => {
    const file = scenarioFile("syntax.yaml", SYNTAX_ERROR);
    const out = join(tmp(), "out-syntax");
    const errs = await expectBadInput(["run", file, "--out", out], out);
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatch(new RegExp(`^${escape(file)}: line 5: \\S`));
  });

  it("an invalid scenario: `FILE: PATH: message`, FILE as typed (here relative), PATH hosts[0].outages[0] for an end before start", async () => {
    const file = relative(process.cwd(), scenarioFile("invalid.yaml", INVALID));
    const out = join(tmp(), "out-invalid");
    const errs = await expectBadInput(["run", file, "--out", out], out);
    expect(errs).toEqual([`${file}: hosts[0].outages[0]: end (5d) is before start (10d)`]);
  });

  it("every error of a file is listed, one line each, not just the first", async () => {
    const file = scenarioFile("two-errors.yaml", TWO_ERRORS);
    const out = join(tmp(), "out-two-errors");
    const errs = await expectBadInput(["run", file, "--out", out], out);
    expect(errs).toHaveLength(2);
    expect(errs.some((l) => l.startsWith(`${file}: hosts[0].outages[0]: `))).toBe(true);
    expect(errs.some((l) => l.startsWith(`${file}: clients[0].count: `))).toBe(true);
  });

  it("an unknown flag", async () => {
    const out = join(tmp(), "out-flag");
    const errs = await expectBadInput(["run", GOOD, "--bogus-flag", "--out", out], out);
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatch(/bogus-flag/);
  });

  it("an unknown strategy: the message names it and lists the known ones", async () => {
    const out = join(tmp(), "out-strategy");
    const all = await expectBadInput(["run", FORMAT_EXAMPLE, "--strategy", "nope", "--out", out], out);
    // The file's planning warnings come first (it is valid); then the one error.
    expect(all.slice(0, FORMAT_EXAMPLE_WARNINGS.length)).toEqual(lines(warningText(FORMAT_EXAMPLE, FORMAT_EXAMPLE_WARNINGS)));
    const errs = all.slice(FORMAT_EXAMPLE_WARNINGS.length);
    expect(errs).toHaveLength(1);
    expect(errs[0].startsWith(`${FORMAT_EXAMPLE}: `)).toBe(true);
    expect(errs[0]).toMatch(/nope/);
    expect(errs[0]).toMatch(/as-is/);
    expect(errs[0]).toMatch(/no-branch-host/);
  });

  it.each([
    ["--seed", "abc"],
    ["--seed", "-1"],
    ["--seed", "1.5"],
    ["--replication", "x"],
    ["--sample", "abc"],
    ["--sample", "0"],
  ])("a bad value %s %s: one line naming the flag", async (flag, value) => {
    const out = join(tmp(), `out-bad${flag}${value}`);
    const errs = await expectBadInput(["run", GOOD, `${flag}=${value}`, "--out", out], out);
    expect(errs).toHaveLength(1);
    expect(errs[0]).toContain(flag);
  });
});

describe("kmsim validate <file…> (FORMAT.md Commands: checks files, prints every error and warning, changes nothing)", () => {
  it("lists the errors of every bad file and exits 2 if any is bad; good files are reported ok on stdout", async () => {
    const syntax = scenarioFile("v-syntax.yaml", SYNTAX_ERROR);
    const invalid = scenarioFile("v-invalid.yaml", INVALID);
    const missing = join(tmp(), "inputs", "v-missing.yaml");
    const r = await runCli(["validate", invalid, FORMAT_EXAMPLE, syntax, missing]);
    expect(r.code).toBe(2);
    expect(stackLines(r.stderr)).toEqual([]);
    const errs = lines(r.stderr).filter((l) => !l.startsWith(`${FORMAT_EXAMPLE}: `));
    expect(lines(r.stderr).filter((l) => l.startsWith(`${FORMAT_EXAMPLE}: `))).toEqual(lines(warningText(FORMAT_EXAMPLE, FORMAT_EXAMPLE_WARNINGS)));
    expect(errs).toHaveLength(3);
    expect(errs).toContain(`${invalid}: hosts[0].outages[0]: end (5d) is before start (10d)`);
    expect(errs.some((l) => new RegExp(`^${escape(syntax)}: line 5: \\S`).test(l))).toBe(true);
    expect(errs.some((l) => l.startsWith(`${missing}: `))).toBe(true);
    expect(r.stdout).toBe(`${FORMAT_EXAMPLE}: ok (base and 2 strategies)\n`);
  });

  it("exits 0 with nothing on stderr but warnings when every file is good", async () => {
    const r = await runCli(["validate", GOOD, FORMAT_EXAMPLE]);
    expect(r.stderr).toBe(warningText(FORMAT_EXAMPLE, FORMAT_EXAMPLE_WARNINGS));
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toHaveLength(2);
  });
});

describe("kmsim run: a good run (FORMAT.md Run folder)", () => {
  it("exits 0 and --out DIR is the run folder itself, holding exactly the run files and nothing beside it", async () => {
    const parent = join(tmp(), "nested");
    mkdirSync(parent);
    const out = join(parent, "run");
    const r = await runCli(["run", GOOD, "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(filesIn(out)).toEqual(RUN_FOLDER_FILES);
    expect(readdirSync(parent)).toEqual(["run"]); // no temp folder left beside it
    expect(r.stdout).not.toBe("");
  });

  it("with --events the folder also holds events.csv", async () => {
    const out = join(tmp(), "with-events");
    const r = await runCli(["run", GOOD, "--events", "--out", out]);
    expect(r.code).toBe(0);
    expect(filesIn(out)).toEqual([...RUN_FOLDER_FILES, "events.csv"].sort());
  });

  it("without --out writes results/<name>/run/, and with --strategy results/<name>/strategies/<strategy>/, under the current folder", async () => {
    const work = join(tmp(), "cwd");
    mkdirSync(work);
    copyFileSync(GOOD, join(work, "scenario.yaml"));
    copyFileSync(FORMAT_EXAMPLE, join(work, "format-example.yaml"));
    const saved = process.cwd();
    try {
      process.chdir(work);
      const base = await runCli(["run", "scenario.yaml"]);
      expect(base.stderr).toBe("");
      expect(base.code).toBe(0);
      const strategy = await runCli(["run", "format-example.yaml", "--strategy", "no-branch-host"]);
      expect(strategy.stderr).toBe(warningText("format-example.yaml", FORMAT_EXAMPLE_WARNINGS));
      expect(strategy.code).toBe(0);
    } finally {
      process.chdir(saved);
    }
    // The scenario's `name` (outage-spanning-renewals), not the file name, names the folder.
    expect(filesIn(join(work, "results"))).toEqual(["outage-spanning-renewals", "two-sites"]);
    expect(filesIn(join(work, "results", "outage-spanning-renewals"))).toEqual(["run"]);
    expect(filesIn(join(work, "results", "outage-spanning-renewals", "run"))).toEqual(RUN_FOLDER_FILES);
    expect(filesIn(join(work, "results", "two-sites"))).toEqual(["strategies"]);
    expect(filesIn(join(work, "results", "two-sites", "strategies"))).toEqual(["no-branch-host"]);
    expect(filesIn(join(work, "results", "two-sites", "strategies", "no-branch-host"))).toEqual(RUN_FOLDER_FILES);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
