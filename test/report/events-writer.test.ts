import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LicenseState, Pool, ResultCode } from "../../src/kms/facts.js";
import { buildLayout } from "../../src/kms/layout.js";
import { EVENTS_COLUMNS, EventsWriter } from "../../src/report/events-writer.js";
import { RunAggregator } from "../../src/report/run-aggregator.js";
import { START_MS, makeWorld } from "./helpers.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "kmsim-events-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const world = makeWorld({
  durationMin: 1_000,
  hosts: [{ id: "kms1" }],
  groups: [{ id: "hq-desktops", count: 20, office: true }],
  links: ["wan"],
  sites: [{ id: "hq" }, { id: "branch", dnsOutages: [[1, 2]] }],
});
const layout = buildLayout(world);

describe("events.csv (FORMAT.md Run folder, --events)", () => {
  it("writes one row per fact of the listed kinds, with FORMAT.md's columns, through the aggregator", () => {
    const events = new EventsWriter(world, layout, join(dir, "events.csv"), { startEpochMs: START_MS, bufferBytes: 64 });
    const agg = new RunAggregator(world, layout, {
      startEpochMs: START_MS,
      sampleMin: null,
      scenario: "s",
      strategy: null,
      replication: 0,
      seed: 1,
      events,
    });
    agg.hostUp(0, 0, false);
    agg.linkUp(0, 0, false);
    agg.dnsUp(0, 1, false);
    agg.joined(1, 34);
    agg.stateChanged(1, 34, LicenseState.NONE, LicenseState.OOB_GRACE);
    agg.joined(1, 35);
    agg.request(1, 34, 9_001, 0, Pool.WINDOWS, ResultCode.NO_ANSWER, -1);
    agg.attemptEnded(1, 34, ResultCode.NO_HOST); // not an events.csv kind
    agg.hostUp(2, 0, true);
    agg.hostRebuilt(2, 0);
    agg.hostCount(2, 0, Pool.WINDOWS, 0); // not an events.csv kind
    agg.request(3, 35, 9_002, 0, Pool.OFFICE, ResultCode.COUNT_TOO_LOW, 4);
    agg.request(3, 34, 9_001, 0, Pool.WINDOWS, ResultCode.PRODUCT_NOT_SERVED, -1);
    agg.stateChanged(3, 35, LicenseState.OOB_GRACE, LicenseState.LICENSED);
    agg.retired(4, 35, LicenseState.LICENSED);
    agg.linkUp(5, 0, true);
    agg.dnsUp(5, 1, true);
    agg.finish(); // closes the writer
    const text = readFileSync(join(dir, "events.csv"), "utf8");
    expect(text.endsWith("\n")).toBe(true);
    const rows = Papa.parse<string[]>(text.slice(0, -1)).data;
    expect(rows[0]).toEqual(EVENTS_COLUMNS);
    expect(rows.slice(1)).toEqual([
      ["0", "2027-01-04T00:00:00Z", "host_down", "", "", "kms1", "", "", "", "", ""],
      ["0", "2027-01-04T00:00:00Z", "link_down", "", "", "wan", "", "", "", "", ""],
      ["0", "2027-01-04T00:00:00Z", "dns_down", "", "", "branch", "", "", "", "", ""],
      ["1", "2027-01-04T00:01:00Z", "join", "hq-desktops/17", "", "", "windows", "", "", "", ""],
      ["1", "2027-01-04T00:01:00Z", "state", "hq-desktops/17", "", "", "windows", "", "", "", "oob_grace"],
      ["1", "2027-01-04T00:01:00Z", "join", "hq-desktops/17#office", "", "", "office", "", "", "", ""],
      ["1", "2027-01-04T00:01:00Z", "request", "hq-desktops/17", "9001", "kms1", "windows", "", "", "", ""],
      ["2", "2027-01-04T00:02:00Z", "host_up", "", "", "kms1", "", "", "", "", ""],
      ["2", "2027-01-04T00:02:00Z", "rebuild", "", "", "kms1", "", "", "", "", ""],
      ["3", "2027-01-04T00:03:00Z", "request", "hq-desktops/17#office", "9002", "kms1", "office", "0xC004F038", "4", "", ""],
      ["3", "2027-01-04T00:03:00Z", "request", "hq-desktops/17", "9001", "kms1", "windows", "0xC004F042", "", "", ""],
      ["3", "2027-01-04T00:03:00Z", "state", "hq-desktops/17#office", "", "", "office", "", "", "oob_grace", "licensed"],
      ["4", "2027-01-04T00:04:00Z", "retire", "hq-desktops/17#office", "", "", "office", "", "", "licensed", ""],
      ["5", "2027-01-04T00:05:00Z", "link_up", "", "", "wan", "", "", "", "", ""],
      ["5", "2027-01-04T00:05:00Z", "dns_up", "", "", "branch", "", "", "", "", ""],
    ]);
    expect(events.rowCount).toBe(15);
  });

  it("abort() removes the file: a failed run leaves no partial events.csv (FORMAT.md Commands)", () => {
    const events = new EventsWriter(world, layout, join(dir, "events.csv"), { startEpochMs: START_MS });
    events.joined(0, 0);
    expect(readdirSync(dir)).toHaveLength(1);
    events.abort();
    expect(readdirSync(dir)).toEqual([]);
  });

  it("buffers writes: a long run flushes in large chunks and loses nothing", () => {
    const events = new EventsWriter(world, layout, join(dir, "events.csv"), { startEpochMs: START_MS, bufferBytes: 4096 });
    for (let t = 0; t < 1_000; t++) events.request(t, 0, 1, 0, Pool.WINDOWS, ResultCode.SUCCESS, 25);
    events.close();
    const text = readFileSync(events.path, "utf8");
    expect(text.split("\n")).toHaveLength(1 + 1_000 + 1);
    expect(text.split("\n")[1_000]).toBe("999,2027-01-04T16:39:00Z,request,hq-desktops/0,1,kms1,windows,0x0,25,,");
  });
});

describe("events.csv client column (FORMAT.md: member id, Office installs `#office`)", () => {
  it("equals layout.ts clientLabel for every licensing client", async () => {
    const { clientLabel } = await import("../../src/kms/layout.js");
    const w = makeWorld({
      durationMin: 10,
      groups: [
        { id: "a", count: 3 },
        { id: "b", count: 5, office: true },
        { id: "c", count: 2 },
      ],
    });
    const l = buildLayout(w);
    const events = new EventsWriter(w, l, join(dir, "events.csv"), { startEpochMs: START_MS });
    for (let c = 0; c < l.clientSlots; c++) events.joined(0, c);
    events.close();
    const rows = Papa.parse<string[]>(readFileSync(events.path, "utf8").trim()).data.slice(1);
    expect(rows.map((r) => r[3])).toEqual(Array.from({ length: l.clientSlots }, (_, c) => clientLabel(w, l, c)));
  });
});
