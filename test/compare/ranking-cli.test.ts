// `kmsim compare` ranking and `--replications auto` end to end (FORMAT.md "Comparison folder" and
// "Commands"): ties share `=` ranks, a difference in failed attempts alone decides, `--rank-by`
// replaces the order and refuses unknown columns, and the automatic stopping rule stops where it
// should and writes what `--replications n` writes, whatever the number of workers.
// Worker threads load the compiled dist/cli/compare-worker.js: run `npm run build` after src changes.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, type CliResult } from "../cli/helpers.js";

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "compare");
const TIES = join(FIXTURES, "ranking-ties.yaml");
const NOISE = join(FIXTURES, "ranking-noise.yaml");

let root = "";
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "kmsim-ranking-"));
});
afterAll(() => {
  if (root !== "") rmSync(root, { recursive: true, force: true });
});

async function compare(name: string, file: string, flags: readonly string[]): Promise<{ folder: string; result: CliResult }> {
  const folder = join(root, name);
  const result = await runCli(["compare", file, "--out", folder, ...flags]);
  if (result.code !== 0) throw new Error(`kmsim compare ${flags.join(" ")} exited ${result.code}:\n${result.stderr}`);
  return { folder, result };
}

/** The ranked line of a strategy on stdout. */
function lineOf(stdout: string, strategy: string): string {
  return stdout.split("\n").find((l) => new RegExp(`^\\s*=?\\d+\\s+${strategy}(\\s|$)`).test(l)) ?? "";
}

function manifest(folder: string): { world: { replications: number; autoReplications?: { stoppedBecause: string; max: number } } } {
  return JSON.parse(readFileSync(join(folder, "manifest.json"), "utf8"));
}

describe("ranking: ties and the separating metric", () => {
  let out: CliResult;
  beforeAll(async () => {
    out = (await compare("ties", TIES, [])).result;
  });

  it("two identical designs share rank =1, keep file order and are marked tie", () => {
    const a = lineOf(out.stdout, "all-at-once");
    const b = lineOf(out.stdout, "same-again");
    expect(a).toMatch(/^\s*=1\s+all-at-once\s/);
    expect(b).toMatch(/^\s*=1\s+same-again\s/);
    expect(a).toMatch(/tie/);
    expect(b).toMatch(/tie/);
    expect(out.stdout.indexOf(a)).toBeLessThan(out.stdout.indexOf(b));
  });

  it("a design that differs only in failed attempts is ranked by them: 3rd, decided by failed_attempts, 254 vs 24, +230 [+230, +230] over 3 pairs", () => {
    // all at once: 24 desktops see counts 1 … 24 at minute 0 (0xC004F038), then everyone is licensed.
    // joined over 2 days: every retry before the 25th join fails; 254 failures in all (runs.csv).
    const line = lineOf(out.stdout, "joined-over-2d");
    expect(line).toMatch(/^\s*3\s+joined-over-2d\s+failed_attempts\s+254\s+24\s+\+230 \[\+230, \+230\]\s+3\s*$/);
  });
});

describe("--rank-by", () => {
  it("replaces the order: with `requests:high` the design that sends most requests ranks first", async () => {
    const { result } = await compare("rank-by", TIES, ["--rank-by", "requests:high"]);
    // joined-over-2d sends the most requests, so with higher-is-better it comes first.
    expect(lineOf(result.stdout, "joined-over-2d")).toMatch(/^\s*1\s+joined-over-2d\s/);
    expect(result.stdout).toMatch(/ranked by requests \(higher is better\)/);
  });

  it("an unknown column: exit 2, one line naming it and listing the summary columns, no folder", async () => {
    const folder = join(root, "rank-by-bad");
    const r = await runCli(["compare", TIES, "--out", folder, "--rank-by", "failed_attempts,lapses"]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/--rank-by: "lapses" is not a summary column of this comparison \(summary columns: clients, /);
    expect(existsSync(folder)).toBe(false);
  });
});

describe("--replications auto", () => {
  it("identical strategies stop at once: 10 replications, nothing differs", async () => {
    const { folder, result } = await compare("auto-same", TIES, ["--replications", "auto", "--strategies", "all-at-once,same-again"]);
    expect(manifest(folder).world.replications).toBe(10);
    expect(manifest(folder).world.autoReplications?.stoppedBecause).toBe("nothing differs");
    expect(result.stdout).toMatch(/10 replications \(auto, max 200: nothing differs\)/);
  });

  it("an obvious winner stops after the first batch", async () => {
    const { folder } = await compare("auto-winner", NOISE, ["--replications", "auto", "--strategies", "flaky,solid"]);
    expect(manifest(folder).world.replications).toBe(10);
    expect(manifest(folder).world.autoReplications?.stoppedBecause).toBe("every difference is resolved");
  });

  it("--tolerance 0 on a difference smaller than its noise runs to the maximum", async () => {
    const { folder, result } = await compare("auto-noise", NOISE, [
      "--replications", "auto", "--strategies", "flaky,flaky-uniform", "--tolerance", "0", "--max-replications", "30",
    ]);
    expect(manifest(folder).world.replications).toBe(30);
    expect(manifest(folder).world.autoReplications?.stoppedBecause).toBe("maximum reached");
    expect(lineOf(result.stdout, "flaky-uniform")).toMatch(/not significant/);
  });

  describe("the output equals --replications n for the n reached, with 1 or 2 workers", () => {
    const FILES = ["runs.csv", "comparison.csv", "comparison-chart.svg", "comparison-chart.html"];
    let one: string;
    let two: string;
    let fixed: string;
    beforeAll(async () => {
      one = (await compare("auto-w1", NOISE, ["--replications", "auto", "--workers", "1"])).folder;
      two = (await compare("auto-w2", NOISE, ["--replications", "auto", "--workers", "2"])).folder;
      fixed = (await compare("auto-fixed", NOISE, ["--replications", String(manifest(one).world.replications)])).folder;
    });

    it("1 and 2 workers reach the same n", () => {
      expect(manifest(two).world.replications).toBe(manifest(one).world.replications);
    });

    it.each(FILES)("%s is byte-identical with 1 worker, 2 workers and --replications n", (file) => {
      const a = readFileSync(join(one, file), "utf8");
      expect(readFileSync(join(two, file), "utf8")).toBe(a);
      expect(readFileSync(join(fixed, file), "utf8")).toBe(a);
    });
  });

  it("--tolerance without --replications auto, and a bad --tolerance: exit 2", async () => {
    expect((await runCli(["compare", TIES, "--out", join(root, "x1"), "--tolerance", "1"])).code).toBe(2);
    const bad = await runCli(["compare", TIES, "--out", join(root, "x2"), "--replications", "auto", "--tolerance", "lots"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--tolerance expects a number/);
  });
});
