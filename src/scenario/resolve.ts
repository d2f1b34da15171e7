// Rules that relate several fields or entries of a scenario (FORMAT.md "Field rules" and the
// paragraphs under it): unique ids, references that must exist, patchLevel xor updates, a CSVLK
// installable on its host's OS (§H6), retirements within the group; the warnings for valid but
// suspicious input (§H7, events after the end of the run); and building the World from a valid
// scenario with the defaults filled in. Works on partially valid input so that every error of a
// file is found in one pass: a field that failed its own rule is simply absent here.
import { z } from "zod";
import { formatDuration } from "../engine/duration.js";
import { CSVLK_TABLE, csvlkInstallableOn } from "../kms/catalog/index.js";
import {
  DEFAULT_ASSUMPTIONS,
  DEFAULT_TIMERS,
  type ClientGroupSpec,
  type HostSpec,
  type LinkSpec,
  type SiteSpec,
  type World,
} from "../kms/world.js";
import { formatPath, type PathSegment } from "./diagnostics.js";
import {
  ClientSchema,
  HostSchema,
  LinkSchema,
  ScenarioSchema,
  SiteSchema,
  type ClientInput,
  type HostInput,
  type LinkInput,
  type ScenarioInput,
  type SiteInput,
} from "./schema.js";
import { unknownRefMessage } from "./suggest.js";
import { isRecord } from "./values.js";

/** A finding before it is tied to a file: path within the scenario, message, severity. */
export interface Finding {
  readonly path: string;
  readonly message: string;
  readonly severity: "error" | "warning";
  /**
   * The top-level keys the finding depends on, when more than the one its path lies under (the
   * planning warnings): a strategy repeats a finding of the base only if it sets one of them.
   */
  readonly keys?: readonly string[];
}

/** The most that could be read of one mapping: the fields that passed their own rules. */
export type PartialOf<T> = { readonly [K in keyof T]?: T[K] };

/**
 * The fields of `input` that pass their own rules under `schema` (all of them when the whole
 * mapping is valid); undefined when `input` is not a mapping.
 */
export function partialOf<T extends z.ZodObject>(schema: T, input: unknown): PartialOf<z.output<T>> | undefined {
  const whole = schema.safeParse(input);
  if (whole.success) return whole.data;
  if (!isRecord(input)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const r = z.safeParse(field, input[key]);
    if (r.success && r.data !== undefined) out[key] = r.data;
  }
  return out as PartialOf<z.output<T>>;
}

/** A list field read item by item; `complete` is false when the list itself is not a list. */
interface PartialList<T> {
  readonly items: readonly (PartialOf<T> | undefined)[];
  readonly raw: readonly unknown[];
  readonly complete: boolean;
}

function partialList<T extends z.ZodObject>(schema: T, input: unknown): PartialList<z.output<T>> {
  if (input === undefined) return { items: [], raw: [], complete: true };
  if (!Array.isArray(input)) return { items: [], raw: [], complete: false };
  return { items: input.map((item) => partialOf(schema, item)), raw: input, complete: true };
}

/** What resolve.ts needs of a scenario, as far as it could be read. */
export interface PartialScenario {
  readonly duration?: number;
  readonly sample?: number;
  readonly sites: PartialList<SiteInput>;
  readonly links: PartialList<LinkInput>;
  readonly hosts: PartialList<HostInput>;
  readonly clients: PartialList<ClientInput>;
}

function rawList(input: unknown): unknown[] {
  return Array.isArray(input) ? input : [];
}

/** Reads `data` (a mapping) as far as it is valid; `whole` is its parse when it is all valid. */
export function readPartial(data: Record<string, unknown>, whole?: ScenarioInput): PartialScenario {
  if (whole !== undefined) {
    return {
      duration: whole.duration,
      sample: whole.sample,
      sites: { items: whole.sites ?? [], raw: rawList(data.sites), complete: true },
      links: { items: whole.links ?? [], raw: rawList(data.links), complete: true },
      hosts: { items: whole.hosts ?? [], raw: rawList(data.hosts), complete: true },
      clients: { items: whole.clients ?? [], raw: rawList(data.clients), complete: true },
    };
  }
  const top = partialOf(ScenarioSchema, data) ?? {};
  return {
    duration: top.duration,
    sample: top.sample,
    sites: partialList(SiteSchema, data.sites),
    links: partialList(LinkSchema, data.links),
    hosts: partialList(HostSchema, data.hosts),
    clients: partialList(ClientSchema, data.clients),
  };
}

/** The ids of a list, in order, and whether every entry had a valid id (so a miss is a real miss). */
function idsOf(list: PartialList<{ id: string }>): { ids: string[]; has: ReadonlySet<string>; complete: boolean } {
  const has = new Set<string>();
  let complete = list.complete;
  for (const item of list.items) {
    if (item?.id === undefined) complete = false;
    else has.add(item.id);
  }
  return { ids: [...has], has, complete };
}

/**
 * The errors of the rules that relate fields and entries (FORMAT.md "Field rules"): unique ids,
 * existing references, SRV overrides of published hosts, patchLevel xor updates, CSVLK on its OS
 * (§H6, 0xC004F050), retirements within the group count.
 */
export function crossCheck(s: PartialScenario): Finding[] {
  const out: Finding[] = [];
  const error = (path: readonly PathSegment[], message: string): void => {
    out.push({ path: formatPath(path), message, severity: "error" });
  };

  // Unique ids: sites; hosts and links together (they name timeline columns); client groups.
  const firstAt = new Map<string, string>();
  s.sites.items.forEach((site, i) => {
    if (site?.id === undefined) return;
    const seen = firstAt.get(`site:${site.id}`);
    if (seen !== undefined) error(["sites", i, "id"], `duplicate site id "${site.id}" (already used by ${seen})`);
    else firstAt.set(`site:${site.id}`, formatPath(["sites", i]));
  });
  s.hosts.items.forEach((host, i) => {
    if (host?.id === undefined) return;
    const seen = firstAt.get(`column:${host.id}`);
    if (seen !== undefined) error(["hosts", i, "id"], `duplicate host id "${host.id}" (already used by ${seen})`);
    else firstAt.set(`column:${host.id}`, formatPath(["hosts", i]));
  });
  s.links.items.forEach((link, i) => {
    if (link?.id === undefined) return;
    const seen = firstAt.get(`column:${link.id}`);
    if (seen === undefined) firstAt.set(`column:${link.id}`, formatPath(["links", i]));
    else if (seen.startsWith("hosts")) {
      error(["links", i, "id"], `"${link.id}" is already the id of ${seen}: host and link ids must be unique together (they name timeline columns)`);
    } else error(["links", i, "id"], `duplicate link id "${link.id}" (already used by ${seen})`);
  });
  s.clients.items.forEach((group, i) => {
    if (group?.id === undefined) return;
    const seen = firstAt.get(`group:${group.id}`);
    if (seen !== undefined) error(["clients", i, "id"], `duplicate client group id "${group.id}" (already used by ${seen})`);
    else firstAt.set(`group:${group.id}`, formatPath(["clients", i]));
  });

  // References. A reference is reported as unknown only when every entry of that kind has a valid
  // id: otherwise the entry it names may be the one whose id is broken (already reported).
  const sites = idsOf(s.sites);
  const hosts = idsOf(s.hosts);
  const checkSite = (path: readonly PathSegment[], id: string | undefined): void => {
    if (id !== undefined && sites.complete && !sites.has.has(id)) error(path, unknownRefMessage("site", id, sites.ids));
  };
  const checkHost = (path: readonly PathSegment[], id: string | undefined): boolean => {
    if (id === undefined || !hosts.complete || hosts.has.has(id)) return true;
    error(path, unknownRefMessage("host", id, hosts.ids));
    return false;
  };

  s.hosts.items.forEach((host, i) => checkSite(["hosts", i, "site"], host?.site));
  s.clients.items.forEach((group, i) => {
    checkSite(["clients", i, "site"], group?.site);
    if (group?.kms?.kind === "pinned") checkHost(["clients", i, "kms", "pinned"], group.kms.host);
  });
  s.links.items.forEach((link, i) => {
    if (link?.between === undefined) return;
    const [a, b] = link.between;
    checkSite(["links", i, "between", 0], a);
    checkSite(["links", i, "between", 1], b);
    if (a === b) error(["links", i, "between"], `a link joins two different sites, got "${a}" twice`);
  });

  // Site SRV overrides name a published host (§N2).
  const unpublished = new Set(s.hosts.items.filter((h) => h?.srv === null).map((h) => h?.id));
  s.sites.items.forEach((site, i) => {
    for (const hostId of Object.keys(site?.srv ?? {})) {
      const path = ["sites", i, "srv", hostId];
      if (!checkHost(path, hostId)) continue;
      if (unpublished.has(hostId)) {
        error(path, `host "${hostId}" has srv: false (not published in DNS), so a site cannot override its SRV record (§N2)`);
      }
    }
  });

  // Per host: patchLevel xor updates; the CSVLK installable on the OS (§H6).
  s.hosts.items.forEach((host, i) => {
    const raw = s.hosts.raw[i];
    if (isRecord(raw) && raw.patchLevel !== undefined && raw.updates !== undefined) {
      error(["hosts", i], "give patchLevel or updates, not both");
    }
    if (host?.os !== undefined && host.csvlk !== undefined && !csvlkInstallableOn(host.csvlk, host.os)) {
      const hostedOn = CSVLK_TABLE.find((r) => r.group === host.csvlk)?.hostedOn ?? [];
      error(
        ["hosts", i, "csvlk"],
        `the ${host.csvlk} CSVLK cannot be installed on ${host.os} (0xC004F050, §H6); it can be installed on ${hostedOn.join(", ")}`,
      );
    }
  });

  // Retirements of a group together ≤ its count (§C8).
  s.clients.items.forEach((group, i) => {
    if (group?.count === undefined || group.retire === undefined) return;
    const total = group.retire.reduce((sum, r) => sum + r.count, 0);
    if (total > group.count) {
      error(["clients", i, "retire"], `the retirements total ${total} members, more than the group's count (${group.count})`);
    }
  });
  return out;
}

/** The most hosts one CSVLK activates without an exception (§H7). */
export const HOSTS_PER_CSVLK = 6;

/**
 * The warnings (FORMAT.md "Warnings"): more than 6 hosts on one CSVLK group (§H7); a window,
 * rebuild, join or retirement at or after the end of the run; a `sample` not shorter than the run.
 */
export function warningsOf(s: PartialScenario): Finding[] {
  const out: Finding[] = [];
  const warn = (path: readonly PathSegment[], message: string): void => {
    out.push({ path: formatPath(path), message, severity: "warning" });
  };

  const perGroup = new Map<string, number>();
  s.hosts.items.forEach((host, i) => {
    if (host?.csvlk === undefined) return;
    const n = (perGroup.get(host.csvlk) ?? 0) + 1;
    perGroup.set(host.csvlk, n);
    if (n === HOSTS_PER_CSVLK + 1) {
      const total = s.hosts.items.filter((h) => h?.csvlk === host.csvlk).length;
      warn(
        ["hosts", i, "csvlk"],
        `${total} hosts hold the ${host.csvlk} CSVLK, more than the ${HOSTS_PER_CSVLK} one key activates (§H7): this needs an exception from Microsoft; the hosts are simulated as activated`,
      );
    }
  });

  const end = s.duration;
  if (end === undefined) return out;
  const late = (at: number): boolean => at >= end;
  const after = `at or after the end of the run (${formatDuration(end)})`;
  const windows = (path: readonly PathSegment[], list: readonly { kind?: string; start?: number }[] | undefined): void => {
    list?.forEach((w, j) => {
      if (w.kind !== "random" && w.start !== undefined && late(w.start)) {
        warn([...path, j], `starts at ${formatDuration(w.start)}, ${after}: it has no effect`);
      }
    });
  };

  if (s.sample !== undefined && s.sample >= end) {
    warn(["sample"], `sample (${formatDuration(s.sample)}) is not shorter than the run (${formatDuration(end)}): the timeline has only the row for minute 0`);
  }
  s.sites.items.forEach((site, i) => windows(["sites", i, "dnsOutages"], site?.dnsOutages));
  s.links.items.forEach((link, i) => windows(["links", i, "outages"], link?.outages));
  s.hosts.items.forEach((host, i) => {
    windows(["hosts", i, "outages"], host?.outages);
    host?.rebuilds?.forEach((at, j) => {
      if (late(at)) warn(["hosts", i, "rebuilds", j], `rebuild at ${formatDuration(at)}, ${after}: it has no effect`);
    });
  });
  s.clients.items.forEach((group, i) => {
    const at = group?.join?.at;
    if (at !== undefined && late(at)) warn(["clients", i, "join", "at"], `the group joins at ${formatDuration(at)}, ${after}: it never joins`);
    group?.retire?.forEach((r, j) => {
      if (late(r.at)) warn(["clients", i, "retire", j], `retirement at ${formatDuration(r.at)}, ${after}: it has no effect`);
    });
    windows(["clients", i, "offline"], group?.offline);
  });
  return out;
}

function unique<T>(list: readonly T[]): T[] {
  return [...new Set(list)];
}

function buildHost(h: HostInput): HostSpec {
  const patch: HostSpec["patch"] =
    h.patchLevel !== undefined
      ? { kind: "date", date: h.patchLevel }
      : h.updates !== undefined
        ? { kind: "updates", kbs: unique(h.updates) }
        : { kind: "full" };
  return {
    id: h.id,
    site: h.site,
    os: h.os,
    csvlk: h.csvlk,
    patch,
    officeKeys: unique(h.officeKeys ?? []),
    srv: h.srv === undefined ? { priority: 0, weight: 0 } : h.srv,
    ...(h.activationInterval !== undefined ? { activationIntervalMin: h.activationInterval } : {}),
    ...(h.renewalInterval !== undefined ? { renewalIntervalMin: h.renewalInterval } : {}),
    outages: h.outages ?? [],
    rebuilds: h.rebuilds ?? [],
  };
}

function buildSite(s: SiteInput): SiteSpec {
  return {
    id: s.id,
    srvOverrides: Object.entries(s.srv ?? {}).map(([host, o]) => ({
      host,
      ...(o.priority !== undefined ? { priority: o.priority } : {}),
      ...(o.weight !== undefined ? { weight: o.weight } : {}),
    })),
    dnsOutages: s.dnsOutages ?? [],
  };
}

function buildLink(l: LinkInput): LinkSpec {
  return { id: l.id, between: l.between, outages: l.outages ?? [] };
}

function buildClientGroup(c: ClientInput): ClientGroupSpec {
  return {
    id: c.id,
    site: c.site,
    count: c.count,
    edition: c.edition,
    office: c.office ?? null,
    join: { at: c.join?.at ?? 0, over: c.join?.over ?? 0 },
    retire: c.retire ?? [],
    online: c.online ?? { kind: "always" },
    offline: c.offline ?? [],
    kms: c.kms ?? { kind: "dns" },
    hostCaching: c.hostCaching ?? true,
    cmid: c.cmid ?? "unique",
  };
}

/** Minutes from Monday 00:00 UTC of the week holding `epochMs` to `epochMs` (World.startWeekOffsetMin, §R2). */
export function weekOffsetMin(epochMs: number): number {
  const dayMs = 86_400_000;
  const msOfDay = ((epochMs % dayMs) + dayMs) % dayMs;
  const mondayBased = (new Date(epochMs).getUTCDay() + 6) % 7;
  return mondayBased * 1_440 + msOfDay / 60_000;
}

/** The World of a valid scenario, defaults filled in (FORMAT.md "Field rules" defaults). */
export function buildWorld(input: ScenarioInput, name: string, startEpochMs: number): World {
  const t = input.timers ?? {};
  const a = input.assumptions ?? {};
  return {
    name,
    durationMin: input.duration,
    startWeekOffsetMin: weekOffsetMin(startEpochMs),
    timers: {
      activationIntervalMin: t.activationInterval ?? DEFAULT_TIMERS.activationIntervalMin,
      renewalIntervalMin: t.renewalInterval ?? DEFAULT_TIMERS.renewalIntervalMin,
      validityMin: t.validity ?? DEFAULT_TIMERS.validityMin,
      oobGraceMin: t.oobGrace ?? DEFAULT_TIMERS.oobGraceMin,
      ootGraceMin: t.ootGrace ?? DEFAULT_TIMERS.ootGraceMin,
      renewalJitterMin: t.renewalJitter ?? DEFAULT_TIMERS.renewalJitterMin,
      keyExceptionDelayMin: t.keyExceptionDelay ?? DEFAULT_TIMERS.keyExceptionDelayMin,
    },
    assumptions: {
      failoverOnLowCount: a.failoverOnLowCount ?? DEFAULT_ASSUMPTIONS.failoverOnLowCount,
      rejectedRequestsCounted: a.rejectedRequestsCounted ?? DEFAULT_ASSUMPTIONS.rejectedRequestsCounted,
      restartKeepsTables: a.restartKeepsTables ?? DEFAULT_ASSUMPTIONS.restartKeepsTables,
    },
    sites: (input.sites ?? []).map(buildSite),
    links: (input.links ?? []).map(buildLink),
    hosts: (input.hosts ?? []).map(buildHost),
    clients: (input.clients ?? []).map(buildClientGroup),
  };
}
