// Random deterministic Worlds for the differential test (test/oracle/differential.test.ts): scheduled
// windows only, no intermittent online pattern, no renewal jitter, and every site sees published
// records with pairwise distinct priorities, so the model never makes a random draw.
import fc from "fast-check";
import type { ClientGroupSpec, HostSpec, LinkSpec, Outage, SiteSpec, SrvOverride, World } from "../../src/kms/world.js";
import { group, host, world } from "../support/worlds.js";

const DAY = 1440;

// ---- generators ------------------------------------------------------------------------------

const windowArb = (maxStart: number): fc.Arbitrary<{ start: number; end: number }> =>
  fc
    .record({ start: fc.integer({ min: 0, max: maxStart }), len: fc.integer({ min: 1, max: 3 * DAY }) })
    .map(({ start, len }) => ({ start, end: start + len }));

const outagesArb = (maxStart: number, max: number): fc.Arbitrary<Outage[]> =>
  fc.array(windowArb(maxStart), { maxLength: max }).map((ws) => ws.map((x): Outage => ({ kind: "window", ...x })));

const EDITIONS = ["Windows 11 Enterprise", "Windows 10 Enterprise", "Windows Server 2022 Standard"];
const OFFICE = ["Office LTSC 2021", "Office 2019"];
const HOST_KINDS: { os: string; csvlk: string }[] = [
  { os: "Windows Server 2022", csvlk: "Windows Server 2022" },
  { os: "Windows Server 2019", csvlk: "Windows Server 2019" },
  { os: "Windows Server 2019", csvlk: "Windows Server 2022" },
];

export const worldArb: fc.Arbitrary<World> = fc
  .record({
    longRun: fc.integer({ min: 0, max: 5 }).map((x) => x === 0),
    days: fc.integer({ min: 3, max: 20 }),
    longDays: fc.integer({ min: 31, max: 36 }),
    weekOffset: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 10_079 })),
    nSites: fc.integer({ min: 1, max: 3 }),
    links: fc.array(
      fc.record({ a: fc.nat(2), b: fc.nat(2), outages: outagesArb(20 * DAY, 2) }),
      { maxLength: 3 },
    ),
    dnsOutages: fc.array(outagesArb(20 * DAY, 2), { minLength: 3, maxLength: 3 }),
    overrides: fc.array(fc.record({ site: fc.nat(2), host: fc.nat(2), priority: fc.integer({ min: 0, max: 9 }) }), {
      maxLength: 3,
    }),
    hosts: fc.array(
      fc.record({
        site: fc.nat(2),
        kind: fc.nat(HOST_KINDS.length - 1),
        officeKeys: fc.subarray(OFFICE),
        published: fc.integer({ min: 0, max: 5 }),
        weight: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 100 })),
        ai: fc.option(fc.integer({ min: 15, max: 240 }), { nil: undefined }),
        ri: fc.option(fc.integer({ min: 60, max: 2 * DAY }), { nil: undefined }),
        outages: outagesArb(20 * DAY, 2),
        rebuilds: fc.oneof(
          fc.array(fc.integer({ min: 0, max: 20 * DAY }), { maxLength: 3 }),
          fc.array(fc.integer({ min: 0, max: 10 * DAY }), { minLength: 9, maxLength: 13 }),
        ),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    groups: fc.array(
      fc.record({
        site: fc.nat(2),
        count: fc.integer({ min: 0, max: 40 }),
        edition: fc.constantFrom(...EDITIONS),
        office: fc.option(fc.constantFrom(...OFFICE), { nil: null }),
        joinAt: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2 * DAY })),
        joinOver: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 * DAY })),
        retire: fc.array(fc.record({ at: fc.integer({ min: 0, max: 20 * DAY }), count: fc.integer({ min: 1, max: 15 }) }), {
          maxLength: 2,
        }),
        officeHours: fc.boolean(),
        offline: fc.array(windowArb(20 * DAY), { maxLength: 2 }),
        pinned: fc.option(fc.nat(2), { nil: null }),
        hostCaching: fc.boolean(),
        cmid: fc.constantFrom("unique", "clone", "non-persistent") as fc.Arbitrary<ClientGroupSpec["cmid"]>,
      }),
      { minLength: 1, maxLength: 3 },
    ),
    timers: fc.record({
      activationIntervalMin: fc.integer({ min: 15, max: 240 }),
      renewalIntervalMin: fc.integer({ min: 60, max: 2 * DAY }),
      validityMin: fc.integer({ min: 1 * DAY, max: 5 * DAY }),
      oobGraceMin: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2 * DAY })),
      ootGraceMin: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2 * DAY })),
      renewalJitterMin: fc.constant(0),
      keyExceptionDelayMin: fc.integer({ min: 1, max: 2 * DAY }),
    }),
    assumptions: fc.record({
      failoverOnLowCount: fc.boolean(),
      rejectedRequestsCounted: fc.boolean(),
      restartKeepsTables: fc.boolean(),
    }),
  })
  .map((r): World => {
    const siteIds = Array.from({ length: r.nSites }, (_, i) => `s${i}`);
    const siteOf = (n: number): string => siteIds[n % r.nSites];
    const hosts: HostSpec[] = r.hosts.map((h, i) =>
      host(`kms${i}`, {
        site: siteOf(h.site),
        os: HOST_KINDS[h.kind].os,
        csvlk: HOST_KINDS[h.kind].csvlk,
        officeKeys: h.officeKeys,
        // Distinct base priorities (10·i + …), or unpublished.
        srv: h.published === 0 ? null : { priority: 10 * i + h.published, weight: h.weight },
        activationIntervalMin: h.ai,
        renewalIntervalMin: h.ri,
        outages: h.outages,
        rebuilds: h.rebuilds,
      }),
    );
    const sites: SiteSpec[] = siteIds.map((id, si) => {
      // Overrides only where they keep every visible priority distinct (no discovery draw).
      const overrides: SrvOverride[] = [];
      const prio = new Map<string, number>();
      for (const h of hosts) if (h.srv !== null) prio.set(h.id, h.srv.priority);
      for (const o of r.overrides) {
        if (o.site % r.nSites !== si || o.host >= hosts.length) continue;
        const target = hosts[o.host];
        if (target.srv === null || overrides.some((x) => x.host === target.id)) continue;
        const others = [...prio.entries()].filter(([k]) => k !== target.id).map(([, p]) => p);
        if (others.includes(o.priority)) continue;
        prio.set(target.id, o.priority);
        overrides.push({ host: target.id, priority: o.priority });
      }
      return { id, srvOverrides: overrides, dnsOutages: r.dnsOutages[si] };
    });
    const links: LinkSpec[] = [];
    r.links.forEach((l, i) => {
      const a = l.a % r.nSites;
      const b = l.b % r.nSites;
      if (a === b) return;
      links.push({ id: `link${i}`, between: [siteIds[a], siteIds[b]], outages: l.outages });
    });
    const clients: ClientGroupSpec[] = r.groups.map((g, i) => {
      const retire: { at: number; count: number }[] = [];
      let left = g.count;
      for (const x of g.retire) {
        const n = Math.min(x.count, left);
        if (n >= 1) {
          retire.push({ at: x.at, count: n });
          left -= n;
        }
      }
      return group(`g${i}`, g.count, {
        site: siteOf(g.site),
        edition: g.edition,
        office: g.office,
        join: { at: g.joinAt, over: g.joinOver },
        retire,
        online: g.officeHours ? { kind: "office-hours" } : { kind: "always" },
        offline: g.offline,
        kms: g.pinned === null ? { kind: "dns" } : { kind: "pinned", host: hosts[g.pinned % hosts.length].id },
        hostCaching: g.hostCaching,
        cmid: g.cmid,
      });
    });
    return world({
      durationMin: (r.longRun ? r.longDays : r.days) * DAY,
      startWeekOffsetMin: r.weekOffset,
      timers: r.timers,
      assumptions: r.assumptions,
      sites,
      links,
      hosts,
      clients,
    });
  });

