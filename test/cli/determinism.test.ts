// Same input and seed ⇒ same bytes (FORMAT.md "CSV conventions": byte-identical CSVs and charts;
// manifest.json is the one file that differs, "Run folder"); the seed and the replication select
// the random streams (FORMAT.md Commands: replication r derives all its streams from (seed, r);
// MODEL.md §R3) and are shown in summary.csv's `seed` and `replication` columns.
// wan-link-outages.yaml has a random WAN outage process (§R1, §T3) and office-hours/intermittent
// clients, so its trajectory depends on the draws.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { SCENARIOS, firstDifference, read, runCli, summaryRecord, useTempRoot } from "./helpers.js";

const tmp = useTempRoot("determinism");
const SCENARIO = join(SCENARIOS, "wan-link-outages.yaml");
const COMPARED = ["timeline.csv", "summary.csv", "events.csv", "chart.svg", "chart.html"];

async function runInto(name: string, flags: string[]): Promise<string> {
  const out = join(tmp(), name);
  const r = await runCli(["run", SCENARIO, "--events", ...flags, "--out", out]);
  if (r.code !== 0) throw new Error(`kmsim run ${flags.join(" ")} exited ${r.code}:\n${r.stderr}`);
  return out;
}

let first: string;
let second: string;
let otherSeed: string;
let replication1: string;

beforeAll(async () => {
  first = await runInto("a", []);
  second = await runInto("b", []);
  otherSeed = await runInto("seed-7", ["--seed", "7"]);
  replication1 = await runInto("replication-1", ["--replication", "1"]);
});

describe("determinism (FORMAT.md CSV conventions, Commands; MODEL.md §R3)", () => {
  it.each(COMPARED)("two runs with the same seed give a byte-identical %s", (file) => {
    expect(firstDifference(read(second, file), read(first, file))).toBeNull();
  });

  it("manifest.json is excepted, but both runs write one naming the same seed and replication", () => {
    const a: unknown = JSON.parse(read(first, "manifest.json"));
    const b: unknown = JSON.parse(read(second, "manifest.json"));
    expect(a).toMatchObject({ seed: 1, replication: 0 });
    expect(b).toMatchObject({ seed: 1, replication: 0 });
  });

  it("a different --seed changes summary.csv or timeline.csv (beyond the seed column)", () => {
    const base = summaryRecord(read(first, "summary.csv"));
    const other = summaryRecord(read(otherSeed, "summary.csv"));
    const summaryDiffers = JSON.stringify({ ...other, seed: base.seed }) !== JSON.stringify(base);
    const timelineDiffers = read(otherSeed, "timeline.csv") !== read(first, "timeline.csv");
    expect(summaryDiffers || timelineDiffers).toBe(true);
  });

  it("--replication 1 differs from replication 0 (the default of run) in summary.csv or timeline.csv", () => {
    const base = summaryRecord(read(first, "summary.csv"));
    const rep1 = summaryRecord(read(replication1, "summary.csv"));
    const summaryDiffers = JSON.stringify({ ...rep1, replication: base.replication }) !== JSON.stringify(base);
    const timelineDiffers = read(replication1, "timeline.csv") !== read(first, "timeline.csv");
    expect(summaryDiffers || timelineDiffers).toBe(true);
  });

  it("summary.csv's seed and replication columns show the scenario's seed and 0 by default, and the flags when given", () => {
    expect(summaryRecord(read(first, "summary.csv"))).toMatchObject({ seed: "1", replication: "0" });
    expect(summaryRecord(read(otherSeed, "summary.csv"))).toMatchObject({ seed: "7", replication: "0" });
    expect(summaryRecord(read(replication1, "summary.csv"))).toMatchObject({ seed: "1", replication: "1" });
  });

  it("--seed and --replication together reproduce the same bytes on a second run", async () => {
    const a = await runInto("s3r2-a", ["--seed", "3", "--replication", "2"]);
    const b = await runInto("s3r2-b", ["--seed", "3", "--replication", "2"]);
    for (const file of COMPARED) expect(firstDifference(read(b, file), read(a, file)), file).toBeNull();
    expect(summaryRecord(read(a, "summary.csv"))).toMatchObject({ seed: "3", replication: "2" });
  });

  it("the output does not depend on the machine's time zone: the same bytes under TZ=UTC and TZ=America/New_York", async () => {
    // quickstart.yaml has a host outage, drawn as a shaded band whose end the chart labels.
    const quickstart = join(SCENARIOS, "quickstart.yaml");
    const saved = process.env.TZ;
    const outs: string[] = [];
    try {
      for (const tz of ["UTC", "America/New_York"]) {
        process.env.TZ = tz;
        const out = join(tmp(), `tz-${tz.replace("/", "-")}`);
        const r = await runCli(["run", quickstart, "--events", "--out", out]);
        expect(r.code).toBe(0);
        outs.push(out);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    for (const file of COMPARED) expect(firstDifference(read(outs[1], file), read(outs[0], file)), file).toBeNull();
  });
});
