// Dates of the exports and of --as-of (docs/import.md "Activity"): LastLogonDate as Export-Csv
// writes it on an en-US system (`11/20/2026 9:14:03 AM`; Excel's re-save `11/20/2026 9:14` too)
// or as ISO 8601 (`.ToString('o')`: `2026-11-20T09:14:03.0000000+01:00`). A time without an
// offset is read as UTC: only differences between dates of one export matter, and an hour's
// shift changes nothing against a window of weeks. Values are epoch milliseconds.

export type DateResult = { ok: true; ms: number } | { ok: false; message: string };

const EN_US = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?[Mm]\.?)?)?$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** The epoch ms of a calendar time, or undefined when a field is out of range (31 February, 25:00 …). */
function utc(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number): number | undefined {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  const t = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const d = new Date(t);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return t;
}

/** `M/D/YYYY h:mm:ss AM|PM` (seconds and AM/PM optional; without AM/PM a 24-hour clock), or undefined. */
export function parseEnUs(text: string): number | undefined {
  const m = EN_US.exec(text);
  if (m === null) return undefined;
  const [, mo, d, y, h, mi, s, ampm] = m;
  let hour = h === undefined ? 0 : Number(h);
  if (ampm !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (ampm.toLowerCase() === "p" ? 12 : 0);
  }
  return utc(Number(y), Number(mo), Number(d), hour, mi === undefined ? 0 : Number(mi), s === undefined ? 0 : Number(s), 0);
}

/** ISO 8601 date or date-time with optional fraction and offset (no offset = UTC), or undefined. */
export function parseIso(text: string): number | undefined {
  const m = ISO.exec(text);
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const ms = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
  const t = utc(Number(y), Number(mo), Number(d), h === undefined ? 0 : Number(h), mi === undefined ? 0 : Number(mi), s === undefined ? 0 : Number(s), ms);
  if (t === undefined) return undefined;
  if (zone === undefined || zone.toUpperCase() === "Z") return t;
  const z = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (z === null) return undefined;
  const offsetMin = Number(z[2]) * 60 + Number(z[3] ?? "0");
  if (Number(z[2]) > 23 || Number(z[3] ?? "0") > 59) return undefined;
  return t - (z[1] === "-" ? -1 : 1) * offsetMin * 60_000;
}

/** A LastLogonDate (not empty): en-US or ISO 8601, else a message that suggests `.ToString('o')`. */
export function parseLogonDate(text: string): DateResult {
  const trimmed = text.trim();
  const ms = parseEnUs(trimmed) ?? parseIso(trimmed);
  if (ms !== undefined) return { ok: true, ms };
  return {
    ok: false,
    message:
      `LastLogonDate ${JSON.stringify(text)} is neither en-US (11/20/2026 9:14:03 AM) nor ISO 8601 (2026-11-20T09:14:03): ` +
      `export it as ISO 8601 with $_.LastLogonDate.ToString('o') (see docs/import.md)`,
  };
}

/** --as-of: an ISO 8601 date (midnight UTC) or date-time. */
export function parseAsOf(text: string): DateResult {
  const ms = parseIso(text.trim());
  if (ms !== undefined) return { ok: true, ms };
  return { ok: false, message: `--as-of expects an ISO 8601 date or date-time such as 2026-11-20 or 2026-11-20T17:00:00Z, got ${JSON.stringify(text)}` };
}
