// FORMAT.md "Sweeps", "Sweep folder", "Shards and merge": kmsim sweep end to end — the folder's
// tables, resuming after kill -9 with byte-identical results, reuse of stored runs when the
// scenario changes, shards merged byte-identically, common random numbers across points, and
// --point reproducing one run. Processes are spawned where a kill or separate shards matter.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lines, read, ROOT, runCli, summaryRecord, useTempRoot } from "../cli/helpers.js";

const SMALL = join(ROOT, "test", "fixtures", "scenarios", "sweep-small.yaml");
const KMSIM = join(ROOT, "bin", "kmsim.js");
const OUTPUTS = ["points.csv", "runs.csv", "sweep.csv", "sweep-chart.svg", "sweep-chart.html"];
const tempRoot = useTempRoot("sweep");

function kmsim(args: readonly string[], env: NodeJS.ProcessEnv = {}): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [KMSIM, ...args], { encoding: "utf8", env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function outputsOf(folder: string): Record<string, string> {
  return Object.fromEntries(OUTPUTS.map((f) => [f, read(folder, f)]));
}

let reference: Record<string, string> | undefined;
/** The uninterrupted, unsharded campaign of sweep-small.yaml. */
async function referenceOutputs(): Promise<Record<string, string>> {
  if (reference === undefined) {
    const out = join(tempRoot(), "reference");
    const r = await runCli(["sweep", SMALL, "--out", out, "--workers", "1"]);
    expect(r.code).toBe(0);
    reference = outputsOf(out);
  }
  return reference;
}

function edited(name: string, change: (text: string) => string): string {
  const path = join(tempRoot(), name);
  writeFileSync(path, change(readFileSync(SMALL, "utf8")));
  return path;
}

describe("kmsim sweep", () => {
  it("writes points.csv, runs.csv (point × strategy × replication in task order), sweep.csv, the chart and manifest.json", async () => {
    const out = join(tempRoot(), "first");
    const r = await runCli(["sweep", SMALL, "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("kmsim sweep sweep-small: 3 points × 2 strategies × 2 replications: 0 runs reused, 12 computed");
    expect(read(out, "points.csv")).toBe("point,p_link-up\n0,exp(5d)\n1,exp(20d)\n2,exp(60d)\n");
    const runs = lines(read(out, "runs.csv")).map((l) => l.split(",").slice(0, 5).join(","));
    expect(runs).toEqual([
      "point,p_link-up,scenario,strategy,replication",
      ...[0, 1, 2].flatMap((p) => ["as-is", "no-caching"].flatMap((s) => [0, 1].map((rep) => `${p},exp(${[5, 20, 60][p]}d),sweep-small,${s},${rep}`))),
    ]);
    expect(lines(read(out, "sweep.csv"))[0]).toBe("point,p_link-up,strategy,metric,mean,sd,ci95_low,ci95_high,min,max,n");
    expect(existsSync(join(out, "manifest.json"))).toBe(true);
    expect(outputsOf(out)).toEqual(await referenceOutputs()); // the worker count does not matter
  });

  it("run --point P --strategy S --replication R reproduces that row of runs.csv", async () => {
    const ref = await referenceOutputs();
    const out = join(tempRoot(), "point");
    expect((await runCli(["run", SMALL, "--point", "2", "--strategy", "no-caching", "--replication", "1", "--out", out])).code).toBe(0);
    const row = lines(ref["runs.csv"]).find((l) => l.startsWith("2,exp(60d),sweep-small,no-caching,1,"));
    const summary = summaryRecord(read(out, "summary.csv"));
    const header = lines(ref["runs.csv"])[0].split(",");
    const values = (row ?? "").split(",");
    for (const [column, value] of Object.entries(summary)) expect([column, values[header.indexOf(column)]]).toEqual([column, value]);
  });

  it("resumes after kill -9 with only the missing runs, and ends byte-identical to an uninterrupted campaign", async () => {
    const out = join(tempRoot(), "killed");
    const child = spawn(process.execPath, [KMSIM, "sweep", SMALL, "--out", out, "--workers", "1"], {
      env: { ...process.env, KMSIM_TEST_PAUSE: "sweep-journal" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    await new Promise<void>((resolve, reject) => {
      let err = "";
      child.stderr.on("data", (d: Buffer) => {
        err += d.toString();
        if (err.includes("kmsim: test pause: sweep-journal")) resolve();
      });
      child.on("exit", () => reject(new Error(`sweep exited before the pause: ${err}`)));
    });
    child.kill("SIGKILL");
    await new Promise((resolve) => child.on("close", resolve));
    expect(existsSync(join(out, "manifest.json"))).toBe(false);
    const resumed = await runCli(["sweep", SMALL, "--out", out]);
    expect(resumed.code).toBe(0);
    const m = /(\d+) runs? reused, (\d+) computed/.exec(resumed.stdout);
    expect(Number(m?.[1])).toBeGreaterThan(0);
    expect(Number(m?.[1]) + Number(m?.[2])).toBe(12);
    expect(outputsOf(out)).toEqual(await referenceOutputs());
  });

  it("an added value computes only the new point's runs; an edited scenario equals a fresh campaign of the edited file", async () => {
    const out = join(tempRoot(), "grow");
    expect((await runCli(["sweep", SMALL, "--out", out])).code).toBe(0);
    const added = edited("added.yaml", (t) => t.replace("values: [exp(5d), exp(20d), exp(60d)]", "values: [exp(5d), exp(10d), exp(20d), exp(60d)]"));
    const grown = await runCli(["sweep", added, "--out", out]);
    expect(grown.stdout).toContain("12 runs reused, 4 computed");
    expect(read(out, "points.csv")).toBe("point,p_link-up\n0,exp(5d)\n1,exp(10d)\n2,exp(20d)\n3,exp(60d)\n");

    const changed = edited("changed.yaml", (t) => t.replace("duration: 60d", "duration: 50d"));
    const again = await runCli(["sweep", changed, "--out", out]);
    expect(again.stdout).toContain("0 runs reused, 12 computed");
    const fresh = join(tempRoot(), "fresh-changed");
    expect((await runCli(["sweep", changed, "--out", fresh])).code).toBe(0);
    expect(outputsOf(out)).toEqual(outputsOf(fresh));
    const redo = await runCli(["sweep", changed, "--out", out, "--fresh"]);
    expect(redo.stdout).toContain("0 runs reused, 12 computed");
  });

  it("shards 1/3, 2/3, 3/3 in separate processes, merged, are byte-identical to the unsharded campaign", async () => {
    const dirs = [1, 2, 3].map((k) => join(tempRoot(), `shard-${k}`));
    dirs.forEach((dir, i) => expect(kmsim(["sweep", SMALL, "--shard", `${i + 1}/3`, "--out", dir, "--workers", "1"]).code).toBe(0));
    const out = join(tempRoot(), "merged");
    const merged = await runCli(["merge", out, ...dirs]);
    expect(merged.code).toBe(0);
    expect(outputsOf(out)).toEqual(await referenceOutputs());
  });

  it("merge names a missing shard, a shard given twice and a shard of another campaign (exit 2)", async () => {
    const dirs = [1, 2, 3].map((k) => join(tempRoot(), `m-shard-${k}`));
    dirs.forEach((dir, i) => expect(kmsim(["sweep", SMALL, "--shard", `${i + 1}/3`, "--out", dir]).code).toBe(0));
    const missing = await runCli(["merge", join(tempRoot(), "x"), dirs[0], dirs[2]]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("kmsim merge: shard 2/3 (tasks 4…7) is missing\n");
    const twice = await runCli(["merge", join(tempRoot(), "y"), ...dirs, dirs[1]]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toBe(`kmsim merge: shard 2/3 is given twice: ${dirs[1]}, ${dirs[1]}\n`);
    const other = join(tempRoot(), "other-shard");
    expect(kmsim(["sweep", edited("other.yaml", (t) => t.replace("seed: 5", "seed: 6")), "--shard", "2/3", "--out", other]).code).toBe(0);
    const foreign = await runCli(["merge", join(tempRoot(), "z"), dirs[0], other, dirs[2]]);
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toContain(`${other}: from another campaign than ${dirs[0]}`);
    expect(readdirSync(tempRoot())).not.toContain("z");
  });

  it("common random numbers across points: a parameter that changes only an unreachable host leaves every client figure identical", async () => {
    const path = edited("crn.yaml", (t) => t.replace("path: links.wan.outages.0.random.upTime\n      values: [exp(5d), exp(20d), exp(60d)]", "path: hosts.spare.activationInterval\n      values: [1h, 4h, 8h]"));
    const out = join(tempRoot(), "crn");
    expect((await runCli(["sweep", path, "--out", out])).code).toBe(0);
    const rows = lines(read(out, "runs.csv"));
    const header = rows[0].split(",");
    const from = header.indexOf("clients");
    const figures = (point: number) => rows.slice(1).filter((l) => l.startsWith(`${point},`)).map((l) => l.split(",").slice(from).join(","));
    expect(figures(1)).toEqual(figures(0));
    expect(figures(2)).toEqual(figures(0));
  });

  it("refuses a second writer on the same campaign folder (exit 2) and a bad --shard", async () => {
    expect((await runCli(["sweep", SMALL, "--shard", "4/3"])).stderr).toBe("kmsim: --shard expects K/N with 1 ≤ K ≤ N, got 4/3\n");
    const out = join(tempRoot(), "locked");
    const first = await runCli(["sweep", SMALL, "--out", out]);
    expect(first.code).toBe(0);
    writeFileSync(join(out, "journal", "lock"), `elsewhere 1234\n`);
    const second = await runCli(["sweep", SMALL, "--out", out]);
    expect(second.code).toBe(2);
    expect(second.stderr).toContain("another kmsim (process 1234 on elsewhere) is writing this campaign folder");
  });

  it("--replications auto applies compare's stopping rule per point; each point's runs are the first n of a fixed campaign", async () => {
    const auto = join(tempRoot(), "auto");
    const r = await runCli(["sweep", SMALL, "--replications", "auto", "--max-replications", "20", "--out", auto]);
    expect(r.code).toBe(0);
    const manifest = JSON.parse(read(auto, "manifest.json")) as { auto: { max: number; points: { replications: number; stoppedBecause: string }[] } };
    expect(manifest.auto.max).toBe(20);
    expect(manifest.auto.points).toHaveLength(3);
    const fixed = join(tempRoot(), "fixed-20");
    expect((await runCli(["sweep", SMALL, "--replications", "20", "--out", fixed])).code).toBe(0);
    const fixedRows = lines(read(fixed, "runs.csv"));
    const expected = [
      fixedRows[0],
      ...fixedRows.slice(1).filter((l) => {
        const [point, , , , replication] = l.split(",");
        return Number(replication) < manifest.auto.points[Number(point)].replications;
      }),
    ];
    expect(lines(read(auto, "runs.csv"))).toEqual(expected);
    for (const p of manifest.auto.points) expect([10, 20]).toContain(p.replications);
    expect((await runCli(["sweep", SMALL, "--replications", "auto", "--shard", "1/2"])).code).toBe(2);
  });

  it("Ctrl-C (SIGINT) mid-way: exit 130, one line saying the journal keeps the finished runs, the lock released, no tables", async () => {
    const out = join(tempRoot(), "sigint");
    const child = spawn(process.execPath, [KMSIM, "sweep", SMALL, "--out", out, "--workers", "1"], {
      env: { ...process.env, KMSIM_TEST_PAUSE: "sweep-journal" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let err = "";
    await new Promise<void>((resolve, reject) => {
      child.stderr.on("data", (d: Buffer) => {
        err += d.toString();
        if (err.includes("kmsim: test pause: sweep-journal")) resolve();
      });
      child.on("exit", () => reject(new Error(`sweep exited before the pause: ${err}`)));
    });
    child.kill("SIGINT");
    const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
    expect(code).toBe(130);
    expect(err.split("\n").filter((l) => l.startsWith("kmsim: interrupted"))).toEqual([
      "kmsim: interrupted (SIGINT): the runs finished so far are kept in the journal; the same command resumes",
    ]);
    expect(readdirSync(join(out, "journal")).filter((f) => f.endsWith(".jsonl"))).toHaveLength(1);
    expect(existsSync(join(out, "journal", "lock"))).toBe(false);
    expect(existsSync(join(out, "runs.csv"))).toBe(false);
  });

  it("compare --shard K/N at a point, merged, writes the comparison folder byte-identical to the unsharded compare (manifest aside)", async () => {
    const args = ["--point", "1", "--replications", "3", "--rank-by", "failed_attempts,clients_lapsed"];
    const whole = join(tempRoot(), "compare-whole");
    expect((await runCli(["compare", SMALL, ...args, "--out", whole])).code).toBe(0);
    const dirs = [1, 2, 3].map((k) => join(tempRoot(), `compare-shard-${k}`));
    dirs.forEach((dir, i) => expect(kmsim(["compare", SMALL, ...args, "--shard", `${i + 1}/3`, "--out", dir, "--workers", "1"]).code).toBe(0));
    const merged = join(tempRoot(), "compare-merged");
    const r = await runCli(["merge", merged, ...dirs]);
    expect(r.code).toBe(0);
    for (const f of ["runs.csv", "comparison.csv", "comparison-chart.svg", "comparison-chart.html"]) expect([f, read(merged, f)]).toEqual([f, read(whole, f)]);
    expect((await runCli(["compare", SMALL, "--replications", "auto", "--shard", "1/2"])).code).toBe(2);
  });
});
