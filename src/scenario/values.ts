// The values of scenario fields, parsed one at a time (FORMAT.md "Field rules"): ids, durations
// within a field's range, integers, dates, `start`, `online`, `cmid`, catalogue names. Each
// parser takes what YAML or JSON produced and returns a value or a message; schema.ts wraps them
// into zod schemas. Pure, apart from Date arithmetic for `start`.
import {
  describeValue,
  formatDuration,
  MINUTES_PER_YEAR,
  parseCallSyntax,
  parseDistribution,
  parseDuration,
  type ParseResult,
} from "../engine/duration.js";
import { resolveHostOs, type Lookup } from "../kms/catalog/index.js";
import type { CmidMode, OnlinePattern } from "../kms/world.js";
import { didYouMean } from "./suggest.js";

// ---------------------------------------------------------------------------------------------
// Constants of the format

/** `name`, every `id` and strategy names (FORMAT.md "Field rules"). */
export const ID_PATTERN = /^[A-Za-z0-9_-]+$/;
/** Host and link ids name timeline columns, so they must not end like the generated ones. */
export const RESERVED_ID_SUFFIX = /_(office|dns)$/;
export const MAX_DURATION_MIN = 100 * MINUTES_PER_YEAR;
export const MIN_INTERVAL_MIN = 15;
export const MAX_INTERVAL_MIN = 43_200;
export const MAX_COUNT = 10_000_000;
export const MAX_REPLICATIONS = 10_000;
export const MAX_SRV_VALUE = 65_535;
export const DEFAULT_START = "2027-01-04T00:00:00Z";
export const DEFAULT_SEED = 1;
export const DEFAULT_REPLICATIONS = 10;
/** Top-level keys a strategy may not set: they would break the pairing of replications. */
export const STRATEGY_FORBIDDEN_KEYS = ["name", "seed", "replications", "duration", "start", "sample"] as const;
/** Pattern of a duration string, for the JSON Schema (the parser gives the precise messages). */
export const DURATION_STRING_PATTERN = "^\\s*\\d+(\\.\\d+)?[mhdwy]?\\s*$";

// ---------------------------------------------------------------------------------------------
// Small pure helpers

/** Whether a value is a plain mapping (not a list, not null). */
export function isRecord(input: unknown): input is Record<string, unknown> {
  return typeof input === "object" && input !== null && !Array.isArray(input);
}

export function ok<T>(value: T): ParseResult<T> {
  return { ok: true, value };
}

export function fail<T>(message: string): ParseResult<T> {
  return { ok: false, message };
}

/** A numeric id hint: YAML reads `id: 007` as the number 7. */
export function numberForString(input: number): string {
  return `expected a string, got the number ${String(input)}: quote values that look like numbers (YAML reads 007 as the number 7; write "007")`;
}

// ---------------------------------------------------------------------------------------------
// Value parsers

/** An id: a string `[A-Za-z0-9_-]+`; `column` ids (hosts, links) must not end in `_office`/`_dns`. */
export function parseId(input: unknown, column = false): ParseResult<string> {
  if (typeof input === "number") return fail(numberForString(input));
  if (typeof input !== "string") return fail(`expected an id (letters, digits, "_" and "-"), got ${describeValue(input)}`);
  if (!ID_PATTERN.test(input)) {
    return fail(`expected an id made of letters, digits, "_" and "-" ([A-Za-z0-9_-]+), got ${JSON.stringify(input)}`);
  }
  if (column && RESERVED_ID_SUFFIX.test(input)) {
    return fail(`host and link ids must not end in "_office" or "_dns" (they would clash with timeline column names), got ${JSON.stringify(input)}`);
  }
  return ok(input);
}

export interface DurationRange {
  readonly min: number;
  readonly minExclusive: boolean;
  readonly max?: number;
  /** How each bound reads in a message: "greater than 0", "at most 100y", "between 15m and 30d (§C1)". */
  readonly lowText: string;
  readonly highText?: string;
}

export const NON_NEGATIVE: DurationRange = { min: 0, minExclusive: false, lowText: "at least 0" };
export const POSITIVE: DurationRange = { min: 0, minExclusive: true, lowText: "greater than 0" };
export const RUN_LENGTH: DurationRange = {
  min: 0,
  minExclusive: true,
  max: MAX_DURATION_MIN,
  lowText: "greater than 0",
  highText: "at most 100y",
};
export const INTERVAL: DurationRange = {
  min: MIN_INTERVAL_MIN,
  minExclusive: false,
  max: MAX_INTERVAL_MIN,
  lowText: "between 15m and 30d (§C1)",
  highText: "between 15m and 30d (§C1)",
};

export function rangeDescription(range: DurationRange): string {
  if (range.highText === undefined || range.highText === range.lowText) return range.lowText;
  return `${range.lowText} and ${range.highText}`;
}

/** A duration within a range, in whole minutes (FORMAT.md "Durations and distributions", "Field rules"). */
export function parseDurationIn(input: unknown, range: DurationRange): ParseResult<number> {
  const r = parseDuration(input);
  if (!r.ok) return r;
  const low = range.minExclusive ? r.value <= range.min : r.value < range.min;
  const high = range.max !== undefined && r.value > range.max;
  if (low || high) {
    const fractional = typeof input === "string" ? input.includes(".") : !Number.isInteger(input);
    const rounded = fractional ? ` (${formatDuration(r.value)} after rounding)` : "";
    const text = low ? range.lowText : (range.highText ?? range.lowText);
    return fail(`must be ${text}, got ${describeValue(input)}${rounded}`);
  }
  return r;
}

/** An integer in [min, max]. */
export function parseInteger(input: unknown, min: number, max: number): ParseResult<number> {
  const range = max >= Number.MAX_SAFE_INTEGER ? `an integer ≥ ${min}` : `an integer from ${min} to ${max}`;
  if (typeof input !== "number" || !Number.isInteger(input) || input < min || input > max) {
    const hint = typeof input === "string" && /^\s*\d+\s*$/.test(input) ? " (write it without quotes)" : "";
    return fail(`expected ${range}, got ${describeValue(input)}${hint}`);
  }
  return ok(input);
}

export function parseBoolean(input: unknown): ParseResult<boolean> {
  if (typeof input === "boolean") return ok(input);
  return fail(`expected true or false, got ${describeValue(input)}`);
}

export function parseText(input: unknown): ParseResult<string> {
  if (typeof input === "string") return ok(input);
  return fail(`expected a string, got ${describeValue(input)}`);
}

export function lookupParser(what: string, example: string, resolve: (name: string) => Lookup) {
  return (input: unknown): ParseResult<string> => {
    if (typeof input !== "string") return fail(`expected ${what} such as "${example}", got ${describeValue(input)}`);
    const r = resolve(input);
    return r.ok ? ok(r.name) : fail(r.message);
  };
}

/** A canonical host OS (CATALOG.md "Host OSes"; an edition suffix is dropped, Azure Edition refused). */
export function parseHostOs(input: unknown): ParseResult<string> {
  if (typeof input !== "string") return fail(`expected a host OS such as "Windows Server 2022", got ${describeValue(input)}`);
  const r = resolveHostOs(input);
  return r.ok ? ok(r.os) : fail(r.message);
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : MONTH_DAYS[month - 1];
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function validDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** A calendar date `YYYY-MM-DD` (a host's `patchLevel`, §H6). */
export function parsePatchDate(input: unknown): ParseResult<string> {
  const what = `expected a date YYYY-MM-DD such as 2021-06-08, got ${describeValue(input)}`;
  if (typeof input !== "string") return fail(what);
  const m = DATE_RE.exec(input.trim());
  if (!m) return fail(what);
  if (!validDate(Number(m[1]), Number(m[2]), Number(m[3]))) return fail(`${input.trim()} is not a calendar date`);
  return ok(input.trim());
}

/** A parsed `start`: the normalised UTC time and its epoch milliseconds. */
export interface StartTime {
  readonly iso: string;
  readonly epochMs: number;
}

const START_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** Writes epoch milliseconds as `YYYY-MM-DDTHH:MM:SSZ`. */
export function formatUtc(epochMs: number): string {
  const d = new Date(epochMs);
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}Z`
  );
}

/**
 * `start`: an ISO-8601 date-time (`2027-01-04T08:00:00+01:00`, converted to UTC; no offset = UTC;
 * seconds optional, no fractions) or a date (`2027-01-04` = midnight UTC).
 */
export function parseStart(input: unknown): ParseResult<StartTime> {
  const expected = `expected an ISO-8601 date-time such as 2027-01-04T00:00:00Z or a date such as 2027-01-04, got ${describeValue(input)}`;
  if (typeof input !== "string") return fail(expected);
  const text = input.trim();
  const m = START_RE.exec(text);
  if (!m) return fail(expected);
  const [, ys, mos, ds, hs = "0", mis = "0", ss = "0", frac, zone] = m;
  if (frac !== undefined) return fail(`fractional seconds are not supported in start, got ${JSON.stringify(input)}`);
  const [y, mo, d, h, mi, s] = [ys, mos, ds, hs, mis, ss].map(Number);
  if (!validDate(y, mo, d)) return fail(`${ys}-${mos}-${ds} is not a calendar date`);
  if (h > 23 || mi > 59 || s > 59) return fail(`${JSON.stringify(input)} is not a valid time of day`);
  let offsetMin = 0;
  if (zone !== undefined && zone.toUpperCase() !== "Z") {
    const zm = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
    const zh = Number(zm?.[2] ?? 0);
    const zmin = Number(zm?.[3] ?? 0);
    if (zh > 23 || zmin > 59) return fail(`${JSON.stringify(zone)} is not a valid UTC offset`);
    offsetMin = (zm?.[1] === "-" ? -1 : 1) * (zh * 60 + zmin);
  }
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, 0);
  const epochMs = date.getTime() - offsetMin * 60_000;
  return ok({ iso: formatUtc(epochMs), epochMs });
}

/** `online`: `always`, `office-hours` or `intermittent(ON, OFF)` with ON and OFF distributions (§R2). */
export function parseOnline(input: unknown): ParseResult<OnlinePattern> {
  const expected = "expected always, office-hours or intermittent(ON, OFF) such as intermittent(exp(9h), exp(15h))";
  if (typeof input !== "string") return fail(`${expected}, got ${describeValue(input)}`);
  const text = input.trim();
  if (text === "always") return ok({ kind: "always" });
  if (text === "office-hours") return ok({ kind: "office-hours" });
  const call = parseCallSyntax(text);
  if (call && call.name === "intermittent") {
    if (call.args.length !== 2 || call.args.some((a) => a === "")) {
      return fail(`intermittent takes 2 arguments, intermittent(ON, OFF), got ${text}`);
    }
    const on = parseDistribution(call.args[0]);
    if (!on.ok) return fail(`intermittent(…) ON: ${on.message}`);
    const off = parseDistribution(call.args[1]);
    if (!off.ok) return fail(`intermittent(…) OFF: ${off.message}`);
    return ok({ kind: "intermittent", on: on.value, off: off.value });
  }
  if (!call && text.includes("(")) return fail(`${expected}, got ${JSON.stringify(input)} (unbalanced parentheses?)`);
  const word = call ? call.name : text;
  return fail(`${expected}, got ${JSON.stringify(input)}${didYouMean(word, ["always", "office-hours", "intermittent"])}`);
}

export const CMID_MODES: readonly CmidMode[] = ["unique", "clone", "non-persistent"];

export function parseCmid(input: unknown): ParseResult<CmidMode> {
  const hit = CMID_MODES.find((m) => m === input);
  if (hit !== undefined) return ok(hit);
  const hint = typeof input === "string" ? didYouMean(input, CMID_MODES) : "";
  return fail(`expected unique, clone or non-persistent, got ${describeValue(input)}${hint}`);
}
