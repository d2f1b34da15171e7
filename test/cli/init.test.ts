// kmsim init [FILE] (FORMAT.md Commands; issue 9 item 12c): writes a commented starter scenario that
// validates and runs, default scenario.yaml, and never overwrites an existing file (exit 2).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, lines, read, runCli, stackLines, summaryRecord, useTempRoot } from "./helpers.js";

const tmp = useTempRoot("init");

describe("kmsim init [FILE]", () => {
  it("writes a commented scenario that validates with no error or warning; its name is the file's", async () => {
    const file = join(tmp(), "branch-offices.yaml");
    const init = await runCli(["init", file]);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stderr).toBe("");
    const text = readFileSync(file, "utf8");
    expect(text).toMatch(/^# /);
    expect(text).toContain("\nname: branch-offices\n");
    const validate = await runCli(["validate", file]);
    expect(validate.stderr).toBe("");
    expect(validate.code).toBe(0);
  });

  it("the starter scenario runs: exit 0, a summary with its clients", async () => {
    const file = join(tmp(), "starter.yaml");
    expect((await runCli(["init", file])).code).toBe(0);
    const out = join(tmp(), "starter-run");
    const run = await runCli(["run", file, "--out", out]);
    expect(run.code, run.stderr).toBe(0);
    expect(summaryRecord(read(out, "summary.csv")).clients).toBe("230");
  });

  it("without FILE writes scenario.yaml in the current folder", () => {
    const cwd = join(tmp(), "default");
    mkdirSync(cwd);
    execFileSync(process.execPath, [join(ROOT, "bin", "kmsim.js"), "init"], { cwd });
    expect(readFileSync(join(cwd, "scenario.yaml"), "utf8")).toContain("\nname: scenario\n");
  });

  it("never overwrites an existing file: exit 2, one line naming it, the file unchanged", async () => {
    const file = join(tmp(), "mine.yaml");
    writeFileSync(file, "my own work\n");
    const r = await runCli(["init", file]);
    expect(r.code).toBe(2);
    expect(stackLines(r.stderr)).toEqual([]);
    expect(lines(r.stderr)).toEqual([`${file}: already exists; kmsim init never overwrites a file (name another file, or remove this one)`]);
    expect(readFileSync(file, "utf8")).toBe("my own work\n");
  });

  it("a missing folder or a .json name: exit 2, nothing written", async () => {
    const missing = join(tmp(), "no-such-folder", "s.yaml");
    const r = await runCli(["init", missing]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([`${missing}: its folder does not exist`]);
    const json = join(tmp(), "s.json");
    expect((await runCli(["init", json])).code).toBe(2);
    expect(existsSync(json)).toBe(false);
  });

  it("a file name that is not a valid scenario name still gives a valid scenario (named `scenario`)", async () => {
    const file = join(tmp(), "my plan.yaml");
    expect((await runCli(["init", file])).code).toBe(0);
    expect(readFileSync(file, "utf8")).toContain("\nname: scenario\n");
    expect(spawnSync(process.execPath, [join(ROOT, "bin", "kmsim.js"), "validate", file]).status).toBe(0);
  });
});
