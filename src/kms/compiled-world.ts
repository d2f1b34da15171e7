// The World turned into index-based tables the simulation reads in its hot loop: ids become
// numbers, SRV records are sorted per site (§N2), and what each host can do for each client
// group is decided once (§H6, §O1).
import { OFFICE_THRESHOLD, hostServesEdition, hostServesOffice, thresholdOf } from "./catalog/index.js";
import { buildLayout, type Layout } from "./layout.js";
import type { Outage, Timers, World } from "./world.js";

/** One site's published SRV records, lowest priority number first, then file order (§N2). */
export interface SiteRecords {
  readonly hosts: Int32Array;
  readonly priorities: Int32Array;
  readonly weights: Float64Array;
}

/** Infrastructure entities in §T2 order: hosts as listed, then links, then sites. */
export const InfraKind = { HOST: 0, LINK: 1, DNS: 2 } as const;
export type InfraKind = (typeof InfraKind)[keyof typeof InfraKind];

/** One entry of some entity's `outages` list, flattened for the simulation. */
export interface OutageEntry {
  /** Infrastructure entity number: hosts 0 … H−1, links H …, sites' DNS H + L … (§T2 order). */
  readonly infra: number;
  readonly outage: Outage;
  /** Stream name (§R3): `outage/host/kms1/0`, `outage/link/wan/1`, `outage/dns/branch/0`. */
  readonly stream: string;
}

export interface CompiledWorld {
  readonly world: World;
  readonly layout: Layout;
  readonly timers: Timers;
  readonly hostCount: number;
  readonly linkCount: number;
  readonly siteCount: number;
  readonly hostSite: Int32Array;
  /** Activation / renewal interval each host hands out (§C1, §H8). */
  readonly hostActivationInterval: Int32Array;
  readonly hostRenewalInterval: Int32Array;
  readonly linkEnds: readonly (readonly [number, number])[];
  readonly siteRecords: readonly SiteRecords[];
  readonly outageEntries: readonly OutageEntry[];
  /** Per group: site, N-policy of its Windows edition (§C5), pinned host or -1, first machine. */
  readonly groupSite: Int32Array;
  readonly groupPolicy: Int32Array;
  readonly groupPinned: Int32Array;
  readonly groupFirstMachine: Int32Array;
  /** Group of every machine. */
  readonly machineGroup: Int32Array;
  /**
   * Whether host h can serve group g's Windows edition / Office version (§H6, §O1): 1 or 0,
   * index g × hostCount + h. (Flags, not result codes: 0xC004F042 does not fit an Int32Array.)
   */
  readonly windowsServe: Uint8Array;
  readonly officeServe: Uint8Array;
  readonly officePolicy: number;
}

/** Compiles a validated World; throws on a dangling reference (a bug: src/scenario checks them). */
export function compileWorld(world: World): CompiledWorld {
  const layout = buildLayout(world);
  const siteIndex = indexById(world.sites.map((s) => s.id), "site");
  const hostIndex = indexById(world.hosts.map((h) => h.id), "host");
  const hostCount = world.hosts.length;
  const linkCount = world.links.length;
  const siteCount = world.sites.length;

  const hostSite = Int32Array.from(world.hosts, (h) => lookup(siteIndex, h.site, "site"));
  const hostActivationInterval = Int32Array.from(world.hosts, (h) => h.activationIntervalMin ?? world.timers.activationIntervalMin);
  const hostRenewalInterval = Int32Array.from(world.hosts, (h) => h.renewalIntervalMin ?? world.timers.renewalIntervalMin);
  const linkEnds = world.links.map(
    (l) => [lookup(siteIndex, l.between[0], "site"), lookup(siteIndex, l.between[1], "site")] as const,
  );

  const siteRecords = world.sites.map((site): SiteRecords => {
    const records: { host: number; priority: number; weight: number }[] = [];
    world.hosts.forEach((host, h) => {
      if (host.srv === null) return;
      const override = site.srvOverrides.find((o) => o.host === host.id);
      records.push({ host: h, priority: override?.priority ?? host.srv.priority, weight: override?.weight ?? host.srv.weight });
    });
    records.sort((a, b) => a.priority - b.priority || a.host - b.host);
    return {
      hosts: Int32Array.from(records, (r) => r.host),
      priorities: Int32Array.from(records, (r) => r.priority),
      weights: Float64Array.from(records, (r) => r.weight),
    };
  });

  const outageEntries: OutageEntry[] = [];
  world.hosts.forEach((host, h) =>
    host.outages.forEach((outage, i) => outageEntries.push({ infra: h, outage, stream: `outage/host/${host.id}/${i}` })),
  );
  world.links.forEach((link, l) =>
    link.outages.forEach((outage, i) =>
      outageEntries.push({ infra: hostCount + l, outage, stream: `outage/link/${link.id}/${i}` }),
    ),
  );
  world.sites.forEach((site, s) =>
    site.dnsOutages.forEach((outage, i) =>
      outageEntries.push({ infra: hostCount + linkCount + s, outage, stream: `outage/dns/${site.id}/${i}` }),
    ),
  );

  const groups = world.clients;
  const groupSite = Int32Array.from(groups, (g) => lookup(siteIndex, g.site, "site"));
  const groupPolicy = Int32Array.from(groups, (g) => thresholdOf(g.edition));
  const groupPinned = Int32Array.from(groups, (g) => (g.kms.kind === "pinned" ? lookup(hostIndex, g.kms.host, "host") : -1));
  const groupFirstMachine = Int32Array.from(layout.groupFirstMachine);
  const machineGroup = new Int32Array(layout.machineCount);
  groups.forEach((g, gi) => machineGroup.fill(gi, layout.groupFirstMachine[gi], layout.groupFirstMachine[gi] + g.count));

  const windowsServe = new Uint8Array(groups.length * hostCount);
  const officeServe = new Uint8Array(groups.length * hostCount);
  groups.forEach((g, gi) =>
    world.hosts.forEach((host, h) => {
      windowsServe[gi * hostCount + h] = hostServesEdition(host, g.edition) ? 1 : 0;
      officeServe[gi * hostCount + h] = g.office !== null && hostServesOffice(host.officeKeys, g.office) ? 1 : 0;
    }),
  );

  return {
    world,
    layout,
    timers: world.timers,
    hostCount,
    linkCount,
    siteCount,
    hostSite,
    hostActivationInterval,
    hostRenewalInterval,
    linkEnds,
    siteRecords,
    outageEntries,
    groupSite,
    groupPolicy,
    groupPinned,
    groupFirstMachine,
    machineGroup,
    windowsServe,
    officeServe,
    officePolicy: OFFICE_THRESHOLD,
  };
}

function indexById(ids: readonly string[], what: string): Map<string, number> {
  const map = new Map<string, number>();
  ids.forEach((id, i) => {
    if (map.has(id)) throw new Error(`duplicate ${what} id ${id}`);
    map.set(id, i);
  });
  return map;
}

function lookup(map: Map<string, number>, id: string, what: string): number {
  const i = map.get(id);
  if (i === undefined) throw new Error(`unknown ${what} ${id}`);
  return i;
}
