// `kmsim report` reads availability.csv line by line into the chart's bounded summary (issue 9
// item 2): a file of any length gives the lanes the same totals and periods as the whole list of
// its intervals, and a malformed file still names its line (FORMAT.md "Run folder").
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { AvailabilityFormatError, parseAvailabilityCsv } from "../../src/report/availability.js";
import { readAvailabilitySummary } from "../../src/report/availability-reader.js";
import { summarizeIntervals } from "../../src/report/availability-summary.js";
import { buildLanes, formatDuration } from "../../src/report/run-chart/lanes.js";
import { AVAILABILITY_HEADER, MALFORMED_AVAILABILITY } from "./availability-helpers.js";

const dir = mkdtempSync(join(tmpdir(), "kmsim-availability-reader-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const HEADER = AVAILABILITY_HEADER;
let files = 0;

function fileWith(text: string): string {
  const path = join(dir, `availability-${files++}.csv`);
  writeFileSync(path, text);
  return path;
}

/** A host down one minute in four for a year (131 400 rows, several megabytes), a link and a site's DNS once. */
function largeFile(): { text: string; flaps: number } {
  const parts = [HEADER];
  let flaps = 0;
  for (let at = 0; at + 4 <= 525_600; at += 4) {
    parts.push(`host,flappy,${at},${at + 1}\n`);
    flaps++;
  }
  parts.push("link,wan,1000,4000\n", "dns,hq,20000,20060\n");
  return { text: parts.join(""), flaps };
}

describe("readAvailabilitySummary (kmsim report)", () => {
  it("reads a large availability.csv into the bounded summary: the lanes' totals and periods are those of the whole list", async () => {
    const { text, flaps } = largeFile();
    expect(text.length).toBeGreaterThan(3 << 20); // several of the reader's 1 MiB chunks
    const summary = await readAvailabilitySummary(fileWith(text), 525_600, 820);
    expect(summary).toEqual(summarizeIntervals(parseAvailabilityCsv(text), 525_600, 820));
    const entities = { hosts: ["flappy"], links: ["wan"], dnsSites: ["hq"], hasOffice: false };
    const lanes = buildLanes(entities, summary ?? summarizeIntervals([], 525_600, 820), [], [], 525_600, 820);
    expect(lanes.totals).toEqual([`${flaps} outages, ${formatDuration(flaps)} down`, "1 outage, 2.1 d down", "1 outage, 1 h down"]);
    expect(summary?.entities[0].drawn.length).toBeLessThanOrEqual(2 * 821);
  });

  it("is null when the folder has no availability.csv (written by an older kmsim)", async () => {
    expect(await readAvailabilitySummary(join(dir, "absent.csv"), 100, 820)).toBeNull();
  });

  it("reads a last line without its line end, and CRLF line ends", async () => {
    const summary = await readAvailabilitySummary(fileWith("kind,id,start_minute,end_minute\r\nhost,a,1,2\r\nhost,a,5,9"), 100, 820);
    expect(summary?.entities).toMatchObject([{ kind: "host", id: "a", count: 2, downMin: 5 }]);
  });

  it.each(MALFORMED_AVAILABILITY)("rejects a malformed file with the line number: %j", async (text, message) => {
    const path = fileWith(text);
    await expect(readAvailabilitySummary(path, 100, 820)).rejects.toThrow(AvailabilityFormatError);
    await expect(readAvailabilitySummary(path, 100, 820)).rejects.toThrow(message);
  });

  it("names the line of a bad row megabytes into the file", async () => {
    const { text, flaps } = largeFile();
    const bad = text.replace("dns,hq,20000,20060\n", "dns,hq,20060,20000\n"); // the last row: header, flaps, link, DNS
    await expect(readAvailabilitySummary(fileWith(bad), 525_600, 820)).rejects.toThrow(`line ${flaps + 3}: end_minute (20000) must be after start_minute (20060)`);
  });
});
