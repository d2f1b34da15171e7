// The estate assembled from the parsed exports (docs/import.md): which computers are clients and
// where, which are skipped and why, the KMS hosts, the sites and the links to the hub. Pure: the
// parsed exports and the options in, an Estate (or errors recorded in Problems) out; the same
// input always gives the same Estate.
import { EDITION_NAMES, editionInfo } from "../kms/catalog/index.js";
import { NO_ADDRESS, type Computer } from "./computers.js";
import { IdAllocator, slug } from "./ids.js";
import { accountOf, assumedCsvlk, firstLabel, hostPlatform } from "./hosts.js";
import { applyCsvlkFlags, hostNotes, siteOverrides } from "./host-flags.js";
import { mapOperatingSystem, type OsOutcome } from "./os-map.js";
import type { Problems } from "./problems.js";
import {
  UNASSIGNED,
  type Estate,
  type EstateGroup,
  type EstateHost,
  type EstateInput,
  type EstateSite,
} from "./estate-model.js";

export * from "./estate-model.js";

type Fate = "client" | "host" | "disabled" | "never" | "stale" | "duplicate";

/** Counts as a list, most frequent first (ties by label). */
function tally<T extends { label: string }>(map: Map<string, T & { count: number }>): (T & { count: number })[] {
  return [...map.values()].sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

/** Builds the estate; records flag errors (--csvlk, --site-srv) in `problems` and returns null if any. */
export function buildEstate(input: EstateInput, problems: Problems): Estate | null {
  const { computers, subnets, options } = input;
  const adSites = subnets?.sites ?? [];
  const notes: string[] = [];

  // Activity: --as-of, else the newest LastLogonDate of the file (so a file always gives the same scenario).
  let newest: number | null = null;
  for (const c of computers) if (c.lastLogonMs !== null && (newest === null || c.lastLogonMs > newest)) newest = c.lastLogonMs;
  const asOfMs = options.asOfMs ?? newest;
  const cutoff = asOfMs === null ? -Infinity : asOfMs - options.activeWithinMin * 60_000;

  // The hosts' own computer accounts are hosts, not clients.
  const answers = [...(input.srv?.records.answers ?? [])].sort(
    (a, b) => a.priority - b.priority || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  const hostKeys = new Set(answers.map((a) => a.key));
  const accountsByKey = new Map<string, Computer[]>();

  const fates: Fate[] = computers.map((c) => {
    if (c.dnsKey !== "" && hostKeys.has(c.dnsKey)) {
      const list = accountsByKey.get(c.dnsKey) ?? [];
      list.push(c);
      accountsByKey.set(c.dnsKey, list);
      return "host";
    }
    if (!c.enabled) return "disabled";
    if (c.lastLogonMs === null) return "never";
    if (c.lastLogonMs < cutoff) return "stale";
    return "client";
  });

  // Duplicates: the same Name and DNSHostName twice is one machine; the newest logon is kept.
  const keep = new Map<string, number>();
  computers.forEach((c, i) => {
    if (fates[i] !== "client") return;
    const key = `${c.name.toLowerCase()}\n${c.dnsKey}`;
    const j = keep.get(key);
    if (j === undefined) keep.set(key, i);
    else if ((c.lastLogonMs ?? 0) > (computers[j].lastLogonMs ?? 0)) {
      fates[j] = "duplicate";
      keep.set(key, i);
    } else fates[i] = "duplicate";
  });

  // Editions and placement.
  const osCache = new Map<string, OsOutcome>();
  const editionRank = new Map(EDITION_NAMES.map((e, i) => [e, i]));
  const perSite = new Map<number, Map<string, number>>(); // AD site index or NO_ADDRESS (unassigned) → edition → count
  const notKms = new Map<string, { label: string; count: number }>();
  const unknown = new Map<string, { label: string; closest: string; count: number }>();
  const counts = { read: computers.length, clients: 0, hostAccounts: 0, disabled: 0, neverLoggedOn: 0, stale: 0, duplicate: 0, notKms: 0, notInCatalogue: 0, noAddress: 0, outsideSubnets: 0 };
  computers.forEach((c, i) => {
    switch (fates[i]) {
      case "host":
        counts.hostAccounts++;
        return;
      case "disabled":
        counts.disabled++;
        return;
      case "never":
        counts.neverLoggedOn++;
        return;
      case "stale":
        counts.stale++;
        return;
      case "duplicate":
        counts.duplicate++;
        return;
      case "client":
        break;
      default: {
        const unreachable: never = fates[i];
        throw new Error(`buildEstate: unknown fate ${String(unreachable)}`);
      }
    }
    const cacheKey = `${c.operatingSystem}\n${c.operatingSystemVersion}`;
    let outcome = osCache.get(cacheKey);
    if (outcome === undefined) {
      outcome = mapOperatingSystem(c.operatingSystem, c.operatingSystemVersion);
      osCache.set(cacheKey, outcome);
    }
    if (outcome.kind === "not-kms") {
      counts.notKms++;
      const e = notKms.get(outcome.label) ?? { label: outcome.label, count: 0 };
      e.count++;
      notKms.set(outcome.label, e);
      return;
    }
    if (outcome.kind === "unknown") {
      counts.notInCatalogue++;
      const e = unknown.get(outcome.label) ?? { label: outcome.label, closest: outcome.closest, count: 0 };
      e.count++;
      unknown.set(outcome.label, e);
      return;
    }
    counts.clients++;
    const site = c.site >= 0 ? c.site : NO_ADDRESS;
    if (c.site === NO_ADDRESS) counts.noAddress++;
    else if (c.site < 0) counts.outsideSubnets++;
    const editions = perSite.get(site) ?? new Map<string, number>();
    editions.set(outcome.edition, (editions.get(outcome.edition) ?? 0) + 1);
    perSite.set(site, editions);
  });

  // Sites: the AD sites by name, `unassigned` last (only when something is in it).
  const siteIds = new IdAllocator([UNASSIGNED]);
  const adSiteIds = adSites.map((s) => siteIds.take(slug(s.name, "site")));
  const clientsIn = (site: number): number => [...(perSite.get(site)?.values() ?? [])].reduce((a, b) => a + b, 0);

  // Hosts.
  const hostIds = new IdAllocator();
  const hosts: EstateHost[] = answers.map((a) => {
    const account = accountOf(accountsByKey.get(a.key) ?? []);
    const platform = hostPlatform(account);
    const siteIndex = account === null ? null : account.site >= 0 ? account.site : NO_ADDRESS;
    return {
      id: hostIds.take(slug(firstLabel(a.target), "kms")),
      target: a.target,
      priority: a.priority,
      weight: a.weight,
      port: a.port,
      account:
        account === null
          ? null
          : {
              line: account.line,
              name: account.name,
              operatingSystem: account.operatingSystem,
              operatingSystemVersion: account.operatingSystemVersion,
              ipv4Address: account.ipv4Address,
              enabled: account.enabled,
              lastLogonMs: account.lastLogonMs,
            },
      site: siteIndex === null ? "" : siteIndex === NO_ADDRESS ? UNASSIGNED : adSiteIds[siteIndex],
      siteAssumed: siteIndex === null ? "no computer account has this DNSHostName" : null,
      os: platform.simulated ? platform.os : null,
      osAssumed: platform.simulated ? platform.assumed : null,
      notSimulated: platform.simulated ? null : platform.why,
      csvlk: platform.simulated ? assumedCsvlk(platform.os).group : null,
      csvlkFrom: platform.simulated ? (assumedCsvlk(platform.os).own ? "own" : "oldest") : null,
    };
  });

  // A host without a computer account is placed in the site with the most clients.
  const siteOrder = [...adSites.keys(), NO_ADDRESS];
  const busiest = siteOrder.reduce((best, s) => (clientsIn(s) > clientsIn(best) ? s : best), siteOrder[0]);
  const busiestId = busiest === NO_ADDRESS ? UNASSIGNED : adSiteIds[busiest];
  for (let i = 0; i < hosts.length; i++) {
    if (hosts[i].site === "") hosts[i] = { ...hosts[i], site: busiestId };
  }

  applyCsvlkFlags(hosts, options.csvlk, problems);
  const overrides = siteOverrides(input.siteSrv, input.srv?.file ?? null, hosts, adSites.map((s) => s.name), adSiteIds, problems);
  if (!problems.empty) return null;

  const unassignedUsed = perSite.has(NO_ADDRESS) || hosts.some((h) => h.site === UNASSIGNED);
  const sites: EstateSite[] = adSites.map((s, i) => ({
    id: adSiteIds[i],
    adName: s.name,
    subnets: s.subnets,
    clients: clientsIn(i),
    srv: overrides.get(adSiteIds[i])?.srv ?? [],
    srvFile: overrides.get(adSiteIds[i])?.file ?? null,
  }));
  if (unassignedUsed || sites.length === 0) {
    sites.push({
      id: UNASSIGNED,
      adName: null,
      subnets: [],
      clients: clientsIn(NO_ADDRESS),
      srv: overrides.get(UNASSIGNED)?.srv ?? [],
      srvFile: overrides.get(UNASSIGNED)?.file ?? null,
    });
  }

  // Client groups: by site, then in catalogue order.
  const groupIds = new IdAllocator();
  const groups: EstateGroup[] = [];
  for (const s of [...adSites.keys(), NO_ADDRESS]) {
    const editions = perSite.get(s);
    if (editions === undefined) continue;
    const siteId = s === NO_ADDRESS ? UNASSIGNED : adSiteIds[s];
    const ordered = [...editions.entries()].sort((a, b) => (editionRank.get(a[0]) ?? 0) - (editionRank.get(b[0]) ?? 0));
    for (const [edition, count] of ordered) {
      groups.push({
        id: groupIds.take(`${siteId}-${slug(edition, "edition")}`),
        site: siteId,
        edition,
        count,
        online: editionInfo(edition).kind === "server" ? options.serversOnline : options.clientsOnline,
      });
    }
  }

  // The hub: the site with the most (simulated) hosts, then the most clients, then the first by name.
  const simulated = hosts.filter((h) => h.os !== null);
  const hostsIn = (id: string): number => simulated.filter((h) => h.site === id).length;
  const hub = sites.reduce<EstateSite | null>((best, s) => {
    if (best === null) return s;
    const d = hostsIn(s.id) - hostsIn(best.id);
    return d > 0 || (d === 0 && s.clients > best.clients) ? s : best;
  }, null);
  const linkIds = new IdAllocator(hosts.map((h) => h.id));
  const links = hub === null ? [] : sites.filter((s) => s.id !== hub.id).map((s) => ({ id: linkIds.take(`wan-${s.id}`), between: [s.id, hub.id] as const }));

  notes.push(...hostNotes(hosts, cutoff, options.activeWithinMin));
  // Named by flag, not by path: the text must not depend on where the files were.
  for (const d of input.srv?.records.duplicates ?? []) notes.push(`--srv ${d}`);
  for (const s of input.siteSrv) for (const d of s.records.duplicates) notes.push(`--site-srv ${s.site}: ${d}`);

  return {
    asOfMs,
    asOfGiven: options.asOfMs !== undefined,
    activeWithinMin: options.activeWithinMin,
    sites,
    hub: hub?.id ?? null,
    links,
    hosts,
    groups,
    counts,
    notKms: tally(notKms),
    notInCatalogue: tally(unknown),
    subnetsGiven: subnets !== null,
    srvGiven: input.srv !== null,
    ipv6SubnetsIgnored: subnets?.ipv6Ignored ?? 0,
    subnetsWithoutSite: subnets?.withoutSite ?? 0,
    notes,
  };
}
