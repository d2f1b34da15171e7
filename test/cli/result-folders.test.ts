// Issue 9 items 5, 7 and 8 (FORMAT.md "Result folders", "Commands"): one result per folder, never
// stale, swapped in whole; each kind of result in its own folder (results/<name>/run/,
// strategies/<S>/, compare/); kmsim never replaces what it did not write, and refuses a bad
// `--out` (exit 2, the path and the reason) before simulating; `--workers` is clamped to the runs.
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXAMPLES, RUN_FOLDER_FILES, filesIn, runCli, useTempRoot } from "./helpers.js";
import { pauseMarker, spawnKmsim } from "./spawn.js";

const tmp = useTempRoot("result-folders");
const GOOD = join(EXAMPLES, "outage-spanning-renewals.yaml");
const FIXTURES = join(EXAMPLES, "..", "compare");
const THREE = join(FIXTURES, "three-strategies.yaml");
const BASE_ONLY = join(FIXTURES, "base-only.yaml");

function freshFolder(name: string): string {
  const dir = join(tmp(), name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

async function ok(argv: string[]): Promise<string> {
  const r = await runCli(argv);
  if (r.code !== 0) throw new Error(`kmsim ${argv.join(" ")} exited ${r.code}:\n${r.stderr}`);
  return r.stdout;
}

describe("one result per folder, never stale (issue 9 item 7)", () => {
  it("`run --events` then `run` into the same folder leaves no events.csv, and nothing beside the folder", async () => {
    const parent = freshFolder("stale-events");
    const out = join(parent, "r");
    await ok(["run", GOOD, "--events", "--out", out]);
    expect(filesIn(out)).toContain("events.csv");
    await ok(["run", GOOD, "--out", out]);
    expect(filesIn(out)).toEqual(RUN_FOLDER_FILES);
    expect(readdirSync(parent)).toEqual(["r"]);
  });

  it("`compare --timelines --replications 4` then `--replications 2` leaves no r2/r3 timelines", async () => {
    const parent = freshFolder("stale-timelines");
    const out = join(parent, "c");
    await ok(["compare", BASE_ONLY, "--timelines", "--replications", "4", "--out", out]);
    expect(filesIn(out).filter((f) => f.startsWith("timeline-"))).toEqual(["timeline-base-r0.csv", "timeline-base-r1.csv", "timeline-base-r2.csv", "timeline-base-r3.csv"]);
    await ok(["compare", BASE_ONLY, "--timelines", "--replications", "2", "--out", out]);
    expect(filesIn(out).filter((f) => f.startsWith("timeline-"))).toEqual(["timeline-base-r0.csv", "timeline-base-r1.csv"]);
    expect(readdirSync(parent)).toEqual(["c"]);
  });

  it("every kind has its own folder: run/, strategies/<S>/, compare/, and a strategy named `compare` overwrites nothing of the comparison", async () => {
    const work = freshFolder("layout");
    const scenario = join(work, "s.yaml");
    writeFileSync(scenario, readFileSync(THREE, "utf8").replace("  both-hosts: {}", "  compare: {}"));
    const saved = process.cwd();
    try {
      process.chdir(work);
      const name = /^name:\s*(\S+)/m.exec(readFileSync(scenario, "utf8"))?.[1] ?? "";
      await ok(["compare", "s.yaml"]);
      const comparison = readFileSync(join("results", name, "compare", "manifest.json"), "utf8");
      await ok(["run", "s.yaml"]);
      await ok(["run", "s.yaml", "--strategy", "compare"]);
      expect(filesIn(join("results", name))).toEqual(["compare", "run", "strategies"]);
      expect(filesIn(join("results", name, "run"))).toEqual(RUN_FOLDER_FILES);
      expect(filesIn(join("results", name, "strategies"))).toEqual(["compare"]);
      expect(filesIn(join("results", name, "strategies", "compare"))).toEqual(RUN_FOLDER_FILES);
      expect(readFileSync(join("results", name, "compare", "manifest.json"), "utf8")).toBe(comparison);
    } finally {
      process.chdir(saved);
    }
  });

  it("a command that fails keeps the previous result whole (the report of a bad folder writes nothing)", async () => {
    const parent = freshFolder("failed-keeps");
    const out = join(parent, "r");
    await ok(["run", GOOD, "--out", out]);
    const before = readFileSync(join(out, "summary.csv"), "utf8");
    const r = await runCli(["run", GOOD, "--strategy", "no-such", "--out", out]);
    expect(r.code).toBe(2);
    expect(filesIn(out)).toEqual(RUN_FOLDER_FILES);
    expect(readFileSync(join(out, "summary.csv"), "utf8")).toBe(before);
    expect(readdirSync(parent)).toEqual(["r"]);
  });
});

describe("never overwrite what kmsim did not write (issue 9 item 8)", () => {
  it("refuses `run D/scenario --out D` where D is a kmsim result: the result would replace the input", async () => {
    const d = join(freshFolder("input-inside"), "D");
    await ok(["run", GOOD, "--out", d]);
    copyFileSync(GOOD, join(d, "scenario.yaml"));
    const r = await runCli(["run", join(d, "scenario.yaml"), "--out", d]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${d}: holds the input ${join(d, "scenario.yaml")}, which the result would replace; choose another folder\n`);
    expect(existsSync(join(d, "scenario.yaml"))).toBe(true);
  });

  it("refuses a scenario named summary.csv inside the --out folder", async () => {
    const d = join(freshFolder("summary-named"), "D");
    await ok(["run", GOOD, "--out", d]);
    const input = join(d, "summary.csv");
    writeFileSync(input, readFileSync(GOOD, "utf8"));
    const r = await runCli(["run", input, "--out", d]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`holds the input ${input}`);
    expect(readFileSync(input, "utf8")).toBe(readFileSync(GOOD, "utf8"));
  });

  it("refuses a non-empty --out folder without a kmsim manifest.json, and leaves it untouched", async () => {
    const d = join(freshFolder("foreign"), "D");
    mkdirSync(d);
    writeFileSync(join(d, "thesis.docx"), "mine");
    for (const argv of [["run", GOOD, "--out", d], ["compare", BASE_ONLY, "--out", d]]) {
      const r = await runCli(argv);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`${d}: not empty and not a kmsim result (no kmsim manifest.json); kmsim replaces only folders it wrote\n`);
      expect(r.stdout).toBe("");
    }
    expect(filesIn(d)).toEqual(["thesis.docx"]);
    writeFileSync(join(d, "manifest.json"), '{ "name": "not kmsim" }\n');
    expect((await runCli(["run", GOOD, "--out", d])).code).toBe(2);
  });

  it("an empty --out folder is fine", async () => {
    const d = join(freshFolder("empty"), "D");
    mkdirSync(d);
    await ok(["run", GOOD, "--out", d]);
    expect(filesIn(d)).toEqual(RUN_FOLDER_FILES);
  });

  it("--out naming a file, --out \"\", a missing parent or a parent that is a file: exit 2 with the path and the reason", async () => {
    const base = freshFolder("bad-out");
    const file = join(base, "file.txt");
    writeFileSync(file, "x");
    const cases: [string, string][] = [
      [file, `${file}: exists and is not a folder`],
      ["", "kmsim: --out is empty: name a folder"],
      [join(base, "missing", "out"), `${join(base, "missing", "out")}: the parent folder ${join(base, "missing")} does not exist`],
      [join(file, "out"), `${join(file, "out")}: ${file} is not a folder`],
    ];
    for (const [out, message] of cases) {
      const r = await runCli(["run", GOOD, "--out", out]);
      expect(r.code, out).toBe(2);
      expect(r.stderr).toBe(`${message}\n`);
      expect(r.stdout).toBe("");
    }
    expect(filesIn(base)).toEqual(["file.txt"]);
  });

  it.skipIf(process.getuid?.() === 0)("a read-only parent: exit 2 naming the folder", async () => {
    const parent = freshFolder("read-only");
    chmodSync(parent, 0o555);
    try {
      const r = await runCli(["run", GOOD, "--out", join(parent, "out")]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`cannot write in ${parent} \\(EACCES`));
    } finally {
      chmodSync(parent, 0o755);
    }
  });

  it("checks the folder before simulating: with KMSIM_TEST_PAUSE=simulate a refused --out exits 2 without reaching the simulation", async () => {
    const base = freshFolder("before-simulating");
    const r = await spawnKmsim(["run", GOOD, "--out", join(base, "missing", "out")], { pause: "simulate" });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain(pauseMarker("simulate"));
    expect(r.stderr).toContain("does not exist");
  });
});

describe("--workers (issue 9 item 5)", () => {
  it("is clamped to the number of runs (manifest.json records the threads used)", async () => {
    const out = join(freshFolder("workers-clamp"), "c");
    await ok(["compare", BASE_ONLY, "--replications", "1", "--workers", "1000", "--out", out]);
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as { world: { workers: number } };
    expect(manifest.world.workers).toBe(1);
  });

  it("above the CPU count prints one warning line on stderr, and none at or below it", async () => {
    const cpus = availableParallelism();
    const runs = String(cpus + 1);
    const over = await runCli(["compare", BASE_ONLY, "--replications", runs, "--workers", "1000", "--out", join(freshFolder("workers-warn"), "c")]);
    expect(over.code).toBe(0);
    expect(over.stderr).toBe(`kmsim: --workers 1000: ${cpus + 1} worker threads for ${cpus} CPUs; they will compete for them (default: ${cpus})\n`);
    const within = await runCli(["compare", BASE_ONLY, "--replications", runs, "--workers", String(cpus), "--out", join(freshFolder("workers-quiet"), "c")]);
    expect(within.stderr).toBe("");
  });
});
