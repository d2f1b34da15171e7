// `kmsim report` checks every CSV of a result folder against the columns its manifest.json implies
// before drawing (FORMAT.md Commands: report; issue 9 item 9): a damaged or edited file exits 2 with
// `FOLDER/FILE: line N: message` and leaves the charts as they were, never exit 0 with a wrong
// chart nor "internal error". Run and comparison folders of format-example.yaml (Office, a link,
// site DNS, a strategy without one of the hosts).
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { FORMAT_EXAMPLE, lines, read, runCli, stackLines, useTempRoot } from "./helpers.js";

const tmp = useTempRoot("report-contract");

let pristineRun: string;
let pristineCompare: string;

beforeAll(async () => {
  pristineRun = join(tmp(), "run");
  const r = await runCli(["run", FORMAT_EXAMPLE, "--out", pristineRun]);
  if (r.code !== 0) throw new Error(r.stderr);
  pristineCompare = join(tmp(), "compare");
  const c = await runCli(["compare", FORMAT_EXAMPLE, "--replications", "2", "--workers", "1", "--timelines", "--out", pristineCompare]);
  if (c.code !== 0) throw new Error(c.stderr);
}, 120_000);

let copies = 0;
/** A copy of a pristine folder with one file changed by `edit`. */
function damaged(pristine: string, file: string, edit: (text: string) => string): string {
  const folder = join(tmp(), `damaged-${++copies}`);
  cpSync(pristine, folder, { recursive: true });
  writeFileSync(join(folder, file), edit(read(folder, file)));
  return folder;
}

/** Runs `kmsim report` on a damaged folder and checks the common contract: exit 2, every line `FOLDER/FILE: line N: …`, no stack, charts untouched. */
async function refused(folder: string, file: string, chart = "chart.svg"): Promise<string[]> {
  const before = readFileSync(join(folder, chart));
  const r = await runCli(["report", folder]);
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe("");
  expect(stackLines(r.stderr)).toEqual([]);
  expect(r.stderr).not.toContain("internal error");
  const out = lines(r.stderr);
  expect(out.length).toBeGreaterThan(0);
  for (const l of out) expect(l.startsWith(`${join(folder, file)}: `), l).toBe(true);
  expect(readFileSync(join(folder, chart)).equals(before)).toBe(true);
  return out;
}

const csvLines = (text: string): string[] => text.slice(0, -1).split("\n");
const csvText = (rows: readonly string[]): string => `${rows.join("\n")}\n`;

describe("kmsim report refuses a run folder whose CSVs do not match manifest.json (exit 2, FILE: line N: message)", () => {
  it("accepts the folder kmsim run wrote: exit 0", async () => {
    const folder = join(tmp(), "sound");
    cpSync(pristineRun, folder, { recursive: true });
    const r = await runCli(["report", folder]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });

  it("a truncated header (timeline.csv missing its last columns) names the missing columns", async () => {
    const folder = damaged(pristineRun, "timeline.csv", (t) => {
      const [header, ...rows] = csvLines(t);
      return csvText([header.split(",").slice(0, -2).join(","), ...rows]);
    });
    expect(await refused(folder, "timeline.csv")).toEqual([
      `${join(folder, "timeline.csv")}: line 1: the header ends after 16 columns; manifest.json's scenario implies 18: missing wan-branch_up, branch_dns_up`,
    ]);
  });

  it("a file cut mid-row: the short last line and the missing line end", async () => {
    const folder = damaged(pristineRun, "timeline.csv", (t) => {
      const rows = csvLines(t).slice(0, 100);
      return `${rows.slice(0, 99).join("\n")}\n${rows[99].split(",").slice(0, 5).join(",")},2`;
    });
    expect(await refused(folder, "timeline.csv")).toEqual([
      `${join(folder, "timeline.csv")}: line 100: 6 fields, expected 18 (one per column of the header) (the file ends mid-row: cut short?)`,
      `${join(folder, "timeline.csv")}: line 100: the last line has no line end: the file was cut short (kmsim ends every line with \\n)`,
    ]);
  });

  it("a row missing cells in the middle of the file names its line", async () => {
    const folder = damaged(pristineRun, "timeline.csv", (t) => {
      const rows = csvLines(t);
      rows[4] = rows[4].split(",").slice(0, 10).join(",");
      return csvText(rows);
    });
    expect(await refused(folder, "timeline.csv")).toEqual([`${join(folder, "timeline.csv")}: line 5: 10 fields, expected 18 (one per column of the header)`]);
  });

  it("a renamed column (summary.csv clients_lapsed → lapsed)", async () => {
    const folder = damaged(pristineRun, "summary.csv", (t) => t.replace("clients_lapsed", "lapsed"));
    expect(await refused(folder, "summary.csv")).toEqual([
      `${join(folder, "summary.csv")}: line 1: column 12 is "lapsed", expected "clients_lapsed" as manifest.json's scenario implies`,
    ]);
  });

  it("reordered columns (two timeline columns swapped, header and cells alike)", async () => {
    const swap = (line: string): string => {
      const f = line.split(",");
      [f[2], f[3]] = [f[3], f[2]];
      return f.join(",");
    };
    const folder = damaged(pristineRun, "timeline.csv", (t) => csvText(csvLines(t).map(swap)));
    expect(await refused(folder, "timeline.csv")).toEqual([
      `${join(folder, "timeline.csv")}: line 1: column 3 is "licensed", expected "oob_grace" as manifest.json's scenario implies (it belongs at column 4: columns reordered?)`,
    ]);
  });

  it("text in a numeric column (summary.csv requests = many; a timeline count = n/a)", async () => {
    const summary = damaged(pristineRun, "summary.csv", (t) => {
      const [header, row] = csvLines(t);
      const i = header.split(",").indexOf("requests");
      const cells = row.split(",");
      cells[i] = "many";
      return csvText([header, cells.join(",")]);
    });
    expect(await refused(summary, "summary.csv")).toEqual([`${join(summary, "summary.csv")}: line 2: requests must be a number, found "many"`]);
    const timeline = damaged(pristineRun, "timeline.csv", (t) => {
      const rows = csvLines(t);
      const cells = rows[2].split(",");
      cells[11] = "n/a";
      rows[2] = cells.join(",");
      return csvText(rows);
    });
    expect(await refused(timeline, "timeline.csv")).toEqual([`${join(timeline, "timeline.csv")}: line 3: kms1_count must be a whole number ≥ 0, found "n/a"`]);
  });

  it("a header-only timeline.csv or summary.csv, and an empty file", async () => {
    const timeline = damaged(pristineRun, "timeline.csv", (t) => `${csvLines(t)[0]}\n`);
    expect(await refused(timeline, "timeline.csv")).toEqual([`${join(timeline, "timeline.csv")}: line 1: no rows after the header`]);
    const summary = damaged(pristineRun, "summary.csv", (t) => `${csvLines(t)[0]}\n`);
    expect(await refused(summary, "summary.csv")).toEqual([`${join(summary, "summary.csv")}: line 1: no rows after the header`]);
    const empty = damaged(pristineRun, "summary.csv", () => "");
    const out = await refused(empty, "summary.csv");
    expect(out).toHaveLength(1);
    expect(out[0]).toContain(": line 1: the file is empty");
  });

  it("minutes out of order and a time that is not start + minute", async () => {
    const folder = damaged(pristineRun, "timeline.csv", (t) => {
      const rows = csvLines(t);
      [rows[3], rows[4]] = [rows[4], rows[3]];
      rows[10] = rows[10].replace(/T00:00:00Z/, "T01:00:00Z");
      return csvText(rows);
    });
    const out = await refused(folder, "timeline.csv");
    expect(out[0]).toMatch(/: line 5: minute \d+ does not come after the previous row's \d+$/);
    expect(out[1]).toMatch(/: line 11: time "[^"]+T01:00:00Z" is not start \+ minute \([^)]+T00:00:00Z\)$/);
  });

  it("availability.csv naming a host the manifest does not have", async () => {
    const folder = damaged(pristineRun, "availability.csv", (t) => `${t}host,ghost,10,20\n`);
    const n = csvLines(read(folder, "availability.csv")).length;
    expect(await refused(folder, "availability.csv")).toEqual([`${join(folder, "availability.csv")}: line ${n}: host "ghost" is not in manifest.json's scenario`]);
  });

  it("a summary.csv from another folder (scenario name differs from manifest.json's)", async () => {
    const folder = damaged(pristineRun, "summary.csv", (t) => t.replace("\ntwo-sites,", "\nother,"));
    expect(await refused(folder, "summary.csv")).toEqual([`${join(folder, "summary.csv")}: line 2: scenario "other" is not manifest.json's "two-sites"`]);
  });

  it("without manifest.json the CSVs cannot be checked: exit 2 naming manifest.json", async () => {
    const folder = join(tmp(), "no-manifest");
    cpSync(pristineRun, folder, { recursive: true });
    rmSync(join(folder, "manifest.json"));
    expect(await refused(folder, "manifest.json")).toEqual([`${join(folder, "manifest.json")}: missing: kmsim report checks the CSVs against the columns it implies`]);
  });

  it("lists at most 10 problems of a file, then how many more", async () => {
    const folder = damaged(pristineRun, "timeline.csv", (t) => {
      const rows = csvLines(t);
      for (let i = 1; i <= 25; i++) rows[i] = rows[i].replace(/,1,/, ",yes,");
      return csvText(rows);
    });
    const out = await refused(folder, "timeline.csv");
    expect(out).toHaveLength(11);
    expect(out[10]).toBe(`${join(folder, "timeline.csv")}: 15 more problems not shown`);
  });
});

describe("kmsim report refuses a comparison folder whose CSVs do not match manifest.json", () => {
  const CHART = "comparison-chart.svg";

  it("accepts the folder kmsim compare wrote (runs.csv with the host a strategy lacks left empty): exit 0", async () => {
    const folder = join(tmp(), "sound-compare");
    cpSync(pristineCompare, folder, { recursive: true });
    const r = await runCli(["report", folder]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });

  it("runs.csv cut to fewer rows than strategies × replications", async () => {
    const folder = damaged(pristineCompare, "runs.csv", (t) => csvText(csvLines(t).slice(0, 3)));
    expect(await refused(folder, "runs.csv", CHART)).toEqual([`${join(folder, "runs.csv")}: line 3: 2 rows; manifest.json implies 4 (2 strategies × 2 replications)`]);
  });

  it("runs.csv with text in a numeric column, and a value for a host the strategy does not have", async () => {
    const folder = damaged(pristineCompare, "runs.csv", (t) => {
      const rows = csvLines(t);
      const header = rows[0].split(",");
      const a = rows[1].split(",");
      a[header.indexOf("clients_lapsed")] = "none";
      rows[1] = a.join(",");
      const b = rows[4].split(",");
      b[header.indexOf("kms-branch_requests")] = "7";
      rows[4] = b.join(",");
      return csvText(rows);
    });
    expect(await refused(folder, "runs.csv", CHART)).toEqual([
      `${join(folder, "runs.csv")}: line 2: clients_lapsed must be a number, found "none"`,
      `${join(folder, "runs.csv")}: line 5: kms-branch_requests: strategy no-branch-host has no such column, so it must be empty`,
    ]);
  });

  it("comparison.csv with a renamed column, and a run's timeline with a missing column", async () => {
    const folder = damaged(pristineCompare, "comparison.csv", (t) => t.replace("ci95_low", "low"));
    writeFileSync(join(folder, "timeline-as-is-r1.csv"), read(folder, "timeline-as-is-r1.csv").replace(/,branch_dns_up\n/, "\n"));
    const before = read(folder, CHART);
    const r = await runCli(["report", folder]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toHaveLength(2);
    expect(lines(r.stderr)[0]).toBe(`${join(folder, "comparison.csv")}: line 1: column 5 is "low", expected "ci95_low" as FORMAT.md implies`);
    expect(lines(r.stderr)[1].startsWith(`${join(folder, "timeline-as-is-r1.csv")}: line 1: the header ends after 17 columns`)).toBe(true);
    expect(read(folder, CHART)).toBe(before);
  });
});
