// The run chart's reading of timeline.csv: entities from the column names, series thinned to the
// plot width without losing a spike.
import { describe, expect, it } from "vitest";
import { parseTimeline, stepSeries, timelineEntities } from "../../../src/report/run-chart/timeline-table.js";

function table(values: number[], minutes = values.map((_, i) => i)) {
  const lines = ["minute,time,x", ...values.map((v, i) => `${minutes[i]},2027-01-04T00:00:00Z,${v}`)];
  return parseTimeline(lines.join("\n") + "\n");
}

describe("timelineEntities (FORMAT.md timeline.csv columns)", () => {
  it("tells hosts (<id>_up then <id>_count), links (other <id>_up) and site DNS (<site>_dns_up) apart, in file order", () => {
    const cols = [
      "minute", "time", "oob_grace", "licensed", "oot_grace", "notification",
      "kms1_up", "kms1_count", "a_count_up", "a_count_count", "wan_up", "hq_dns_up", "branch_dns_up",
    ];
    expect(timelineEntities(cols)).toEqual({
      hosts: ["kms1", "a_count"],
      links: ["wan"],
      dnsSites: ["hq", "branch"],
      hasOffice: false,
    });
  });

  it("sees Office from the office_* state columns", () => {
    const states = ["oob_grace", "licensed", "oot_grace", "notification"];
    expect(timelineEntities(["minute", "time", ...states, ...states.map((s) => `office_${s}`)]).hasOffice).toBe(true);
  });
});

describe("stepSeries", () => {
  it("keeps every change of a short series, drops repeats and ends at the end of the run", () => {
    expect(stepSeries(table([5, 5, 7, 7, 2]), "x", 100, 10)).toEqual([
      { m: 0, v: 5 },
      { m: 2, v: 7 },
      { m: 4, v: 2 },
      { m: 10, v: 2 },
    ]);
  });

  it("keeps each slice's first, lowest, highest and last value when thinning", () => {
    // One slice of 10 rows: first 4, lowest 1 (row 3), highest 9 (row 6), last 5.
    const points = stepSeries(table([4, 3, 2, 1, 2, 3, 9, 8, 6, 5]), "x", 1, 10);
    expect(points).toEqual([
      { m: 0, v: 4 },
      { m: 3, v: 1 },
      { m: 6, v: 9 },
      { m: 9, v: 5 },
      { m: 10, v: 5 },
    ]);
  });

  it("returns nothing for a column the timeline does not have", () => {
    expect(stepSeries(table([1]), "y", 10, 10)).toEqual([]);
  });
});
