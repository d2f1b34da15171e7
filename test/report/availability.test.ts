// availability.csv (FORMAT.md "Run folder"): every down interval of each host, link and site DNS,
// from the model's facts, in a fixed row order; and reading it back for `kmsim report`.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { World } from "../../src/kms/world.js";
import { AVAILABILITY_COLUMNS, AvailabilityFormatError, parseAvailabilityCsv } from "../../src/report/availability.js";
import { AvailabilityRecorder } from "../../src/report/availability-recorder.js";
import { host, world } from "../support/worlds.js";
import { AVAILABILITY_HEADER, MALFORMED_AVAILABILITY, runWithAvailability } from "./availability-helpers.js";

const dir = mkdtempSync(join(tmpdir(), "kmsim-availability-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

/** A recorder writing into a fresh file of the scratch folder. */
function recorderFor(w: World): { recorder: AvailabilityRecorder; text: () => string } {
  const path = join(dir, `availability-${files++}.csv`);
  const recorder = new AvailabilityRecorder(w, { path, widthPx: 820 });
  return {
    recorder,
    text: () => {
      recorder.finish();
      return readFileSync(path, "utf8");
    },
  };
}

/** availability.csv text for these rows (a plain reference writer). */
function csvOf(rows: readonly { kind: string; id: string; start: number; end: number }[]): string {
  return ["kind,id,start_minute,end_minute\n", ...rows.map((r) => `${r.kind},${r.id},${r.start},${r.end}\n`)].join("");
}

const HEADER = AVAILABILITY_HEADER;
const win = (start: number, end: number) => ({ kind: "window" as const, start, end });

/** Runs the model on `w` with the aggregator forwarding to a recorder; returns availability.csv. */
function availabilityOf(w: World): string {
  const { recorder, text } = recorderFor(w);
  runWithAvailability(w, 1, recorder);
  return text();
}

describe("availability.csv from a run (FORMAT.md Run folder; §T3, §N1, §N3)", () => {
  // One week (10 080 minutes). Hand-derived: a window [s, e) is down from minute s to minute e
  // (end exclusive, §T3); the facts are the entity's net state per minute, so windows that
  // overlap or touch give one interval; a window past the end stops at the duration.
  const w = world({
    durationMin: 10_080,
    sites: [
      { id: "hq", srvOverrides: [], dnsOutages: [] },
      { id: "branch", srvOverrides: [], dnsOutages: [win(600, 660)] },
    ],
    links: [{ id: "wan", between: ["hq", "branch"], outages: [win(100, 200), win(200, 300)] }],
    hosts: [
      host("kms1", { outages: [win(1440, 2880), win(2000, 4000), win(5000, 5060)] }),
      host("kms2", { outages: [win(9000, 12_000)] }),
      host("kms3", { outages: [win(0, 30)] }),
      host("kms4"),
    ],
  });
  const csv = availabilityOf(w);

  it("has the header kind,id,start_minute,end_minute", () => {
    expect(csv.startsWith(HEADER)).toBe(true);
    expect(AVAILABILITY_COLUMNS.join(",") + "\n").toBe(HEADER);
  });

  it("lists hosts, then links, then site DNS; entities in file order; intervals by start; overlapping and touching windows merged; an open interval ends at the duration", () => {
    expect(csv).toBe(
      HEADER +
        [
          "host,kms1,1440,4000", // [1440, 2880) ∪ [2000, 4000)
          "host,kms1,5000,5060",
          "host,kms2,9000,10080", // past the end: stops at duration (exclusive)
          "host,kms3,0,30", // down from minute 0
          "link,wan,100,300", // [100, 200) then [200, 300): never up in between
          "dns,branch,600,660",
        ].join("\n") +
        "\n",
    );
  });

  it("is the header alone when nothing goes down", () => {
    expect(availabilityOf(world({ durationMin: 1440 }))).toBe(HEADER);
  });
});

describe("AvailabilityRecorder", () => {
  const w = world({ durationMin: 100, hosts: [host("a"), host("b")] });

  it("records a change undone within its minute as nothing (an empty interval was never down)", () => {
    const { recorder: r, text } = recorderFor(w);
    r.hostUp(10, 0, false);
    r.hostUp(10, 0, true);
    expect(text()).toBe(HEADER);
  });

  it("ignores a repeated state (down while down, up while up)", () => {
    const { recorder: r, text } = recorderFor(w);
    r.hostUp(5, 1, true);
    r.hostUp(10, 1, false);
    r.hostUp(20, 1, false);
    r.hostUp(30, 1, true);
    expect(parseAvailabilityCsv(text())).toEqual([{ kind: "host", id: "b", start: 10, end: 30 }]);
  });
});

describe("parseAvailabilityCsv (kmsim report reads availability.csv back)", () => {
  it("reads back what is written", () => {
    const rows = [
      { kind: "host" as const, id: "constructor", start: 0, end: 5 },
      { kind: "link" as const, id: "wan-1_a", start: 3, end: 4 },
      { kind: "dns" as const, id: "__proto__", start: 7, end: 100_000 },
    ];
    expect(parseAvailabilityCsv(csvOf(rows))).toEqual(rows);
    expect(parseAvailabilityCsv(HEADER)).toEqual([]);
  });

  it.each(MALFORMED_AVAILABILITY)("rejects a malformed file with the line number: %j", (text, message) => {
    expect(() => parseAvailabilityCsv(text)).toThrow(AvailabilityFormatError);
    expect(() => parseAvailabilityCsv(text)).toThrow(message);
  });
});
