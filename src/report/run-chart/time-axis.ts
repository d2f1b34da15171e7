// The run chart's time axis: tick instants chosen here (not by vega), so every panel shows the
// same ticks and one date format per axis, picked from the tick step: `%Y-%m-%d %H:%M` for
// minutes and hours, `%Y-%m-%d` for days and weeks, `%Y-%m` for months, `%Y` for years (UTC, ISO order).

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Step =
  | { readonly unit: "ms"; readonly size: number; readonly format: string; readonly maxTicks: number }
  | { readonly unit: "month"; readonly size: number; readonly format: string; readonly maxTicks: number };

const HOUR_FORMAT = "%Y-%m-%d %H:%M";
const DAY_FORMAT = "%Y-%m-%d";
const MONTH_FORMAT = "%Y-%m";
const YEAR_FORMAT = "%Y";

/** Candidate steps, finest first; each allows as many ticks as its labels fit in the plot width. */
const STEPS: readonly Step[] = [
  ...[10, 15, 30].map((m) => ({ unit: "ms" as const, size: m * MINUTE, format: HOUR_FORMAT, maxTicks: 7 })),
  ...[1, 2, 3, 6, 12].map((h) => ({ unit: "ms" as const, size: h * HOUR, format: HOUR_FORMAT, maxTicks: 7 })),
  ...[1, 2, 7, 14].map((d) => ({ unit: "ms" as const, size: d * DAY, format: DAY_FORMAT, maxTicks: 11 })),
  ...[1, 2, 3, 6].map((m) => ({ unit: "month" as const, size: m, format: MONTH_FORMAT, maxTicks: 12 })),
  ...[12, 24, 60, 120, 240, 600, 1200].map((m) => ({ unit: "month" as const, size: m, format: YEAR_FORMAT, maxTicks: 12 })),
];

export interface TimeAxis {
  /** Tick instants, ms since the epoch, inside [t0, t1]. */
  readonly values: readonly number[];
  /** A d3 UTC time format for every label of the axis. */
  readonly format: string;
}

/** The ticks of a step over [t0, t1]; stops once there are more than `limit`. */
function ticksOf(step: Step, t0: number, t1: number, limit: number): number[] {
  const out: number[] = [];
  if (step.unit === "ms") {
    // Counted from UTC midnight of the first day (a run starting on a Monday gets Monday weeks).
    const origin = Math.floor(t0 / DAY) * DAY;
    let t = origin + Math.ceil((t0 - origin) / step.size) * step.size;
    for (; t <= t1 && out.length <= limit; t += step.size) out.push(t);
    return out;
  }
  const d = new Date(t0);
  let y = d.getUTCFullYear();
  let m = d.getUTCMonth();
  // The first month boundary at or after t0 whose month index is a multiple of the step (from January).
  let index = y * 12 + m;
  if (Date.UTC(y, m, 1) < t0) index++;
  index = Math.ceil(index / step.size) * step.size;
  for (;;) {
    y = Math.floor(index / 12);
    m = index % 12;
    const t = Date.UTC(y, m, 1);
    if (t > t1 || out.length > limit) break;
    out.push(t);
    index += step.size;
  }
  return out;
}

/** The ticks and label format of the time axis over [t0, t1] (ms since the epoch). */
export function timeAxis(t0: number, t1: number): TimeAxis {
  for (const step of STEPS) {
    const values = ticksOf(step, t0, t1, step.maxTicks);
    if (values.length <= step.maxTicks) return { values, format: step.format };
  }
  const last = STEPS[STEPS.length - 1];
  return { values: ticksOf(last, t0, t1, Number.POSITIVE_INFINITY), format: last.format };
}
