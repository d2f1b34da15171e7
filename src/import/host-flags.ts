// The flags and checks around the KMS hosts (docs/import.md "Hosts"): --csvlk HOST=GROUP,
// --site-srv SITE=FILE (per-site SRV overrides, §N2), and the notes an administrator should read
// about hosts (left out, no account, assumed OS, a stale account). Pure.
import { formatDuration } from "../engine/duration.js";
import { csvlkInstallableOn, resolveCsvlk } from "../kms/catalog/index.js";
import { UNASSIGNED, type EstateHost, type EstateOptions, type EstateSite, type SiteSrvInput } from "./estate-model.js";
import type { Problems } from "./problems.js";
import { dnsKey } from "./srv.js";

/** --csvlk HOST=GROUP: HOST is a host id or its NameTarget (any case); the group must install on the host's OS (§H6). */
export function applyCsvlkFlags(hosts: EstateHost[], flags: EstateOptions["csvlk"], problems: Problems): void {
  const done = new Set<number>();
  for (const { host, group } of flags) {
    const i = hosts.findIndex((h) => h.id === host.toLowerCase() || dnsKey(h.target) === dnsKey(host));
    if (i === -1) {
      const known = hosts.map((h) => h.id);
      problems.flag(`--csvlk ${host}=${group}: no KMS host "${host}" in the SRV answers (${known.length === 0 ? "there are none" : `hosts: ${known.join(", ")}`})`);
      continue;
    }
    const h = hosts[i];
    if (done.has(i)) {
      problems.flag(`--csvlk ${host}=${group}: host ${h.id} is given a CSVLK twice`);
      continue;
    }
    done.add(i);
    const lookup = resolveCsvlk(group);
    if (!lookup.ok) {
      problems.flag(`--csvlk ${host}=${group}: ${lookup.message}`);
      continue;
    }
    if (h.os === null) {
      problems.flag(`--csvlk ${host}=${group}: host ${h.id} cannot be simulated (${h.notSimulated ?? ""})`);
      continue;
    }
    if (!csvlkInstallableOn(lookup.name, h.os)) {
      problems.flag(`--csvlk ${host}=${group}: the ${lookup.name} CSVLK cannot be installed on ${h.os}, the OS of ${h.id} (0xC004F050, §H6)`);
      continue;
    }
    hosts[i] = { ...h, csvlk: lookup.name, csvlkFrom: "flag" };
  }
}

/** --site-srv SITE=FILE: the site (AD name or id) and, for each answer, a host of the main SRV answers (§N2). */
export function siteOverrides(
  siteSrv: readonly SiteSrvInput[],
  srvFile: string | null,
  hosts: readonly EstateHost[],
  adNames: readonly string[],
  adIds: readonly string[],
  problems: Problems,
): Map<string, { file: string; srv: EstateSite["srv"] }> {
  const out = new Map<string, { file: string; srv: EstateSite["srv"] }>();
  if (siteSrv.length > 0 && srvFile === null) {
    problems.flag("--site-srv needs --srv: a site can only override the records of hosts published in DNS (§N2)");
    return out;
  }
  for (const entry of siteSrv) {
    const wanted = entry.site.trim().toLowerCase();
    let siteId: string | undefined;
    const byName = adNames.findIndex((n) => n.toLowerCase() === wanted);
    if (byName !== -1) siteId = adIds[byName];
    else if (adIds.includes(wanted) || wanted === UNASSIGNED) siteId = wanted;
    if (siteId === undefined) {
      const known = adNames.length === 0 ? "there are no AD sites: give --subnets" : `AD sites: ${adNames.join(", ")}`;
      problems.flag(`--site-srv ${entry.site}=${entry.file}: unknown site "${entry.site}" (${known})`);
      continue;
    }
    if (out.has(siteId)) {
      problems.flag(`--site-srv ${entry.site}=${entry.file}: site ${siteId} already has a --site-srv file (${out.get(siteId)?.file ?? ""})`);
      continue;
    }
    const byHost = new Map<string, { priority: number; weight: number }>();
    for (const a of entry.records.answers) {
      const host = hosts.find((h) => dnsKey(h.target) === a.key);
      if (host === undefined) {
        problems.add(
          entry.file,
          a.line,
          `${a.target} is not among the SRV answers of ${srvFile ?? "--srv"}: a site can only override the record of a published host (§N2)`,
        );
        continue;
      }
      if (host.os !== null) byHost.set(host.id, { priority: a.priority, weight: a.weight });
    }
    // In host order, so the text does not depend on the order of the answers in the file.
    const srv = hosts.filter((h) => byHost.has(h.id)).map((h) => ({ host: h.id, ...(byHost.get(h.id) as { priority: number; weight: number }) }));
    out.set(siteId, { file: entry.file, srv });
  }
  return out;
}

/** Notes about hosts an administrator should check. */
export function hostNotes(hosts: readonly EstateHost[], cutoff: number, activeWithinMin: number): string[] {
  const out: string[] = [];
  for (const h of hosts) {
    if (h.notSimulated !== null) out.push(`host ${h.id} (${h.target}) is left out: ${h.notSimulated}; it is written commented out`);
    if (h.account === null) out.push(`host ${h.id} (${h.target}): no computer account has this DNSHostName; placed in site ${h.site} on ${h.os ?? "?"} (assumed)`);
    else {
      if (h.osAssumed !== null) out.push(`host ${h.id}: ${h.osAssumed}; simulated on ${h.os ?? "?"} (assumed)`);
      if (!h.account.enabled) out.push(`host ${h.id}: its computer account ${h.account.name} is disabled (is the SRV record stale?)`);
      else if (h.account.lastLogonMs === null || h.account.lastLogonMs < cutoff) {
        out.push(`host ${h.id}: its computer account ${h.account.name} has not logged on within ${formatDuration(activeWithinMin)} (is the SRV record stale?)`);
      }
    }
  }
  return out;
}
