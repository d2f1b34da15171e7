// The ranking of `kmsim compare` (FORMAT.md "Comparison folder": ranking metrics in order, means
// equal at 6 decimals tie, shared `=` ranks, the separating metric, paired differences over common
// replications, §R3) and the `--replications auto` stopping rule.
import { describe, expect, it } from "vitest";
import type { ComparedRun } from "../../src/report/comparison.js";
import {
  defaultRankingMetrics,
  parseRankBy,
  rankStrategies,
  significant,
  type RankingMetric,
} from "../../src/report/ranking.js";
import { metricResolution, parseTolerance, stopReason, toleranceFor } from "../../src/report/stopping-rule.js";

/** Runs of one strategy: column → values per replication ("" = empty). */
function runs(strategy: string, columns: Record<string, readonly (number | string)[]>): ComparedRun[] {
  const n = Math.max(...Object.values(columns).map((v) => v.length));
  return Array.from({ length: n }, (_, replication) => ({
    strategy,
    replication,
    record: Object.fromEntries(Object.entries(columns).map(([c, v]) => [c, v[replication]])),
  }));
}

const WINDOWS_ONLY = [
  "scenario", "strategy", "replication", "seed", "clients", "clients_lapsed", "notification_client_days", "oot_client_days",
  "failed_0xC004F074", "kms1_requests", "failed_attempts", "min_validity_left_h", "client_hours_unreachable",
];
const DEFAULT = defaultRankingMetrics(WINDOWS_ONLY);

describe("the default ranking (FORMAT.md)", () => {
  it("is lapses, notification, out-of-tolerance, validity left (higher is better), unreachable hours, failed attempts", () => {
    expect(DEFAULT).toEqual([
      { column: "clients_lapsed", higherIsBetter: false },
      { column: "notification_client_days", higherIsBetter: false },
      { column: "oot_client_days", higherIsBetter: false },
      { column: "min_validity_left_h", higherIsBetter: true },
      { column: "client_hours_unreachable", higherIsBetter: false },
      { column: "failed_attempts", higherIsBetter: false },
    ]);
  });

  it("with Office, puts office_clients_lapsed and office_notification_client_days right after their Windows counterparts", () => {
    const cols = [...WINDOWS_ONLY, "office_clients_lapsed", "office_notification_client_days"];
    expect(defaultRankingMetrics(cols).map((m) => m.column)).toEqual([
      "clients_lapsed", "office_clients_lapsed", "notification_client_days", "office_notification_client_days",
      "oot_client_days", "min_validity_left_h", "client_hours_unreachable", "failed_attempts",
    ]);
  });
});

describe("rankStrategies: lexicographic by means", () => {
  it("a strategy with fewer lapses wins even with more client-days in notification", () => {
    const all = [
      ...runs("a", { clients_lapsed: [1, 1], notification_client_days: [0, 0] }),
      ...runs("b", { clients_lapsed: [0, 0], notification_client_days: [9, 9] }),
    ];
    const ranked = rankStrategies(["a", "b"], all, DEFAULT.slice(0, 2));
    expect(ranked.map((r) => r.strategy)).toEqual(["b", "a"]);
    expect(ranked[1].decidedBy).toBe(0); // clients_lapsed
  });

  it("strategies equal on every other metric are ranked by failed attempts, with the paired interval (n, not significant)", () => {
    const zeros = [0, 0, 0, 0];
    const base = { clients_lapsed: zeros, notification_client_days: zeros, oot_client_days: zeros, min_validity_left_h: [4152, 4152, 4152, 4152], client_hours_unreachable: zeros };
    const all = [
      ...runs("single-host", { ...base, failed_attempts: [200, 198, 197, 199] }),
      ...runs("two-hosts", { ...base, failed_attempts: [1, 2, 0, 1] }),
    ];
    const ranked = rankStrategies(["single-host", "two-hosts"], all, DEFAULT);
    expect(ranked.map((r) => [r.strategy, r.rank, r.tie])).toEqual([
      ["two-hosts", 1, false],
      ["single-host", 2, false],
    ]);
    const second = ranked[1];
    expect(DEFAULT[second.decidedBy ?? -1].column).toBe("failed_attempts");
    expect(second.means[5]).toBe(198.5);
    // Paired differences 199, 196, 197, 198: mean 197.5, sd √(5/3), half-width t(0.975, 3) × sd / 2.
    const d = second.difference!;
    expect(d.n).toBe(4);
    expect(d.mean).toBe(197.5);
    expect(d.sd).toBeCloseTo(Math.sqrt(5 / 3), 12);
    expect(d.ci95High! - d.mean!).toBeCloseTo((3.18244630528 * Math.sqrt(5 / 3)) / 2, 8);
    expect(significant(d)).toBe(true);
  });

  it("higher is better for min_validity_left_h", () => {
    const all = [
      ...runs("tight", { min_validity_left_h: [10, 12] }),
      ...runs("roomy", { min_validity_left_h: [4000, 4010] }),
    ];
    const metrics: RankingMetric[] = [{ column: "min_validity_left_h", higherIsBetter: true }];
    expect(rankStrategies(["tight", "roomy"], all, metrics).map((r) => r.strategy)).toEqual(["roomy", "tight"]);
  });

  it("a strategy without any value of a metric ranks after those with one", () => {
    const all = [...runs("none", { min_validity_left_h: ["", ""] }), ...runs("some", { min_validity_left_h: [1, 1] })];
    const ranked = rankStrategies(["none", "some"], all, [{ column: "min_validity_left_h", higherIsBetter: true }]);
    expect(ranked.map((r) => r.strategy)).toEqual(["some", "none"]);
    expect(ranked[1].means).toEqual([null]);
    expect(ranked[1].difference?.n).toBe(0);
  });

  it("a replication with an empty value is left out of the pair, and n says so", () => {
    const metric: RankingMetric[] = [{ column: "min_validity_left_h", higherIsBetter: true }];
    const all = [...runs("best", { min_validity_left_h: [100, 100, 100] }), ...runs("other", { min_validity_left_h: [50, "", 40] })];
    const [, other] = rankStrategies(["best", "other"], all, metric);
    expect(other.difference?.n).toBe(2);
    expect(other.difference?.mean).toBe(-55);
  });
});

describe("rankStrategies: ties", () => {
  it("strategies equal on every ranking metric share a rank (=2), keep file order and are marked tie; ranks are 1, =2, =2, 4", () => {
    const all = [
      ...runs("worst", { clients_lapsed: [3, 3] }),
      ...runs("z-tied", { clients_lapsed: [1, 1] }),
      ...runs("best", { clients_lapsed: [0, 0] }),
      ...runs("a-tied", { clients_lapsed: [2, 0] }),
    ];
    const ranked = rankStrategies(["worst", "z-tied", "best", "a-tied"], all, DEFAULT.slice(0, 1));
    expect(ranked.map((r) => [r.strategy, r.rank, r.tie])).toEqual([
      ["best", 1, false],
      ["z-tied", 2, true],
      ["a-tied", 2, true],
      ["worst", 4, false],
    ]);
  });

  it("means equal at 6 decimals are equal: 1/3 and 0.3333334 tie", () => {
    const all = [...runs("a", { notification_client_days: [1 / 3] }), ...runs("b", { notification_client_days: [0.3333334] })];
    const ranked = rankStrategies(["b", "a"], all, DEFAULT.slice(1, 2));
    expect(ranked.map((r) => [r.strategy, r.rank, r.tie, r.decidedBy])).toEqual([
      ["b", 1, true, null],
      ["a", 1, true, null],
    ]);
  });

  it("identical strategies all tie for first, nobody is decided", () => {
    const same = { clients_lapsed: [0, 0], failed_attempts: [5, 7] };
    const ranked = rankStrategies(["x", "y"], [...runs("x", same), ...runs("y", same)], DEFAULT);
    expect(ranked.every((r) => r.rank === 1 && r.tie && r.decidedBy === null)).toBe(true);
  });
});

describe("parseRankBy (--rank-by)", () => {
  it("reads columns in order, `:high` for higher is better, `:low` or nothing for lower", () => {
    expect(parseRankBy("failed_attempts, min_validity_left_h:high,kms1_requests:low", WINDOWS_ONLY)).toEqual({
      ok: true,
      metrics: [
        { column: "failed_attempts", higherIsBetter: false },
        { column: "min_validity_left_h", higherIsBetter: true },
        { column: "kms1_requests", higherIsBetter: false },
      ],
    });
  });

  it("an unknown column, a column before `clients`, a bad direction and a repeat are problems", () => {
    const r = parseRankBy("lapses,scenario,failed_attempts:up,clients,clients", WINDOWS_ONLY);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems).toEqual([
        `"lapses" is not a summary column of this comparison`,
        `"scenario" is not a summary column of this comparison`,
        `"failed_attempts:up": the direction after ":" must be high or low`,
        `"clients" is named twice`,
      ]);
    }
  });
});

describe("--replications auto: the stopping rule", () => {
  const metrics = DEFAULT;
  const zeros = Array.from({ length: 10 }, () => 0);

  it("nothing differs: identical strategies stop at once", () => {
    const same = { clients_lapsed: zeros, failed_attempts: zeros.map((_, i) => i) };
    expect(stopReason(["a", "b"], [...runs("a", same), ...runs("b", same)], metrics, { kind: "default" })).toBe("nothing differs");
  });

  it("an obvious winner: the interval excludes 0 after one batch", () => {
    const all = [
      ...runs("good", { clients_lapsed: zeros, failed_attempts: zeros.map((_, i) => 10 + (i % 3)) }),
      ...runs("bad", { clients_lapsed: zeros, failed_attempts: zeros.map((_, i) => 200 + (i % 4)) }),
    ];
    expect(stopReason(["good", "bad"], all, metrics, { kind: "default" })).toBe("every difference is resolved");
  });

  it("a difference smaller than its noise with tolerance 0 goes on", () => {
    const noisy = (shift: number) => zeros.map((_, i) => (i % 2 === 0 ? 100 : 0) + shift + (i === 3 ? 1 : 0));
    const all = [...runs("a", { clients_lapsed: zeros, failed_attempts: noisy(0) }), ...runs("b", { clients_lapsed: zeros, failed_attempts: noisy(0).map((v, i) => v + (i % 2 === 0 ? 50 : -49)) })];
    expect(stopReason(["a", "b"], all, metrics, { kind: "absolute", value: 0 })).toBeNull();
  });

  it("the same noisy difference stops when its half-width is within a generous tolerance", () => {
    const noisy = (shift: number) => zeros.map((_, i) => (i % 2 === 0 ? 100 : 0) + shift + (i === 3 ? 1 : 0));
    const all = [...runs("a", { clients_lapsed: zeros, failed_attempts: noisy(0) }), ...runs("b", { clients_lapsed: zeros, failed_attempts: noisy(0).map((v, i) => v + (i % 2 === 0 ? 50 : -49)) })];
    expect(stopReason(["a", "b"], all, metrics, { kind: "absolute", value: 1000 })).toBe("every difference is resolved");
  });

  it("default tolerance: 1 % of the best's mean, at least the metric's resolution (1 count, 1/1440 client-day, 1/60 h)", () => {
    expect(metricResolution("failed_attempts")).toBe(1);
    expect(metricResolution("notification_client_days")).toBe(1 / 1440);
    expect(metricResolution("client_hours_unreachable")).toBe(1 / 60);
    expect(toleranceFor({ kind: "default" }, "failed_attempts", 1000)).toBe(10);
    expect(toleranceFor({ kind: "default" }, "failed_attempts", 20)).toBe(1);
    expect(toleranceFor({ kind: "default" }, "notification_client_days", 0)).toBe(1 / 1440);
    expect(toleranceFor({ kind: "relative", fraction: 0.05 }, "failed_attempts", 200)).toBe(10);
  });

  it("parseTolerance: a number ≥ 0 or a percentage; anything else is refused", () => {
    expect(parseTolerance("0")).toEqual({ kind: "absolute", value: 0 });
    expect(parseTolerance("2.5")).toEqual({ kind: "absolute", value: 2.5 });
    expect(parseTolerance("1%")).toEqual({ kind: "relative", fraction: 0.01 });
    expect(parseTolerance("-1")).toBeNull();
    expect(parseTolerance("abc")).toBeNull();
  });
});
