// An order-of-magnitude estimate of the events one run of a World processes, from its rates alone
// (docs/limits.md "Estimated events"): `validate` and `run` warn above 10^9 (a run of hours or
// days), and a progress bar can turn it into an ETA. Calibrated on always-online estates, where
// it is within a few per cent (100 000 clients × 1 year: 5.5 million events, estimated 5.4).
import type { Distribution } from "../engine/distribution.js";
import type { Outage, World } from "./world.js";

const WEEK = 10_080;
/** Office hours open and close once each working day (§R2). */
const OFFICE_CHANGES_PER_WEEK = 10;

/** The mean of a distribution of minutes (lognormal: median × e^(σ²/2)). */
export function meanMinutes(d: Distribution): number {
  switch (d.kind) {
    case "fixed":
      return d.value;
    case "exp":
      return d.mean;
    case "lognormal":
      return d.median * Math.exp((d.sigma * d.sigma) / 2);
    case "uniform":
      return (d.min + d.max) / 2;
    default: {
      const never: never = d;
      return never;
    }
  }
}

/** Changes over the run of alternating spans ON and OFF: two per cycle, a cycle at least a minute (times are whole minutes). */
function alternations(durationMin: number, on: Distribution, off: Distribution): number {
  return (2 * durationMin) / Math.max(1, meanMinutes(on) + meanMinutes(off));
}

function outageEvents(durationMin: number, outages: readonly Outage[]): number {
  let n = 0;
  for (const o of outages) n += o.kind === "window" ? 2 : alternations(durationMin, o.upTime, o.downTime);
  return n;
}

/**
 * The events of one run, estimated: per licensing client (a machine, plus its Office install) a
 * join, a first activation and a renewal every renewal interval; per intermittent machine two
 * per on/off cycle of mean length; per group with office hours ten a week, and two per offline
 * window (one event serves the whole group); per outage
 * window two, per random outage process two per up/down cycle, per rebuild one. Retries of
 * clients that cannot activate (every activation interval instead of every renewal interval)
 * are not counted: the estimate is of a working estate.
 */
export function estimateEvents(world: World): number {
  const d = world.durationMin;
  const renewalsPerClient = d / Math.max(1, world.timers.renewalIntervalMin);
  let events = 0;
  for (const g of world.clients) {
    const licensing = g.count * (g.office === null ? 1 : 2);
    events += licensing * (2 + renewalsPerClient);
    if (g.online.kind === "intermittent") events += g.count * alternations(d, g.online.on, g.online.off);
    // Office hours and offline windows: one event serves the whole group (§R2).
    else if (g.online.kind === "office-hours") events += (OFFICE_CHANGES_PER_WEEK * d) / WEEK;
    events += 2 * g.offline.length;
    for (const r of g.retire) events += r.count;
  }
  for (const h of world.hosts) events += outageEvents(d, h.outages) + h.rebuilds.length;
  for (const l of world.links) events += outageEvents(d, l.outages);
  for (const s of world.sites) events += outageEvents(d, s.dnsOutages);
  return events;
}
