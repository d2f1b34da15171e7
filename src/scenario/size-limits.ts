// The size limits of a scenario (FORMAT.md "Limits", docs/limits.md): how many licensing clients,
// client groups, hosts, sites and links one scenario (the base, or a strategy merged over it) may
// have. Checked on the parsed data before anything else reads it — before the schema, the
// cross-checks and the walk of data-guards.ts — so a file that would need gigabytes is refused in
// milliseconds, with the count found and the limit. And the warning about runs too long to wait
// for: more than EVENTS_WARNING estimated events (kms/event-estimate.ts).
import { estimateWork } from "../kms/event-estimate.js";
import type { World } from "../kms/world.js";
import type { Finding } from "./resolve.js";

/**
 * The limits. Licensing clients (machines, plus one Office install per machine of a group with
 * `office`) follow from the measured memory of `kmsim run` (docs/limits.md: about 1.2 KB per
 * intermittent client, 0.65 KB per always-online one, for a year): 2 000 000 stay under 3 GB,
 * inside V8's default 4 GB heap and well inside 8 GB of memory. The others bound the per-entity
 * work of validation, the timeline's columns and the charts.
 */
export const SIZE_LIMITS = {
  licensingClients: 2_000_000,
  clientGroups: 10_000,
  hosts: 1_000,
  sites: 10_000,
  links: 10_000,
} as const;

const LISTS = [
  { key: "sites", noun: "sites", limit: SIZE_LIMITS.sites },
  { key: "links", noun: "links", limit: SIZE_LIMITS.links },
  { key: "hosts", noun: "hosts", limit: SIZE_LIMITS.hosts },
  { key: "clients", noun: "client groups", limit: SIZE_LIMITS.clientGroups },
] as const;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Windows machines and Office installs of a `clients` list as written (invalid entries count 0). */
export function licensingClients(clients: readonly unknown[]): { machines: number; office: number } {
  let machines = 0;
  let office = 0;
  for (const g of clients) {
    if (!isRecord(g)) continue;
    const count = typeof g.count === "number" && Number.isFinite(g.count) && g.count > 0 ? g.count : 0;
    machines += count;
    if (g.office !== undefined && g.office !== null && g.office !== false) office += count;
  }
  return { machines, office };
}

/**
 * The limits a scenario mapping (as parsed, not yet validated) exceeds, each at its list's key:
 * `clients: 3000000 licensing clients (…), more than the limit of 2000000 (FORMAT.md "Limits")`.
 * Lists that are not lists are left to the schema.
 */
export function sizeProblems(data: Record<string, unknown>): Finding[] {
  const out: Finding[] = [];
  for (const { key, noun, limit } of LISTS) {
    const list = data[key];
    if (Array.isArray(list) && list.length > limit) {
      out.push({ path: key, message: `${list.length} ${noun}, more than the limit of ${limit} (FORMAT.md "Limits")`, severity: "error" });
    }
  }
  const clients = data.clients;
  if (Array.isArray(clients)) {
    const { machines, office } = licensingClients(clients);
    const total = machines + office;
    if (total > SIZE_LIMITS.licensingClients) {
      const parts = office > 0 ? ` (${machines} machines and ${office} Office installs)` : "";
      out.push({
        path: "clients",
        message: `${total} licensing clients${parts}, more than the limit of ${SIZE_LIMITS.licensingClients} (FORMAT.md "Limits": memory grows with each client)`,
        severity: "error",
      });
    }
  }
  return out;
}

/** Above this many estimated events a run takes hours (a few million events a second): warn. */
export const EVENTS_WARNING = 1e9;

/** `5.3e11`: the estimate to two digits, as a power of ten. */
function scientific(n: number): string {
  const [mantissa, exponent] = n.toExponential(1).split("e");
  return `${mantissa}·10^${Number(exponent)}`;
}

/**
 * A warning when one run of the world is estimated at more than EVENTS_WARNING events (FORMAT.md
 * "Limits"), or null.
 */
export function runawayWarning(world: World): Finding | null {
  const events = estimateWork(world);
  if (!(events > EVENTS_WARNING)) return null;
  return {
    path: "",
    message: `about ${scientific(events)} events and online periods per run (estimated from the scenario's rates; more than 10^9): at a few million a second, each run takes hours or days; a shorter duration, fewer clients or longer online spans make it shorter`,
    severity: "warning",
    // A strategy repeats it only when its own estimate differs (the message then differs).
    keys: [],
  };
}
