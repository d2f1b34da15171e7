// Planning warnings (FORMAT.md "Warnings"): traps in a valid estate that the simulation would only
// show as failed attempts — a client group whose edition or Office version no host it can use
// activates (§H6, §O1, §N1, §N2, §C6.1), and a site whose DNS clients may pick a remote host
// before a local one (§N2, §C6.3). Static: outages are ignored, links count as up.
import { editionRefusal, hostServesOffice, type EditionRefusal } from "../kms/catalog/index.js";
import { siteComponents } from "../kms/network.js";
import type { ClientGroupSpec, HostSpec, World } from "../kms/world.js";
import { formatPath } from "./diagnostics.js";
import type { Finding } from "./resolve.js";

/** What the planning warnings read of a World. */
export type Estate = Pick<World, "sites" | "links" | "hosts" | "clients">;

/** The top-level keys the no-host-can-activate warning depends on (a strategy setting one repeats it). */
export const UNSERVED_KEYS: readonly string[] = ["sites", "links", "hosts", "clients"];
/** The top-level keys the remote-at-local-priority warning depends on. */
export const REMOTE_PRIORITY_KEYS: readonly string[] = ["sites", "hosts", "clients"];

/** Hosts named in one reason before "and N more"; reasons listed before "and N more hosts". */
const MAX_IDS = 3;
const MAX_REASONS = 3;

type Product = { readonly kind: "windows" | "office"; readonly name: string };

/**
 * The planning warnings of a valid estate: for every client group with members, its edition and
 * its Office version each checked against the hosts it can use; then, for every site with DNS
 * clients, its SRV view checked for remote hosts at a local host's priority.
 */
export function planningWarnings(estate: Estate): Finding[] {
  const out: Finding[] = [];
  const connected = connectivity(estate);
  const explained = new Map<string, string | null>(); // groups alike share one explanation
  estate.clients.forEach((group, i) => {
    if (group.count === 0) return;
    const products: Product[] = [{ kind: "windows", name: group.edition }];
    if (group.office !== null) products.push({ kind: "office", name: group.office });
    for (const product of products) {
      const key = [product.kind, product.name, group.site, group.kms.kind === "pinned" ? group.kms.host : ""].join("\u0000");
      let why = explained.get(key);
      if (why === undefined) {
        why = unservedExplanation(estate.hosts, group, product, connected);
        explained.set(key, why);
      }
      if (why === null) continue;
      out.push({
        path: formatPath(["clients", i, product.kind === "windows" ? "edition" : "office"]),
        message: `no host that group ${group.id} can use activates ${product.name} (${why})`,
        severity: "warning",
        keys: UNSERVED_KEYS,
      });
    }
  });
  const dnsSites = new Set(estate.clients.filter((g) => g.count > 0 && g.kms.kind === "dns").map((g) => g.site));
  estate.sites.forEach((site, j) => {
    if (!dnsSites.has(site.id)) return;
    const clash = remoteAtLocalPriority(estate, site.id);
    if (clash === null) return;
    out.push({
      path: formatPath(["sites", j]),
      message: `DNS clients at ${site.id} may pick a remote host before the local one: ${clash}; give remote hosts a higher priority number in this site's srv (§N2)`,
      severity: "warning",
      keys: REMOTE_PRIORITY_KEYS,
    });
  });
  return out;
}

/** Whether two sites are joined by a path of links, all counted as up (§N1, outages ignored). */
function connectivity(estate: Estate): (a: string, b: string) => boolean {
  const index = new Map(estate.sites.map((s, i) => [s.id, i]));
  const at = (id: string): number => {
    const i = index.get(id);
    if (i === undefined) throw new Error(`planningWarnings: unknown site ${JSON.stringify(id)}`);
    return i;
  };
  const component = new Int32Array(estate.sites.length);
  const ends = estate.links.map((l) => [at(l.between[0]), at(l.between[1])] as const);
  siteComponents(estate.sites.length, ends, new Uint8Array(ends.length).fill(1), component);
  return (a, b) => component[at(a)] === component[at(b)];
}

/**
 * Null when some host the group can use activates the product; otherwise why not, host by host:
 * a DNS group can use every published host (§N2), a pinned group only its host (§C6.1), and
 * either only across links (§N1).
 */
function unservedExplanation(
  hosts: readonly HostSpec[],
  group: ClientGroupSpec,
  product: Product,
  connected: (a: string, b: string) => boolean,
): string | null {
  const pinned = group.kms.kind === "pinned" ? group.kms.host : null;
  const considered = pinned === null ? hosts : hosts.filter((h) => h.id === pinned);
  if (considered.length === 0) return "the scenario has no KMS host";
  const byReason = new Map<string, string[]>();
  for (const host of considered) {
    const reasons: string[] = [];
    if (pinned === null && host.srv === null) reasons.push("not published (srv: false)");
    if (!connected(group.site, host.site)) reasons.push(`no link path from ${group.site} to ${host.site}`);
    const refusal = product.kind === "windows" ? windowsRefusalText(host, product.name) : officeRefusalText(host, product.name);
    if (refusal !== null) reasons.push(refusal);
    if (reasons.length === 0) return null;
    const text = reasons.join(", ");
    const ids = byReason.get(text);
    if (ids === undefined) byReason.set(text, [host.id]);
    else ids.push(host.id);
  }
  const entries = [...byReason];
  const shown = entries.slice(0, MAX_REASONS).map(([text, ids]) => `${idList(ids)}: ${text}`);
  const hidden = entries.slice(MAX_REASONS).reduce((n, [, ids]) => n + ids.length, 0);
  if (hidden > 0) shown.push(`and ${hidden} more ${hidden === 1 ? "host" : "hosts"}`);
  return `${pinned === null ? "" : "pinned to "}${shown.join("; ")}`;
}

function idList(ids: readonly string[]): string {
  if (ids.length <= MAX_IDS) return ids.join(", ");
  return `${ids.slice(0, MAX_IDS).join(", ")} and ${ids.length - MAX_IDS} more`;
}

/** Why a host does not activate a Windows edition, in a few words (§H6), or null. */
function windowsRefusalText(host: HostSpec, edition: string): string | null {
  const refusal: EditionRefusal | null = editionRefusal(host, edition);
  if (refusal === null) return null;
  switch (refusal.kind) {
    case "csvlk":
      return `${host.csvlk} CSVLK does not cover it`;
    case "client-os-host":
      return `a ${host.os} host activates client editions only`;
    case "update": {
      const { kbs, earliestDate } = refusal.requirement;
      const has =
        host.patch.kind === "date" ? host.patch.date : host.patch.kind === "updates" && host.patch.kbs.length > 0 ? host.patch.kbs.join(", ") : "none";
      return `needs ${kbs.join(" or ")} or a patch level from ${earliestDate}, has ${has}`;
    }
    default: {
      const unreachable: never = refusal;
      throw new Error(`windowsRefusalText: ${JSON.stringify(unreachable)}`);
    }
  }
}

/** Why a host does not activate an Office version (§H6, §O1), or null. */
function officeRefusalText(host: HostSpec, version: string): string | null {
  return hostServesOffice(host.officeKeys, version) ? null : `no ${version} key`;
}

/**
 * In a site's SRV view (published hosts, the site's overrides applied, §N2): the remote hosts that
 * share a local host's priority and can be chosen before it — a positive weight, or every local
 * host at that priority at weight 0 (§C6.3: weight-0 records come last) — described, or null.
 */
function remoteAtLocalPriority(estate: Estate, siteId: string): string | null {
  const site = estate.sites.find((s) => s.id === siteId);
  const view = estate.hosts.flatMap((host) => {
    if (host.srv === null) return [];
    const o = site?.srvOverrides.find((x) => x.host === host.id);
    return [{ host, priority: o?.priority ?? host.srv.priority, weight: o?.weight ?? host.srv.weight }];
  });
  const local = view.filter((r) => r.host.site === siteId);
  const priorities = [...new Set(local.map((r) => r.priority))].sort((a, b) => a - b);
  const clauses: string[] = [];
  for (const p of priorities) {
    const locals = local.filter((r) => r.priority === p);
    const allZero = locals.every((r) => r.weight === 0);
    const remote = view.filter((r) => r.host.site !== siteId && r.priority === p && (r.weight > 0 || allZero));
    if (remote.length === 0) continue;
    const remoteText = idList(remote.map((r) => `${r.host.id} (site ${r.host.site})`));
    const verb = remote.length === 1 ? "has" : "have";
    clauses.push(`${remoteText} ${verb} SRV priority ${p}, like local ${idList(locals.map((r) => r.host.id))}`);
  }
  return clauses.length === 0 ? null : clauses.join("; ");
}
