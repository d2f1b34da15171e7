// Online patterns advanced lazily (MODEL.md §R2, docs/performance.md): instead of an event at every
// office-hours change, offline-window boundary and intermittent toggle, a machine's pattern is
// read only when one of its licensing clients asks (an attempt is due, a join, the end of an
// unreachable spell). Office hours and offline windows are pure functions of the minute; an
// intermittent machine keeps a cursor (its current on or off period) and draws the following
// periods from its own stream (§R3) in the same order as a toggle-by-toggle run would, so every
// output is the same. Non-persistent machines (§C7) re-image at every boot, an observable event,
// so their groups keep the eager events of simulation.ts (OnlineMode.EAGER).
import { drawMinutes } from "../engine/draws.js";
import type { Distribution } from "../engine/distribution.js";
import type { CompiledWorld } from "./compiled-world.js";
import type { Stream } from "../engine/streams.js";
import type { EntityStreams } from "./entity-streams.js";
import { inOfficeHours, isOfficeMinute, mergeWindows, nextOfficeMinute, officeMinutesBetween } from "./online.js";

/** Period ends drawn ahead per intermittent machine of the exp fast path (about a month of a laptop's). */
const AHEAD = 64;

/** How a group's online pattern is followed. */
export const OnlineMode = {
  /** Always online, no offline window: nothing to ask. */
  ALWAYS: 0,
  /** Office hours and/or offline windows, no intermittent process: closed forms of the minute. */
  CALENDAR: 1,
  /** An intermittent process per machine (plus any offline windows): a lazy cursor per machine. */
  INTERMITTENT: 2,
  /** Non-persistent machines with a pattern: toggle and group events, as simulation.ts schedules them. */
  EAGER: 3,
} as const;
export type OnlineMode = (typeof OnlineMode)[keyof typeof OnlineMode];

interface Window {
  readonly start: number;
  readonly end: number;
}

export class LazyOnline {
  /** Per group: its OnlineMode. */
  readonly mode: Uint8Array;
  private readonly office: Uint8Array;
  /** Per group: its offline windows, merged (same minutes, disjoint, sorted). */
  private readonly windows: readonly (readonly Window[])[];
  private readonly on: (Distribution | null)[];
  private readonly off: (Distribution | null)[];
  private readonly weekOffsetMin: number;
  /** weekOffsetMin when it is whole (a start on a whole minute), else -1: see isOffice. */
  private readonly wholeOffset: number;

  // Intermittent cursors, per machine: the current period [periodStart, periodEnd), whether it is
  // an on period, and the online minutes (windows excluded) from the join to periodStart.
  // (Float64: a long period drawn from a wide distribution may end far past 2^31 minutes.)
  private readonly periodStart: Float64Array;
  private readonly periodEnd: Float64Array;
  private readonly periodOn: Uint8Array;
  private readonly onlineBefore: Float64Array;
  // The `intermittent(exp, exp)` fast path draws up to AHEAD period ends beyond the current one
  // while the machine's stream is at hand (the same draws in the same order, only earlier:
  // nothing else reads the stream). Reaching a stream is a chain of cache misses; with a month of
  // periods drawn each time, a laptop's stream is reached about monthly instead of at each look.
  // Machine m's row is ahead[aheadBase[g] + AHEAD × m …] (rows only for the fast path's groups);
  // aheadCount[m] ends are waiting there from index aheadHead[m], the next one first.
  /** Per group: the means of `intermittent(exp, exp)` without offline windows (the fast path), else null. */
  private readonly expMeans: readonly ({ readonly on: number; readonly off: number } | null)[];
  private readonly ahead: Float64Array;
  private readonly aheadBase: Float64Array;
  private readonly aheadCount: Uint8Array;
  private readonly aheadHead: Uint8Array;

  constructor(
    w: CompiledWorld,
    private readonly streams: EntityStreams,
    private readonly horizon: number,
  ) {
    const groups = w.world.clients;
    this.weekOffsetMin = w.world.startWeekOffsetMin;
    this.wholeOffset = Number.isInteger(this.weekOffsetMin) ? this.weekOffsetMin : -1;
    this.mode = Uint8Array.from(groups, (g) => {
      const patterned = g.online.kind !== "always" || g.offline.length > 0;
      if (!patterned) return OnlineMode.ALWAYS;
      if (g.cmid === "non-persistent") return OnlineMode.EAGER;
      return g.online.kind === "intermittent" ? OnlineMode.INTERMITTENT : OnlineMode.CALENDAR;
    });
    this.office = Uint8Array.from(groups, (g) => (g.online.kind === "office-hours" ? 1 : 0));
    this.windows = groups.map((g) => mergeWindows(g.offline));
    this.on = groups.map((g) => (g.online.kind === "intermittent" ? g.online.on : null));
    this.off = groups.map((g) => (g.online.kind === "intermittent" ? g.online.off : null));
    const cursors = this.mode.includes(OnlineMode.INTERMITTENT) ? w.layout.machineCount : 0;
    this.periodStart = new Float64Array(cursors);
    this.periodEnd = new Float64Array(cursors);
    this.periodOn = new Uint8Array(cursors);
    this.onlineBefore = new Float64Array(cursors);
    this.expMeans = groups.map((_, gi) => {
      const on = this.on[gi];
      const off = this.off[gi];
      const plain = this.windows[gi].length === 0;
      return plain && on?.kind === "exp" && off?.kind === "exp" ? { on: on.mean, off: off.mean } : null;
    });
    this.aheadBase = new Float64Array(groups.length);
    let rows = 0;
    groups.forEach((g, gi) => {
      if (this.mode[gi] !== OnlineMode.INTERMITTENT || this.expMeans[gi] === null) return; // rows for the lazy fast path only
      this.aheadBase[gi] = AHEAD * (rows - w.layout.groupFirstMachine[gi]);
      rows += g.count;
    });
    this.ahead = new Float64Array(AHEAD * rows);
    this.aheadCount = new Uint8Array(cursors);
    this.aheadHead = new Uint8Array(cursors);
  }


  /** Whether group g's calendar (office hours, offline windows) lets its machines be online at t (§R2). */
  calendarOnline(g: number, t: number): boolean {
    if (this.office[g] === 1 && !this.isOffice(t)) return false;
    return this.windowEndAt(g, t) < 0;
  }

  /** inOfficeHours at minute t; for a whole week offset (the usual case) without its floating-point remainder. */
  private isOffice(t: number): boolean {
    return this.wholeOffset >= 0 ? isOfficeMinute(this.wholeOffset, t) : inOfficeHours(this.weekOffsetMin, t);
  }

  /** The end of group g's offline window covering minute t, or -1. */
  private windowEndAt(g: number, t: number): number {
    for (const w of this.windows[g]) {
      if (t < w.start) return -1;
      if (t < w.end) return w.end;
    }
    return -1;
  }

  /** The first minute ≥ t at which group g's calendar lets its machines be online (≥ horizon: never). */
  nextCalendarOnline(g: number, t: number): number {
    let x = t;
    while (x < this.horizon) {
      const end = this.windowEndAt(g, x);
      if (end >= 0) x = end;
      else if (this.office[g] === 1 && !this.isOffice(x)) x = nextOfficeMinute(this.weekOffsetMin, x);
      else return x;
    }
    return x;
  }

  /** How many minutes of [a, b) group g's calendar lets its machines be online. */
  calendarMinutes(g: number, a: number, b: number): number {
    let total = 0;
    let x = a;
    for (const w of this.windows[g]) {
      if (w.end <= x) continue;
      if (w.start >= b) break;
      if (w.start > x) total += this.baseMinutes(g, x, w.start);
      x = w.end;
      if (x >= b) return total;
    }
    if (x < b) total += this.baseMinutes(g, x, b);
    return total;
  }

  private baseMinutes(g: number, a: number, b: number): number {
    return this.office[g] === 1 ? officeMinutesBetween(this.weekOffsetMin, a, b) : b - a;
  }

  /** An intermittent machine joins at t: its first on period starts (§R2), drawn as at a toggle. */
  startIntermittent(m: number, g: number, t: number): void {
    this.aheadCount[m] = 0;
    this.periodStart[m] = t;
    this.periodOn[m] = 1;
    this.onlineBefore[m] = 0;
    this.periodEnd[m] = t + drawMinutes(this.streams.online(m), this.on[g] as Distribution);
  }

  /** Moves machine m's cursor to the period holding minute t, drawing the periods in between in order. */
  private advance(m: number, g: number, t: number): void {
    let end = this.periodEnd[m];
    if (end > t) return;
    const on = this.on[g] as Distribution;
    const off = this.off[g] as Distribution;
    let start = this.periodStart[m];
    let isOn = this.periodOn[m];
    let before = this.onlineBefore[m];
    const plain = this.windows[g].length === 0;
    const exp = this.expMeans[g];
    if (exp !== null) {
      // The common `intermittent(exp(…), exp(…))` without windows, inlined: the very expression
      // of drawMinutes(exponential), so the same doubles (this loop draws most of a laptop estate).
      const onMean = exp.on;
      const offMean = exp.off;
      const at = this.aheadBase[g] + AHEAD * m;
      let ready = this.aheadCount[m];
      let head = this.aheadHead[m];
      let stream: Stream | null = null; // fetched only to draw
      while (end <= t) {
        if (isOn === 1) before += end - start;
        start = end;
        isOn ^= 1;
        if (ready > 0) {
          end = this.ahead[at + head++];
          ready--;
        } else {
          stream ??= this.streams.online(m);
          const x = -(isOn === 1 ? onMean : offMean) * Math.log(1 - stream.next());
          end = start + Math.max(1, Math.ceil(x));
        }
      }
      if (stream !== null) {
        // The stream is at hand: draw the following periods now (they alternate from isOn).
        let last = end;
        let kindOn = isOn;
        // ready is 0: the stream is fetched only when the drawn-ahead ends have run out. Periods
        // that would start at or after the horizon are never asked for, so none is drawn.
        head = 0;
        while (ready < AHEAD && last < this.horizon) {
          kindOn ^= 1;
          const x = -(kindOn === 1 ? onMean : offMean) * Math.log(1 - stream.next());
          last += Math.max(1, Math.ceil(x));
          this.ahead[at + ready++] = last;
        }
      }
      this.aheadCount[m] = ready;
      this.aheadHead[m] = head;
    }
    while (end <= t) {
      if (isOn === 1) before += plain ? end - start : this.calendarMinutes(g, start, end);
      start = end;
      isOn ^= 1;
      end = start + drawMinutes(this.streams.online(m), isOn === 1 ? on : off);
    }
    this.periodStart[m] = start;
    this.periodEnd[m] = end;
    this.periodOn[m] = isOn;
    this.onlineBefore[m] = before;
  }

  /** Whether machine m of a lazily followed group g (not EAGER) is online at minute t (§R2). */
  isOnline(m: number, g: number, t: number): boolean {
    const mode = this.mode[g];
    if (mode === OnlineMode.ALWAYS) return true;
    if (mode === OnlineMode.INTERMITTENT) {
      this.advance(m, g, t);
      if (this.periodOn[m] === 0) return false;
    }
    return this.calendarOnline(g, t);
  }

  /**
   * When to look again at machine m, offline at t: the minute it comes online for a calendar
   * pattern; for an intermittent one the end of its off period or of the offline window.
   */
  nextLook(m: number, g: number, t: number): number {
    if (this.mode[g] !== OnlineMode.INTERMITTENT) return this.nextCalendarOnline(g, t);
    this.advance(m, g, t);
    if (this.periodOn[m] === 0) return this.periodEnd[m];
    const end = this.windowEndAt(g, t);
    return end >= 0 ? end : this.nextCalendarOnline(g, t);
  }

  /** Online minutes of machine m in [0 or its join, t) (for unreachable spells: differences only). */
  onlineMinutesUntil(m: number, g: number, t: number): number {
    const mode = this.mode[g];
    if (mode === OnlineMode.ALWAYS) return t;
    if (mode === OnlineMode.CALENDAR) return this.calendarMinutes(g, 0, t);
    this.advance(m, g, t);
    const before = this.onlineBefore[m];
    return this.periodOn[m] === 1 ? before + this.calendarMinutes(g, this.periodStart[m], t) : before;
  }
}
