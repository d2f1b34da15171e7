// Issue 9 items 1, 3, 4 and 11 end to end (FORMAT.md "Limits", "Commands"): files that are not
// files, files too large, scenarios too large, runaway runs and control characters from a file —
// each exits 2 (or warns) with one clear line, quickly, without reading or allocating the bulk.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lines, runCli, stackLines, useTempRoot } from "./helpers.js";

const tmp = useTempRoot("hostile-inputs");

function file(name: string, text: string): string {
  const dir = join(tmp(), "inputs");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const ESTATE = [
  "sites: [{ id: hq }]",
  "hosts: [{ id: kms1, site: hq, os: Windows Server 2022, csvlk: Windows Server 2022 }]",
  "",
].join("\n");

describe("files that are not files, and files too large (issue 9 item 3)", () => {
  it.runIf(existsSync("/dev/zero"))("validate /dev/zero exits 2 at once: not a regular file", async () => {
    const r = await runCli(["validate", "/dev/zero"]);
    expect(r).toEqual({ code: 2, stdout: "", stderr: "/dev/zero: cannot read file (it is a character device, not a regular file)\n" });
  });

  it("validate and run on a FIFO exit 2 without waiting for a writer", async () => {
    const path = join(tmp(), "pipe.yaml");
    execFileSync("mkfifo", [path]);
    for (const argv of [["validate", path], ["run", path, "--out", join(tmp(), "never")]]) {
      const r = await runCli(argv);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`${path}: cannot read file (it is a named pipe (FIFO), not a regular file)\n`);
    }
    expect(existsSync(join(tmp(), "never"))).toBe(false);
  });

  it("a scenario file over 4 MiB is refused from its size, which the message gives, before a byte is read", async () => {
    const path = file("huge.yaml", "");
    truncateSync(path, 80 * 1024 * 1024); // sparse: the 80 MB file of 10^6 hosts, without writing it
    const r = await runCli(["validate", path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${path}: the file is 83886080 bytes (80 MiB), more than the 4194304 bytes (4 MiB) a scenario file may have (FORMAT.md "Limits")\n`);
  });

  it("an import export that is a directory or a FIFO exits 2", async () => {
    const fifo = join(tmp(), "computers.csv");
    execFileSync("mkfifo", [fifo]);
    const r = await runCli(["import", "ad", "--computers", fifo]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${fifo}: cannot read file (it is a named pipe (FIFO), not a regular file)\n`);
  });

  it.runIf(existsSync("/proc/self/environ"))("validate /proc/self/environ exits 2 without printing the environment", async () => {
    const r = await runCli(["validate", "/proc/self/environ"]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/^\/proc\/self\/environ: line 1: control character U\+0000: a scenario file is text/);
    for (const value of Object.values(process.env)) if (value !== undefined && value.length > 8) expect(r.stderr).not.toContain(value);
  });

  it("a YAML file of more than 500 000 lines and commas is refused before it is parsed", async () => {
    const path = file("items.yaml", `duration: 1d\nnotes: [${Array(600_000).fill("0").join(",")}]\n`);
    const r = await runCli(["validate", path]);
    expect(r).toEqual({
      code: 2,
      stdout: "",
      stderr: `${path}: the file has more than 500000 lines and commas (YAML items), far more than a scenario within the limits needs (FORMAT.md "Limits"); it is not parsed\n`,
    });
  });

  it("a file of a million values and no alias is not blamed on YAML aliases", async () => {
    const path = file("many.json", `{"duration": "1d", "notes": [${Array(1_100_000).fill("0").join(",")}]}`);
    const r = await runCli(["validate", path]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/alias/i);
    expect(r.stderr).toContain("holds more than 1000000 values");
  });
});

describe("scenario size limits (issue 9 item 1)", () => {
  const huge = `name: huge\nduration: 1y\n${ESTATE}clients:\n${Array.from({ length: 100 }, (_, i) => `  - { id: g${i}, site: hq, count: 10000000, edition: Windows 11 Enterprise }`).join("\n")}\n`;

  it("100 groups of 10 000 000: validate and run exit 2 with FILE: clients: …, run before creating its folder", async () => {
    const path = file("huge.yaml", huge);
    const message = `${path}: clients: 1000000000 licensing clients, more than the limit of 2000000 (FORMAT.md "Limits": memory grows with each client)\n`;
    expect(await runCli(["validate", path])).toEqual({ code: 2, stdout: "", stderr: message });
    const out = join(tmp(), "huge-run");
    expect(await runCli(["run", path, "--out", out])).toEqual({ code: 2, stdout: "", stderr: message });
    expect(existsSync(out)).toBe(false);
    const compared = await runCli(["compare", path, "--out", join(tmp(), "huge-compare")]);
    expect(compared.code).toBe(2);
    expect(compared.stderr).toBe(message);
  });
});

describe("runaway runs (issue 9 item 4)", () => {
  it("validate warns with the estimate and exits 0", async () => {
    const path = file("runaway.yaml", `name: runaway\nduration: 100y\n${ESTATE}clients:\n  - { id: flappy, site: hq, count: 10000, edition: Windows 11 Enterprise, online: "intermittent(1m, 1m)" }\n`);
    const r = await runCli(["validate", path]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      `${path}: warning: about 5.3·10^11 events and online periods per run (estimated from the scenario's rates; more than 10^9): at a few million a second, each run takes hours or days; a shorter duration, fewer clients or longer online spans make it shorter\n`,
    );
  });
});

describe("control characters and long values from a file (issue 9 item 11)", () => {
  it("ESC, BEL, CR, CSI (C1) and an OSC 8 link in values and keys reach stderr escaped", async () => {
    // YAML double-quoted escapes: \e ESC, \a BEL, \r CR, \x9b the one-byte CSI.
    const site = "\\e]8;;http://e.x\\e\\\\c\\e]8;;\\e\\\\\\a\\r\\x9b2J";
    const text = `name: t\nduration: 1d\n${ESTATE}clients:\n  - { id: g, site: "${site}", count: 1, edition: Windows 11 Enterprise }\n"\\e[2Jkey": 1\n`;
    const r = await runCli(["validate", file("controls.yaml", text)]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(r.stderr).toContain('got "\\u001b]8;;http://e.x\\u001b\\\\c\\u001b]8;;\\u001b\\\\\\u0007\\r\\u009b2J"');
    expect(r.stderr).toContain('unknown key "\\u001b[2Jkey"');
    expect(stackLines(r.stderr)).toEqual([]);
  });

  it("a 1 MB value is quoted as a 60-character excerpt", async () => {
    const r = await runCli(["validate", file("long.yaml", `name: "${"n ".repeat(500_000)}"\nduration: 1d\n`)]);
    expect(r.code).toBe(2);
    expect(r.stderr.length).toBeLessThan(400);
    expect(r.stderr).toContain(`got "${"n ".repeat(30)}…"`);
  });
});
