// Group-level online patterns (MODEL.md §R2): office hours by calendar time and explicit offline
// windows. Per-machine `intermittent` processes live in the simulation itself.

const WEEK = 10_080;
const DAY = 1_440;
const OFFICE_OPEN = 8 * 60;
const OFFICE_CLOSE = 18 * 60;

/** Whether calendar time start + t falls in Monday–Friday 08:00 ≤ time < 18:00 UTC (§R2). */
export function inOfficeHours(weekOffsetMin: number, t: number): boolean {
  const wm = (((weekOffsetMin + t) % WEEK) + WEEK) % WEEK;
  const day = Math.floor(wm / DAY);
  const tod = wm - day * DAY;
  return day < 5 && tod >= OFFICE_OPEN && tod < OFFICE_CLOSE;
}

/** The first whole minute after t at which inOfficeHours changes value. */
export function nextOfficeHoursChange(weekOffsetMin: number, t: number): number {
  const now = inOfficeHours(weekOffsetMin, t);
  const weekStart = Math.floor((weekOffsetMin + t) / WEEK) * WEEK;
  for (let week = weekStart; ; week += WEEK) {
    for (let day = 0; day < 5; day++) {
      for (const tod of [OFFICE_OPEN, OFFICE_CLOSE]) {
        const candidate = Math.ceil(week + day * DAY + tod - weekOffsetMin);
        if (candidate > t && inOfficeHours(weekOffsetMin, candidate) !== now) return candidate;
      }
    }
  }
}

/** Whether minute t lies in one of the windows [start, end). */
export function inWindows(windows: readonly { readonly start: number; readonly end: number }[], t: number): boolean {
  for (const w of windows) if (t >= w.start && t < w.end) return true;
  return false;
}

/** The first window boundary after t, or Infinity. */
export function nextWindowBoundary(windows: readonly { readonly start: number; readonly end: number }[], t: number): number {
  let next = Infinity;
  for (const w of windows) {
    if (w.start > t && w.start < next) next = w.start;
    if (w.end > t && w.end < next) next = w.end;
  }
  return next;
}

// Closed forms over whole minutes, for patterns advanced lazily (docs/performance.md). For a whole
// minute t, start + t falls in [L, R) exactly when t ∈ [L − ⌊offset⌋, R − ⌊offset⌋) (L, R whole), so
// a fractional week offset acts as its floor.

const OFFICE_DAY_MIN = OFFICE_CLOSE - OFFICE_OPEN;

/** Office minutes in calendar minutes [0, x) counted from a Monday 00:00 (x ≥ 0 whole). */
function officeMinutesBefore(x: number): number {
  const weeks = Math.floor(x / WEEK);
  const wm = x - weeks * WEEK;
  const day = Math.floor(wm / DAY);
  const tod = wm - day * DAY;
  const partial = day < 5 ? Math.min(Math.max(tod - OFFICE_OPEN, 0), OFFICE_DAY_MIN) : 0;
  return weeks * 5 * OFFICE_DAY_MIN + Math.min(day, 5) * OFFICE_DAY_MIN + partial;
}

/** How many whole minutes t in [a, b) are office hours (inOfficeHours), for 0 ≤ a ≤ b. */
export function officeMinutesBetween(weekOffsetMin: number, a: number, b: number): number {
  const o = Math.floor(weekOffsetMin);
  return officeMinutesBefore(o + b) - officeMinutesBefore(o + a);
}

/**
 * inOfficeHours for a whole offset o and a whole minute t ≥ 0: the same answer, with the minute
 * of the week from a division and a floor (exact for whole numbers) instead of a floating-point
 * remainder, several times slower, at every attempt of an office-hours machine.
 */
export function isOfficeMinute(o: number, t: number): boolean {
  const x = o + t;
  const wm = x - Math.floor(x / WEEK) * WEEK;
  const day = Math.floor(wm / DAY);
  const tod = wm - day * DAY;
  return day < 5 && tod >= OFFICE_OPEN && tod < OFFICE_CLOSE;
}

/** The first whole minute ≥ t (t ≥ 0) that is office hours (inOfficeHours). */
export function nextOfficeMinute(weekOffsetMin: number, t: number): number {
  const x = Math.floor(weekOffsetMin) + t;
  const wm = x - Math.floor(x / WEEK) * WEEK;
  const day = Math.floor(wm / DAY);
  const tod = wm - day * DAY;
  if (day < 5 && tod < OFFICE_OPEN) return t + OFFICE_OPEN - tod;
  if (day < 5 && tod < OFFICE_CLOSE) return t;
  const days = day < 4 ? 1 : 7 - day; // the next weekday: Friday evening and the weekend go to Monday
  return t + days * DAY - tod + OFFICE_OPEN;
}

/** Windows sorted by start and merged where they overlap or touch: the same minutes, disjoint. */
export function mergeWindows(windows: readonly { readonly start: number; readonly end: number }[]): { start: number; end: number }[] {
  const sorted = windows.filter((w) => w.end > w.start).map((w) => ({ start: w.start, end: w.end }));
  sorted.sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const w of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && w.start <= last.end) last.end = Math.max(last.end, w.end);
    else merged.push(w);
  }
  return merged;
}
