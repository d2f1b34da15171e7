// An independent reference implementation (test oracle) of a deterministic subset of MODEL.md:
// a plain minute-stepping simulator. Every minute t = 0 … duration − 1 runs §T2's four phases in
// order. It supports scheduled windows only (no random outage processes, no intermittent online
// pattern, no renewal jitter) and throws if discovery would ever need a random draw (two published
// records with the same priority visible from one site). Written from MODEL.md, FORMAT.md and
// docs/model-notes.md only, without reading the real model's engine; speed does not matter.
import { hostServesEdition, hostServesOffice, thresholdOf } from "../../src/kms/catalog/index.js";
import { LicenseState, Pool, ResultCode } from "../../src/kms/facts.js";
import type { FactSink } from "../../src/kms/facts.js";
import { buildLayout } from "../../src/kms/layout.js";
import type { ClientGroupSpec, HostSpec, Outage, World } from "../../src/kms/world.js";

/** §T1: a count entry last seen at s is live while t < s + 30 d. */
const ENTRY_LIFETIME = 43_200;
/** §H7: a host key activates one host up to 10 times. */
const MAX_ACTIVATIONS = 10;
const WEEK = 10_080;
const DAY = 1_440;

interface HostState {
  up: boolean;
  activated: boolean;
  activations: number;
  /** Minute at which a pending §H7 key exception activates the host, or null. */
  exceptionAt: number | null;
  /** Per pool: CMID → last-seen minute; Map order = least recently seen first (§H4). */
  tables: [Map<number, number>, Map<number, number>];
  /** Per pool: capacity, 2 × the largest N-policy of valid requests counted since (re)build (§H4). */
  capacity: [number, number];
  /** Per pool: the last live count reported with hostCount. */
  reported: [number, number];
}

interface MachineState {
  group: number;
  member: number;
  joinAt: number;
  joined: boolean;
  retired: boolean;
  online: boolean;
  /** Licensing clients of this machine: Windows first, then Office if any. */
  clients: number[];
}

interface ClientState {
  machine: number;
  office: boolean;
  pool: Pool;
  threshold: number;
  state: LicenseState;
  cmid: number;
  /** Licensed while t < validityEnd (§C2). */
  validityEnd: number;
  /** End of the current oob or oot grace (§C4). */
  graceEnd: number;
  /** Minute the next attempt is due (§C3); Infinity when none. */
  nextDue: number;
  cachedHost: number | null;
  ai: number;
  ri: number;
  /** Online minutes of the open unreachable spell (since an attempt ended 0xC004F074), null when none. */
  unreachableMin: number | null;
}

function windowsDown(outages: readonly Outage[], t: number): boolean {
  for (const o of outages) {
    if (o.kind !== "window") throw new Error("reference model: random outage processes are not supported");
    if (o.start <= t && t < o.end) return true;
  }
  return false;
}

function patternOnline(world: World, g: ClientGroupSpec, t: number): boolean {
  for (const w of g.offline) if (w.start <= t && t < w.end) return false;
  switch (g.online.kind) {
    case "always":
      return true;
    case "office-hours": {
      const wm = (((world.startWeekOffsetMin + t) % WEEK) + WEEK) % WEEK;
      const day = Math.floor(wm / DAY);
      const tod = wm - day * DAY;
      return day < 5 && tod >= 480 && tod < 1080;
    }
    default:
      throw new Error("reference model: intermittent online pattern is not supported");
  }
}

/** Runs the reference model over `world`, reporting every fact to `sink`. */
export function referenceSimulate(world: World, sink: FactSink): void {
  if (world.timers.renewalJitterMin !== 0) throw new Error("reference model: renewalJitter must be 0");
  const layout = buildLayout(world);
  const T = world.timers;
  const A = world.assumptions;
  const siteIndex = new Map(world.sites.map((s, i) => [s.id, i]));
  const hostIndex = new Map(world.hosts.map((h, i) => [h.id, i]));

  // ---- DNS records per site (§N2): published hosts with the site's overrides, by priority then file order.
  const records: number[][] = world.sites.map((site) => {
    const list: { host: number; priority: number }[] = [];
    world.hosts.forEach((h, i) => {
      if (h.srv === null) return;
      const o = site.srvOverrides.find((x) => x.host === h.id);
      list.push({ host: i, priority: o?.priority ?? h.srv.priority });
    });
    list.sort((a, b) => a.priority - b.priority || a.host - b.host);
    for (let k = 1; k < list.length; k++) {
      if (list[k].priority === list[k - 1].priority) {
        throw new Error(`reference model: site ${site.id} sees two records with priority ${list[k].priority} (needs a draw)`);
      }
    }
    return list.map((r) => r.host);
  });

  // ---- hosts
  const hosts: HostState[] = world.hosts.map(() => ({
    up: true,
    activated: true,
    activations: 1,
    exceptionAt: null,
    tables: [new Map(), new Map()],
    capacity: [0, 0],
    reported: [0, 0],
  }));
  const hostAi = (h: HostSpec): number => h.activationIntervalMin ?? T.activationIntervalMin;
  const hostRi = (h: HostSpec): number => h.renewalIntervalMin ?? T.renewalIntervalMin;
  const linkUp: boolean[] = world.links.map(() => true);
  const dnsUp: boolean[] = world.sites.map(() => true);

  // ---- machines and licensing clients
  let nextCmid = 1;
  const cloneCmid = new Map<string, number>();
  const cmidFor = (g: number, pool: Pool): number => {
    if (world.clients[g].cmid === "clone") {
      const key = `${g}/${pool}`;
      let c = cloneCmid.get(key);
      if (c === undefined) {
        c = nextCmid++;
        cloneCmid.set(key, c);
      }
      return c;
    }
    return nextCmid++;
  };
  const machines: MachineState[] = [];
  const clients: ClientState[] = [];
  world.clients.forEach((g, gi) => {
    for (let i = 0; i < g.count; i++) {
      const m = machines.length;
      const ids = [m * layout.stride];
      if (g.office !== null) ids.push(m * layout.stride + 1);
      machines.push({
        group: gi,
        member: i,
        joinAt: g.join.at + Math.floor((i * g.join.over) / g.count),
        joined: false,
        retired: false,
        online: false,
        clients: ids,
      });
      for (const c of ids) {
        const office = c !== m * layout.stride;
        clients[c] = {
          machine: m,
          office,
          pool: office ? Pool.OFFICE : Pool.WINDOWS,
          threshold: office ? 5 : thresholdOf(g.edition),
          state: LicenseState.NONE,
          cmid: 0,
          validityEnd: 0,
          graceEnd: 0,
          nextDue: Infinity,
          cachedHost: null,
          ai: T.activationIntervalMin,
          ri: T.renewalIntervalMin,
          unreachableMin: null,
        };
      }
    }
  });
  /** Licensing-client numbers in order (§T2); the unused Office slots of groups without Office are skipped. */
  const clientOrder: number[] = [];
  clients.forEach((_, c) => clientOrder.push(c));

  const setState = (t: number, c: number, to: LicenseState): void => {
    const cs = clients[c];
    const from = cs.state;
    cs.state = to;
    if (from !== to) sink.stateChanged(t, c, from, to);
  };

  const reportCounts = (t: number, h: number): void => {
    const hs = hosts[h];
    for (const pool of [Pool.WINDOWS, Pool.OFFICE] as const) {
      const n = hs.tables[pool].size;
      if (n !== hs.reported[pool]) {
        hs.reported[pool] = n;
        sink.hostCount(t, h, pool, n);
      }
    }
  };

  /** Inserts or refreshes a CMID (§H2, §H4): least recently seen evicted when full. */
  const upsert = (t: number, h: number, pool: Pool, cmid: number): void => {
    const table = hosts[h].tables[pool];
    const cap = hosts[h].capacity[pool];
    if (table.has(cmid)) {
      table.delete(cmid);
      table.set(cmid, t);
      return;
    }
    if (cap === 0) return;
    while (table.size >= cap) {
      const oldest = table.keys().next().value as number;
      table.delete(oldest);
    }
    table.set(cmid, t);
  };

  /** §N1: whether two sites are joined through links that are up now (multi-hop, breadth-first). */
  const connected = (clientSite: number, hostSite: number): boolean => {
    if (clientSite === hostSite) return true;
    const seen = new Set<number>([clientSite]);
    const queue = [clientSite];
    while (queue.length > 0) {
      const s = queue.shift()!;
      world.links.forEach((l, li) => {
        if (!linkUp[li]) return;
        const a = siteIndex.get(l.between[0])!;
        const b = siteIndex.get(l.between[1])!;
        const other = a === s ? b : b === s ? a : -1;
        if (other >= 0 && !seen.has(other)) {
          seen.add(other);
          queue.push(other);
        }
      });
    }
    return seen.has(hostSite);
  };

  /** connectedNow[a][b], recomputed after each minute's phase 1. */
  let connectedNow: boolean[][] = [];
  const reachable = (clientSite: number, hostSite: number): boolean => connectedNow[clientSite][hostSite];

  // Retirements per group in time order (§C8).
  const retirements = world.clients.map((g) => [...g.retire].sort((a, b) => a.at - b.at));
  const firstMachine: number[] = [];
  {
    let m = 0;
    for (const g of world.clients) {
      firstMachine.push(m);
      m += g.count;
    }
  }

  const joinClient = (t: number, c: number): void => {
    const cs = clients[c];
    const g = machines[cs.machine].group;
    cs.cmid = cmidFor(g, cs.pool);
    sink.joined(t, c);
    if (T.oobGraceMin > 0) {
      setState(t, c, LicenseState.OOB_GRACE);
      cs.graceEnd = t + T.oobGraceMin;
    } else setState(t, c, LicenseState.NOTIFICATION);
    cs.nextDue = t;
  };

  const reimageClient = (t: number, c: number): void => {
    const cs = clients[c];
    cs.cmid = nextCmid++;
    if (T.oobGraceMin > 0) {
      setState(t, c, LicenseState.OOB_GRACE);
      cs.graceEnd = t + T.oobGraceMin;
    } else setState(t, c, LicenseState.NOTIFICATION);
    cs.nextDue = t;
  };

  /** Closes client c's unreachable spell, if open, and reports its online minutes. */
  const endSpell = (t: number, c: number): void => {
    const cs = clients[c];
    if (cs.unreachableMin === null) return;
    sink.unreachableEnded(t, c, cs.unreachableMin);
    cs.unreachableMin = null;
  };

  /** One activation attempt (§C6). */
  const attempt = (t: number, c: number): void => {
    const cs = clients[c];
    const machine = machines[cs.machine];
    const g = world.clients[machine.group];
    const site = siteIndex.get(g.site)!;
    const tried = new Set<number>();
    let lastAnswer: ResultCode | null = null;
    let success: number | null = null;

    /** Sends one request; returns true when the attempt ends with it. */
    const ask = (h: number): boolean => {
      tried.add(h);
      const spec = world.hosts[h];
      const hs = hosts[h];
      if (!hs.up || !reachable(site, siteIndex.get(spec.site)!)) {
        sink.request(t, c, cs.cmid, h, cs.pool, ResultCode.NO_ANSWER, -1);
        return false;
      }
      let rejected: ResultCode | null = null;
      if (!hs.activated) rejected = ResultCode.HOST_NOT_ACTIVATED;
      else {
        const served = cs.office ? hostServesOffice(spec.officeKeys, g.office!) : hostServesEdition(spec, g.edition);
        if (!served) rejected = ResultCode.PRODUCT_NOT_SERVED;
      }
      if (rejected !== null) {
        if (A.rejectedRequestsCounted) upsert(t, h, cs.pool, cs.cmid);
        sink.request(t, c, cs.cmid, h, cs.pool, rejected, -1);
        reportCounts(t, h);
        lastAnswer = rejected;
        return false;
      }
      hs.capacity[cs.pool] = Math.max(hs.capacity[cs.pool], 2 * cs.threshold);
      upsert(t, h, cs.pool, cs.cmid);
      const count = hs.tables[cs.pool].size;
      cs.ai = hostAi(spec);
      cs.ri = hostRi(spec);
      const ok = count >= cs.threshold;
      sink.request(t, c, cs.cmid, h, cs.pool, ok ? ResultCode.SUCCESS : ResultCode.COUNT_TOO_LOW, count);
      reportCounts(t, h);
      if (ok) {
        success = h;
        return true;
      }
      lastAnswer = ResultCode.COUNT_TOO_LOW;
      return !A.failoverOnLowCount;
    };

    if (g.kms.kind === "pinned") {
      ask(hostIndex.get(g.kms.host)!);
    } else {
      let done = false;
      if (g.hostCaching && cs.cachedHost !== null) done = ask(cs.cachedHost);
      if (!done && dnsUp[site]) {
        for (const h of records[site]) {
          if (tried.has(h)) continue;
          if (ask(h)) break;
        }
      }
    }

    if (success !== null) {
      if (g.hostCaching) cs.cachedHost = success;
      setState(t, c, LicenseState.LICENSED);
      cs.validityEnd = t + T.validityMin;
      cs.nextDue = t + cs.ri;
      sink.attemptEnded(t, c, ResultCode.SUCCESS);
      endSpell(t, c);
    } else {
      cs.nextDue = t + cs.ai;
      sink.attemptEnded(t, c, lastAnswer ?? ResultCode.NO_HOST);
      if (lastAnswer !== null) endSpell(t, c);
      else if (cs.unreachableMin === null) cs.unreachableMin = 0;
    }
  };

  for (let t = 0; t < world.durationMin; t++) {
    // ---- phase 1: infrastructure — hosts, links, sites' DNS (§T2, §T3, §H3–§H7)
    world.hosts.forEach((spec, h) => {
      const hs = hosts[h];
      const up = !windowsDown(spec.outages, t);
      const wasUp = hs.up;
      hs.up = up;
      if (up !== wasUp) sink.hostUp(t, h, up);
      if (up && !wasUp && !A.restartKeepsTables) {
        hs.tables[0].clear();
        hs.tables[1].clear();
      }
      for (const r of spec.rebuilds) {
        if (r !== t) continue;
        sink.hostRebuilt(t, h);
        hs.tables[0].clear();
        hs.tables[1].clear();
        hs.capacity = [0, 0];
        if (hs.exceptionAt !== null) {
          hs.exceptionAt = t + T.keyExceptionDelayMin;
        } else if (hs.activations + 1 > MAX_ACTIVATIONS) {
          hs.activated = false;
          hs.exceptionAt = t + T.keyExceptionDelayMin;
        } else {
          hs.activations++;
        }
      }
      if (hs.exceptionAt !== null && hs.exceptionAt <= t) {
        hs.exceptionAt = null;
        hs.activated = true;
        hs.activations = 1;
        hs.tables[0].clear();
        hs.tables[1].clear();
        hs.capacity = [0, 0];
      }
      for (const table of hs.tables) {
        for (const [cmid, seen] of table) if (t >= seen + ENTRY_LIFETIME) table.delete(cmid);
      }
      reportCounts(t, h);
    });
    let linksChanged = t === 0;
    world.links.forEach((l, li) => {
      const up = !windowsDown(l.outages, t);
      if (up !== linkUp[li]) {
        linksChanged = true;
        linkUp[li] = up;
        sink.linkUp(t, li, up);
      }
    });
    world.sites.forEach((s, si) => {
      const up = !windowsDown(s.dnsOutages, t);
      if (up !== dnsUp[si]) {
        dnsUp[si] = up;
        sink.dnsUp(t, si, up);
      }
    });

    if (linksChanged) connectedNow = world.sites.map((_, a) => world.sites.map((_, b) => connected(a, b)));

    // ---- phase 2: population — per machine: join, retirement, online re-evaluation (§C7, §C8, §R2)
    const retiringNow = new Set<number>();
    world.clients.forEach((g, gi) => {
      for (const r of retirements[gi]) {
        if (r.at !== t) continue;
        let left = r.count;
        for (let i = 0; i < g.count && left > 0; i++) {
          const m = firstMachine[gi] + i;
          if (machines[m].retired || retiringNow.has(m)) continue;
          retiringNow.add(m);
          left--;
        }
      }
    });
    const groupOnline = world.clients.map((g) => patternOnline(world, g, t));
    machines.forEach((ms, m) => {
      const g = world.clients[ms.group];
      // A member retired in its join minute joins first, then retires (model-notes).
      if (!ms.joined && !ms.retired && ms.joinAt === t) {
        ms.joined = true;
        ms.online = groupOnline[ms.group];
        for (const c of ms.clients) joinClient(t, c);
      }
      if (retiringNow.has(m)) {
        ms.retired = true;
        if (ms.joined) {
          for (const c of ms.clients) {
            const cs = clients[c];
            const from = cs.state;
            cs.state = LicenseState.NONE;
            cs.nextDue = Infinity;
            sink.retired(t, c, from);
            endSpell(t, c);
          }
        }
      }
      if (ms.joined && !ms.retired) {
        const online = groupOnline[ms.group];
        const boot = online && !ms.online;
        ms.online = online;
        if (boot && g.cmid === "non-persistent") for (const c of ms.clients) reimageClient(t, c);
      }
    });

    // ---- phase 3: licence expiries (§C2, §C4)
    for (const c of clientOrder) {
      const cs = clients[c];
      if (cs.state === LicenseState.LICENSED && t >= cs.validityEnd) {
        sink.lapsed(t, c);
        if (T.ootGraceMin > 0) {
          setState(t, c, LicenseState.OOT_GRACE);
          cs.graceEnd = t + T.ootGraceMin;
        } else setState(t, c, LicenseState.NOTIFICATION);
      } else if ((cs.state === LicenseState.OOB_GRACE || cs.state === LicenseState.OOT_GRACE) && t >= cs.graceEnd) {
        setState(t, c, LicenseState.NOTIFICATION);
      }
    }

    // ---- phase 4: activation attempts in client-number order (§C3, §C6)
    for (const c of clientOrder) {
      const cs = clients[c];
      const ms = machines[cs.machine];
      if (!ms.joined || ms.retired || !ms.online) continue;
      if (cs.nextDue <= t) attempt(t, c);
    }

    // ---- minute t is over: an open unreachable spell counts it if the machine was online (§R2)
    for (const c of clientOrder) {
      const cs = clients[c];
      if (cs.unreachableMin !== null && machines[cs.machine].online) cs.unreachableMin++;
    }
  }
  for (const c of clientOrder) endSpell(world.durationMin, c);
}
