// Durations and distributions as users write them (FORMAT.md "Durations and distributions"):
// `90`, `"90"`, `30m`, `1.5h`, `7d`, `2w`, `1y` → whole minutes; `exp(90d)`, `lognormal(6h, 1.0)`,
// `uniform(1h, 4h)` or a bare duration → a Distribution. Pure: parse results are values, never throws.
//
// Grammar (decisions FORMAT.md leaves open are marked *):
//   duration     := number | string
//   number       := a finite JS number ≥ 0 (minutes; decimals allowed)
//   string       := SPACE* digits ("." digits)? unit? SPACE*   (* spaces only around the whole value,
//                   none between the number and its unit: "7 d" is rejected with a hint)
//   unit         := "m" | "h" | "d" | "w" | "y"                 (* lowercase only; 1y = 365 d)
//   rounding     := half-up to whole minutes, computed exactly on the decimal digits
//                   ("0.5m" → 1, "1.25m" → 1, "0.0083h" → 0)
//   distribution := duration | exp(MEAN) | lognormal(MEDIAN, SIGMA) | uniform(MIN, MAX)
//                   (* spaces allowed around arguments and before "("; a plain number counts as a fixed
//                   duration; every distribution has a positive centre: fixed value, mean, median > 0,
//                   uniform MAX > 0; MIN ≥ 0; SIGMA is a plain decimal number ≥ 0)
import type { Distribution } from "./distribution.js";

export const MINUTES_PER_HOUR = 60;
export const MINUTES_PER_DAY = 1_440;
export const MINUTES_PER_WEEK = 10_080;
export const MINUTES_PER_YEAR = 525_600;

/** The outcome of parsing user input: a value, or a message saying what was wrong. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

const UNIT_MINUTES: Readonly<Record<string, number>> = {
  m: 1,
  h: MINUTES_PER_HOUR,
  d: MINUTES_PER_DAY,
  w: MINUTES_PER_WEEK,
  y: MINUTES_PER_YEAR,
};

const EXPECTED_DURATION = "expected a duration such as 90, 30m, 12h, 7d, 2w or 1y";
const DURATION_RE = /^(\d+)(?:\.(\d+))?([a-zA-Z]*)$/;
const SPACED_UNIT_RE = /^(\d+(?:\.\d+)?)\s+([mhdwy])$/;
const PLAIN_NUMBER_RE = /^\d+(?:\.\d+)?$/;

/** Describes a user value for a message: strings quoted, lists and mappings named, others as written. */
export function describeValue(input: unknown): string {
  if (input === undefined) return "nothing";
  if (input === null) return "null";
  if (typeof input === "string") return input.trim() === "" ? "an empty string" : JSON.stringify(input);
  if (Array.isArray(input)) return "a list";
  if (typeof input === "object") return "a mapping";
  return String(input);
}

function fail<T>(message: string): ParseResult<T> {
  return { ok: false, message };
}

function ok<T>(value: T): ParseResult<T> {
  return { ok: true, value };
}

/**
 * Parses a duration (a number of minutes, or a string with a unit m/h/d/w/y) to whole minutes,
 * rounded half-up (FORMAT.md "Durations and distributions"). Zero is a valid duration; range
 * checks (> 0, ≤ 100 y, …) belong to the field that uses it.
 */
export function parseDuration(input: unknown): ParseResult<number> {
  if (typeof input === "number") {
    if (!Number.isFinite(input)) return fail(`${EXPECTED_DURATION}, got ${String(input)}`);
    if (input < 0) return fail(`a duration cannot be negative, got ${String(input)}`);
    const value = Math.round(input) + 0; // half-up for values ≥ 0; `+ 0` turns -0 into 0
    if (value > Number.MAX_SAFE_INTEGER) return fail(`duration ${String(input)} is too large`);
    return ok(value);
  }
  if (typeof input !== "string") return fail(`${EXPECTED_DURATION}, got ${describeValue(input)}`);
  const text = input.trim();
  if (text === "") return fail(`${EXPECTED_DURATION}, got an empty string`);
  const quoted = JSON.stringify(input);
  if (/^-\s*\d/.test(text)) return fail(`a duration cannot be negative, got ${quoted}`);
  const spaced = SPACED_UNIT_RE.exec(text);
  if (spaced) {
    return fail(`${EXPECTED_DURATION}, got ${quoted} (no space between number and unit: write "${spaced[1]}${spaced[2]}")`);
  }
  const match = DURATION_RE.exec(text);
  if (!match) return fail(`${EXPECTED_DURATION}, got ${quoted}`);
  const [, whole, frac = "", unit] = match;
  const perUnit = unit === "" ? 1 : UNIT_MINUTES[unit];
  if (perUnit === undefined) {
    return fail(`unknown unit "${unit}" in ${quoted}: expected m, h, d, w or y (minutes, hours, days, weeks, 365-day years)`);
  }
  // Exact decimal arithmetic: minutes = round_half_up(digits × perUnit / 10^frac.length).
  const numerator = BigInt(whole + frac) * BigInt(perUnit);
  const denominator = 10n ** BigInt(frac.length);
  const minutes = (2n * numerator + denominator) / (2n * denominator);
  if (minutes > BigInt(Number.MAX_SAFE_INTEGER)) return fail(`duration ${quoted} is too large`);
  return ok(Number(minutes));
}

/** A function-call form `name(arg, arg, …)`; arguments are split at top-level commas only. */
export interface CallSyntax {
  readonly name: string;
  readonly args: readonly string[];
}

/**
 * Reads `name(a, b(c, d))` into its name and trimmed top-level arguments, or null when the text is
 * not of that form (unbalanced parentheses included). Used for distributions and `intermittent(…)`.
 */
export function parseCallSyntax(input: string): CallSyntax | null {
  const text = input.trim();
  const head = /^([A-Za-z][A-Za-z0-9_-]*)\s*\(/.exec(text);
  if (!head || !text.endsWith(")")) return null;
  const inner = text.slice(head[0].length, -1);
  const args: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i];
    if (ch === "(") depth++;
    else if (ch === ")") {
      depth--;
      if (depth < 0) return null;
    } else if (ch === "," && depth === 0) {
      args.push(inner.slice(from, i).trim());
      from = i + 1;
    }
  }
  if (depth !== 0) return null;
  const last = inner.slice(from).trim();
  if (args.length > 0 || last !== "") args.push(last);
  return { name: head[1], args };
}

const EXPECTED_DISTRIBUTION =
  "expected a distribution: a duration such as 2h, exp(MEAN), lognormal(MEDIAN, SIGMA) or uniform(MIN, MAX)";

function positiveArg(fn: string, role: string, arg: string): ParseResult<number> {
  const parsed = parseDuration(arg);
  if (!parsed.ok) return fail(`${fn}(…) ${role}: ${parsed.message}`);
  if (parsed.value <= 0) return fail(`${fn}(…) ${role} must be greater than 0, got "${arg}"`);
  return parsed;
}

function arity(fn: string, args: readonly string[], names: readonly string[]): ParseResult<null> {
  if (args.length === names.length && args.every((a) => a !== "")) return ok(null);
  const expected = `${fn}(${names.join(", ")})`;
  return fail(`${fn} takes ${names.length} argument${names.length === 1 ? "" : "s"}, ${expected}, got ${fn}(${args.join(", ")})`);
}

/**
 * Parses a distribution (FORMAT.md "Durations and distributions"): a bare duration (fixed),
 * `exp(MEAN)`, `lognormal(MEDIAN, SIGMA)` or `uniform(MIN, MAX)`, all durations in minutes.
 */
export function parseDistribution(input: unknown): ParseResult<Distribution> {
  if (typeof input === "string" && input.includes("(")) {
    const call = parseCallSyntax(input);
    if (!call) return fail(`${EXPECTED_DISTRIBUTION}, got ${JSON.stringify(input)} (unbalanced parentheses?)`);
    const { name, args } = call;
    switch (name) {
      case "exp": {
        const n = arity("exp", args, ["MEAN"]);
        if (!n.ok) return n;
        const mean = positiveArg("exp", "mean", args[0]);
        return mean.ok ? ok({ kind: "exp", mean: mean.value }) : mean;
      }
      case "lognormal": {
        const n = arity("lognormal", args, ["MEDIAN", "SIGMA"]);
        if (!n.ok) return n;
        const median = positiveArg("lognormal", "median", args[0]);
        if (!median.ok) return median;
        if (!PLAIN_NUMBER_RE.test(args[1])) {
          return fail(`lognormal(…) sigma must be a plain number ≥ 0 such as 1.0, got "${args[1]}"`);
        }
        return ok({ kind: "lognormal", median: median.value, sigma: Number(args[1]) });
      }
      case "uniform": {
        const n = arity("uniform", args, ["MIN", "MAX"]);
        if (!n.ok) return n;
        const min = parseDuration(args[0]);
        if (!min.ok) return fail(`uniform(…) min: ${min.message}`);
        const max = positiveArg("uniform", "max", args[1]);
        if (!max.ok) return max;
        if (min.value > max.value) {
          return fail(`uniform(…) min (${formatDuration(min.value)}) is greater than max (${formatDuration(max.value)})`);
        }
        return ok({ kind: "uniform", min: min.value, max: max.value });
      }
      default:
        return fail(`unknown distribution "${name}" in ${JSON.stringify(input)}: expected exp, lognormal or uniform`);
    }
  }
  if (typeof input !== "string" && typeof input !== "number") {
    return fail(`${EXPECTED_DISTRIBUTION}, got ${describeValue(input)}`);
  }
  const fixed = parseDuration(input);
  if (!fixed.ok) {
    return fail(fixed.message.startsWith(EXPECTED_DURATION) ? `${EXPECTED_DISTRIBUTION}, ${fixed.message.slice(EXPECTED_DURATION.length + 2)}` : fixed.message);
  }
  if (fixed.value <= 0) return fail(`a fixed distribution must be greater than 0, got ${describeValue(input)}`);
  return ok({ kind: "fixed", value: fixed.value });
}

/**
 * Writes minutes in the largest unit that divides them exactly (days, hours, else minutes), for
 * messages: 7200 → "5d", 1500 → "25h", 90 → "90m", 0 → "0". Weeks and years are not used.
 */
export function formatDuration(min: number): string {
  if (min === 0) return "0";
  if (!Number.isInteger(min)) return `${min}m`;
  if (min % MINUTES_PER_DAY === 0) return `${min / MINUTES_PER_DAY}d`;
  if (min % MINUTES_PER_HOUR === 0) return `${min / MINUTES_PER_HOUR}h`;
  return `${min}m`;
}

/** Writes a distribution back in the scenario grammar, for messages and manifests. */
export function formatDistribution(d: Distribution): string {
  switch (d.kind) {
    case "fixed":
      return formatDuration(d.value);
    case "exp":
      return `exp(${formatDuration(d.mean)})`;
    case "lognormal":
      return `lognormal(${formatDuration(d.median)}, ${d.sigma})`;
    case "uniform":
      return `uniform(${formatDuration(d.min)}, ${formatDuration(d.max)})`;
    default: {
      const never: never = d;
      return never;
    }
  }
}
