// Seeded small random Worlds for the differential hash fixture (test/differential/): world i is a
// pure function of i and GENERATOR_VERSION, drawn from its own seedrandom stream, so the fixture
// can be regenerated and checked on any machine. Unlike test/oracle/world-arbitrary.ts (which must
// stay draw-free for the reference model) these worlds use every feature: random outages,
// intermittent and office-hours patterns, offline windows, renewal jitter, SRV weights, Office,
// clones, non-persistent machines, rebuilds and key exceptions, links with outages, several sites.
import seedrandom from "seedrandom";
import type { Distribution } from "../../src/engine/distribution.js";
import type {
  ClientGroupSpec,
  HostSpec,
  LinkSpec,
  OnlinePattern,
  Outage,
  PatchSpec,
  SiteSpec,
  SrvOverride,
  World,
} from "../../src/kms/world.js";
import { group, host, world } from "../support/worlds.js";

/** Bump when the generator changes: the fixture records the version it was made with. */
export const GENERATOR_VERSION = 1;
/** How many worlds the fixture holds. */
export const WORLD_COUNT = 2000;

const HOUR = 60;
const DAY = 1440;

const EDITIONS = ["Windows 11 Enterprise", "Windows 10 Enterprise", "Windows Server 2022 Standard"];
const OFFICE = ["Office LTSC 2021", "Office 2019"];
const HOST_KINDS: { os: string; csvlk: string }[] = [
  { os: "Windows Server 2022", csvlk: "Windows Server 2022" },
  { os: "Windows Server 2019", csvlk: "Windows Server 2019" },
  { os: "Windows Server 2019", csvlk: "Windows Server 2022" },
];

/** A tiny seeded helper around one alea stream. */
class Rng {
  private readonly next: () => number;
  /** Instants (`at`) fall on whole hours: joins, windows and rebuilds meet office-hours changes. */
  aligned = false;
  constructor(name: string) {
    this.next = seedrandom.alea(name);
  }
  /** An instant in 0 … max, on a whole hour in an aligned world. */
  at(max: number): number {
    const t = this.int(0, max);
    return this.aligned ? Math.floor(t / HOUR) * HOUR : t;
  }
  /** Whole number in lo … hi inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
}

export interface GeneratedWorld {
  readonly world: World;
  /** FORMAT.md `sample` (timeline row every S minutes) or null for change-driven rows. */
  readonly sampleMin: number | null;
  /** The run seed. */
  readonly seed: number;
  /** Whether the world's instants fall on whole hours (same-minute coincidences, §T2 order). */
  readonly aligned: boolean;
}

function distribution(r: Rng, scaleMin: number): Distribution {
  switch (r.int(0, 5)) {
    case 0:
      return { kind: "fixed", value: r.int(Math.ceil(scaleMin / 4), 2 * scaleMin) };
    case 1:
      return { kind: "lognormal", median: r.int(Math.ceil(scaleMin / 4), scaleMin), sigma: r.pick([0.3, 1, 1.5]) };
    case 2: {
      const min = r.int(1, scaleMin);
      return { kind: "uniform", min, max: min + r.int(0, 2 * scaleMin) };
    }
    default:
      return { kind: "exp", mean: r.int(Math.ceil(scaleMin / 4), 2 * scaleMin) };
  }
}

function outage(r: Rng, durationMin: number): Outage {
  if (r.chance(0.4)) {
    const start = r.at(durationMin);
    const len = r.int(1, r.chance(0.2) ? 21 * DAY : 3 * DAY);
    return { kind: "window", start, end: start + (r.aligned ? Math.ceil(len / HOUR) * HOUR : len) };
  }
  return { kind: "random", upTime: distribution(r, r.pick([5 * DAY, 30 * DAY, 90 * DAY])), downTime: distribution(r, r.pick([HOUR, 8 * HOUR, 3 * DAY])) };
}

function outages(r: Rng, durationMin: number, p: number): Outage[] {
  const list: Outage[] = [];
  while (list.length < 3 && r.chance(p)) list.push(outage(r, durationMin));
  return list;
}

function windows(r: Rng, durationMin: number, max: number): { start: number; end: number }[] {
  const list: { start: number; end: number }[] = [];
  while (list.length < max && r.chance(0.5)) {
    const start = r.at(durationMin);
    const end = start + r.int(1, r.chance(0.3) ? 60 * DAY : 5 * DAY);
    list.push({ start, end: r.aligned ? Math.ceil(end / HOUR) * HOUR : end });
  }
  return list;
}

function onlinePattern(r: Rng): OnlinePattern {
  const x = r.int(0, 9);
  if (x < 3) return { kind: "always" };
  if (x < 6) return { kind: "office-hours" };
  if (x < 8) return { kind: "intermittent", on: { kind: "exp", mean: 9 * HOUR }, off: { kind: "exp", mean: 15 * HOUR } };
  return { kind: "intermittent", on: distribution(r, r.pick([4 * HOUR, 8 * HOUR, DAY])), off: distribution(r, r.pick([4 * HOUR, 12 * HOUR, 3 * DAY])) };
}

function patch(r: Rng): PatchSpec {
  const x = r.int(0, 9);
  if (x === 0) return { kind: "date", date: r.pick(["2019-01-01", "2021-06-01", "2023-01-01"]) };
  if (x === 1) return { kind: "updates", kbs: [] };
  return { kind: "full" };
}

/** World number i of the fixture (0 ≤ i < WORLD_COUNT). */
export function generateWorld(i: number): GeneratedWorld {
  const r = new Rng(`kmsim-differential/${GENERATOR_VERSION}/${i}`);
  r.aligned = r.chance(0.3);
  // Mostly one to three months; some up to a year, a few up to two years (with fewer machines).
  const size = r.int(0, 9);
  const days = size < 6 ? r.int(20, 75) : size < 9 ? r.int(75, 365) : r.int(365, 730);
  const durationMin = days * DAY;
  const maxPerGroup = days > 365 ? 4 : days > 75 ? 8 : 20;

  const nSites = r.int(1, 3);
  const siteIds = Array.from({ length: nSites }, (_, s) => `s${s}`);

  const hostCount = r.int(1, 3);
  const sharedPriority = r.chance(0.5); // equal priorities: weighted choice draws from srv streams
  const hosts: HostSpec[] = [];
  for (let h = 0; h < hostCount; h++) {
    const kind = r.pick(HOST_KINDS);
    const published = !r.chance(0.15);
    const rebuildCount = r.chance(0.1) ? r.int(10, 13) : r.chance(0.3) ? r.int(1, 3) : 0;
    const rebuilds = Array.from({ length: rebuildCount }, () => r.at(durationMin));
    hosts.push(
      host(`kms${h}`, {
        site: r.pick(siteIds),
        os: kind.os,
        csvlk: kind.csvlk,
        patch: patch(r),
        officeKeys: OFFICE.filter(() => r.chance(0.5)),
        srv: published ? { priority: sharedPriority ? r.pick([0, 0, 10]) : 10 * h + r.int(0, 5), weight: r.pick([0, 0, 1, 10, 100, r.int(0, 65_535)]) } : null,
        activationIntervalMin: r.chance(0.2) ? r.int(30, 240) : undefined,
        renewalIntervalMin: r.chance(0.2) ? r.int(DAY, 14 * DAY) : undefined,
        outages: outages(r, durationMin, 0.45),
        rebuilds,
      }),
    );
  }

  const sites: SiteSpec[] = siteIds.map((id) => {
    const srvOverrides: SrvOverride[] = [];
    for (const h of hosts) {
      if (h.srv === null || !r.chance(0.15)) continue;
      srvOverrides.push(r.chance(0.5) ? { host: h.id, priority: r.int(0, 20) } : { host: h.id, weight: r.int(0, 100) });
    }
    return { id, srvOverrides, dnsOutages: outages(r, durationMin, 0.15) };
  });

  const links: LinkSpec[] = [];
  for (let a = 0; a < nSites; a++) {
    for (let b = a + 1; b < nSites; b++) {
      if (r.chance(0.75)) links.push({ id: `link${links.length}`, between: [siteIds[a], siteIds[b]], outages: outages(r, durationMin, 0.5) });
    }
  }

  const groupCount = r.int(1, 4);
  const clients: ClientGroupSpec[] = [];
  for (let g = 0; g < groupCount; g++) {
    const count = r.chance(0.05) ? 0 : r.int(1, maxPerGroup);
    const retire: { at: number; count: number }[] = [];
    let left = count;
    while (left > 0 && retire.length < 2 && r.chance(0.2)) {
      const n = r.int(1, left);
      retire.push({ at: r.at(durationMin), count: n });
      left -= n;
    }
    const cmidRoll = r.int(0, 9);
    clients.push(
      group(`g${g}`, count, {
        site: r.pick(siteIds),
        edition: r.pick(EDITIONS),
        office: r.chance(0.5) ? r.pick(OFFICE) : null,
        join: { at: r.chance(0.6) ? 0 : r.at(10 * DAY), over: r.chance(0.5) ? 0 : r.at(20 * DAY) },
        retire,
        online: onlinePattern(r),
        offline: r.chance(0.35) ? windows(r, durationMin, 2) : [],
        kms: r.chance(0.15) ? { kind: "pinned", host: r.pick(hosts).id } : { kind: "dns" },
        hostCaching: !r.chance(0.2),
        cmid: cmidRoll < 6 ? "unique" : cmidRoll < 8 ? "clone" : "non-persistent",
      }),
    );
  }

  const weekRoll = r.int(0, 3);
  const startWeekOffsetMin = weekRoll === 0 ? 0 : r.aligned ? r.at(10_079) : weekRoll === 1 ? r.int(0, 10_079) + 0.5 : r.int(0, 10_079);

  const w = world({
    name: `differential-${i}`,
    durationMin,
    startWeekOffsetMin,
    timers: {
      activationIntervalMin: r.chance(0.5) ? 120 : r.int(60, 480),
      renewalIntervalMin: r.chance(0.5) ? 7 * DAY : r.int(DAY, 14 * DAY),
      validityMin: r.chance(0.5) ? 180 * DAY : r.int(10 * DAY, 180 * DAY),
      oobGraceMin: r.chance(0.1) ? 0 : r.int(DAY, 30 * DAY),
      ootGraceMin: r.chance(0.1) ? 0 : r.int(DAY, 30 * DAY),
      renewalJitterMin: r.chance(0.4) ? r.int(1, 3 * DAY) : 0,
      keyExceptionDelayMin: r.int(HOUR, 5 * DAY),
    },
    assumptions: {
      failoverOnLowCount: r.chance(0.5),
      rejectedRequestsCounted: r.chance(0.5),
      restartKeepsTables: r.chance(0.5),
    },
    sites,
    links,
    hosts,
    clients,
  });
  const sampleMin = r.chance(0.25) ? r.pick([HOUR, DAY, 7 * DAY, r.int(1, 3 * DAY)]) : null;
  return { world: w, sampleMin, seed: r.int(0, 2 ** 31 - 1), aligned: r.aligned };
}

/** The features a world uses, by name (for the fixture's coverage count). */
export function worldFeatures(g: GeneratedWorld): string[] {
  const w = g.world;
  const f = new Set<string>();
  const allOutages = [...w.hosts.flatMap((h) => h.outages), ...w.links.flatMap((l) => l.outages), ...w.sites.flatMap((s) => s.dnsOutages)];
  if (w.hosts.some((h) => h.outages.some((o) => o.kind === "random"))) f.add("host random outage");
  if (w.hosts.some((h) => h.outages.some((o) => o.kind === "window"))) f.add("host outage window");
  if (w.links.some((l) => l.outages.some((o) => o.kind === "random"))) f.add("link random outage");
  if (w.links.some((l) => l.outages.some((o) => o.kind === "window"))) f.add("link outage window");
  if (w.sites.some((s) => s.dnsOutages.length > 0)) f.add("DNS outage");
  for (const o of allOutages) if (o.kind === "random") for (const d of [o.upTime, o.downTime]) f.add(`distribution ${d.kind}`);
  if (w.links.length > 0) f.add("links");
  if (w.sites.length > 1) f.add("several sites");
  if (w.hosts.length > 1) f.add("several hosts");
  if (w.hosts.some((h) => h.rebuilds.length > 0)) f.add("rebuilds");
  if (w.hosts.some((h) => h.rebuilds.length > 10)) f.add("key exception (> 10 rebuilds)");
  if (w.hosts.some((h) => h.srv === null)) f.add("unpublished host");
  if (w.hosts.some((h) => h.patch.kind !== "full")) f.add("partial patch level");
  if (w.hosts.some((h) => h.activationIntervalMin !== undefined || h.renewalIntervalMin !== undefined)) f.add("host timer override");
  if (w.sites.some((s) => s.srvOverrides.length > 0)) f.add("SRV override");
  const weighted = w.hosts.filter((h) => h.srv !== null && h.srv.weight > 0).map((h) => h.srv?.priority);
  if (new Set(weighted).size < weighted.length) f.add("SRV weights (shared priority)");
  for (const c of w.clients) {
    if (c.count === 0) f.add("empty group");
    f.add(`online ${c.online.kind}`);
    if (c.online.kind === "intermittent" && c.online.on.kind === "exp" && c.online.on.mean === 9 * HOUR) f.add("intermittent(exp(9h), exp(15h))");
    if (c.offline.length > 0) f.add("offline windows");
    if (c.offline.length > 0 && c.online.kind === "office-hours") f.add("office hours + offline windows");
    if (c.offline.length > 0 && c.online.kind === "intermittent") f.add("intermittent + offline windows");
    if (c.office !== null) f.add("Office");
    f.add(`cmid ${c.cmid}`);
    if (c.cmid === "non-persistent" && c.online.kind !== "always") f.add(`non-persistent + ${c.online.kind}`);
    if (c.kms.kind === "pinned") f.add("pinned host");
    if (!c.hostCaching) f.add("no host caching");
    if (c.retire.length > 0) f.add("retirements");
    if (c.join.over > 0) f.add("join spread");
    if (c.join.at > 0) f.add("late join");
  }
  if (w.timers.renewalJitterMin > 0) f.add("renewal jitter");
  if (w.timers.oobGraceMin === 0 || w.timers.ootGraceMin === 0) f.add("zero grace");
  if (w.assumptions.failoverOnLowCount) f.add("failoverOnLowCount");
  if (w.assumptions.rejectedRequestsCounted) f.add("rejectedRequestsCounted");
  if (!w.assumptions.restartKeepsTables) f.add("restart empties tables");
  if (!Number.isInteger(w.startWeekOffsetMin)) f.add("fractional week offset");
  if (g.sampleMin !== null) f.add("sampled timeline");
  if (g.aligned) f.add("instants on whole hours");
  if (w.durationMin > 365 * DAY) f.add("longer than a year");
  return [...f].sort();
}
