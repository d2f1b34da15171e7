// Issue 9 item 2: a run with more timeline rows than the chart draws (CHART_SAMPLE_ROWS) streams
// every row to timeline.csv and draws its chart from the bounded sample; `kmsim report` samples
// the file the same way, so the redraw is byte-identical.
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CHART_SAMPLE_ROWS } from "../../src/report/chart-sample.js";
import { SCENARIOS, lines, runCli, useTempRoot } from "./helpers.js";

const tmp = useTempRoot("large-timeline");

describe("a timeline longer than the chart's sample (issue 9 item 2)", () => {
  it("keeps every row in timeline.csv, and kmsim report redraws the same chart from it", async () => {
    const out = join(tmp(), "qs");
    const run = await runCli(["run", join(SCENARIOS, "quickstart.yaml"), "--sample", "1m", "--out", out]);
    expect(run.code).toBe(0);
    const timeline = readFileSync(join(out, "timeline.csv"), "utf8");
    expect(lines(timeline).length - 1).toBe(90 * 1440); // a row per minute of the 90-day run
    expect(lines(timeline).length).toBeGreaterThan(CHART_SAMPLE_ROWS);
    const svg = readFileSync(join(out, "chart.svg"), "utf8");
    rmSync(join(out, "chart.svg"));
    const report = await runCli(["report", out]);
    expect(report.code).toBe(0);
    expect(readFileSync(join(out, "chart.svg"), "utf8") === svg).toBe(true);
  });
});
