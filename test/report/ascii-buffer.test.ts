import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AsciiBuffer } from "../../src/report/ascii-buffer.js";
import { formatNumber, formatTime } from "../../src/report/format.js";

describe("AsciiBuffer writes the same text as the formatters (FORMAT.md CSV conventions)", () => {
  it("number() equals formatNumber for every finite value", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.double({ noNaN: true, noDefaultInfinity: true })), (x) => {
        const b = new AsciiBuffer(4);
        b.number(x, formatNumber);
        expect(b.text()).toBe(formatNumber(x));
      }),
    );
  });

  it("utcTime() equals formatTime, across days, years and starts with seconds", () => {
    const starts = [Date.UTC(2027, 0, 4), Date.UTC(2026, 11, 31, 23, 59, 30), Date.UTC(1999, 1, 28, 12)];
    fc.assert(
      fc.property(fc.constantFrom(...starts), fc.nat({ max: 100 * 525_600 }), (start, minute) => {
        const b = new AsciiBuffer(4);
        b.utcTime(start + minute * 60_000);
        b.utcTime(start + (minute + 1) * 60_000); // cached day prefix
        expect(b.text()).toBe(formatTime(start, minute) + formatTime(start, minute + 1));
      }),
    );
  });

  it("grows as needed, keeps non-ASCII text as UTF-8, and clear() empties it", () => {
    const b = new AsciiBuffer(2);
    b.ascii("site-é/");
    b.number(1234567, formatNumber);
    expect(b.text()).toBe("site-é/1234567");
    expect(b.bytes().length).toBe(15);
    b.clear();
    expect(b.text()).toBe("");
  });
});
