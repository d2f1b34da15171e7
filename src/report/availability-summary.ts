// What the run chart needs of availability.csv (FORMAT.md "Run folder", chart panel 3), in memory
// bounded by the chart's width, not by the intervals: per host, link and site DNS, the number of
// down intervals and the minutes down (exact, for the lane totals "3 outages, 21 d down"), and its
// down periods as the chart draws them — each widened to at least one pixel (`endMinute /
// widthPx` minutes), then merged where they touch or overlap. That is what the lanes drew from
// the whole list of intervals before, so the chart is the same, however dense the intervals; an
// entity never holds more periods than the plot has pixels.
//
// `kmsim run` builds it while recording (availability-recorder.ts) and `kmsim report` while
// reading the file back (availability-reader.ts), both through DowntimeAccumulator: an entity's
// intervals arrive in the same order both ways (by start), so a redraw is identical.
import type { AvailabilityKind } from "./availability.js";
import { detached } from "./line-reader.js";

/** One entity's downtime as the chart draws it. */
export interface EntityDowntime {
  readonly kind: AvailabilityKind;
  readonly id: string;
  /** Down intervals with some part inside [0, endMinute]. */
  readonly count: number;
  /** Minutes down inside [0, endMinute]. */
  readonly downMin: number;
  /** Drawn periods, flat: [start0, end0, start1, end1, …] in time order, each at least a pixel wide, none touching. */
  readonly drawn: readonly number[];
}

/** availability.csv as the run chart needs it (plain data: it crosses from the run's worker thread). */
export interface AvailabilitySummary {
  /** The end of the time axis the periods were drawn for (the run's duration). */
  readonly endMinute: number;
  /** The plot width, px, that one pixel is measured in. */
  readonly widthPx: number;
  /** Every entity availability.csv names, in the order of its first row. */
  readonly entities: readonly EntityDowntime[];
}

/** Minutes one pixel stands for: the narrowest period drawn. */
export function pixelMinutes(endMinute: number, widthPx: number): number {
  return endMinute / Math.max(1, widthPx);
}

/** [start, end) made at least `min` wide, kept inside [0, endMinute] (a period at the very end grows leftwards). */
export function widen(start: number, end: number, min: number, endMinute: number): { start: number; end: number } {
  if (end - start >= min) return { start, end };
  const s = Math.max(0, Math.min(start, endMinute - min));
  return { start: s, end: s + min };
}

/**
 * One entity's downtime, fed interval by interval (in any order; by start is the fast path). The
 * drawn periods are kept sorted and disjoint, so the result is exactly what widening every
 * interval, sorting and merging the touching ones gives (lanes.ts drawnPeriods).
 */
export class DowntimeAccumulator {
  count = 0;
  downMin = 0;
  /** Flat [start, end, …], sorted, disjoint and not touching (next start > previous end). */
  readonly drawn: number[] = [];
  private readonly minWidth: number;

  constructor(private readonly endMinute: number, widthPx: number) {
    this.minWidth = pixelMinutes(endMinute, widthPx);
  }

  /** One down interval [start, end); the part outside [0, endMinute] is not drawn or counted. */
  add(start: number, end: number): void {
    const s = Math.max(0, start);
    const e = Math.min(this.endMinute, end);
    if (e <= s) return;
    this.count++;
    this.downMin += e - s;
    const p = widen(s, e, this.minWidth, this.endMinute);
    this.insert(p.start, p.end);
  }

  private insert(start: number, end: number): void {
    const d = this.drawn;
    const n = d.length;
    // Fast path: intervals by start (how kmsim writes and records them).
    if (n === 0 || start > d[n - 1]) {
      d.push(start, end);
      return;
    }
    if (start >= d[n - 2]) {
      if (end > d[n - 1]) d[n - 1] = end;
      return;
    }
    // Anywhere else: the first period ending at or after `start`, the last starting at or before `end`.
    let lo = 0;
    let hi = n / 2;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (d[2 * mid + 1] >= start) hi = mid;
      else lo = mid + 1;
    }
    const first = lo;
    let last = first - 1;
    while (last + 1 < n / 2 && d[2 * (last + 1)] <= end) last++;
    if (last < first) {
      d.splice(2 * first, 0, start, end);
      return;
    }
    const merged = [Math.min(start, d[2 * first]), Math.max(end, d[2 * last + 1])];
    d.splice(2 * first, 2 * (last - first + 1), ...merged);
  }
}

/** Builds a summary from intervals given one by one, entities in the order they first appear. */
export class AvailabilitySummaryBuilder {
  private readonly byKey = new Map<string, { kind: AvailabilityKind; id: string; acc: DowntimeAccumulator }>();

  constructor(
    readonly endMinute: number,
    readonly widthPx: number,
  ) {}

  add(kind: AvailabilityKind, id: string, start: number, end: number): void {
    const key = `${kind}\u0000${id}`;
    let entry = this.byKey.get(key);
    if (entry === undefined) {
      // The id outlives its line (line-reader.ts detached).
      entry = { kind, id: detached(id), acc: new DowntimeAccumulator(this.endMinute, this.widthPx) };
      this.byKey.set(key, entry);
    }
    entry.acc.add(start, end);
  }

  summary(): AvailabilitySummary {
    const entities = [...this.byKey.values()].map((e) => entityDowntime(e.kind, e.id, e.acc));
    return { endMinute: this.endMinute, widthPx: this.widthPx, entities };
  }
}

/** The plain-data view of an accumulator. */
export function entityDowntime(kind: AvailabilityKind, id: string, acc: DowntimeAccumulator): EntityDowntime {
  return { kind, id, count: acc.count, downMin: acc.downMin, drawn: acc.drawn };
}

/** The summary of a list of intervals (in their order), drawn for this axis and width. */
export function summarizeIntervals(
  intervals: readonly { readonly kind: AvailabilityKind; readonly id: string; readonly start: number; readonly end: number }[],
  endMinute: number,
  widthPx: number,
): AvailabilitySummary {
  const builder = new AvailabilitySummaryBuilder(endMinute, widthPx);
  for (const r of intervals) builder.add(r.kind, r.id, r.start, r.end);
  return builder.summary();
}
