// §T2: the event key (minute, phase, rank) must be exact; worldSizeProblem refuses what would not fit.
import { describe, expect, test } from "vitest";
import { worldSizeProblem } from "../../src/kms/event-ranks.js";
import { group, world } from "../support/worlds.js";

describe("event-key capacity (§T2 keys (minute, phase, rank))", () => {
  test("a million machines over a year fit; so do 10 million over 100 years (FORMAT.md limits)", () => {
    expect(worldSizeProblem(world({ durationMin: 525_600, clients: [group("g", 1_000_000)] }))).toBeNull();
    expect(worldSizeProblem(world({ durationMin: 52_560_000, clients: [group("g", 10_000_000)] }))).toBeNull();
  });

  test("20 million machines over 100 years do not fit and say why", () => {
    const problem = worldSizeProblem(world({ durationMin: 52_560_000, clients: [group("a", 10_000_000), group("b", 10_000_000)] }));
    expect(problem).toMatch(/20000000 machines over 52560000 minutes is too large/);
  });
});
