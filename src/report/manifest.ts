// manifest.json of a run folder (FORMAT.md "Run folder"): the resolved scenario, seed, stream
// scheme, kmsim version, events processed and wall time. Keys come in a fixed order at the top
// and sorted order inside (so the text never depends on how an object was built); wall time is
// the only value that differs between identical runs (no timestamps, no host names).

/** A JSON value. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

export interface ManifestInput {
  /** kmsim's version (package.json). */
  readonly version: string;
  readonly scenario: string;
  /** null for the base scenario. */
  readonly strategy: string | null;
  readonly seed: number;
  readonly replication: number;
  /** How random streams are derived from (seed, replication) (§R3), e.g. a scheme name and version. */
  readonly streamScheme: string;
  /** Calendar time of t = 0 as ISO-8601 UTC. */
  readonly start: string;
  readonly durationMin: number;
  /** FORMAT.md `sample` in minutes; null = change-driven timeline. */
  readonly sampleMin: number | null;
  readonly eventsProcessed: number;
  readonly wallTimeMs: number;
  /** The resolved scenario (the World the model ran, or any plain-data form of it). */
  readonly world: unknown;
  /** Files of the folder, in the order they are listed (optional). */
  readonly files?: readonly string[];
}

/** Keys that read best first inside nested objects; the rest follow in code-point order. */
const FIRST_KEYS = ["id", "name", "kind"];

function compareKeys(a: string, b: string): number {
  const ia = FIRST_KEYS.indexOf(a);
  const ib = FIRST_KEYS.indexOf(b);
  if (ia >= 0 || ib >= 0) return (ia < 0 ? FIRST_KEYS.length : ia) - (ib < 0 ? FIRST_KEYS.length : ib);
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A plain-data copy of `value` with object keys in a stable order (id, name, kind first, then
 * sorted). Drops `undefined` properties; rejects what JSON cannot hold faithfully (NaN, ±Infinity,
 * functions, bigint, symbols, class instances other than arrays).
 */
export function canonicalJson(value: unknown, path = "$"): JsonValue {
  if (value === null) return null;
  switch (typeof value) {
    case "boolean":
    case "string":
      return value;
    case "number":
      if (!Number.isFinite(value)) throw new TypeError(`manifest: ${path} is not a finite number (${value})`);
      return value;
    case "object": {
      if (Array.isArray(value)) return value.map((v, i) => canonicalJson(v, `${path}[${i}]`));
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) throw new TypeError(`manifest: ${path} is not a plain object`);
      const rec = value as Record<string, unknown>;
      const out: Record<string, JsonValue> = {};
      for (const k of Object.keys(rec).sort(compareKeys)) {
        if (rec[k] !== undefined) out[k] = canonicalJson(rec[k], `${path}.${k}`);
      }
      return out;
    }
    default:
      throw new TypeError(`manifest: ${path} cannot be written as JSON (${typeof value})`);
  }
}

/** manifest.json text: pretty-printed (2 spaces), top-level keys in a fixed order, ending in `\n` (FORMAT.md "Run folder"). */
export function buildManifest(input: ManifestInput): string {
  const top: Record<string, JsonValue> = {
    kmsim: input.version,
    scenario: input.scenario,
    strategy: input.strategy,
    seed: input.seed,
    replication: input.replication,
    streamScheme: input.streamScheme,
    start: input.start,
    durationMin: input.durationMin,
    sampleMin: input.sampleMin,
    eventsProcessed: input.eventsProcessed,
    wallTimeMs: input.wallTimeMs,
  };
  for (const [k, v] of Object.entries(top)) {
    if (typeof v === "number" && !Number.isFinite(v)) throw new TypeError(`manifest: ${k} is not a finite number (${v})`);
  }
  if (input.files !== undefined) top.files = [...input.files];
  top.world = canonicalJson(input.world, "world");
  return JSON.stringify(top, null, 2) + "\n";
}
