// LastLogonDate and --as-of (docs/import.md "Activity"): en-US as Export-Csv writes it, ISO 8601,
// anything else an error suggesting .ToString('o').
import { describe, expect, it } from "vitest";
import { parseAsOf, parseLogonDate } from "../../src/import/dates.js";

const ms = (text: string): number => {
  const r = parseLogonDate(text);
  if (!r.ok) throw new Error(r.message);
  return r.ms;
};

describe("parseLogonDate", () => {
  it("reads Export-Csv's en-US form as UTC wall time: 11/20/2026 9:14:03 AM", () => {
    expect(ms("11/20/2026 9:14:03 AM")).toBe(Date.UTC(2026, 10, 20, 9, 14, 3));
    expect(ms("11/20/2026 9:14:03 PM")).toBe(Date.UTC(2026, 10, 20, 21, 14, 3));
  });

  it("reads 12 AM as midnight and 12 PM as noon", () => {
    expect(ms("1/2/2026 12:00:00 AM")).toBe(Date.UTC(2026, 0, 2, 0, 0, 0));
    expect(ms("1/2/2026 12:30:00 PM")).toBe(Date.UTC(2026, 0, 2, 12, 30, 0));
  });

  it("reads Excel's en-US re-save without seconds or AM/PM as a 24-hour clock", () => {
    expect(ms("11/20/2026 17:05")).toBe(Date.UTC(2026, 10, 20, 17, 5, 0));
  });

  it("reads ISO 8601 from .ToString('o'), applying the offset; no offset is UTC", () => {
    expect(ms("2026-11-20T09:14:03.0000000+01:00")).toBe(Date.UTC(2026, 10, 20, 8, 14, 3));
    expect(ms("2026-11-20T09:14:03.0000000")).toBe(Date.UTC(2026, 10, 20, 9, 14, 3));
    expect(ms("2026-11-20T09:14:03Z")).toBe(Date.UTC(2026, 10, 20, 9, 14, 3));
    expect(ms("2026-11-20")).toBe(Date.UTC(2026, 10, 20));
  });

  it("rejects other formats and impossible dates, suggesting .ToString('o')", () => {
    for (const text of ["20.11.2026 09:14:03", "20/11/2026 09:14:03", "2/30/2026 1:00:00 AM", "11/20/2026 13:00:00 PM", "Friday", "2026-13-01"]) {
      const r = parseLogonDate(text);
      expect(r.ok, text).toBe(false);
      if (!r.ok) expect(r.message).toContain(".ToString('o')");
    }
  });
});

describe("parseAsOf", () => {
  it("takes an ISO 8601 date (midnight UTC) or date-time", () => {
    expect(parseAsOf("2026-11-20")).toEqual({ ok: true, ms: Date.UTC(2026, 10, 20) });
    expect(parseAsOf("2026-11-20T17:00:00Z")).toEqual({ ok: true, ms: Date.UTC(2026, 10, 20, 17) });
  });

  it("rejects the en-US form (a flag is typed, not exported) with the expected shape", () => {
    const r = parseAsOf("11/20/2026");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain("--as-of expects an ISO 8601 date");
  });
});
