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
