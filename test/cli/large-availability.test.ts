// Issue 9 item 2 for availability.csv: a host that flaps every few minutes gives more intervals
// than an entity buffers (AVAILABILITY_CHUNK), so `kmsim run` spills them to temp files in the
// result's temp folder and concatenates them at the end; none is left behind, after a finished
// run or an interrupted one, and `kmsim report` reads the file back line by line into the same
// chart.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AVAILABILITY_CHUNK } from "../../src/report/availability-recorder.js";
import { lines, read, runCli, summaryRecord, useTempRoot } from "./helpers.js";
import { spawnKmsim } from "./spawn.js";

const tmp = useTempRoot("large-availability");

function flappingScenario(duration: string): string {
  const path = join(tmp(), `flapping-${duration}.yaml`);
  writeFileSync(
    path,
    `name: flapping
duration: ${duration}
seed: 7
sites:
  - id: hq
hosts:
  - id: kms1
    site: hq
    os: Windows Server 2022
    csvlk: Windows Server 2022
    outages:
      - { random: { upTime: exp(3m), downTime: exp(2m) } }
clients:
  - id: desk
    site: hq
    count: 2
    edition: Windows 11 Enterprise
`,
  );
  return path;
}

describe("availability.csv of a host that flaps every few minutes (issue 9 item 2)", () => {
  it("holds every interval, matching summary.csv's downtime; no temp file is left; kmsim report redraws the same chart", async () => {
    const parent = join(tmp(), "run");
    mkdirSync(parent);
    const out = join(parent, "result");
    const run = await runCli(["run", flappingScenario("60d"), "--out", out]);
    expect(run.code).toBe(0);
    const rows = lines(read(out, "availability.csv")).slice(1);
    expect(rows.length).toBeGreaterThan(2 * AVAILABILITY_CHUNK); // spilled at least twice
    let downMin = 0;
    let previousEnd = -1;
    for (const row of rows) {
      const [kind, id, start, end] = row.split(",");
      expect([kind, id]).toEqual(["host", "kms1"]);
      expect(Number(start)).toBeGreaterThan(previousEnd); // by start, disjoint, never touching
      previousEnd = Number(end);
      downMin += Number(end) - Number(start);
    }
    expect(downMin / 60).toBeCloseTo(Number(summaryRecord(read(out, "summary.csv")).kms1_downtime_h), 6);
    expect(readdirSync(parent)).toEqual(["result"]);
    expect(readdirSync(out).filter((f) => f.startsWith("."))).toEqual([]);

    const svg = readFileSync(join(out, "chart.svg"), "utf8");
    rmSync(join(out, "chart.svg"));
    const report = await runCli(["report", out]);
    expect(report.code).toBe(0);
    expect(readFileSync(join(out, "chart.svg"), "utf8") === svg).toBe(true);
  });

  it("SIGTERM mid-run, with intervals spilled to temp files, leaves no folder and no temp file", async () => {
    const parent = join(tmp(), "interrupted");
    mkdirSync(parent);
    let spilledAtPause: string[] = [];
    // The pause comes at 1 % of the run: 18 days of flapping, more intervals than one chunk.
    const r = await spawnKmsim(["run", flappingScenario("5y"), "--out", join(parent, "result")], {
      pause: "simulate",
      signal: "SIGTERM",
      atPause: () => {
        spilledAtPause = readdirSync(parent).flatMap((d) => readdirSync(join(parent, d)).filter((f) => /^\.availability\.csv\..*\.tmp$/.test(f)));
      },
    });
    expect(r.paused).toBe(true);
    expect(r.code).toBe(143);
    expect(spilledAtPause).toHaveLength(1);
    expect(readdirSync(parent)).toEqual([]);
  });
});
