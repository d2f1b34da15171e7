// The files of a run folder besides the CSVs checked by examples.test.ts (FORMAT.md "Run folder"):
// events.csv (only with --events), availability.csv, the chart (chart.svg and the self-contained chart.html), and
// `kmsim report <folder>`, which redraws the chart from the CSVs (FORMAT.md Commands).
// (One test file, so the chart renderer warms up once.)
import { appendFileSync, copyFileSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  EXAMPLES,
  FORMAT_EXAMPLE,
  RUN_FOLDER_FILES,
  filesIn,
  firstDifference,
  lines,
  read,
  runCli,
  stackLines,
  summaryRecord,
  useTempRoot,
} from "./helpers.js";

const tmp = useTempRoot("run-folder");

/** Runs `kmsim run <file> <flags> --out <tmp>/<name>`; throws unless it exits 0. */
async function runInto(name: string, file: string, flags: string[] = []): Promise<string> {
  const out = join(tmp(), name);
  const r = await runCli(["run", file, ...flags, "--out", out]);
  if (r.code !== 0) throw new Error(`kmsim run ${file} exited ${r.code}:\n${r.stderr}`);
  return out;
}

// ---------------------------------------------------------------------------------------------
// events.csv, on outage-spanning-renewals.yaml (26 clients join on day 3; kms1 down from day 10
// to day 12).

const EVENTS_HEADER = "minute,time,kind,client,cmid,host,pool,result,count,from,to";
const EVENT_KINDS = ["request", "state", "join", "retire", "host_down", "host_up", "link_down", "link_up", "dns_down", "dns_up", "rebuild"];
const START_MS = Date.parse("2027-01-04T00:00:00Z"); // the example's default start (FORMAT.md `start`)

interface EventRow {
  minute: number;
  time: string;
  kind: string;
  client: string;
  host: string;
  to: string;
}

describe("events.csv (FORMAT.md Run folder)", () => {
  let csv: string;
  let rows: EventRow[];
  let summary: Record<string, string>;

  beforeAll(async () => {
    const out = await runInto("events", join(EXAMPLES, "outage-spanning-renewals.yaml"), ["--events"]);
    csv = read(out, "events.csv");
    summary = summaryRecord(read(out, "summary.csv"));
    rows = lines(csv)
      .slice(1)
      .map((line) => {
        const f = line.split(",");
        return { minute: Number(f[0]), time: f[1], kind: f[2], client: f[3], host: f[5], to: f[10] };
      });
  });

  it(`has the header ${EVENTS_HEADER}, 11 fields in every row, and lines ending with \\n (CSV conventions)`, () => {
    expect(lines(csv)[0]).toBe(EVENTS_HEADER);
    expect(csv.endsWith("\n")).toBe(true);
    for (const line of lines(csv).slice(1)) expect(line.split(",")).toHaveLength(11);
  });

  it("holds request, state and join rows, and only the kinds FORMAT.md lists", () => {
    const kinds = new Set(rows.map((r) => r.kind));
    for (const k of ["request", "state", "join"]) expect(kinds).toContain(k);
    for (const k of kinds) expect(EVENT_KINDS).toContain(k);
  });

  it("rows are in time order, and `time` is start + minute as YYYY-MM-DDTHH:MM:SSZ", () => {
    expect(rows.length).toBeGreaterThan(0);
    for (let i = 1; i < rows.length; i++) expect(rows[i].minute).toBeGreaterThanOrEqual(rows[i - 1].minute);
    for (const r of rows) expect(r.time).toBe(new Date(START_MS + r.minute * 60_000).toISOString().replace(".000Z", "Z"));
  });

  it("one join row per client (member ids group/index), at day 3 (join.at 3d), each with a state row into oob_grace", () => {
    const joins = rows.filter((r) => r.kind === "join");
    expect(joins).toHaveLength(Number(summary.clients));
    expect(new Set(joins.map((r) => r.client)).size).toBe(joins.length);
    for (const j of joins) {
      expect(j.minute).toBe(3 * 1440);
      expect(j.client).toMatch(/^desk\/\d+$/);
      expect(rows.some((r) => r.kind === "state" && r.client === j.client && r.to === "oob_grace")).toBe(true);
    }
  });

  it("as many request rows as summary.csv's requests; kms1's outage (day 10 to day 12) as host_down/host_up with the host id in the host column", () => {
    expect(rows.filter((r) => r.kind === "request")).toHaveLength(Number(summary.requests));
    expect(rows.filter((r) => r.kind === "host_down").map((r) => [r.minute, r.host])).toEqual([[10 * 1440, "kms1"]]);
    expect(rows.filter((r) => r.kind === "host_up").map((r) => [r.minute, r.host])).toEqual([[12 * 1440, "kms1"]]);
  });
});

// ---------------------------------------------------------------------------------------------
// availability.csv, on format-example.yaml (a host, a link and a site's DNS with scheduled windows
// and random outages; `sample: 1d`), checked against events.csv: each down/up pair of events is one
// row, and every host's rows add up to its <host>_downtime_h.

describe("availability.csv (FORMAT.md Run folder)", () => {
  const KIND_OF: Record<string, string> = { host_down: "host", host_up: "host", link_down: "link", link_up: "link", dns_down: "dns", dns_up: "dns" };
  const KINDS = ["host", "link", "dns"];
  let rows: { kind: string; id: string; start: number; end: number }[];
  let fromEvents: { kind: string; id: string; start: number; end: number }[];
  let summary: Record<string, string>;
  let duration: number;

  beforeAll(async () => {
    const out = await runInto("availability", FORMAT_EXAMPLE, ["--events"]);
    const csv = read(out, "availability.csv");
    expect(lines(csv)[0]).toBe("kind,id,start_minute,end_minute");
    rows = lines(csv)
      .slice(1)
      .map((l) => {
        const [kind, id, start, end] = l.split(",");
        return { kind, id, start: Number(start), end: Number(end) };
      });
    summary = summaryRecord(read(out, "summary.csv"));
    duration = (JSON.parse(read(out, "manifest.json")) as { durationMin: number }).durationMin;
    const open = new Map<string, number>();
    fromEvents = [];
    for (const line of lines(read(out, "events.csv")).slice(1)) {
      const f = line.split(",");
      const kind = KIND_OF[f[2]];
      if (kind === undefined) continue;
      const key = `${kind},${f[5]}`;
      if (f[2].endsWith("_down")) open.set(key, Number(f[0]));
      else {
        fromEvents.push({ kind, id: f[5], start: open.get(key) ?? -1, end: Number(f[0]) });
        open.delete(key);
      }
    }
    for (const [key, start] of open) {
      const [kind, id] = key.split(",");
      fromEvents.push({ kind, id, start, end: duration });
    }
  });

  it("holds one row per down period of events.csv, hosts then links then site DNS, in file order, by start; an open one ends at the duration", () => {
    const order = (r: { kind: string; id: string; start: number }): [number, number, number] => [
      KINDS.indexOf(r.kind),
      ["kms1", "kms-branch", "wan-branch", "hq", "branch"].indexOf(r.id),
      r.start,
    ];
    const sorted = [...fromEvents].sort((a, b) => {
      const x = order(a);
      const y = order(b);
      return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
    });
    expect(rows.length).toBeGreaterThan(3);
    expect(rows).toEqual(sorted);
  });

  it("covers the scheduled windows: kms1 days 100–114, the WAN link days 40–43, branch DNS days 30–32 exactly", () => {
    const covers = (kind: string, id: string, start: number, end: number): boolean =>
      rows.some((r) => r.kind === kind && r.id === id && r.start <= start && r.end >= end);
    expect(covers("host", "kms1", 100 * 1440, 114 * 1440)).toBe(true);
    expect(covers("link", "wan-branch", 40 * 1440, 43 * 1440)).toBe(true);
    expect(rows.filter((r) => r.kind === "dns")).toEqual([{ kind: "dns", id: "branch", start: 30 * 1440, end: 32 * 1440 }]);
  });

  it("adds up to each host's <host>_downtime_h", () => {
    for (const h of ["kms1", "kms-branch"]) {
      const minutes = rows.filter((r) => r.kind === "host" && r.id === h).reduce((t, r) => t + r.end - r.start, 0);
      expect(Number(summary[`${h}_downtime_h`])).toBeCloseTo(minutes / 60, 6);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The chart (FORMAT.md: states over time, host counts with the threshold at 25, outages; SVG and
// a self-contained HTML page), on format-example.yaml (two hosts, a WAN link, Office installs).

const STATES = ["oob_grace", "licensed", "oot_grace", "notification"];

/**
 * The well-formedness problems of an XML document, by a small tokenizer: every `<` opens a
 * comment, CDATA, processing instruction or a tag with quoted attributes; every `&` starts an
 * entity; tags nest and close; one root element.
 */
function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  let roots = 0;
  const token =
    /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_:][\w:.-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<|&(?![A-Za-z]+;|#\d+;|#x[0-9A-Fa-f]+;)/g;
  let m: RegExpExecArray | null;
  while ((m = token.exec(xml)) !== null) {
    const whole = m[0];
    const closing: string | undefined = m[1];
    const name: string | undefined = m[2];
    const selfClosing: string | undefined = m[4];
    if (whole === "<" || whole === "&") {
      problems.push(`stray ${JSON.stringify(whole)} at ${m.index}`);
      continue;
    }
    if (name === undefined) continue; // comment, CDATA, processing instruction
    if (closing === "/") {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> at ${m.index} closes <${open ?? "nothing"}>`);
    } else {
      if (stack.length === 0 && roots++ > 0) problems.push(`second root <${name}> at ${m.index}`);
      if (selfClosing !== "/") stack.push(name);
    }
  }
  if (roots === 0) problems.push("no root element");
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(" > ")}`);
  return problems;
}

/** How many text labels (legend entries, titles) read exactly `label`. */
function textLabels(doc: string, label: string): number {
  return doc.split(`>${label}</text>`).length - 1;
}

describe("the chart: chart.svg and chart.html (FORMAT.md Run folder)", () => {
  let svg: string;
  let html: string;
  let hosts: string[];

  beforeAll(async () => {
    const out = await runInto("chart", FORMAT_EXAMPLE);
    svg = read(out, "chart.svg");
    html = read(out, "chart.html");
    // Host ids in file order, from summary.csv's `<host>_downtime_h` columns.
    hosts = Object.keys(summaryRecord(read(out, "summary.csv")))
      .filter((c) => c.endsWith("_downtime_h"))
      .map((c) => c.slice(0, -"_downtime_h".length));
  });

  it("the well-formedness check itself rejects broken XML", () => {
    expect(xmlProblems("<svg><g></svg>")).not.toEqual([]);
    expect(xmlProblems("<svg><g/></svg><svg/>")).not.toEqual([]);
    expect(xmlProblems("<svg>a < b</svg>")).not.toEqual([]);
    expect(xmlProblems("<svg>a & b</svg>")).not.toEqual([]);
    expect(xmlProblems('<svg x="1" y=2/>')).not.toEqual([]);
    expect(xmlProblems('<svg x="1"><g/><text>a &amp; b</text></svg>')).toEqual([]);
  });

  it("chart.svg is a well-formed SVG document: starts with <svg, ends with </svg>, tags nest and close", () => {
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
    expect(svg).toMatch(/^<svg[^>]*\sxmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(xmlProblems(svg)).toEqual([]);
  });

  it.each(STATES)("chart.svg has one series for the state %s (one legend entry)", (state) => {
    expect(textLabels(svg, state)).toBe(1);
  });

  it("chart.svg has an availability lane and a count panel for every host", () => {
    expect(hosts).toEqual(["kms1", "kms-branch"]);
    for (const h of hosts) {
      expect(textLabels(svg, `host ${h}`), h).toBe(1);
      expect(svg).toContain(`>${h} — windows count,`);
    }
  });

  it("chart.svg has a lane for the link, the site DNS with outages and the client group with offline windows", () => {
    for (const lane of ["link wan-branch", "DNS branch", "offline: hq-desktops"]) expect(textLabels(svg, lane), lane).toBe(1);
  });

  it("chart.svg shows the threshold at 25", () => {
    expect(svg).toMatch(/threshold[^<"]*25/);
  });

  it("chart.html is an HTML page that contains chart.svg whole", () => {
    expect(html.trimStart().toLowerCase().startsWith("<!doctype html>")).toBe(true);
    expect(html).toMatch(/<\/html>\s*$/);
    expect(html).toContain(svg.trim());
  });

  it("chart.html is self-contained: no <script src=, no <link>, no http(s) or protocol-relative href/src/url()/@import", () => {
    expect(html).not.toMatch(/<script[^>]*\ssrc\s*=/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/\s(?:href|src|xlink:href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    expect(html).not.toMatch(/url\(\s*["']?\s*(?:https?:)?\/\//i);
    expect(html).not.toMatch(/@import/i);
  });

  it("chart.html mentions every state and every host's lane", () => {
    for (const s of STATES) expect(textLabels(html, s), s).toBe(1);
    for (const h of hosts) expect(textLabels(html, `host ${h}`), h).toBe(1);
  });
});

// ---------------------------------------------------------------------------------------------
// kmsim report <folder>: (re)draws the charts of a run folder from its CSVs; same input ⇒ same
// chart bytes (CSV conventions); a folder that is not a run folder is bad input.

describe("kmsim report <folder> (FORMAT.md Commands)", () => {
  let run: string;
  let svg: string;
  let html: string;

  beforeAll(async () => {
    run = await runInto("report", join(EXAMPLES, "primary-down-cached-failover.yaml"));
    svg = read(run, "chart.svg");
    html = read(run, "chart.html");
  });

  it("after chart.svg is deleted, recreates it byte-identical from the run folder's CSVs; exit 0, nothing on stderr", async () => {
    rmSync(join(run, "chart.svg"));
    const r = await runCli(["report", run]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(firstDifference(read(run, "chart.svg"), svg)).toBeNull();
    expect(firstDifference(read(run, "chart.html"), html)).toBeNull();
    expect(filesIn(run)).toEqual(RUN_FOLDER_FILES);
  });

  it("after both charts are deleted, recreates both byte-identical", async () => {
    rmSync(join(run, "chart.svg"));
    rmSync(join(run, "chart.html"));
    const r = await runCli(["report", run]);
    expect(r.code).toBe(0);
    expect(firstDifference(read(run, "chart.svg"), svg)).toBeNull();
    expect(firstDifference(read(run, "chart.html"), html)).toBeNull();
  });

  it("a folder without timeline.csv: exit 2, one error line naming the folder, no stack trace, no chart written", async () => {
    const notRun = join(tmp(), "not-a-run");
    mkdirSync(notRun);
    copyFileSync(join(run, "summary.csv"), join(notRun, "summary.csv"));
    const r = await runCli(["report", notRun]);
    expect(r.code).toBe(2);
    expect(stackLines(r.stderr)).toEqual([]);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr.startsWith(`${notRun}: `)).toBe(true);
    expect(filesIn(notRun)).toEqual(["summary.csv"]);
  });

  it("a folder without availability.csv (made by an older kmsim) redraws, without host lanes: exit 0", async () => {
    const old = join(tmp(), "old-run");
    mkdirSync(old);
    for (const f of ["timeline.csv", "summary.csv", "manifest.json"]) copyFileSync(join(run, f), join(old, f));
    const r = await runCli(["report", old]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(read(old, "chart.svg")).toContain(">primary — windows count,");
    expect(read(old, "chart.svg")).not.toContain(">host primary</text>");
  });

  it("a malformed availability.csv: exit 2, one line `FOLDER/availability.csv: line N: message`, the chart left as it was", async () => {
    const bad = join(tmp(), "bad-availability");
    mkdirSync(bad);
    for (const f of ["timeline.csv", "summary.csv", "manifest.json", "chart.svg"]) copyFileSync(join(run, f), join(bad, f));
    copyFileSync(join(run, "availability.csv"), join(bad, "availability.csv"));
    appendFileSync(join(bad, "availability.csv"), "host,primary,100,abc\n");
    const n = lines(read(bad, "availability.csv")).length;
    const r = await runCli(["report", bad]);
    expect(r.code).toBe(2);
    expect(stackLines(r.stderr)).toEqual([]);
    expect(lines(r.stderr)).toEqual([`${join(bad, "availability.csv")}: line ${n}: end_minute must be a whole number ≥ 0, found "abc"`]);
    expect(read(bad, "chart.svg")).toBe(svg);
    expect(existsSync(join(bad, "chart.html"))).toBe(false);
  });

  it("a folder that does not exist: exit 2, one error line, and it is not created", async () => {
    const missing = join(tmp(), "missing");
    const r = await runCli(["report", missing]);
    expect(r.code).toBe(2);
    expect(stackLines(r.stderr)).toEqual([]);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(existsSync(missing)).toBe(false);
  });
});
