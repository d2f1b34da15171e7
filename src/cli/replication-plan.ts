// `--replications N|auto`, `--max-replications` and `--tolerance`, shared by `compare` and `sweep`
// (FORMAT.md "Comparison folder" and "Sweeps"): a fixed number, or batches of 10 until the
// ranking is settled. Bad values exit 2.
import { AUTO_MAX_REPLICATIONS, formatNumber, parseTolerance, type Tolerance } from "../report/index.js";
import { InputError } from "./errors.js";
import { wholeNumberFlag } from "./options.js";

/** The flags as yargs gives them. */
export interface ReplicationFlags {
  readonly replications?: unknown;
  readonly "max-replications"?: unknown;
  readonly tolerance?: unknown;
}

/** How many replications: a fixed number, or batches until the question is answered (FORMAT.md `--replications auto`). */
export type ReplicationPlan =
  | { readonly kind: "fixed"; readonly count: number }
  | { readonly kind: "auto"; readonly max: number; readonly tolerance: Tolerance };

/** `--replications N|auto`, `--max-replications`, `--tolerance` (bad values exit 2). */
export function replicationPlan(args: ReplicationFlags, fromFile: number): ReplicationPlan {
  const auto = typeof args.replications === "string" && args.replications.trim() === "auto";
  if (!auto) {
    if (args["max-replications"] !== undefined || args.tolerance !== undefined) {
      throw new InputError([`kmsim: --max-replications and --tolerance go with --replications auto`]);
    }
    const count = args.replications === undefined ? fromFile : wholeNumberFlag("replications", args.replications, 1);
    if (count > 10_000) throw new InputError([`kmsim: --replications must be at most 10000`]);
    return { kind: "fixed", count };
  }
  const max = args["max-replications"] === undefined ? AUTO_MAX_REPLICATIONS : wholeNumberFlag("max-replications", args["max-replications"], 1);
  if (max > 10_000) throw new InputError([`kmsim: --max-replications must be at most 10000`]);
  let tolerance: Tolerance = { kind: "default" };
  if (args.tolerance !== undefined) {
    const parsed = parseTolerance(String(args.tolerance));
    if (parsed === null) throw new InputError([`kmsim: --tolerance expects a number ≥ 0 (in the deciding metric's unit) or a percentage such as 1%, got ${JSON.stringify(args.tolerance)}`]);
    tolerance = parsed;
  }
  return { kind: "auto", max, tolerance };
}

/** The tolerance as manifest.json states it. */
export function toleranceText(t: Tolerance): string {
  if (t.kind === "absolute") return String(t.value);
  if (t.kind === "relative") return `${formatNumber(t.fraction * 100)}%`;
  return "default (1% of the best's mean, at least the metric's resolution)";
}
