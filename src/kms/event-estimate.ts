// An order-of-magnitude estimate of what one run of a World costs, from its rates alone
// (docs/limits.md "Estimated events"): the events it processes, and its work — those events plus
// the online periods drawn for intermittent machines, which cost time though they are no events
// (online patterns are advanced lazily, docs/performance.md). `validate` and `run` warn above
// 10^9 units of work (a run of hours or days). Within a few per cent on always-online estates
// (100 000 clients × 1 year: 5.5 million events, estimated 5.4).
import type { Distribution } from "../engine/distribution.js";
import { distributionMean } from "../engine/draws.js";
import type { Outage, World } from "./world.js";

/** The mean of a distribution of minutes (lognormal: median × e^(σ²/2)): the engine's distributionMean. */
export const meanMinutes = distributionMean;

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
 * join, a first activation and a renewal every renewal interval; per retirement one; per outage
 * window two, per random outage process two per up/down cycle, per rebuild one. Online patterns
 * cost few events: an attempt is scheduled at the machine's next online minute, and one due while
 * an intermittent machine is off waits once more for it to come on; only non-persistent
 * intermittent machines take two events per on/off cycle (every boot re-images them).
 * Retries of clients that cannot activate (every activation interval instead of every renewal
 * interval) are not counted: the estimate is of a working estate.
 */
export function estimateEvents(world: World): number {
  const d = world.durationMin;
  const renewalsPerClient = d / Math.max(1, world.timers.renewalIntervalMin);
  let events = 0;
  for (const g of world.clients) {
    const licensing = g.count * (g.office === null ? 1 : 2);
    events += licensing * (2 + renewalsPerClient);
    if (g.online.kind === "intermittent") {
      if (g.cmid === "non-persistent") events += g.count * alternations(d, g.online.on, g.online.off);
      // An attempt that comes due while the machine is off waits for its next online minute: one
      // more event, for the share of time the machine is off.
      const on = meanMinutes(g.online.on);
      const off = meanMinutes(g.online.off);
      events += licensing * (1 + renewalsPerClient) * (off / Math.max(1, on + off));
    }
    for (const r of g.retire) events += r.count;
  }
  for (const h of world.hosts) events += outageEvents(d, h.outages) + h.rebuilds.length;
  for (const l of world.links) events += outageEvents(d, l.outages);
  for (const s of world.sites) events += outageEvents(d, s.dnsOutages);
  return events;
}

/**
 * The work of one run: its events plus the on/off periods drawn for the other intermittent
 * machines (two per cycle: each machine's pattern is drawn through the run as its attempts come
 * due). What the runaway warning compares with 10^9.
 */
export function estimateWork(world: World): number {
  let work = estimateEvents(world);
  for (const g of world.clients) {
    if (g.online.kind === "intermittent" && g.cmid !== "non-persistent") work += g.count * alternations(world.durationMin, g.online.on, g.online.off);
  }
  return work;
}
