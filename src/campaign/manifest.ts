// manifest.json of a campaign or shard folder (FORMAT.md "Sweep folder"): what was run and from
// what, enough for `kmsim merge` to check that shards belong together and to rebuild the tables
// from their journals without the scenario file.
import { createHash } from "node:crypto";
import { canonicalJson, RESULTS_VERSION } from "./identity.js";
import type { CampaignPlan } from "./plan.js";

export interface CampaignManifest {
  readonly kmsim: string;
  readonly kind: "sweep" | "sweep-shard" | "compare-shard";
  /** A compare shard: the options its merge writes the comparison folder with. */
  readonly compare?: { readonly rankBy: string | null; readonly point: number | null };
  readonly scenario: string;
  readonly file: string;
  readonly fileBaseName: string;
  readonly seed: number;
  readonly resultsVersion: number;
  /** Digest of (scenario document, strategies, replications, results version): shards of one campaign share it. */
  readonly plan: string;
  readonly strategies: readonly string[];
  readonly replications: number;
  readonly points: number;
  readonly tasks: number;
  readonly shard: { readonly index: number; readonly count: number; readonly from: number; readonly to: number } | null;
  /** With `--replications auto`: the maximum, the tolerance, and per point the replications reached and why it stopped. */
  readonly auto?: { readonly max: number; readonly tolerance: string; readonly points: readonly { readonly replications: number; readonly stoppedBecause: string }[] };
  readonly runs: { readonly reused: number; readonly computed: number };
  readonly eventsProcessed: number;
  readonly wallTimeMs: number;
  readonly files: readonly string[];
  /** The scenario document as parsed (with its sweep). */
  readonly document: unknown;
}

/** The digest that ties the shards of one campaign together. */
export function planDigest(plan: CampaignPlan): string {
  return createHash("sha256")
    .update(canonicalJson({ document: plan.data, strategies: plan.strategies, replications: plan.shape.replications, resultsVersion: RESULTS_VERSION }))
    .digest("hex");
}

/** The manifest's text: pretty-printed, keys in the order above, ending in a line break. */
export function manifestText(m: CampaignManifest): string {
  return `${JSON.stringify(m, null, 2)}\n`;
}

/** A manifest read back, or a message saying what is wrong with it. */
export function parseManifest(text: string): CampaignManifest | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return "manifest.json is not JSON";
  }
  const m = value as Partial<CampaignManifest>;
  if (typeof m !== "object" || m === null || (m.kind !== "sweep" && m.kind !== "sweep-shard" && m.kind !== "compare-shard")) return "manifest.json is not a kmsim sweep or shard manifest";
  if (typeof m.plan !== "string" || typeof m.tasks !== "number" || !Array.isArray(m.strategies) || typeof m.replications !== "number") {
    return "manifest.json lacks the plan of its campaign";
  }
  return m as CampaignManifest;
}
