// Parsing of flag values that yargs leaves as raw strings/numbers (bad values exit 2).
import { parseDuration } from "../engine/duration.js";
import { InputError } from "./errors.js";

/** A whole number ≥ min from a flag, or InputError naming the flag. */
export function wholeNumberFlag(flag: string, value: unknown, min: number): number {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  if (typeof n !== "number" || !Number.isSafeInteger(n) || n < min) {
    throw new InputError([`kmsim: --${flag} expects a whole number ≥ ${min}, got ${JSON.stringify(value)}`]);
  }
  return n;
}

/** A duration > 0 from a flag (FORMAT.md "Durations"). */
export function durationFlag(flag: string, value: unknown): number {
  const parsed = parseDuration(value);
  if (!parsed.ok) throw new InputError([`kmsim: --${flag}: ${parsed.message}`]);
  if (parsed.value <= 0) throw new InputError([`kmsim: --${flag} must be greater than 0`]);
  return parsed.value;
}
