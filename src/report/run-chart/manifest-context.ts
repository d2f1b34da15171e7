// What the run chart takes from a run folder's manifest.json (FORMAT.md "Run folder"): the run's
// duration, the client groups' `offline` windows, the hosts' rebuilds and which hosts hold an
// Office host key. `kmsim
// run` and `kmsim report` both read them from the manifest text, so a redraw is identical to the
// first drawing. Lenient: a manifest that is missing or unreadable (an older or edited folder)
// leaves the chart without these extras rather than failing the redraw.
import type { HostRebuild, OfflineWindow } from "./lanes.js";

export interface ManifestContext {
  /** The run's duration in minutes (`durationMin`), when known. */
  readonly durationMin?: number;
  /** Every client group's offline windows, groups in file order. */
  readonly offline: readonly OfflineWindow[];
  /** Every host's rebuilds (§H5), hosts in file order. */
  readonly rebuilds: readonly HostRebuild[];
  /** Ids of the hosts with at least one Office host key; null when the manifest does not say. */
  readonly officeHosts: readonly string[] | null;
}

const NONE: ManifestContext = { offline: [], rebuilds: [], officeHosts: null };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function finite(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v);
}

/** The chart's context from manifest.json text (null: no manifest). */
export function manifestContext(text: string | null): ManifestContext {
  if (text === null) return NONE;
  let m: unknown;
  try {
    m = JSON.parse(text);
  } catch {
    return NONE;
  }
  if (!isRecord(m)) return NONE;
  const durationMin = finite(m.durationMin) && m.durationMin > 0 ? m.durationMin : undefined;
  const world = isRecord(m.world) ? m.world : {};
  const offline: OfflineWindow[] = [];
  if (Array.isArray(world.clients)) {
    for (const g of world.clients) {
      if (!isRecord(g) || typeof g.id !== "string" || !Array.isArray(g.offline)) continue;
      const count = finite(g.count) ? g.count : 0;
      for (const w of g.offline) {
        if (isRecord(w) && finite(w.start) && finite(w.end) && w.end > w.start) {
          offline.push({ group: g.id, count, start: w.start, end: w.end });
        }
      }
    }
  }
  let officeHosts: string[] | null = null;
  const rebuilds: HostRebuild[] = [];
  if (Array.isArray(world.hosts)) {
    officeHosts = [];
    for (const h of world.hosts) {
      if (!isRecord(h) || typeof h.id !== "string") continue;
      if (Array.isArray(h.officeKeys) && h.officeKeys.length > 0) officeHosts.push(h.id);
      if (Array.isArray(h.rebuilds)) for (const at of h.rebuilds) if (finite(at)) rebuilds.push({ host: h.id, at });
    }
  }
  const context = { offline, rebuilds, officeHosts };
  return durationMin === undefined ? context : { durationMin, ...context };
}
