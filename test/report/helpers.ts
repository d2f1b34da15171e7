// Test helpers for src/report: minimal Worlds, replayable facts and a toy fact generator that
// reproduces the deterministic examples' fact streams (single-pool count tables with §H3 expiry,
// host windows, cached host then DNS by priority, §T2 order). The toy is a test oracle for the
// report layer only, not a model.
import { LicenseState, Pool, ResultCode } from "../../src/kms/facts.js";
import type { FactSink } from "../../src/kms/facts.js";
import { buildLayout } from "../../src/kms/layout.js";
import type { Layout } from "../../src/kms/layout.js";
import { DEFAULT_ASSUMPTIONS, DEFAULT_TIMERS } from "../../src/kms/world.js";
import type { ClientGroupSpec, HostSpec, LinkSpec, Outage, SiteSpec, World } from "../../src/kms/world.js";

/** 2027-01-04T00:00:00Z, FORMAT.md's default `start`. */
export const START_MS = Date.UTC(2027, 0, 4);

export interface HostInput {
  id: string;
  windows?: [number, number][];
  priority?: number;
}

export interface GroupInput {
  id: string;
  count: number;
  office?: boolean;
  joinAt?: number;
  joinOver?: number;
}

export function makeWorld(input: {
  name?: string;
  durationMin: number;
  hosts?: HostInput[];
  groups?: GroupInput[];
  links?: string[];
  sites?: { id: string; dnsOutages?: [number, number][] }[];
}): World {
  const win = (w: [number, number][] = []): Outage[] => w.map(([start, end]) => ({ kind: "window", start, end }));
  const sites: SiteSpec[] = (input.sites ?? [{ id: "hq" }]).map((s) => ({
    id: s.id,
    srvOverrides: [],
    dnsOutages: win(s.dnsOutages),
  }));
  const hosts: HostSpec[] = (input.hosts ?? []).map((h) => ({
    id: h.id,
    site: sites[0].id,
    os: "Windows Server 2022",
    csvlk: "Windows Server 2022",
    patch: { kind: "full" },
    officeKeys: ["Office LTSC 2024"],
    srv: { priority: h.priority ?? 0, weight: 0 },
    outages: win(h.windows),
    rebuilds: [],
  }));
  const links: LinkSpec[] = (input.links ?? []).map((id) => ({
    id,
    between: [sites[0].id, sites[sites.length - 1].id],
    outages: [],
  }));
  const clients: ClientGroupSpec[] = (input.groups ?? []).map((g) => ({
    id: g.id,
    site: sites[0].id,
    count: g.count,
    edition: "Windows 11 Enterprise",
    office: g.office ? "Office LTSC 2024" : null,
    join: { at: g.joinAt ?? 0, over: g.joinOver ?? 0 },
    retire: [],
    online: { kind: "always" },
    offline: [],
    kms: { kind: "dns" },
    hostCaching: true,
    cmid: "unique",
  }));
  return {
    name: input.name ?? "test",
    durationMin: input.durationMin,
    startWeekOffsetMin: 0,
    timers: DEFAULT_TIMERS,
    assumptions: DEFAULT_ASSUMPTIONS,
    sites,
    links,
    hosts,
    clients,
  };
}

// ---- the toy fact generator ---------------------------------------------------------------

export interface ToyClient {
  /** Licensing-client number (layout.ts). */
  client: number;
  joinAt: number;
  threshold: number;
  cmid: number;
  pool: Pool;
}

interface ToyState {
  state: LicenseState;
  next: number;
  cached: number;
  /** Minute of the 0xC004F074 attempt that opened the client's unreachable spell, -1 when none. */
  unreachableFrom: number;
}

const TTL = 43_200; // §H3
const AI = 120; // §C1
const RI = 10_080; // §C1

/**
 * Emits, in §T2 order, the facts of a deterministic KMS estate: hosts with down windows and SRV
 * priorities, always-online DNS clients with host caching, no lapses (validity and grace outlast
 * the run). Enough to replay the four examples of FORMAT.md's examples folder.
 */
export function runToy(world: World, clients: ToyClient[], sink: FactSink): void {
  const hosts = world.hosts;
  const tables = hosts.map(() => [new Map<number, number>(), new Map<number, number>()]);
  const up = hosts.map(() => true);
  const st: ToyState[] = clients.map((c) => ({ state: LicenseState.NONE, next: c.joinAt, cached: -1, unreachableFrom: -1 }));
  const dnsOrder = hosts.map((_, i) => i).sort((a, b) => (hosts[a].srv?.priority ?? 0) - (hosts[b].srv?.priority ?? 0));
  const isDown = (h: number, t: number): boolean =>
    hosts[h].outages.some((o) => o.kind === "window" && o.start <= t && t < o.end);

  let m = 0;
  while (m < world.durationMin) {
    // Phase 1: infrastructure, then count-entry expiry.
    for (let h = 0; h < hosts.length; h++) {
      const down = isDown(h, m);
      if (down === up[h]) {
        up[h] = !down;
        sink.hostUp(m, h, !down);
      }
      for (const pool of [Pool.WINDOWS, Pool.OFFICE]) {
        const table = tables[h][pool];
        let changed = false;
        for (const [cmid, seen] of table) {
          if (seen + TTL <= m) {
            table.delete(cmid);
            changed = true;
          }
        }
        if (changed) sink.hostCount(m, h, pool, table.size);
      }
    }
    // Phase 2: joins.
    clients.forEach((c, i) => {
      if (c.joinAt === m) {
        sink.joined(m, c.client);
        sink.stateChanged(m, c.client, LicenseState.NONE, LicenseState.OOB_GRACE);
        st[i].state = LicenseState.OOB_GRACE;
      }
    });
    // Phase 4: attempts, in licensing-client order.
    clients.forEach((c, i) => {
      const s = st[i];
      if (s.state === LicenseState.NONE || s.next !== m) return;
      const candidates = s.cached >= 0 ? [s.cached, ...dnsOrder.filter((h) => h !== s.cached)] : dnsOrder;
      let result: ResultCode = ResultCode.NO_HOST;
      for (const h of candidates) {
        if (!up[h]) {
          sink.request(m, c.client, c.cmid, h, c.pool, ResultCode.NO_ANSWER, -1);
          continue;
        }
        const table = tables[h][c.pool];
        const before = table.size;
        table.delete(c.cmid);
        table.set(c.cmid, m);
        if (table.size !== before) sink.hostCount(m, h, c.pool, table.size);
        result = table.size >= c.threshold ? ResultCode.SUCCESS : ResultCode.COUNT_TOO_LOW;
        sink.request(m, c.client, c.cmid, h, c.pool, result, table.size);
        if (result === ResultCode.SUCCESS) s.cached = h;
        break;
      }
      sink.attemptEnded(m, c.client, result);
      // Always online: every minute of an unreachable spell counts.
      if (result === ResultCode.NO_HOST) {
        if (s.unreachableFrom < 0) s.unreachableFrom = m;
      } else if (s.unreachableFrom >= 0) {
        sink.unreachableEnded(m, c.client, m - s.unreachableFrom);
        s.unreachableFrom = -1;
      }
      if (result === ResultCode.SUCCESS) {
        if (s.state !== LicenseState.LICENSED) {
          sink.stateChanged(m, c.client, s.state, LicenseState.LICENSED);
          s.state = LicenseState.LICENSED;
        }
        s.next = m + RI;
      } else {
        s.next = m + AI;
      }
    });
    // Next minute with something to do.
    let next = world.durationMin;
    for (const c of clients) if (c.joinAt > m && c.joinAt < next) next = c.joinAt;
    for (const s of st) if (s.state !== LicenseState.NONE && s.next > m && s.next < next) next = s.next;
    for (const h of hosts) {
      for (const o of h.outages) {
        if (o.kind !== "window") continue;
        if (o.start > m && o.start < next) next = o.start;
        if (o.end > m && o.end < next) next = o.end;
      }
    }
    for (const byPool of tables) {
      for (const table of byPool) for (const seen of table.values()) if (seen + TTL > m && seen + TTL < next) next = seen + TTL;
    }
    m = next;
  }
  clients.forEach((c, i) => {
    const from = st[i].unreachableFrom;
    if (from >= 0) sink.unreachableEnded(world.durationMin, c.client, world.durationMin - from);
  });
}

/** Toy clients of a world's groups: unique CMIDs (= client number) unless listed in `cloneGroups`. */
export function toyClients(
  world: World,
  layout: Layout,
  thresholds: Record<string, number>,
  cloneGroups: string[] = [],
): ToyClient[] {
  const out: ToyClient[] = [];
  world.clients.forEach((g, gi) => {
    const first = layout.groupFirstMachine[gi];
    for (let i = 0; i < g.count; i++) {
      const machine = first + i;
      const joinAt = g.join.at + Math.floor((i * g.join.over) / g.count);
      const clone = cloneGroups.includes(g.id);
      out.push({
        client: machine * layout.stride,
        joinAt,
        threshold: thresholds[g.id] ?? 25,
        cmid: clone ? 1_000_000 + gi : machine * layout.stride,
        pool: Pool.WINDOWS,
      });
      if (g.office !== null) {
        out.push({
          client: machine * layout.stride + 1,
          joinAt,
          threshold: 5,
          cmid: clone ? 2_000_000 + gi : machine * layout.stride + 1,
          pool: Pool.OFFICE,
        });
      }
    }
  });
  return out;
}

export { buildLayout };

// ---- a recording sink -----------------------------------------------------------------------

/** One fact as plain data, for replaying into several sinks. */
export type Fact =
  | { kind: "joined"; at: number; client: number }
  | { kind: "retired"; at: number; client: number; from: LicenseState }
  | { kind: "lapsed"; at: number; client: number }
  | { kind: "stateChanged"; at: number; client: number; from: LicenseState; to: LicenseState }
  | {
      kind: "request";
      at: number;
      client: number;
      cmid: number;
      host: number;
      pool: Pool;
      result: ResultCode;
      count: number;
    }
  | { kind: "attemptEnded"; at: number; client: number; result: ResultCode }
  | { kind: "hostCount"; at: number; host: number; pool: Pool; count: number }
  | { kind: "hostUp"; at: number; host: number; up: boolean }
  | { kind: "hostRebuilt"; at: number; host: number }
  | { kind: "linkUp"; at: number; link: number; up: boolean }
  | { kind: "dnsUp"; at: number; site: number; up: boolean };

/** Calls the sink method of each fact, in order. */
export function replay(facts: readonly Fact[], sink: FactSink): void {
  for (const f of facts) {
    switch (f.kind) {
      case "joined":
        sink.joined(f.at, f.client);
        break;
      case "retired":
        sink.retired(f.at, f.client, f.from);
        break;
      case "lapsed":
        sink.lapsed(f.at, f.client);
        break;
      case "stateChanged":
        sink.stateChanged(f.at, f.client, f.from, f.to);
        break;
      case "request":
        sink.request(f.at, f.client, f.cmid, f.host, f.pool, f.result, f.count);
        break;
      case "attemptEnded":
        sink.attemptEnded(f.at, f.client, f.result);
        break;
      case "hostCount":
        sink.hostCount(f.at, f.host, f.pool, f.count);
        break;
      case "hostUp":
        sink.hostUp(f.at, f.host, f.up);
        break;
      case "hostRebuilt":
        sink.hostRebuilt(f.at, f.host);
        break;
      case "linkUp":
        sink.linkUp(f.at, f.link, f.up);
        break;
      case "dnsUp":
        sink.dnsUp(f.at, f.site, f.up);
        break;
      default: {
        const never: never = f;
        throw new Error(`unknown fact ${JSON.stringify(never)}`);
      }
    }
  }
}

