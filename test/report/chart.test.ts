import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CHART_HTML,
  CHART_SVG,
  MAX_CHART_ROWS,
  redrawRunFolder,
  renderSvg,
  timelineChartSpec,
} from "../../src/report/chart.js";
import { buildLayout } from "../../src/kms/layout.js";
import { EventsWriter } from "../../src/report/events-writer.js";
import { formatTime } from "../../src/report/format.js";
import { writeRunFolder } from "../../src/report/run-folder.js";
import { START_MS, makeWorld } from "./helpers.js";

const TIMELINE = `minute,time,oob_grace,licensed,oot_grace,notification,office_oob_grace,office_licensed,office_oot_grace,office_notification,primary_up,primary_count,primary_office_count,backup_up,backup_count,backup_office_count,wan_up
0,2027-01-04T00:00:00Z,24,6,0,0,4,2,0,0,1,30,6,1,0,0,1
120,2027-01-04T02:00:00Z,0,30,0,0,0,6,0,0,1,30,6,1,0,0,1
20220,2027-01-18T01:00:00Z,0,30,0,0,0,6,0,0,0,30,6,1,0,0,1
20280,2027-01-18T02:00:00Z,0,30,0,0,0,6,0,0,0,30,6,1,24,0,1
49020,2027-02-07T01:00:00Z,0,30,0,0,0,6,0,0,1,30,6,1,30,0,1
60000,2027-02-14T16:00:00Z,0,30,0,0,0,6,0,0,1,30,6,0,30,0,1
`;

interface Layer {
  data?: { values?: Record<string, number | string>[] };
  layer?: Layer[];
}
interface PlainSpec {
  vconcat: Layer[];
}
function plain(spec: unknown): PlainSpec {
  return JSON.parse(JSON.stringify(spec)) as PlainSpec;
}

let dir: string;
let svg: string;
const warnings: string[] = [];

let firstSvg: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "kmsim-chart-"));
  svg = await renderSvg(timelineChartSpec(TIMELINE, { title: "primary-down / no-branch", endMinute: 64_800 }), warnings);
  const world = makeWorld({ durationMin: 64_800, hosts: [{ id: "primary" }, { id: "backup" }], groups: [{ id: "g", count: 1 }] });
  const events = new EventsWriter(world, buildLayout(world), join(dir, "events.csv"), { startEpochMs: START_MS });
  events.hostUp(20_220, 0, false);
  await writeRunFolder(dir, {
    outputs: {
      timeline: TIMELINE,
      summary: "scenario,strategy,replication\nprimary-down,no-branch,0\n",
      summaryRecord: {},
    },
    manifest: JSON.stringify({ durationMin: 64_800 }),
    title: "primary-down / no-branch",
    durationMin: 64_800,
    events,
  });
  firstSvg = readFileSync(join(dir, CHART_SVG), "utf8");
  rmSync(join(dir, CHART_SVG));
  rmSync(join(dir, CHART_HTML));
  await redrawRunFolder(dir);
}, 20_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("run chart (FORMAT.md Run folder: states over time, host counts with the threshold at 25, outages)", () => {
  it("renders an SVG headless, without canvas and without warnings", () => {
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
    expect(warnings).toEqual([]);
  });

  it("shows the title, every state series (Office too), every host and the threshold", () => {
    for (const text of ["primary-down / no-branch", "oob_grace", "notification", "office_licensed", "primary", "backup", "threshold 25"]) {
      expect(svg).toContain(text);
    }
  });

  it("is deterministic: rendering the same timeline again gives byte-identical SVG (no timestamps, no random ids)", () => {
    expect(firstSvg).toBe(svg);
    expect(readFileSync(join(dir, CHART_SVG), "utf8")).toBe(svg);
  });

  it("writeRunFolder commits timeline, summary, manifest, chart and events together; redrawRunFolder rewrites the chart from timeline.csv (kmsim report)", () => {
    expect(readdirSync(dir).sort()).toEqual([
      CHART_HTML,
      CHART_SVG,
      "events.csv",
      "manifest.json",
      "summary.csv",
      "timeline.csv",
    ]);
    expect(readFileSync(join(dir, "events.csv"), "utf8").split("\n")[1]).toBe("20220,2027-01-18T01:00:00Z,host_down,,,primary,,,,,");
    const html = readFileSync(join(dir, CHART_HTML), "utf8");
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain("<title>kmsim — primary-down / no-branch</title>");
    expect(html).toContain(svg.trimEnd());
    expect(html).not.toMatch(/<script|<link|src=|href="http/);
  });
});

describe("writeRunFolder on failure (FORMAT.md Commands: a failed run leaves no partial output files)", () => {
  it("writes nothing and removes the events temp file", async () => {
    const folder = join(dir, "failed");
    const world = makeWorld({ durationMin: 10 });
    const events = new EventsWriter(world, buildLayout(world), join(folder, "events.csv"), { startEpochMs: START_MS });
    await expect(
      writeRunFolder(folder, {
        outputs: { timeline: "not,a,timeline\n", summary: "", summaryRecord: {} },
        manifest: "{}",
        title: "t",
        durationMin: 10,
        events,
      }),
    ).rejects.toThrow(/minute,time/);
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe("timelineChartSpec", () => {
  it("draws outage bands from the <host>_up columns, up to the next up row or the end of the run", () => {
    const spec = plain(timelineChartSpec(TIMELINE, { title: "t", endMinute: 64_800 }));
    const bands = spec.vconcat[1].layer?.[0].data?.values ?? [];
    expect(bands).toEqual([
      { start: START_MS + 20_220 * 60_000, end: START_MS + 49_020 * 60_000, series: "primary" },
      { start: START_MS + 60_000 * 60_000, end: START_MS + 64_800 * 60_000, series: "backup" },
    ]);
  });

  it("extends the last values to the end of the run; state and host series come from the columns", () => {
    const spec = plain(timelineChartSpec(TIMELINE, { title: "t", endMinute: 64_800 }));
    const states = spec.vconcat[0].data?.values ?? [];
    expect(new Set(states.map((p) => p.series))).toEqual(
      new Set(["oob_grace", "licensed", "oot_grace", "notification", "office_oob_grace", "office_licensed", "office_oot_grace", "office_notification"]),
    );
    expect(states.at(-1)).toMatchObject({ t: START_MS + 64_800 * 60_000 });
    const counts = spec.vconcat[1].layer?.[1].data?.values ?? [];
    expect(new Set(counts.map((p) => p.series))).toEqual(new Set(["primary", "backup"]));
  });

  it("samples very long timelines to at most MAX_CHART_ROWS (+1) rows per series, keeping the first and last", () => {
    const lines = ["minute,time,oob_grace,licensed,oot_grace,notification,h_up,h_count"];
    for (let m = 0; m < 8_000; m++) lines.push(`${m},${formatTime(START_MS, m)},${m % 7},0,0,0,1,${m % 30}`);
    const spec = plain(timelineChartSpec(lines.join("\n") + "\n", { title: "t" }));
    const licensed = (spec.vconcat[0].data?.values ?? []).filter((p) => p.series === "oob_grace");
    expect(licensed.length).toBeLessThanOrEqual(MAX_CHART_ROWS + 1);
    expect(licensed[0].t).toBe(START_MS);
    expect(licensed.at(-1)?.t).toBe(START_MS + 7_999 * 60_000);
  });

  it("has one panel when the scenario has no host", () => {
    const spec = plain(timelineChartSpec("minute,time,oob_grace,licensed,oot_grace,notification\n0,2027-01-04T00:00:00Z,0,0,0,0\n", { title: "t" }));
    expect(spec.vconcat).toHaveLength(1);
  });
});
