// The progress bar's frames (issue 9 item 12a): no template placeholders left in the text, a real
// ETA from the fraction done, and for compare the scenario name and "n/N runs".
import { describe, expect, it } from "vitest";
import { etaMs, formatEta, progressFrame } from "../../src/cli/progress.js";

describe("progressFrame", () => {
  it("kmsim run: the scenario, the percentage, the simulated day reached and an ETA from the simulated-time fraction, no `{…}` placeholder", () => {
    // A quarter of 360 days done in 10 s: 30 s left.
    const frame = progressFrame("kmsim run quickstart", 90 * 1440, 360 * 1440, 10_000, { kind: "minutes" });
    expect(frame).not.toMatch(/[{}]/);
    expect(frame).toMatch(/^kmsim run quickstart \[[█░]{24}\] 25% \| day 90 of 360 \| ETA 30s$/);
  });

  it("kmsim compare: the scenario name, n/N runs and the ETA", () => {
    const frame = progressFrame("kmsim compare redundancy-strategies", 5, 60, 5_000, { kind: "runs" });
    expect(frame).toBe(`kmsim compare redundancy-strategies [${"█".repeat(2)}${"░".repeat(22)}] 8% | 5/60 runs | ETA 55s`);
  });

  it("--replications auto: the total is a maximum (≤N)", () => {
    expect(progressFrame("kmsim compare x", 20, 1200, 1_000, { kind: "runs", atMost: true })).toContain("| 20/≤1200 runs |");
  });

  it("before anything is done the ETA is unknown (…), never a number from nothing", () => {
    expect(progressFrame("kmsim compare x", 0, 12, 3_000, { kind: "runs" })).toMatch(/\| 0\/12 runs \| ETA …$/);
  });
});

describe("etaMs and formatEta", () => {
  it("time left = elapsed × left / done", () => {
    expect(etaMs(1, 4, 1_000)).toBe(3_000);
    expect(etaMs(0, 4, 1_000)).toBeNull();
  });
  it("seconds, then minutes and seconds, then hours and minutes", () => {
    expect(formatEta(45_400)).toBe("45s");
    expect(formatEta(185_000)).toBe("3m 05s");
    expect(formatEta(7_620_000)).toBe("2h 07m");
  });
});
