// The run chart's spec (FORMAT.md "Run folder": the chart), asserted on the Vega-Lite spec, not
// on pixels: a lane per entity from availability.csv, at least 1 px per down period, at most 30
// entity lanes plus "others", the clients at risk on their own scale, one count panel per host
// (threshold 25, room above the cap 50), an Office panel iff Office (threshold 5), offline windows
// shaded and named, one date format per axis, every valid id, a thousand hosts, determinism.
import { describe, expect, it } from "vitest";
import type { DownInterval } from "../../../src/report/availability.js";
import { renderSvg } from "../../../src/report/chart.js";
import { MAX_LANES } from "../../../src/report/run-chart/lanes.js";
import { MAX_COUNT_PANELS, PLOT_WIDTH, timelineChartSpec } from "../../../src/report/run-chart/spec.js";
import type { RunChartOptions } from "../../../src/report/run-chart/spec.js";
import { formatTime } from "../../../src/report/format.js";
import { START_MS } from "../helpers.js";
import { marks, markType, panel, panels, plain, rowsOf, titleOf } from "./spec-walk.js";
import type { Node } from "./spec-walk.js";

const DAY = 1440;
const MS = 60_000;

/** A timeline.csv with the given extra columns; `rows` gives [minute, ...values] (states first). */
function timeline(columns: string[], rows: number[][]): string {
  const head = ["minute", "time", ...columns].join(",");
  return [head, ...rows.map(([m, ...v]) => [m, formatTime(START_MS, m), ...v].join(","))].join("\n") + "\n";
}

const STATES = ["oob_grace", "licensed", "oot_grace", "notification"];
const OFFICE_STATES = STATES.map((s) => `office_${s}`);

/** Two hosts, a link, a site with DNS outages, no Office; every host up at 50. */
const SMALL = timeline(
  [...STATES, "kms1_up", "kms1_count", "kms2_up", "kms2_count", "wan_up", "branch_dns_up"],
  [
    [0, 10, 0, 0, 0, 1, 0, 1, 0, 1, 1],
    [120, 0, 10, 0, 0, 1, 50, 1, 50, 1, 1],
  ],
);

function spec(csv: string, options: Partial<RunChartOptions> = {}): Node {
  return plain(timelineChartSpec(csv, { title: "t", endMinute: 30 * DAY, ...options }));
}

function laneLabels(root: Node): string[] {
  const lanes = panel(root, "Availability");
  const y = marks(lanes)[0].encoding?.y;
  return (y?.scale?.domain as string[] | undefined) ?? [];
}

describe("availability lanes (from availability.csv)", () => {
  const intervals: DownInterval[] = [
    { kind: "host", id: "kms2", start: 2 * DAY, end: 3 * DAY },
    { kind: "link", id: "wan", start: 5 * DAY, end: 5 * DAY + 1 },
    { kind: "dns", id: "branch", start: 7 * DAY, end: 8 * DAY },
  ];
  const root = spec(SMALL, { availability: intervals });

  it("has a lane for every host, link and site DNS, in availability.csv order, each with its down periods", () => {
    expect(laneLabels(root)).toEqual(["host kms1", "host kms2", "link wan", "DNS branch"]);
    const rects = rowsOf(panel(root, "Availability"), "rect");
    expect(rects.map((r) => [r.lane, r.kind])).toEqual([
      ["host kms2", "host down"],
      ["link wan", "link down"],
      ["DNS branch", "site DNS down"],
    ]);
    expect(rects[0]).toMatchObject({ start: START_MS + 2 * DAY * MS, end: START_MS + 3 * DAY * MS });
  });

  it("says what each lane adds up to (never down / outages and time down)", () => {
    const totals = rowsOf(panel(root, "Availability"), "text").map((r) => [r.lane, r.total]);
    expect(totals).toEqual([
      ["host kms1", "never down"],
      ["host kms2", "1 outage, 24 h down"],
      ["link wan", "1 outage, 1 min down"],
      ["DNS branch", "1 outage, 24 h down"],
    ]);
  });

  it("draws every down period at least 1 px wide, however short (a one-minute link outage in 30 days)", () => {
    const onePx = (30 * DAY * MS) / PLOT_WIDTH;
    for (const r of rowsOf(panel(root, "Availability"), "rect")) {
      expect(Number(r.end) - Number(r.start)).toBeGreaterThanOrEqual(onePx - 1e-6);
    }
  });

  it("keeps an outage shorter than the timeline's sample step (sample: 1d): the lanes do not come from the timeline", () => {
    const daily = timeline(
      [...STATES, "kms1_up", "kms1_count"],
      Array.from({ length: 30 }, (_, d) => [d * DAY, 0, 10, 0, 0, 1, 10]),
    );
    const root1d = spec(daily, { availability: [{ kind: "host", id: "kms1", start: 3 * DAY + 600, end: 3 * DAY + 630 }] });
    expect(rowsOf(panel(root1d, "Availability"), "rect")).toHaveLength(1);
    // The host's count panel shades it too.
    expect(rowsOf(panel(root1d, "kms1 —"), "rect")).toHaveLength(1);
  });

  it(`above ${MAX_LANES} entity lanes: the ${MAX_LANES} with most downtime, in file order, plus one lane for the others`, () => {
    const ids = Array.from({ length: 40 }, (_, i) => `h${i}`);
    const csv = timeline(
      [...STATES, ...ids.flatMap((h) => [`${h}_up`, `${h}_count`])],
      [[0, 0, 0, 0, 0, ...ids.flatMap(() => [1, 0])]],
    );
    // h_i is down i + 1 minutes (h0 the least): h10 … h39 have the most downtime.
    const many = spec(csv, { availability: ids.map((id, i) => ({ kind: "host" as const, id, start: 100, end: 101 + i })) });
    const labels = laneLabels(many);
    expect(labels).toHaveLength(MAX_LANES + 1);
    expect(labels.slice(0, MAX_LANES)).toEqual(ids.slice(10).map((h) => `host ${h}`));
    expect(labels[MAX_LANES]).toBe("10 others");
    const others = rowsOf(panel(many, "Availability"), "text").find((r) => r.lane === "10 others");
    // h0 … h9: 1 + 2 + … + 10 = 55 minutes down in all.
    expect(others?.total).toBe("10 hosts, 55 min down in all");
  });

  it("marks host rebuilds (§H5: tables emptied) on the host's lane and its count panel", () => {
    const rebuilt = spec(SMALL, { availability: [], rebuilds: [{ host: "kms2", at: 4 * DAY }, { host: "kms2", at: 40 * DAY }] });
    const lanes = panel(rebuilt, "Availability");
    expect(rowsOf(lanes, "tick")).toEqual([{ lane: "host kms2", t: START_MS + 4 * DAY * MS }]); // day 40 is after the end
    expect(rowsOf(lanes, "text").find((r) => r.lane === "host kms2")?.total).toBe("never down; rebuilt once");
    const rules = marks(panel(rebuilt, "kms2 —")).filter((m) => markType(m) === "rule" && m.encoding?.x !== undefined);
    expect(rules.flatMap((m) => m.data?.values ?? [])).toEqual([{ t: START_MS + 4 * DAY * MS }]);
    expect(marks(panel(rebuilt, "kms1 —")).filter((m) => markType(m) === "rule" && m.encoding?.x !== undefined)).toEqual([]);
  });

  it("without availability.csv (a run folder from an older kmsim): no host, link or DNS lanes", () => {
    expect(panels(spec(SMALL), "Availability")).toEqual([]);
  });
});

describe("client groups' offline windows", () => {
  const offline = [
    { group: "classroom", count: 360, start: 10 * DAY, end: 20 * DAY },
    { group: "constructor", count: 1, start: 25 * DAY, end: 26 * DAY },
  ];
  const root = spec(SMALL, { offline, availability: [] });

  it("are shaded on the state panels and named there where a label has room", () => {
    for (const title of ["Licensing clients by state", "Clients at risk"]) {
      const p = panel(root, title);
      expect(rowsOf(p, "rect")).toEqual([
        { start: START_MS + 10 * DAY * MS, end: START_MS + 20 * DAY * MS },
        { start: START_MS + 25 * DAY * MS, end: START_MS + 26 * DAY * MS },
      ]);
      expect(rowsOf(p, "text").map((r) => r.name)).toEqual(["classroom offline", "constructor offline"]);
    }
  });

  it("each group has a lane naming it, with its machines and time offline", () => {
    expect(laneLabels(root)).toEqual(["host kms1", "host kms2", "link wan", "DNS branch", "offline: classroom", "offline: constructor"]);
    const totals = rowsOf(panel(root, "Availability"), "text").map((r) => r.total);
    expect(totals.slice(4)).toEqual(["360 machines, 10 d offline", "1 machine, 24 h offline"]);
  });
});

describe("licensing clients and the clients at risk", () => {
  // 5 000 licensed, then 3 in notification for one minute on day 10, and 2 in oot_grace.
  const csv = timeline(STATES, [
    [0, 0, 5000, 0, 0],
    [10 * DAY, 0, 4995, 2, 3],
    [10 * DAY + 1, 0, 4998, 2, 0],
  ]);
  const root = spec(csv);

  it("draws oot_grace and notification in their own panel on their own scale: 3 clients next to 5 000 licensed", () => {
    const risk = panel(root, "Clients at risk");
    const points = rowsOf(risk, "line");
    expect(new Set(points.map((p) => p.state))).toEqual(new Set(["oot_grace", "notification"]));
    expect(Math.max(...points.map((p) => Number(p.value)))).toBe(3);
    const y = marks(risk).find((m) => markType(m) === "line")?.encoding?.y;
    expect(y?.scale?.domain).toEqual([0, 4]);
  });

  it("says when nobody was at risk", () => {
    expect(titleOf(panel(spec(SMALL), "Clients at risk"))).toMatch(/none during this run$/);
    expect(titleOf(panel(root, "Clients at risk"))).not.toMatch(/none/);
  });

  it("keeps a one-minute spike when a long timeline is thinned to the plot width", () => {
    const rows: number[][] = [];
    for (let m = 0; m < 200_000; m += 7) rows.push([m, 0, 100, 0, m === 100_002 ? 3 : 0]);
    const long = spec(timeline(STATES, rows), { endMinute: 200_000 });
    const notification = rowsOf(panel(long, "Clients at risk"), "line").filter((p) => p.state === "notification");
    expect(notification.map((p) => p.value)).toContain(3);
    const licensed = rowsOf(panel(long, "Licensing clients"), "line").filter((p) => p.state === "licensed");
    expect(licensed.length).toBeLessThanOrEqual(4 * PLOT_WIDTH + 1);
  });

  it("draws Office installs dashed beside Windows, only when the timeline has Office columns", () => {
    const office = timeline([...STATES, ...OFFICE_STATES], [[0, 0, 10, 0, 0, 0, 5, 0, 0]]);
    const products = new Set(rowsOf(panel(spec(office), "Licensing clients"), "line").map((p) => p.product));
    expect(products).toEqual(new Set(["Windows", "Office"]));
    expect(new Set(rowsOf(panel(root, "Licensing clients"), "line").map((p) => p.product))).toEqual(new Set(["Windows"]));
  });
});

describe("host counts", () => {
  const officeCsv = timeline(
    [...STATES, ...OFFICE_STATES, "kms1_up", "kms1_count", "kms1_office_count", "kms2_up", "kms2_count", "kms2_office_count"],
    [
      [0, 0, 10, 0, 0, 0, 5, 0, 0, 1, 50, 10, 1, 50, 0],
      [DAY, 0, 10, 0, 0, 0, 5, 0, 0, 1, 50, 10, 1, 3, 0],
    ],
  );

  /** The threshold rule and y scale of each small count panel of a section. */
  function countPanels(root: Node, section: string): { title: string; threshold: unknown; domain: unknown; lines: number }[] {
    return (panel(root, section).vconcat ?? []).map((p) => {
      const ms = marks(p);
      const line = ms.find((m) => markType(m) === "line");
      return {
        title: titleOf(p),
        threshold: ms.find((m) => markType(m) === "rule")?.data?.values?.[0]?.threshold,
        domain: line?.encoding?.y?.scale?.domain,
        lines: ms.filter((m) => markType(m) === "line").length,
      };
    });
  }

  it("gives each host its own windows-count panel with the threshold at 25 and room above the cap of 50 (no line on the frame or under another host's)", () => {
    const cp = countPanels(spec(SMALL), "KMS host windows count");
    expect(cp.map((p) => p.title.split(" ")[0])).toEqual(["kms1", "kms2"]);
    for (const p of cp) {
      expect(p.threshold).toBe(25);
      expect(p.lines).toBe(1);
      const [lo, hi] = p.domain as number[];
      expect(lo).toBe(0);
      expect(hi).toBeGreaterThan(50);
    }
  });

  it("has an Office count panel per host with the threshold at 5 iff Office (the timeline has <host>_office_count)", () => {
    expect(panels(spec(SMALL), "KMS host office count")).toEqual([]);
    const cp = countPanels(spec(officeCsv), "KMS host office count");
    expect(cp.map((p) => p.title.split(" ")[0])).toEqual(["kms1", "kms2"]);
    for (const p of cp) {
      expect(p.threshold).toBe(5);
      const [lo, hi] = p.domain as number[];
      expect(lo).toBe(0);
      expect(hi).toBeGreaterThan(10);
    }
  });

  it("leaves out the Office panels of hosts without an Office host key, when the manifest says which have one", () => {
    const cp = countPanels(spec(officeCsv, { officeHosts: ["kms1"] }), "KMS host office count");
    expect(cp.map((p) => p.title.split(" ")[0])).toEqual(["kms1"]);
  });

  it("names the lowest and highest figures in each panel's title: hours below the threshold while up", () => {
    const cp = countPanels(spec(officeCsv), "KMS host windows count");
    // kms2 is at 3 from day 1 to the end (day 30): 29 days below 25 while up.
    expect(cp[1].title).toBe("kms2 — windows count, highest 50; 29 d below 25 while up");
    expect(cp[0].title).toBe("kms1 — windows count, highest 50; never below 25 while up");
  });

  it("no count axis has a negative domain", () => {
    const root = spec(officeCsv, { availability: [] });
    for (const m of marks(root)) {
      const domain = m.encoding?.y?.scale?.domain;
      if (Array.isArray(domain) && typeof domain[0] === "number") expect(domain[0]).toBeGreaterThanOrEqual(0);
    }
  });

  it(`above ${MAX_COUNT_PANELS} hosts: the ${MAX_COUNT_PANELS} with the most time below 25, in file order`, () => {
    const ids = Array.from({ length: 20 }, (_, i) => `h${i}`);
    // h_i stays at count i + 10 (h0 … h14 below 25); ties on time below are broken by file order.
    const csv = timeline([...STATES, ...ids.flatMap((h) => [`${h}_up`, `${h}_count`])], [[0, 0, 0, 0, 0, ...ids.flatMap((_, i) => [1, i + 10])]]);
    const cp = countPanels(spec(csv), "KMS host windows count");
    expect(cp.map((p) => p.title.split(" ")[0])).toEqual(ids.slice(0, MAX_COUNT_PANELS));
  });
});

describe("time axis", () => {
  it("uses one date format and the same ticks on every panel", () => {
    const root = spec(SMALL, { availability: [], offline: [{ group: "g", count: 1, start: DAY, end: 2 * DAY }] });
    const axes = marks(root)
      .map((m) => m.encoding?.x)
      .filter((xe) => xe?.axis !== undefined)
      .map((xe) => JSON.stringify({ format: xe?.axis?.format, values: xe?.axis?.values }));
    expect(axes.length).toBeGreaterThan(3);
    expect(new Set(axes).size).toBe(1);
  });
});

describe("ids, sizes and determinism", () => {
  const SPECIAL = ["constructor", "hasOwnProperty", "toString", "valueOf", "__proto__", "a-b_c"];

  it("charts every valid id, however it reads in JavaScript (constructor, __proto__, …): SVG without warnings", async () => {
    const csv = timeline(
      [...STATES, ...SPECIAL.flatMap((h) => [`${h}_up`, `${h}_count`]), "toString_up_up", "valueOf_dns_up"],
      [[0, 0, 10, 0, 0, ...SPECIAL.flatMap(() => [1, 30]), 1, 1]],
    );
    const warnings: string[] = [];
    const options: RunChartOptions = {
      title: "constructor / __proto__",
      endMinute: 10 * DAY,
      availability: SPECIAL.map((id, i) => ({ kind: "host" as const, id, start: i * DAY, end: i * DAY + 60 })),
      offline: [{ group: "hasOwnProperty", count: 2, start: DAY, end: 3 * DAY }],
    };
    const svg = await renderSvg(timelineChartSpec(csv, options), warnings);
    expect(warnings).toEqual([]);
    for (const id of SPECIAL) {
      expect(svg).toContain(`>host ${id}</text>`);
      expect(svg).toContain(`>${id} — windows count`);
    }
    expect(svg).toContain(">link toString_up</text>");
    expect(svg).toContain(">DNS valueOf</text>");
  });

  it("no data row uses an id as a key: rows hold a fixed vocabulary of fields", () => {
    const root = spec(SMALL, { availability: [{ kind: "host", id: "kms1", start: 0, end: 10 }], offline: [{ group: "g", count: 1, start: 0, end: DAY }] });
    const fields = new Set<string>();
    for (const m of marks(root)) for (const row of m.data?.values ?? []) for (const k of Object.keys(row)) fields.add(k);
    expect([...fields].sort()).toEqual(["end", "kind", "lane", "name", "product", "start", "state", "t", "threshold", "total", "value"]);
  });

  it("charts 1 000 hosts (no expression per host, no stack overflow): 30 lanes + others, 12 count panels", async () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `host-${i}`);
    const csv = timeline(
      [...STATES, ...ids.flatMap((h) => [`${h}_up`, `${h}_count`])],
      [
        [0, 0, 100, 0, 0, ...ids.flatMap(() => [1, 0])],
        [DAY, 0, 100, 0, 0, ...ids.flatMap((_, i) => [i % 3 === 0 ? 0 : 1, i % 60])],
      ],
    );
    const availability = ids.filter((_, i) => i % 3 === 0).map((id) => ({ kind: "host" as const, id, start: DAY, end: 2 * DAY }));
    const s = timelineChartSpec(csv, { title: "many", endMinute: 10 * DAY, availability });
    const root = plain(s);
    expect(laneLabels(root)).toHaveLength(MAX_LANES + 1);
    expect(panel(root, "KMS host windows count").vconcat).toHaveLength(MAX_COUNT_PANELS);
    const warnings: string[] = [];
    const svg = await renderSvg(s, warnings);
    expect(warnings).toEqual([]);
    expect(svg).toContain(">970 others</text>");
  }, 60_000);

  it("is deterministic: the same inputs give byte-identical SVG", async () => {
    const options: RunChartOptions = {
      title: "t",
      endMinute: 30 * DAY,
      availability: [{ kind: "link", id: "wan", start: DAY, end: DAY + 5 }],
      offline: [{ group: "g", count: 3, start: 2 * DAY, end: 4 * DAY }],
    };
    const a = await renderSvg(timelineChartSpec(SMALL, options));
    const b = await renderSvg(timelineChartSpec(SMALL, options));
    expect(a).toBe(b);
  });
});
