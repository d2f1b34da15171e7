// An Estate → the text of a commented, valid scenario file (FORMAT.md "Scenario file";
// docs/import.md "The scenario written"). Written by hand rather than by a YAML library so that
// every section carries the comments an administrator needs to refine it; every scalar that
// YAML could misread is double-quoted. Same Estate ⇒ same bytes.
import { formatDuration } from "../engine/duration.js";
import { formatUtc } from "../scenario/index.js";
import type { Estate, EstateHost, EstateSite } from "./estate.js";
import { oneLine } from "./problems.js";

const WIDTH = 100;
const COMMENT_COLUMN = 30;
const LIST_IN_COMMENT = 6;

/** A YAML scalar: plain when it cannot be misread, else double-quoted (JSON strings are YAML). */
export function scalar(s: string): string {
  const plain =
    /^[A-Za-z_][A-Za-z0-9 ._()/,+-]*$/.test(s) &&
    !/\s$/.test(s) &&
    !/^(true|false|null|yes|no|on|off|y|n|~)$/i.test(s);
  return plain ? s : JSON.stringify(s);
}

/** Wraps prose into `# ` comment lines of at most WIDTH characters (words are never split). */
export function commentBlock(text: string, indent = ""): string[] {
  const prefix = `${indent}# `;
  const out: string[] = [];
  let line = "";
  for (const word of oneLine(text).split(" ").filter((w) => w !== "")) {
    if (line !== "" && prefix.length + line.length + 1 + word.length > WIDTH) {
      out.push(prefix + line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") out.push(prefix + line);
  return out;
}

/** `code` with a trailing `# comment` aligned at COMMENT_COLUMN. */
function withComment(code: string, comment: string | null): string {
  if (comment === null || comment === "") return code;
  return `${code.padEnd(Math.max(COMMENT_COLUMN, code.length + 2))}# ${oneLine(comment)}`;
}

/** "a 3, b 2, c 1 and 4 more" — a list shortened for a comment. */
function shortList(items: readonly string[], max = LIST_IN_COMMENT): string {
  if (items.length <= max) return items.join(", ");
  return `${items.slice(0, max).join(", ")} and ${items.length - max} more`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The header: what was imported, as of when, what was skipped, what to check. */
function header(e: Estate): string[] {
  const c = e.counts;
  const out: string[] = ["# Imported from Active Directory by `kmsim import ad` (docs/import.md).", "#"];
  const asOf = e.asOfMs === null ? "no computer has a LastLogonDate" : `as of ${formatUtc(e.asOfMs)}${e.asOfGiven ? " (--as-of)" : " (the newest LastLogonDate of the export)"}`;
  const adSites = e.sites.filter((s) => s.adName !== null).length;
  out.push(
    ...commentBlock(
      `The estate ${asOf}, counting the computers that logged on within ${formatDuration(e.activeWithinMin)}: ` +
        `${plural(c.read, "computer account")} read, ${plural(c.clients, "client")} placed in ${plural(adSites, "AD site")}` +
        `${e.sites.some((s) => s.adName === null) ? ` (and site unassigned)` : ""}, ` +
        `${plural(skippedTotal(e), "computer")} skipped, ${plural(e.hosts.length, "KMS host")} from DNS.`,
    ),
    "#",
    ...commentBlock(
      "Imported clients start unactivated at minute 0, in their initial grace (oob_grace), as the model does (MODEL.md §C4, §C8): " +
        "the first days of a run show the whole estate activating at once, not its steady state. Judge the later months, " +
        "or spread the start with `join: { at: 0, over: 7d }` on the groups.",
    ),
    "#",
    ...commentBlock(`Placed: ${placedDetail(e)}.`),
    ...commentBlock(`Skipped: ${skippedDetail(e)}.`),
    ...commentBlock(`Computer accounts of the KMS hosts (hosts, not clients): ${c.hostAccounts}.`),
  );
  if (e.notKms.length > 0) {
    out.push(...commentBlock(`Editions KMS cannot activate: ${shortList(e.notKms.map((x) => `${x.label} ${x.count}`), 12)}.`));
  }
  if (e.notInCatalogue.length > 0) {
    out.push(
      ...commentBlock(
        `Not in the catalogue (closest catalogue name in brackets): ${shortList(e.notInCatalogue.map((x) => `${x.label} ${x.count} [${x.closest}]`), 12)}.`,
      ),
    );
  }
  if (e.ipv6SubnetsIgnored > 0 || e.subnetsWithoutSite > 0) {
    out.push(...commentBlock(`AD subnets ignored: ${e.ipv6SubnetsIgnored} IPv6, ${e.subnetsWithoutSite} without a site.`));
  }
  out.push(
    "#",
    ...commentBlock(
      "Check before trusting a comparison: the links (every site joined to the hub, without outages), each host's CSVLK " +
        "(AD does not record it) and patch level (fully patched assumed), host outages (none), the online patterns.",
    ),
  );
  if (e.notes.length > 0) {
    out.push("#", "# Notes:");
    for (const n of e.notes) out.push(...commentBlock(`- ${n}`).map((l, i) => (i === 0 ? l : l.replace(/^# /, "#   "))));
  }
  return out;
}

/** The number of computers skipped (not clients, not hosts). */
export function skippedTotal(e: Estate): number {
  const c = e.counts;
  return c.disabled + c.neverLoggedOn + c.stale + c.duplicate + c.notKms + c.notInCatalogue;
}

/** "disabled 52, never logged on 18, …" (every reason, zero counts included, so files compare line by line). */
export function skippedDetail(e: Estate): string {
  const c = e.counts;
  return [
    `disabled ${c.disabled}`,
    `never logged on ${c.neverLoggedOn}`,
    `no logon within ${formatDuration(e.activeWithinMin)} ${c.stale}`,
    `duplicate ${c.duplicate}`,
    `edition KMS cannot activate ${c.notKms}`,
    `not in the catalogue ${c.notInCatalogue}`,
  ].join(", ");
}

/** "branch 402, hq 1120, unassigned 21 (no IPv4Address 9, outside every AD subnet 12)": clients per site. */
export function placedDetail(e: Estate): string {
  const c = e.counts;
  return e.sites
    .map((s) => (s.adName === null ? `${s.id} ${s.clients} (no IPv4Address ${c.noAddress}, outside every AD subnet ${c.outsideSubnets})` : `${s.id} ${s.clients}`))
    .join(", ");
}

function siteComment(s: EstateSite): string {
  if (s.adName === null) return `no IPv4Address, or outside every AD subnet; ${plural(s.clients, "client")}`;
  const subnets = s.subnets.length === 0 ? "" : `: ${shortList(s.subnets, 4)}`;
  return `AD site ${s.adName}${subnets}; ${plural(s.clients, "client")}`;
}

function sitesSection(e: Estate): string[] {
  const out = [
    "",
    ...commentBlock(
      e.subnetsGiven
        ? "Sites: one per AD site, by name, and `unassigned` last; a machine is in the site of the longest AD subnet prefix that contains its IPv4Address."
        : "Sites: no AD subnets were given (--subnets), so every machine is in `unassigned`.",
    ),
    "sites:",
  ];
  for (const s of e.sites) {
    out.push(withComment(`  - id: ${scalar(s.id)}`, siteComment(s)));
    if (s.srv.length > 0) {
      out.push(withComment("    srv:", "this site's own SRV records (--site-srv), §N2"));
      for (const r of s.srv) out.push(`      ${scalar(r.host)}: { priority: ${r.priority}, weight: ${r.weight} }`);
    }
  }
  return out;
}

function linksSection(e: Estate): string[] {
  if (e.links.length === 0) return [];
  return [
    "",
    ...commentBlock(
      `Links: every site is joined to ${e.hub ?? "?"}, the site with the most KMS hosts, by a link without outages, ` +
        "so that every client can reach a host (§N1: sites without a path are cut off). Refine them: the real WAN paths, " +
        "and outages such as `outages: [ { random: { upTime: exp(60d), downTime: exp(6h) } } ]`.",
    ),
    "links:",
    ...e.links.map((l) => `  - { id: ${scalar(l.id)}, between: [${scalar(l.between[0])}, ${scalar(l.between[1])}] }`),
  ];
}

function accountText(h: EstateHost): string {
  const a = h.account;
  if (a === null) return "no computer account";
  const version = a.operatingSystemVersion.trim() === "" ? "" : ` ${a.operatingSystemVersion.trim()}`;
  const ip = a.ipv4Address === "" ? "no IPv4Address" : a.ipv4Address;
  return `account ${a.name}: ${a.operatingSystem.trim() === "" ? "no OperatingSystem" : a.operatingSystem.trim()}${version}, ${ip}`;
}

function hostLines(h: EstateHost): string[] {
  const port = h.port === undefined || h.port === 1688 ? "" : `, port ${h.port} (the model does not use ports)`;
  const srv = `srv: { priority: ${h.priority}, weight: ${h.weight} }`;
  if (h.os === null || h.csvlk === null) {
    return [
      withComment(`  # - id: ${scalar(h.id)}`, `${h.target}: left out, ${h.notSimulated ?? ""}`),
      `  #   site: ${scalar(h.site)}`,
      `  #   ${srv}`,
    ];
  }
  const csvlkComment =
    h.csvlkFrom === "flag"
      ? "--csvlk"
      : `assumed: ${h.csvlkFrom === "own" ? "the key of its own OS version" : "the oldest key its OS can carry (§H6)"}; --csvlk ${h.id}=GROUP sets it`;
  return [
    withComment(`  - id: ${scalar(h.id)}`, `${h.target}${port}; ${accountText(h)}`),
    withComment(`    site: ${scalar(h.site)}`, h.siteAssumed === null ? null : `assumed (${h.siteAssumed}): the site with the most clients`),
    withComment(`    os: ${scalar(h.os)}`, h.osAssumed === null ? null : `assumed: ${h.osAssumed}`),
    withComment(`    csvlk: ${scalar(h.csvlk)}`, csvlkComment),
    `    ${srv}`,
  ];
}

function hostsSection(e: Estate): string[] {
  const intro = e.srvGiven
    ? "KMS hosts: the SRV answers of _vlmcs._tcp, by priority then name. Site and OS come from the computer account whose " +
      "DNSHostName is the record's NameTarget; AD does not record the CSVLK, so it is assumed unless --csvlk set it; " +
      "patch level: fully patched (assumed); no outages: add the ones to study."
    : "KMS hosts: no SRV records were given (--srv): add your KMS hosts here.";
  const simulated = e.hosts.filter((h) => h.os !== null).length;
  const out = ["", ...commentBlock(intro), simulated === 0 ? "hosts: []" : "hosts:"];
  for (const h of e.hosts) out.push(...hostLines(h));
  return out;
}

function clientsSection(e: Estate): string[] {
  const out = [
    "",
    ...commentBlock(
      "Client groups: one per site and edition, editions in CATALOG.md order; servers and client editions each get " +
        "the online pattern of --servers-online / --clients-online (default always / office-hours).",
    ),
    e.groups.length === 0 ? "clients: []" : "clients:",
  ];
  for (const g of e.groups) {
    out.push(
      `  - id: ${scalar(g.id)}`,
      `    site: ${scalar(g.site)}`,
      `    count: ${g.count}`,
      `    edition: ${scalar(g.edition)}`,
      `    online: ${scalar(g.online)}`,
    );
  }
  return out;
}

/** The scenario text of an estate: header comments, then name?, description, duration, seed, sites, links, hosts, clients. */
export function scenarioText(e: Estate, name: string | undefined): string {
  const description =
    `Imported from Active Directory: ${plural(e.counts.clients, "client")} in ${plural(e.sites.length, "site")}, ` +
    `${plural(e.hosts.filter((h) => h.os !== null).length, "KMS host")}` +
    `${e.asOfMs === null ? "" : `, as of ${formatUtc(e.asOfMs).slice(0, 10)}`}`;
  const lines = [
    ...header(e),
    "",
    ...(name === undefined ? ["# name: the file name (results go to results/<name>/run/, results/<name>/compare/)"] : [`name: ${scalar(name)}`]),
    `description: ${JSON.stringify(description)}`,
    withComment("duration: 1y", "simulated time: long enough for a renewal cycle and the 180-day validity"),
    "seed: 1",
    ...sitesSection(e),
    ...linksSection(e),
    ...hostsSection(e),
    ...clientsSection(e),
  ];
  return `${lines.join("\n")}\n`;
}
