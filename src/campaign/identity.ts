// The identity of a run (FORMAT.md "Campaigns"): a hash of everything its results depend on, so a
// campaign's journal can tell which stored runs are still wanted after the scenario was edited,
// values were added or strategies reordered, whatever their point number is now.
import { createHash } from "node:crypto";
import type { World } from "../kms/index.js";

/**
 * Bumped whenever the model's results change (a rule, a stream, a summary column): stored runs of
 * an older model are then new identities and are computed again, never mixed with new ones.
 */
export const RESULTS_VERSION = 1;

/** A digest of a resolved scenario (one point, one strategy): its World as canonical JSON. */
export function worldDigest(world: World): string {
  return createHash("sha256").update(canonicalJson(world)).digest("hex");
}

/** The identity of one run: the world's digest, the strategy's label (its summary row names it), seed, replication. */
export function runIdentity(worldDigestHex: string, strategy: string, seed: number, replication: number): string {
  return createHash("sha256")
    .update(`kmsim-run\u0000${RESULTS_VERSION}\u0000${worldDigestHex}\u0000${strategy}\u0000${seed}\u0000${replication}`)
    .digest("hex")
    .slice(0, 32);
}

/** JSON with object keys sorted, so that equal worlds give equal text whatever order built them. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}
