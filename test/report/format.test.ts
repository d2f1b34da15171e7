import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ResultCode } from "../../src/kms/facts.js";
import { formatNumber, formatResultCode, formatTime } from "../../src/report/format.js";
import { START_MS } from "./helpers.js";

describe("formatNumber (FORMAT.md CSV conventions)", () => {
  it.each([
    [0, "0"],
    [-0, "0"],
    [26, "26"],
    [-3, "-3"],
    [728, "728"],
    [2.5, "2.5"],
    [43.6, "43.6"],
    [43.599999999999994, "43.6"],
    [2749 / 60, "45.816667"],
    [45.8166666, "45.816667"],
    [0.1 + 0.2, "0.3"],
    [1 / 3, "0.333333"],
    [-1 / 3, "-0.333333"],
    [1e-7, "0"],
    [-1e-7, "0"],
    [5.1e-7, "0.000001"],
    [0.0000015, "0.000002"],
    [1e-6, "0.000001"],
    [123456789.125, "123456789.125"],
    [2 ** 53, "9007199254740992"],
    [1e21, "1000000000000000000000"],
    [2.5e21, "2500000000000000000000"],
    [-2.5e21, "-2500000000000000000000"],
  ])("formatNumber(%s) = %s", (x, s) => {
    expect(formatNumber(x)).toBe(s);
  });

  it("never uses exponent notation, drops trailing zeros and stays within 5e-7 of the value", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e25, max: 1e25 }), (x) => {
        const s = formatNumber(x);
        expect(s).toMatch(/^-?\d+(\.\d*[1-9])?$/);
        expect(s).not.toBe("-0");
        if (Math.abs(x) < 1e15) expect(Math.abs(Number(s) - x)).toBeLessThanOrEqual(5.000001e-7);
        if (Number.isInteger(x)) expect(BigInt(s)).toBe(BigInt(x));
      }),
    );
  });

  it("rejects NaN and infinities (a bug, not a value)", () => {
    expect(() => formatNumber(Number.NaN)).toThrow(RangeError);
    expect(() => formatNumber(Infinity)).toThrow(RangeError);
  });
});

describe("formatTime (FORMAT.md timeline.csv `time` = start + minute, YYYY-MM-DDTHH:MM:SSZ)", () => {
  it("formats minutes from the default start, in UTC whatever the machine's time zone", () => {
    expect(formatTime(START_MS, 0)).toBe("2027-01-04T00:00:00Z");
    expect(formatTime(START_MS, 2749)).toBe("2027-01-05T21:49:00Z");
    expect(formatTime(START_MS, 53_400)).toBe("2027-02-10T02:00:00Z");
    expect(formatTime(START_MS, 525_600)).toBe("2028-01-04T00:00:00Z");
  });
  it("keeps the seconds of a start that has them and drops milliseconds", () => {
    expect(formatTime(Date.UTC(2027, 0, 4, 8, 30, 15, 250), 1)).toBe("2027-01-04T08:31:15Z");
  });
});

describe("formatResultCode (MODEL.md Outputs: 0x0, 0xC004F038, …)", () => {
  it("writes lower-case 0x and upper-case hex digits", () => {
    expect(formatResultCode(ResultCode.SUCCESS)).toBe("0x0");
    expect(formatResultCode(ResultCode.COUNT_TOO_LOW)).toBe("0xC004F038");
    expect(formatResultCode(ResultCode.HOST_NOT_ACTIVATED)).toBe("0xC004F041");
    expect(formatResultCode(ResultCode.PRODUCT_NOT_SERVED)).toBe("0xC004F042");
    expect(formatResultCode(ResultCode.NO_HOST)).toBe("0xC004F074");
  });
  it("writes a request with no answer (§C6.6) as an empty result", () => {
    expect(formatResultCode(ResultCode.NO_ANSWER)).toBe("");
  });
});
