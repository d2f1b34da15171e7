// Value formatting for every CSV kmsim writes (FORMAT.md "CSV conventions"): numbers, calendar
// times and result codes. Pure functions; the only place minutes become calendar strings.
import { ResultCode } from "../kms/facts.js";

/**
 * Formats a number for a CSV field (FORMAT.md "CSV conventions"): integers as integers, other
 * values rounded to 6 decimal places with trailing zeros dropped, never in exponent notation,
 * no locale formatting. Negative zero (also after rounding, e.g. -1e-7) is written as `0`.
 */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`formatNumber: not a finite number: ${x}`);
  if (Number.isInteger(x)) {
    if (x === 0) return "0";
    // Beyond 2^53 String() rounds digits (and from 1e21 uses an exponent); BigInt prints the exact value.
    return Math.abs(x) <= Number.MAX_SAFE_INTEGER ? String(x) : BigInt(x).toString();
  }
  // Every non-integer double is below 2^53 < 1e21 in magnitude, so toFixed never uses an exponent.
  let s = x.toFixed(6);
  if (s.indexOf(".") >= 0) {
    let end = s.length;
    while (s.charCodeAt(end - 1) === 48 /* 0 */) end--;
    if (s.charCodeAt(end - 1) === 46 /* . */) end--;
    s = s.slice(0, end);
  }
  return s === "-0" ? "0" : s;
}

/**
 * The calendar time of a minute (FORMAT.md timeline.csv `time`): `start + minute` in UTC as
 * `YYYY-MM-DDTHH:MM:SSZ` (milliseconds, if `start` has any, are dropped).
 */
export function formatTime(startEpochMs: number, minute: number): string {
  const iso = new Date(startEpochMs + minute * 60_000).toISOString();
  // toISOString is `YYYY-MM-DDTHH:MM:SS.sssZ` (years 0…9999, the only ones a run can reach).
  return iso.slice(0, 19) + "Z";
}

/**
 * A result code as FORMAT.md and MODEL.md "Outputs" write it: `0x0`, `0xC004F038`, … (lower-case
 * `0x`, upper-case hex digits). NO_ANSWER (a request with no answer, §C6.6) is the empty string.
 */
export function formatResultCode(code: ResultCode | number): string {
  if (code === ResultCode.NO_ANSWER) return "";
  return "0x" + (code >>> 0).toString(16).toUpperCase();
}
