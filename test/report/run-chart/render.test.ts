// A run folder's chart (FORMAT.md "Run folder"): writeRunFolder commits the chart with the other
// files (availability.csv is in the temp folder already, written as the run went), drawn from the
// files' texts and availability.csv's summary; redrawRunFolder (`kmsim report`) draws the same
// bytes from the folder, and still draws a folder that has no availability.csv.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildLayout } from "../../../src/kms/layout.js";
import { AvailabilityFormatError, parseAvailabilityCsv } from "../../../src/report/availability.js";
import { summarizeIntervals } from "../../../src/report/availability-summary.js";
import { CHART_HTML, CHART_SVG, renderSvg } from "../../../src/report/chart.js";
import { EventsWriter } from "../../../src/report/events-writer.js";
import { redrawRunFolder, runChartOptions } from "../../../src/report/run-chart/render.js";
import { PLOT_WIDTH, timelineChartSpec } from "../../../src/report/run-chart/spec.js";
import { openResultStage } from "../../../src/report/result-folder.js";
import { writeRunFolder } from "../../../src/report/run-folder.js";
import { START_MS, makeWorld } from "../helpers.js";

const TIMELINE = `minute,time,oob_grace,licensed,oot_grace,notification,office_oob_grace,office_licensed,office_oot_grace,office_notification,primary_up,primary_count,primary_office_count,backup_up,backup_count,backup_office_count,wan_up
0,2027-01-04T00:00:00Z,24,6,0,0,4,2,0,0,1,30,6,1,0,0,1
120,2027-01-04T02:00:00Z,0,30,0,0,0,6,0,0,1,30,6,1,0,0,1
20220,2027-01-18T01:00:00Z,0,30,0,0,0,6,0,0,0,30,6,1,0,0,1
20280,2027-01-18T02:00:00Z,0,30,0,0,0,6,0,0,0,30,6,1,24,0,1
49020,2027-02-07T01:00:00Z,0,30,0,0,0,6,0,0,1,30,6,1,30,0,1
60000,2027-02-14T16:00:00Z,0,30,0,0,0,6,0,0,1,30,6,0,30,0,1
`;
const AVAILABILITY = `kind,id,start_minute,end_minute
host,primary,20220,49020
host,backup,60000,64800
link,wan,30000,30001
`;
/** A manifest as buildManifest writes it, reduced to what the chart reads: duration, offline windows, Office keys. */
const MANIFEST = JSON.stringify({
  durationMin: 64_800,
  world: {
    hosts: [
      { id: "primary", officeKeys: ["Office LTSC 2024"], rebuilds: [50_000] },
      { id: "backup", officeKeys: [] },
    ],
    clients: [{ id: "lab", count: 12, offline: [{ start: 1440, end: 4320 }] }],
  },
});
const TITLE = "primary-down / no-branch";

let dir: string;
let written: string;
let redrawn: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "kmsim-chart-"));
  const world = makeWorld({ durationMin: 64_800, hosts: [{ id: "primary" }, { id: "backup" }], groups: [{ id: "g", count: 1 }] });
  const stage = openResultStage(dir, { inputs: [], createParents: false });
  const events = new EventsWriter(world, buildLayout(world), stage.path("events.csv"), { startEpochMs: START_MS });
  events.hostUp(20_220, 0, false);
  events.close();
  // availability.csv is written as the run goes (availability-recorder.ts), like events.csv.
  writeFileSync(stage.path("availability.csv"), AVAILABILITY);
  await writeRunFolder(stage, {
    timeline: TIMELINE,
    chartTimeline: TIMELINE,
    summary: "scenario,strategy,replication\nprimary-down,no-branch,0\n",
    availability: summarizeIntervals(parseAvailabilityCsv(AVAILABILITY), 64_800, PLOT_WIDTH),
    manifest: MANIFEST,
    title: TITLE,
    durationMin: 64_800,
  });
  stage.commit();
  written = readFileSync(join(dir, CHART_SVG), "utf8");
  rmSync(join(dir, CHART_SVG));
  rmSync(join(dir, CHART_HTML));
  await redrawRunFolder(dir);
  redrawn = readFileSync(join(dir, CHART_SVG), "utf8");
}, 30_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("writeRunFolder and redrawRunFolder (FORMAT.md Run folder; kmsim report)", () => {
  it("commits timeline, summary, availability, manifest, chart and events together", () => {
    expect(readdirSync(dir).sort()).toEqual([
      "availability.csv",
      CHART_HTML,
      CHART_SVG,
      "events.csv",
      "manifest.json",
      "summary.csv",
      "timeline.csv",
    ]);
    expect(readFileSync(join(dir, "availability.csv"), "utf8")).toBe(AVAILABILITY);
  });

  it("draws the chart from the files' texts: the lanes of availability.csv, the offline windows and Office keys of manifest.json", () => {
    for (const text of [TITLE, ">host primary</text>", ">host backup</text>", ">link wan</text>", ">offline: lab</text>", "lab offline", "primary — office count", "rebuilt once"]) {
      expect(written).toContain(text);
    }
    // backup holds no Office key: no office panel for it (its count would be a flat 0).
    expect(written).not.toContain("backup — office count");
  });

  it("kmsim report redraws byte-identical SVG and HTML from the folder", () => {
    expect(redrawn).toBe(written);
    const html = readFileSync(join(dir, CHART_HTML), "utf8");
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain(`<title>kmsim — ${TITLE}</title>`);
    expect(html).toContain(written.trimEnd());
    expect(html).not.toMatch(/<script|<link|src=|href="http/);
  });

  it("a folder without availability.csv (written by an older kmsim) redraws without host, link and DNS lanes", async () => {
    const old = join(dir, "old");
    rmSync(old, { recursive: true, force: true });
    mkdirSync(old);
    writeFileSync(join(old, "timeline.csv"), TIMELINE);
    writeFileSync(join(old, "summary.csv"), "scenario,strategy\nold,\n");
    await redrawRunFolder(old);
    const svg = readFileSync(join(old, CHART_SVG), "utf8");
    expect(svg).toContain("primary — windows count");
    expect(svg).not.toContain(">host primary</text>");
  });

  it("a malformed availability.csv stops the redraw with the line number, writing nothing", async () => {
    const bad = join(dir, "bad");
    rmSync(bad, { recursive: true, force: true });
    mkdirSync(bad);
    writeFileSync(join(bad, "timeline.csv"), TIMELINE);
    writeFileSync(join(bad, "availability.csv"), "kind,id,start_minute,end_minute\nhost,primary,10,5\n");
    await expect(redrawRunFolder(bad)).rejects.toThrow(AvailabilityFormatError);
    await expect(redrawRunFolder(bad)).rejects.toThrow(/^line 2: /);
    expect(readdirSync(bad).sort()).toEqual(["availability.csv", "timeline.csv"]);
  });
});

describe("writeRunFolder on failure (FORMAT.md Commands: a failed run leaves no partial output files)", () => {
  it("throws before writing, and aborting the stage leaves no folder and no temp folder", async () => {
    const parent = join(dir, "failed-parent");
    mkdirSync(parent);
    const stage = openResultStage(join(parent, "failed"), { inputs: [], createParents: false });
    const world = makeWorld({ durationMin: 10 });
    const events = new EventsWriter(world, buildLayout(world), stage.path("events.csv"), { startEpochMs: START_MS });
    events.close();
    await expect(
      writeRunFolder(stage, {
        chartTimeline: "not,a,timeline\n",
        summary: "",
        availability: { endMinute: 10, widthPx: PLOT_WIDTH, entities: [] },
        manifest: "{}",
        title: "t",
        durationMin: 10,
      }),
    ).rejects.toThrow(/minute,time/);
    stage.abort();
    expect(readdirSync(parent)).toEqual([]);
  });
});

describe("runChartOptions", () => {
  it("takes offline windows, rebuilds and Office keys from manifest.json's resolved scenario", () => {
    expect(runChartOptions("t", MANIFEST, [])).toMatchObject({
      offline: [{ group: "lab", count: 12, start: 1440, end: 4320 }],
      rebuilds: [{ host: "primary", at: 50_000 }],
      officeHosts: ["primary"],
    });
  });

  it("takes the duration from manifest.json, else the caller's; a manifest that is not JSON adds nothing", () => {
    expect(runChartOptions("t", MANIFEST, undefined, 5).endMinute).toBe(64_800);
    expect(runChartOptions("t", "{not json", undefined, 5)).toEqual({ title: "t", endMinute: 5, offline: [], rebuilds: [], officeHosts: null });
  });

  it("renders the SVG headless, without canvas and without warnings", async () => {
    const warnings: string[] = [];
    const svg = await renderSvg(timelineChartSpec(TIMELINE, runChartOptions(TITLE, MANIFEST, [])), warnings);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(warnings).toEqual([]);
  });
});
