// The differential hash fixture (test/fixtures/differential/hashes.json): per generated world, the
// sha256 of its timeline.csv, summary.csv and events.csv, recorded with the code as it was when
// the fixture was made, and how many worlds use each feature.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { WorldHashes } from "./run-outputs.js";
import { generateWorld, worldFeatures } from "./world-generator.js";

export const FIXTURE_PATH = fileURLToPath(new URL("../fixtures/differential/hashes.json", import.meta.url));

export interface DifferentialFixture {
  readonly generatorVersion: number;
  readonly worldCount: number;
  /** Worlds per feature (worldFeatures), for the coverage check. */
  readonly features: Record<string, number>;
  /** Per world: sha256 of timeline.csv, summary.csv, events.csv. */
  readonly worlds: readonly (readonly [string, string, string])[];
}

export function readFixture(): DifferentialFixture {
  return JSON.parse(readFileSync(FIXTURE_PATH, "utf8")) as DifferentialFixture;
}

export function fixtureRow(h: WorldHashes): [string, string, string] {
  return [h.timeline, h.summary, h.events];
}

/** Worlds per feature over worlds 0 … count − 1, names sorted. */
export function featureCounts(count: number): Record<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < count; i++) for (const f of worldFeatures(generateWorld(i))) counts.set(f, (counts.get(f) ?? 0) + 1);
  return Object.fromEntries([...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
