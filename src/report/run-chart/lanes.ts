// The availability lanes of the run chart: one lane per host, link and site DNS (from
// availability.csv, so no sampling hides an outage) and one per client group with `offline`
// windows. Every down period is drawn at least one pixel wide; periods closer than a pixel merge
// (the drawing stays bounded however many there are). The hosts', links' and DNS' periods arrive
// drawn already, with their exact counts and downtime (availability-summary.ts: a century of
// intervals is never held); a lane shared by several ("others") merges their drawn periods,
// which is the same as drawing all their intervals at once. Above MAX_LANES entity lanes, the
// ones with the most downtime are kept (in file order) and the rest share one "others" lane;
// client groups likewise above MAX_OFFLINE_LANES.
import type { AvailabilityKind } from "../availability.js";
import { pixelMinutes, widen, type AvailabilitySummary } from "../availability-summary.js";
import type { TimelineEntities } from "./timeline-table.js";

/** Entity lanes drawn one by one at most; the rest share one lane. */
export const MAX_LANES = 30;
/** Client-group offline lanes drawn one by one at most; the rest share one lane. */
export const MAX_OFFLINE_LANES = 10;

/** A client group's offline window [start, end) in minutes (FORMAT.md `offline`, §R2). */
export interface OfflineWindow {
  readonly group: string;
  /** Machines in the group. */
  readonly count: number;
  readonly start: number;
  readonly end: number;
}

/** A host rebuild (§H5): its tables emptied at minute `at`. */
export interface HostRebuild {
  readonly host: string;
  readonly at: number;
}

export type LaneKind = AvailabilityKind | "offline";

/** Legend text of each kind of lane (a fixed vocabulary: ids never become data keys). */
export const LANE_KIND_LABELS: Readonly<Record<LaneKind, string>> = {
  host: "host down",
  link: "link down",
  dns: "site DNS down",
  offline: "clients offline",
};
export const LANE_KIND_COLORS: Readonly<Record<LaneKind, string>> = {
  host: "#d62728",
  link: "#ff7f0e",
  dns: "#9467bd",
  offline: "#8c8c8c",
};
const KIND_ORDER: readonly LaneKind[] = ["host", "link", "dns", "offline"];
const KIND_NOUNS: Readonly<Record<LaneKind, string>> = { host: "host", link: "link", dns: "site DNS", offline: "client group" };

/** One drawn rectangle: minutes [start, end) on the lane with this label. */
export interface LaneRect {
  readonly lane: string;
  readonly kind: LaneKind;
  readonly start: number;
  readonly end: number;
}

export interface Lanes {
  /** Lane labels, top to bottom (unique): `host <id>`, `link <id>`, `DNS <site>`, `offline: <group>`, `N others`. */
  readonly labels: readonly string[];
  /** What each lane adds up to ("3 outages, 21 d", "never down"), in the order of `labels`. */
  readonly totals: readonly string[];
  readonly rects: readonly LaneRect[];
  /** Host rebuilds, as marks on the host's lane (or the others lane). */
  readonly rebuilds: readonly { readonly lane: string; readonly at: number }[];
  /** The kinds that have a lane, in legend order. */
  readonly kinds: readonly LaneKind[];
}

interface LaneInput {
  readonly kind: LaneKind;
  readonly name: string;
  /** Members of a client group (offline lanes). */
  readonly members?: number;
  /** Down periods as drawn (at least a pixel wide, merged); `kind` set only in a combined lane, whose periods keep their own kind. */
  periods: { start: number; end: number; kind?: LaneKind }[];
  /** Down periods (or offline windows) before drawing. */
  count: number;
  downMin: number;
  /** Rebuild minutes (host lanes). */
  readonly rebuilds: number[];
}

/** "45 min", "7.5 h", "21 d": a duration as an administrator reads it. */
export function formatDuration(min: number): string {
  const one = (x: number): string => String(Math.round(x * 10) / 10);
  if (min < 60) return `${one(min)} min`;
  if (min < 48 * 60) return `${one(min / 60)} h`;
  return `${one(min / 1440)} d`;
}

function laneLabel(l: LaneInput): string {
  return l.kind === "offline" ? `offline: ${l.name}` : `${l.kind === "dns" ? "DNS" : l.kind} ${l.name}`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

function laneTotal(l: LaneInput): string {
  const n = l.count;
  if (l.kind === "offline") return `${plural(l.members ?? 0, "machine")}, ${formatDuration(l.downMin)} offline`;
  const down = n === 0 ? "never down" : `${plural(n, "outage")}, ${formatDuration(l.downMin)} down`;
  return l.rebuilds.length === 0 ? down : `${down}; ${l.rebuilds.length === 1 ? "rebuilt once" : `rebuilt ${l.rebuilds.length} times`}`;
}

/** Keeps the `max` lanes with most downtime (ties: earlier first), in their order, plus one lane for the rest. */
function limit(lanes: LaneInput[], max: number): { kept: LaneInput[]; rest: { lane: LaneInput; label: string; total: string } | null } {
  if (lanes.length <= max) return { kept: lanes, rest: null };
  const ranked = lanes.map((l, i) => ({ l, i })).sort((a, b) => b.l.downMin - a.l.downMin || a.i - b.i);
  const keep = new Set(ranked.slice(0, max).map((r) => r.i));
  const kept = lanes.filter((_, i) => keep.has(i));
  const dropped = lanes.filter((_, i) => !keep.has(i));
  const periods = dropped.flatMap((l) => l.periods.map((p) => ({ ...p, kind: l.kind })));
  const count = dropped.reduce((s, l) => s + l.count, 0);
  const downMin = dropped.reduce((s, l) => s + l.downMin, 0);
  const rebuilds = dropped.flatMap((l) => l.rebuilds);
  const counts = KIND_ORDER.map((k) => ({ k, n: dropped.filter((l) => l.kind === k).length })).filter((c) => c.n > 0);
  const what = counts.map((c) => plural(c.n, KIND_NOUNS[c.k])).join(", ");
  const verb = dropped[0].kind === "offline" ? "offline" : "down";
  let total = count === 0 ? `${what}, never ${verb}` : `${what}, ${formatDuration(downMin)} ${verb} in all`;
  if (rebuilds.length > 0) total += `; ${plural(rebuilds.length, "rebuild")}`;
  return { kept, rest: { lane: { kind: dropped[0].kind, name: "", periods, count, downMin, rebuilds }, label: `${dropped.length} others`, total } };
}

/**
 * The lanes of a run: entities from the timeline's columns (plus any only availability.csv names),
 * their down periods from `availability` (drawn for this `endMinute` and `widthPx`), host
 * rebuilds from `rebuilds`, client groups from `offline`. `endMinute` is the end of the time
 * axis, `widthPx` the plot width that one pixel is measured in.
 */
export function buildLanes(
  entities: TimelineEntities,
  availability: AvailabilitySummary,
  offline: readonly OfflineWindow[],
  rebuilds: readonly HostRebuild[],
  endMinute: number,
  widthPx: number,
): Lanes {
  if (availability.endMinute !== endMinute || availability.widthPx !== widthPx) {
    throw new Error(
      `buildLanes: availability drawn for ${availability.endMinute} min at ${availability.widthPx} px, the chart is ${endMinute} min at ${widthPx} px`,
    );
  }
  const byKey = new Map<string, LaneInput>();
  const entityLanes: LaneInput[] = [];
  const add = (kind: AvailabilityKind, name: string): LaneInput => {
    const key = `${kind}\u0000${name}`;
    let lane = byKey.get(key);
    if (lane === undefined) {
      lane = { kind, name, periods: [], count: 0, downMin: 0, rebuilds: [] };
      byKey.set(key, lane);
      entityLanes.push(lane);
    }
    return lane;
  };
  for (const id of entities.hosts) add("host", id);
  for (const id of entities.links) add("link", id);
  for (const id of entities.dnsSites) add("dns", id);
  for (const e of availability.entities) {
    const lane = add(e.kind, e.id);
    lane.count += e.count;
    lane.downMin += e.downMin;
    for (let k = 0; k < e.drawn.length; k += 2) lane.periods.push({ start: e.drawn[k], end: e.drawn[k + 1] });
  }
  for (const r of rebuilds) {
    // Only hosts the timeline has (a redraw without availability.csv has no host lanes).
    const lane = byKey.get(`host\u0000${r.host}`);
    if (lane !== undefined && r.at >= 0 && r.at < endMinute) lane.rebuilds.push(r.at);
  }
  // Entity lanes in availability.csv order (kind, then file order) whatever order ids arrived in.
  entityLanes.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));

  const minWidth = pixelMinutes(endMinute, widthPx);
  const groupLanes: LaneInput[] = [];
  const groups = new Map<string, LaneInput>();
  for (const w of offline) {
    let lane = groups.get(w.group);
    if (lane === undefined) {
      lane = { kind: "offline", name: w.group, members: w.count, periods: [], count: 0, downMin: 0, rebuilds: [] };
      groups.set(w.group, lane);
      groupLanes.push(lane);
    }
    const start = Math.max(0, w.start);
    const end = Math.min(endMinute, w.end);
    if (end <= start) continue;
    lane.periods.push({ start, end });
    lane.count++;
    lane.downMin += end - start;
  }
  for (const lane of groupLanes) lane.periods = drawnPeriods(lane.periods, minWidth, endMinute);

  const entity = limit(entityLanes, MAX_LANES);
  const group = limit(groupLanes, MAX_OFFLINE_LANES);
  const drawn: { lane: LaneInput; label: string; total: string }[] = [];
  for (const l of entity.kept) drawn.push({ lane: l, label: laneLabel(l), total: laneTotal(l) });
  if (entity.rest !== null) drawn.push(entity.rest);
  for (const l of group.kept) drawn.push({ lane: l, label: laneLabel(l), total: laneTotal(l) });
  if (group.rest !== null) drawn.push({ ...group.rest, label: `${group.rest.label} offline` });

  const rects: LaneRect[] = [];
  const rebuildMarks: { lane: string; at: number }[] = [];
  const kinds = new Set<LaneKind>();
  for (const { lane, label } of drawn) {
    kinds.add(lane.kind);
    for (const at of [...lane.rebuilds].sort((a, b) => a - b)) rebuildMarks.push({ lane: label, at });
    for (const kind of KIND_ORDER) {
      const own = lane.periods.filter((p) => (p.kind ?? lane.kind) === kind);
      if (own.length > 0) kinds.add(kind);
      for (const p of mergeDrawn(own)) rects.push({ lane: label, kind, ...p });
    }
  }
  return {
    labels: drawn.map((d) => d.label),
    totals: drawn.map((d) => d.total),
    rects,
    rebuilds: rebuildMarks,
    kinds: KIND_ORDER.filter((k) => kinds.has(k)),
  };
}

/**
 * Periods as drawn: each made at least `minWidth` minutes wide (one pixel), then merged where
 * they touch or overlap, in time order.
 */
export function drawnPeriods(
  periods: readonly { readonly start: number; readonly end: number }[],
  minWidth: number,
  endMinute: number,
): { start: number; end: number }[] {
  const widened = periods.map((p) => widen(p.start, p.end, minWidth, endMinute)).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: { start: number; end: number }[] = [];
  for (const p of widened) {
    const last = out[out.length - 1];
    if (last !== undefined && p.start <= last.end) last.end = Math.max(last.end, p.end);
    else out.push({ ...p });
  }
  return out;
}

/**
 * Drawn periods of several entities (each already at least a pixel wide) merged where they touch
 * or overlap, in time order: the same as drawing all their periods at once (drawnPeriods).
 */
function mergeDrawn(periods: readonly { readonly start: number; readonly end: number }[]): { start: number; end: number }[] {
  const sorted = periods.map((p) => ({ start: p.start, end: p.end })).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: { start: number; end: number }[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && p.start <= last.end) last.end = Math.max(last.end, p.end);
    else out.push(p);
  }
  return out;
}
