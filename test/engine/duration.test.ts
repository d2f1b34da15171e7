// FORMAT.md "Durations and distributions": parseDuration, parseDistribution, formatDuration.
import { describe, expect, it } from "vitest";
import {
  formatDistribution,
  formatDuration,
  MINUTES_PER_DAY,
  MINUTES_PER_HOUR,
  MINUTES_PER_WEEK,
  MINUTES_PER_YEAR,
  parseCallSyntax,
  parseDistribution,
  parseDuration,
  type ParseResult,
} from "../../src/engine/duration.js";

function value<T>(r: ParseResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got: ${r.message}`);
  return r.value;
}

function message<T>(r: ParseResult<T>): string {
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.value)}`);
  return r.message;
}

describe("duration constants", () => {
  it("are minutes per hour, day, week and 365-day year", () => {
    expect([MINUTES_PER_HOUR, MINUTES_PER_DAY, MINUTES_PER_WEEK, MINUTES_PER_YEAR]).toEqual([60, 1440, 10080, 525600]);
  });
});

describe("parseDuration(input)", () => {
  it("reads a number as minutes", () => {
    expect(value(parseDuration(90))).toBe(90);
    expect(value(parseDuration(0))).toBe(0);
  });

  it("reads a digit string as minutes", () => {
    expect(value(parseDuration("90"))).toBe(90);
  });

  it.each([
    ["30m", 30],
    ["12h", 720],
    ["7d", 10080],
    ["2w", 20160],
    ["1y", 525600],
    ["100y", 52_560_000],
    ["0d", 0],
  ])("reads unit %s", (text, minutes) => {
    expect(value(parseDuration(text))).toBe(minutes);
  });

  it("accepts decimals", () => {
    expect(value(parseDuration("1.5h"))).toBe(90);
    expect(value(parseDuration("0.25d"))).toBe(360);
    expect(value(parseDuration("90.0"))).toBe(90);
    expect(value(parseDuration(1.5))).toBe(2);
  });

  it("rounds half-up to whole minutes", () => {
    expect(value(parseDuration("0.5m"))).toBe(1);
    expect(value(parseDuration("1.25m"))).toBe(1);
    expect(value(parseDuration("2.5"))).toBe(3);
    expect(value(parseDuration("1.49999m"))).toBe(1);
    expect(value(parseDuration("0.0083h"))).toBe(0); // 0.498 min
    expect(value(parseDuration("0.00834h"))).toBe(1); // 0.5004 min
    expect(value(parseDuration(0.5))).toBe(1);
    expect(value(parseDuration(2.4999))).toBe(2);
  });

  it("rounds exactly on the decimal digits, not in floating point", () => {
    // 1.005 h = 60.3 min; 0.0125 h = 0.75 min; 0.125 m = 0.125 min
    expect(value(parseDuration("1.005h"))).toBe(60);
    expect(value(parseDuration("0.0125h"))).toBe(1);
    expect(value(parseDuration("0.125m"))).toBe(0);
    expect(value(parseDuration("0.00833333333333333333333h"))).toBe(0); // just under 0.5 min
  });

  it("ignores spaces around the value", () => {
    expect(value(parseDuration("  7d "))).toBe(10080);
  });

  it("rejects a space between number and unit, with a hint", () => {
    expect(message(parseDuration("7 d"))).toBe(
      'expected a duration such as 90, 30m, 12h, 7d, 2w or 1y, got "7 d" (no space between number and unit: write "7d")',
    );
  });

  it("rejects words", () => {
    expect(message(parseDuration("7 days"))).toBe('expected a duration such as 90, 30m, 12h, 7d, 2w or 1y, got "7 days"');
    expect(message(parseDuration("soon"))).toBe('expected a duration such as 90, 30m, 12h, 7d, 2w or 1y, got "soon"');
  });

  it("rejects unknown units, uppercase ones included", () => {
    expect(message(parseDuration("10s"))).toBe(
      'unknown unit "s" in "10s": expected m, h, d, w or y (minutes, hours, days, weeks, 365-day years)',
    );
    expect(message(parseDuration("7D"))).toContain('unknown unit "D" in "7D"');
    expect(message(parseDuration("7days"))).toContain('unknown unit "days"');
  });

  it("rejects negatives", () => {
    expect(message(parseDuration(-5))).toBe("a duration cannot be negative, got -5");
    expect(message(parseDuration("-5m"))).toBe('a duration cannot be negative, got "-5m"');
  });

  it("rejects NaN and infinities", () => {
    expect(message(parseDuration(Number.NaN))).toBe("expected a duration such as 90, 30m, 12h, 7d, 2w or 1y, got NaN");
    expect(message(parseDuration(Number.POSITIVE_INFINITY))).toContain("got Infinity");
  });

  it("rejects empty strings", () => {
    expect(message(parseDuration(""))).toBe("expected a duration such as 90, 30m, 12h, 7d, 2w or 1y, got an empty string");
    expect(message(parseDuration("   "))).toContain("got an empty string");
  });

  it("rejects malformed numbers", () => {
    for (const text of ["1e3", ".5h", "5.h", "+5m", "1,5h", "1.5.2h", "h", "0x10"]) {
      expect(message(parseDuration(text))).toContain(`got ${JSON.stringify(text)}`);
    }
  });

  it("rejects other types, naming them", () => {
    expect(message(parseDuration(undefined))).toContain("got nothing");
    expect(message(parseDuration(null))).toContain("got null");
    expect(message(parseDuration(true))).toContain("got true");
    expect(message(parseDuration([1]))).toContain("got a list");
    expect(message(parseDuration({ d: 1 }))).toContain("got a mapping");
  });

  it("rejects values beyond safe integers", () => {
    expect(message(parseDuration("99999999999999999999y"))).toBe('duration "99999999999999999999y" is too large');
    expect(message(parseDuration(1e300))).toBe("duration 1e+300 is too large");
  });
});

describe("parseDistribution(input)", () => {
  it("reads a bare duration as fixed", () => {
    expect(value(parseDistribution("6h"))).toEqual({ kind: "fixed", value: 360 });
    expect(value(parseDistribution(90))).toEqual({ kind: "fixed", value: 90 });
  });

  it("reads exp(MEAN)", () => {
    expect(value(parseDistribution("exp(90d)"))).toEqual({ kind: "exp", mean: 129600 });
    expect(value(parseDistribution(" exp ( 1.5h ) "))).toEqual({ kind: "exp", mean: 90 });
  });

  it("reads lognormal(MEDIAN, SIGMA)", () => {
    expect(value(parseDistribution("lognormal(6h, 1.0)"))).toEqual({ kind: "lognormal", median: 360, sigma: 1 });
    expect(value(parseDistribution("lognormal(6h,0)"))).toEqual({ kind: "lognormal", median: 360, sigma: 0 });
    expect(value(parseDistribution("lognormal(30, 0.25)"))).toEqual({ kind: "lognormal", median: 30, sigma: 0.25 });
  });

  it("reads uniform(MIN, MAX)", () => {
    expect(value(parseDistribution("uniform(1h, 4h)"))).toEqual({ kind: "uniform", min: 60, max: 240 });
    expect(value(parseDistribution("uniform(0, 4h)"))).toEqual({ kind: "uniform", min: 0, max: 240 });
    expect(value(parseDistribution("uniform(2h, 2h)"))).toEqual({ kind: "uniform", min: 120, max: 120 });
  });

  it("requires a positive fixed value, mean, median and max", () => {
    expect(message(parseDistribution("0"))).toBe('a fixed distribution must be greater than 0, got "0"');
    expect(message(parseDistribution(0))).toBe("a fixed distribution must be greater than 0, got 0");
    expect(message(parseDistribution("exp(0)"))).toBe('exp(…) mean must be greater than 0, got "0"');
    expect(message(parseDistribution("lognormal(0h, 1)"))).toBe('lognormal(…) median must be greater than 0, got "0h"');
    expect(message(parseDistribution("uniform(0, 0)"))).toBe('uniform(…) max must be greater than 0, got "0"');
  });

  it("rejects uniform with MIN > MAX", () => {
    expect(message(parseDistribution("uniform(4h, 1h)"))).toBe("uniform(…) min (4h) is greater than max (1h)");
  });

  it("rejects a bad sigma", () => {
    expect(message(parseDistribution("lognormal(6h, -1)"))).toBe('lognormal(…) sigma must be a plain number ≥ 0 such as 1.0, got "-1"');
    expect(message(parseDistribution("lognormal(6h, 1h)"))).toContain('got "1h"');
  });

  it("rejects bad arguments with the argument's role", () => {
    expect(message(parseDistribution("exp(7 days)"))).toBe(
      'exp(…) mean: expected a duration such as 90, 30m, 12h, 7d, 2w or 1y, got "7 days"',
    );
    expect(message(parseDistribution("uniform(-1h, 2h)"))).toBe('uniform(…) min: a duration cannot be negative, got "-1h"');
  });

  it("rejects the wrong number of arguments", () => {
    expect(message(parseDistribution("exp(1h, 2h)"))).toBe("exp takes 1 argument, exp(MEAN), got exp(1h, 2h)");
    expect(message(parseDistribution("exp()"))).toBe("exp takes 1 argument, exp(MEAN), got exp()");
    expect(message(parseDistribution("lognormal(6h)"))).toBe(
      "lognormal takes 2 arguments, lognormal(MEDIAN, SIGMA), got lognormal(6h)",
    );
    expect(message(parseDistribution("uniform(1h,)"))).toContain("uniform takes 2 arguments");
  });

  it("rejects unknown distributions and broken syntax", () => {
    expect(message(parseDistribution("gamma(2h)"))).toBe(
      'unknown distribution "gamma" in "gamma(2h)": expected exp, lognormal or uniform',
    );
    expect(message(parseDistribution("exp(2h"))).toContain("unbalanced parentheses");
    expect(message(parseDistribution("often"))).toBe(
      'expected a distribution: a duration such as 2h, exp(MEAN), lognormal(MEDIAN, SIGMA) or uniform(MIN, MAX), got "often"',
    );
    expect(message(parseDistribution(true))).toContain("got true");
    expect(message(parseDistribution(""))).toContain("got an empty string");
  });
});

describe("parseCallSyntax(text)", () => {
  it("splits at top-level commas only", () => {
    expect(parseCallSyntax("intermittent(exp(9h), lognormal(6h, 1.0))")).toEqual({
      name: "intermittent",
      args: ["exp(9h)", "lognormal(6h, 1.0)"],
    });
  });

  it("returns null for unbalanced or non-call text", () => {
    expect(parseCallSyntax("intermittent(exp(9h), exp(15h)")).toBeNull();
    expect(parseCallSyntax("f(a))(")).toBeNull();
    expect(parseCallSyntax("always")).toBeNull();
  });
});

describe("formatDuration(min)", () => {
  it("uses the largest unit that divides exactly: d, h, else m", () => {
    expect(formatDuration(7200)).toBe("5d");
    expect(formatDuration(1500)).toBe("25h");
    expect(formatDuration(90)).toBe("90m");
    expect(formatDuration(525600)).toBe("365d");
    expect(formatDuration(0)).toBe("0");
    expect(formatDuration(2.5)).toBe("2.5m");
  });

  it("round-trips through parseDuration", () => {
    for (const m of [1, 59, 60, 61, 1439, 1440, 20160, 525600]) {
      expect(value(parseDuration(formatDuration(m)))).toBe(m);
    }
  });
});

describe("formatDistribution(d)", () => {
  it("writes the scenario grammar back", () => {
    for (const text of ["6h", "exp(90d)", "lognormal(6h, 1.5)", "uniform(1h, 4h)"]) {
      expect(formatDistribution(value(parseDistribution(text)))).toBe(text);
    }
  });
});
