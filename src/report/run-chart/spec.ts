// The Vega-Lite spec of a run's chart (FORMAT.md "Run folder"), panels top to bottom:
//  1. licensing clients by state (Windows solid, Office dashed), client groups' offline windows shaded and named;
//  2. the clients at risk (oot_grace, notification) on their own scale, so a few show next to thousands licensed;
//  3. availability lanes: every host, link and site DNS (from availability.csv) and client groups offline;
//  4. each host's windows count in its own small panel (threshold 25; room above the cap of 50);
//  5. with Office, each host's office count (threshold 5; cap 10).
// Ids never become field names, expressions or data keys (any valid id charts, `constructor` and
// `__proto__` included, and a thousand hosts make no thousand expressions): data rows hold numbers
// and a fixed vocabulary, ids only appear in titles and lane labels.
import type { TopLevelSpec } from "vega-lite";
import type { DownInterval } from "../availability.js";
import { summarizeIntervals, type AvailabilitySummary, type EntityDowntime } from "../availability-summary.js";
import { LOW_COUNT_THRESHOLD } from "../columns.js";
import { LANE_KIND_COLORS, LANE_KIND_LABELS, buildLanes, drawnPeriods, formatDuration } from "./lanes.js";
import type { HostRebuild, OfflineWindow } from "./lanes.js";
import { PLOT_WIDTH } from "./plot-width.js";
import { timeAxis } from "./time-axis.js";
import { columnMax, minutesBelow, parseTimeline, stepSeries, timelineEntities } from "./timeline-table.js";
import type { TimelineTable } from "./timeline-table.js";

export { PLOT_WIDTH };
/** Hosts drawn with a count panel of their own at most (those with the most hours below the threshold). */
export const MAX_COUNT_PANELS = 12;
/** Office's activation threshold (§C5) and the office table's cap (2 × 5, §H4). */
export const OFFICE_THRESHOLD = 5;
const WINDOWS_CAP = 2 * LOW_COUNT_THRESHOLD;
/** Width of every left axis, px: the same in every panel, so all plots line up under each other. */
const Y_EXTENT = 180;
const OFFICE_CAP = 2 * OFFICE_THRESHOLD;

export interface RunChartOptions {
  /** The chart title: the scenario name (and strategy). */
  readonly title: string;
  /** The end of the run (duration, minutes): the last values are drawn up to it. Default: the last row's minute. */
  readonly endMinute?: number;
  /**
   * availability.csv: its summary (availability-summary.ts, drawn for the chart's end minute and
   * PLOT_WIDTH, as `kmsim run` and `kmsim report` give it) or its intervals; omitted (a run folder
   * from before availability.csv) = no host, link or DNS lanes.
   */
  readonly availability?: AvailabilitySummary | readonly DownInterval[];
  /** Client groups' offline windows, shaded on the state panels and drawn as lanes. */
  readonly offline?: readonly OfflineWindow[];
  /** Host rebuilds (§H5), marked on the host's lane and count panels. */
  readonly rebuilds?: readonly HostRebuild[];
  /** Hosts holding an Office host key (null or omitted: unknown). */
  readonly officeHosts?: readonly string[] | null;
}

const STATES = ["oob_grace", "licensed", "oot_grace", "notification"] as const;
const AT_RISK = ["oot_grace", "notification"] as const;
const STATE_COLORS = ["#1f77b4", "#2ca02c", "#ff7f0e", "#d62728"];
const PRODUCTS = ["Windows", "Office"];
/** Room given to each offline window's name on the state panels, px (so names never overlap). */
const LABEL_ROOM_PX = 110;
/** Rebuild marks (tables emptied, §H5). */
const REBUILD_COLOR = "#222";
/** Legend entries drawn as short lines. */
const LINE_LEGEND = { symbolType: "stroke", symbolStrokeWidth: 2, symbolOpacity: 1 } as const;

type Panel = Record<string, unknown>;

/** A left axis of exactly Y_EXTENT px (labels cut to fit), without a title. */
function yAxis(extra: Record<string, unknown>): Record<string, unknown> {
  return { title: null, minExtent: Y_EXTENT, maxExtent: Y_EXTENT, labelLimit: Y_EXTENT - 8, ...extra };
}

interface Frame {
  readonly table: TimelineTable;
  readonly endMinute: number;
  /** availability.csv drawn for this frame; null without it. */
  readonly availability: AvailabilitySummary | null;
  readonly t0: number;
  readonly ms: (minute: number) => number;
  readonly axis: { readonly values: readonly number[]; readonly format: string };
}

function x(frame: Frame, field: string, labels: boolean): Record<string, unknown> {
  return {
    field,
    type: "temporal",
    title: labels ? "time (UTC)" : null,
    // domainMin/Max rather than domain: vega-lite warns about an explicit domain shared with x2.
    scale: { type: "utc", domainMin: frame.t0, domainMax: frame.ms(frame.endMinute), nice: false },
    axis: {
      values: frame.axis.values,
      format: frame.axis.format,
      labels,
      labelOverlap: false,
      labelFlush: false,
      ticks: true,
      grid: true,
    },
  };
}

/** Step-line points of the state columns, Windows and (with Office) Office. */
function statePoints(frame: Frame, states: readonly string[], office: boolean): { t: number; state: string; product: string; value: number }[] {
  const out: { t: number; state: string; product: string; value: number }[] = [];
  for (const [product, prefix] of office ? [["Windows", ""], ["Office", "office_"]] : [["Windows", ""]]) {
    for (const state of states) {
      for (const p of stepSeries(frame.table, prefix + state, PLOT_WIDTH, frame.endMinute)) {
        out.push({ t: frame.ms(p.m), state, product, value: p.v });
      }
    }
  }
  return out;
}

function stateEncoding(office: boolean, legend: boolean): Record<string, unknown> {
  const enc: Record<string, unknown> = {
    color: {
      field: "state",
      type: "nominal",
      title: "state",
      scale: { domain: [...STATES], range: STATE_COLORS },
      legend: legend ? LINE_LEGEND : null,
    },
  };
  if (office) {
    enc.strokeDash = {
      field: "product",
      type: "nominal",
      title: "licensing client",
      scale: { domain: PRODUCTS, range: [[1, 0], [6, 3]] },
      legend: legend ? LINE_LEGEND : null,
    };
  }
  return enc;
}

/** Shaded offline windows (and, where there is room, the group's name) over a state panel. */
function offlineLayers(frame: Frame, offline: readonly OfflineWindow[], labels: boolean): Panel[] {
  if (offline.length === 0) return [];
  const minWidth = frame.endMinute / PLOT_WIDTH;
  const bands: { start: number; end: number }[] = [];
  const names: { t: number; name: string }[] = [];
  const groups = [...new Set(offline.map((w) => w.group))];
  for (const g of groups) {
    const periods = drawnPeriods(
      offline.filter((w) => w.group === g).map((w) => ({ start: Math.max(0, w.start), end: Math.min(frame.endMinute, w.end) })).filter((p) => p.end > p.start),
      minWidth,
      frame.endMinute,
    );
    for (const p of periods) {
      bands.push({ start: frame.ms(p.start), end: frame.ms(p.end) });
      names.push({ t: frame.ms(p.start), name: `${g} offline` });
    }
  }
  // Named at the band's start where a label has room (the lanes panel names every window).
  names.sort((a, b) => a.t - b.t || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const labelMs = (LABEL_ROOM_PX * frame.endMinute * 60_000) / PLOT_WIDTH;
  const named: { t: number; name: string }[] = [];
  for (const n of names) {
    if (named.length === 0 || n.t - named[named.length - 1].t >= labelMs) named.push(n);
  }
  const layers: Panel[] = [
    {
      data: { values: bands },
      mark: { type: "rect", color: LANE_KIND_COLORS.offline, opacity: 0.14, aria: false },
      encoding: { x: x(frame, "start", labels), x2: { field: "end" } },
    },
  ];
  if (named.length > 0) {
    layers.push({
      data: { values: named },
      mark: { type: "text", align: "left", baseline: "top", dx: 3, dy: 3, fontSize: 10, color: "#555", aria: false },
      encoding: { x: x(frame, "t", labels), y: { value: 0 }, text: { field: "name", type: "nominal" } },
    });
  }
  return layers;
}

function statesPanel(frame: Frame, office: boolean, offline: readonly OfflineWindow[]): Panel {
  const points = statePoints(frame, STATES, office);
  // Headroom: a line at the largest value stays clear of the frame.
  const max = points.reduce((m, p) => Math.max(m, p.value), 0);
  const shaded = offline.length > 0 ? "; grey: client groups offline" : "";
  return {
    title: { text: `Licensing clients by state${office ? " (solid: Windows, dashed: Office)" : ""}${shaded}`, anchor: "start" },
    width: PLOT_WIDTH,
    height: 200,
    layer: [
      ...offlineLayers(frame, offline, true),
      {
        data: { values: points },
        mark: { type: "line", interpolate: "step-after", strokeWidth: 1.6 },
        encoding: {
          x: x(frame, "t", true),
          y: {
            field: "value",
            type: "quantitative",
            title: null,
            scale: { domain: [0, Math.max(1, Math.ceil(max * 1.05))], nice: true },
            axis: yAxis({ tickMinStep: 1, format: "d" }),
          },
          ...stateEncoding(office, true),
        },
      },
    ],
  };
}

function atRiskPanel(frame: Frame, office: boolean, offline: readonly OfflineWindow[]): Panel {
  const points = statePoints(frame, AT_RISK, office);
  const max = points.reduce((m, p) => Math.max(m, p.value), 0);
  const none = max === 0 ? " — none during this run" : "";
  return {
    title: { text: `Clients at risk: in oot_grace (out-of-tolerance grace) or notification, on their own scale${none}`, anchor: "start" },
    width: PLOT_WIDTH,
    height: max === 0 ? 40 : 110,
    layer: [
      ...offlineLayers(frame, offline, false),
      {
        data: { values: points },
        mark: { type: "line", interpolate: "step-after", strokeWidth: 1.6 },
        encoding: {
          x: x(frame, "t", false),
          y: {
            field: "value",
            type: "quantitative",
            title: null,
            scale: { domain: [0, Math.max(1, Math.ceil(max * 1.05))], nice: true },
            axis: yAxis({ tickMinStep: 1, format: "d" }),
          },
          ...stateEncoding(office, false),
        },
      },
    ],
  };
}

function lanesPanel(frame: Frame, options: RunChartOptions): Panel | null {
  const entities = timelineEntities(frame.table.columns);
  const offline = options.offline ?? [];
  const availability = frame.availability;
  // Without availability.csv (an older run folder) there are no entity lanes, only client groups.
  const lanes = buildLanes(
    availability === null ? { ...entities, hosts: [], links: [], dnsSites: [] } : entities,
    availability ?? { endMinute: frame.endMinute, widthPx: PLOT_WIDTH, entities: [] },
    offline,
    options.rebuilds ?? [],
    frame.endMinute,
    PLOT_WIDTH,
  );
  if (lanes.labels.length === 0) return null;
  const kinds = lanes.kinds.map((k) => LANE_KIND_LABELS[k]);
  const y = {
    field: "lane",
    type: "nominal",
    title: null,
    scale: { domain: [...lanes.labels], paddingInner: 0.3, paddingOuter: 0.2 },
    axis: yAxis({ ticks: false, domain: false, grid: false, labelFontSize: 10 }),
  };
  return {
    title: {
      text: [
        "Availability: down periods (each drawn at least 1 px wide)",
        lanes.rebuilds.length > 0 ? ", host rebuilds (black)" : "",
        lanes.kinds.includes("offline") ? ", client groups offline" : "",
      ].join(""),
      anchor: "start",
    },
    width: PLOT_WIDTH,
    height: { step: 18 },
    layer: [
      {
        data: { values: lanes.rects.map((r) => ({ lane: r.lane, kind: LANE_KIND_LABELS[r.kind], start: frame.ms(r.start), end: frame.ms(r.end) })) },
        mark: { type: "rect", aria: false },
        encoding: {
          x: x(frame, "start", true),
          x2: { field: "end" },
          y,
          color: {
            field: "kind",
            type: "nominal",
            scale: { domain: kinds, range: lanes.kinds.map((k) => LANE_KIND_COLORS[k]) },
            legend: null,
          },
        },
      },
      ...(lanes.rebuilds.length === 0
        ? []
        : [
            {
              data: { values: lanes.rebuilds.map((r) => ({ lane: r.lane, t: frame.ms(r.at) })) },
              mark: { type: "tick", orient: "vertical", thickness: 2, color: REBUILD_COLOR, aria: false },
              encoding: { x: x(frame, "t", true), y },
            },
          ]),
      {
        // Each lane's total, right of the plot.
        data: { values: lanes.labels.map((lane, i) => ({ lane, total: lanes.totals[i] })) },
        mark: { type: "text", align: "left", baseline: "middle", dx: 8, fontSize: 10, color: "#444", aria: false },
        encoding: { x: { value: PLOT_WIDTH }, y, text: { field: "total", type: "nominal" } },
      },
    ],
  };
}

interface CountPool {
  /** Column suffix after `<host>`: `_count` or `_office_count`. */
  readonly suffix: string;
  readonly name: string;
  readonly threshold: number;
  readonly cap: number;
}

const WINDOWS_POOL: CountPool = { suffix: "_count", name: "windows count", threshold: LOW_COUNT_THRESHOLD, cap: WINDOWS_CAP };
const OFFICE_POOL: CountPool = { suffix: "_office_count", name: "office count", threshold: OFFICE_THRESHOLD, cap: OFFICE_CAP };

/** One small panel per host (never one line hidden under another's), the threshold dashed, the host's down periods shaded. */
function countSection(frame: Frame, hosts: readonly string[], pool: CountPool, options: RunChartOptions, last: boolean, note: (h: string) => string): Panel {
  const ranked = hosts.map((h, i) => ({ h, i, low: minutesBelow(frame.table, h + pool.suffix, `${h}_up`, pool.threshold, frame.endMinute) }));
  const shown =
    hosts.length <= MAX_COUNT_PANELS
      ? ranked
      : [...ranked].sort((a, b) => b.low - a.low || a.i - b.i).slice(0, MAX_COUNT_PANELS).sort((a, b) => a.i - b.i);
  const height = shown.length <= 2 ? 100 : shown.length <= 4 ? 80 : 60;
  const hostDown = new Map<string, EntityDowntime>();
  for (const e of frame.availability?.entities ?? []) if (e.kind === "host") hostDown.set(e.id, e);
  const panels = shown.map(({ h, low }, k) => {
    const column = h + pool.suffix;
    const max = columnMax(frame.table, column);
    const top = Math.max(Math.ceil(pool.cap * 1.2), Math.ceil(max * 1.1));
    const points = stepSeries(frame.table, column, PLOT_WIDTH, frame.endMinute).map((p) => ({ t: frame.ms(p.m), value: p.v }));
    const drawn = hostDown.get(h)?.drawn ?? [];
    const down: { start: number; end: number }[] = [];
    for (let i = 0; i < drawn.length; i += 2) down.push({ start: frame.ms(drawn[i]), end: frame.ms(drawn[i + 1]) });
    const rebuilt = (options.rebuilds ?? []).filter((r) => r.host === h && r.at >= 0 && r.at < frame.endMinute).map((r) => ({ t: frame.ms(r.at) }));
    const lowText = low === 0 ? `never below ${pool.threshold} while up` : `${formatDuration(low)} below ${pool.threshold} while up`;
    const labels = last && k === shown.length - 1;
    return {
      title: { text: `${h}${note(h)} — ${pool.name}, highest ${max}; ${lowText}`, anchor: "start", fontSize: 11, fontWeight: "normal", offset: 4 },
      width: PLOT_WIDTH,
      height,
      layer: [
        {
          data: { values: down },
          mark: { type: "rect", color: LANE_KIND_COLORS.host, opacity: 0.15, aria: false },
          encoding: { x: x(frame, "start", labels), x2: { field: "end" } },
        },
        ...(rebuilt.length === 0
          ? []
          : [
              {
                data: { values: rebuilt },
                mark: { type: "rule", color: REBUILD_COLOR, strokeWidth: 1.5, aria: false },
                encoding: { x: x(frame, "t", labels) },
              },
            ]),
        {
          data: { values: [{ threshold: pool.threshold }] },
          mark: { type: "rule", strokeDash: [6, 4], color: "#555" },
          encoding: { y: { field: "threshold", type: "quantitative" } },
        },
        {
          data: { values: points },
          mark: { type: "line", interpolate: "step-after", strokeWidth: 1.6, color: "#1f4e79" },
          encoding: {
            x: x(frame, "t", labels),
            y: {
              field: "value",
              type: "quantitative",
              title: null,
              scale: { domain: [0, top], nice: false },
              axis: yAxis({ values: [0, pool.threshold, pool.cap], format: "d", labelOverlap: false }),
            },
          },
        },
      ],
    };
  });
  const anyRebuild = (options.rebuilds ?? []).some((r) => shown.some((s) => s.h === r.host) && r.at >= 0 && r.at < frame.endMinute);
  const which = hosts.length <= MAX_COUNT_PANELS ? "per host" : `of the ${MAX_COUNT_PANELS} of ${hosts.length} hosts with the most time below ${pool.threshold}`;
  return {
    title: {
      text: `KMS host ${pool.name} ${which} (dashed: threshold ${pool.threshold}; a table holds at most ${pool.cap}; red: host down${anyRebuild ? "; black: rebuilt" : ""})`,
      anchor: "start",
    },
    spacing: 6,
    vconcat: panels,
  };
}

/** The end of the chart's time axis: the run's end (`endMinute`), else the timeline's last minute, at least 1. */
export function chartEndMinute(table: TimelineTable, endMinute: number | undefined): number {
  const n = table.minutes.length;
  const lastMinute = n > 0 ? table.minutes[n - 1] : 0;
  return Math.max(endMinute ?? lastMinute, lastMinute, 1);
}

/** availability.csv drawn for an axis ending at `endMinute` (a summary must have been drawn for it); null without it. */
function availabilityFor(availability: AvailabilitySummary | readonly DownInterval[] | undefined, endMinute: number): AvailabilitySummary | null {
  if (availability === undefined) return null;
  if (isIntervalList(availability)) return summarizeIntervals(availability, endMinute, PLOT_WIDTH);
  return availability;
}

function isIntervalList(a: AvailabilitySummary | readonly DownInterval[]): a is readonly DownInterval[] {
  return Array.isArray(a);
}

/** The Vega-Lite spec of a run's chart (FORMAT.md "Run folder"). */
export function timelineChartSpec(timelineCsv: string, options: RunChartOptions): TopLevelSpec {
  const table = parseTimeline(timelineCsv);
  const endMinute = chartEndMinute(table, options.endMinute);
  const ms = (m: number): number => table.t0 + m * 60_000;
  const frame: Frame = { table, endMinute, availability: availabilityFor(options.availability, endMinute), t0: table.t0, ms, axis: timeAxis(table.t0, ms(endMinute)) };
  const entities = timelineEntities(table.columns);
  const office = entities.hasOffice;
  const offline = options.offline ?? [];

  const panels: Panel[] = [statesPanel(frame, office, offline), atRiskPanel(frame, office, offline)];
  const lanes = lanesPanel(frame, options);
  if (lanes !== null) panels.push(lanes);
  if (entities.hosts.length > 0) {
    panels.push(countSection(frame, entities.hosts, WINDOWS_POOL, options, !office, () => ""));
  }
  if (office && entities.hosts.length > 0) {
    const keyed = options.officeHosts ?? null;
    const withKey = keyed === null ? entities.hosts : entities.hosts.filter((h) => keyed.includes(h));
    // A host without an Office key never counts Office (§H2, §O1): its panel would be a flat 0.
    const hosts = withKey.length > 0 ? withKey : entities.hosts;
    const note = (h: string): string => (keyed !== null && !keyed.includes(h) ? " (no Office host key)" : "");
    panels.push(countSection(frame, hosts, OFFICE_POOL, options, true, note));
  }
  const start = new Date(table.t0).toISOString().slice(0, 16).replace("T", " ");
  const spec = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: options.title, subtitle: `from ${start} UTC, ${formatDuration(endMinute)}`, anchor: "start", fontSize: 16 },
    background: "white",
    padding: 12,
    spacing: 22,
    config: {
      font: "Helvetica, Arial, sans-serif",
      view: { stroke: "#bbb" },
      title: { fontSize: 13 },
      axis: { labelFontSize: 10, titleFontSize: 11 },
      legend: { labelFontSize: 11, titleFontSize: 11 },
    },
    vconcat: panels,
    resolve: {
      scale: { color: "independent", strokeDash: "independent" },
      legend: { color: "independent", strokeDash: "independent" },
    },
  };
  return spec as unknown as TopLevelSpec;
}
