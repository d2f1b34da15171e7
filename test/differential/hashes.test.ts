// Differential hash check (issue 10): 2,000 seeded small random worlds that use every feature,
// run through the `kmsim run --events` pipeline in-process; their timeline.csv, summary.csv and
// events.csv must hash to what test/fixtures/differential/hashes.json recorded. `npm test` checks
// every 10th world (200); `npm run test:differential` (KMSIM_DIFFERENTIAL=all) checks all 2,000.
import { afterAll, describe, expect, test } from "vitest";
import { featureCounts, readFixture } from "./fixture.js";
import { disposeScratch, makeScratch, worldHashes } from "./run-outputs.js";
import { GENERATOR_VERSION, WORLD_COUNT, generateWorld, worldFeatures } from "./world-generator.js";

const ALL = process.env.KMSIM_DIFFERENTIAL === "all";
const fixture = readFixture();
const checked = Array.from({ length: WORLD_COUNT }, (_, i) => i).filter((i) => ALL || i % 10 === 0);

/** What issue 10 asks the worlds to cover, and the interplays the lazy online patterns touch. */
const REQUIRED_FEATURES = [
  "host random outage",
  "host outage window",
  "link random outage",
  "link outage window",
  "DNS outage",
  "several sites",
  "online intermittent",
  "intermittent(exp(9h), exp(15h))",
  "online office-hours",
  "offline windows",
  "office hours + offline windows",
  "intermittent + offline windows",
  "renewal jitter",
  "SRV weights (shared priority)",
  "Office",
  "cmid clone",
  "cmid non-persistent",
  "non-persistent + office-hours",
  "non-persistent + intermittent",
  "rebuilds",
  "key exception (> 10 rebuilds)",
  "retirements",
  "join spread",
  "instants on whole hours",
  "fractional week offset",
  "sampled timeline",
];

const scratch = makeScratch();
afterAll(() => disposeScratch(scratch));

describe("differential hash fixture", () => {
  test("the fixture was made by this generator, for all its worlds", () => {
    expect(fixture.generatorVersion).toBe(GENERATOR_VERSION);
    expect(fixture.worldCount).toBe(WORLD_COUNT);
    expect(fixture.worlds).toHaveLength(WORLD_COUNT);
  });

  test("the generator still makes the worlds the fixture was recorded from (same feature counts)", () => {
    expect(featureCounts(WORLD_COUNT)).toEqual(fixture.features);
  });

  test("the 2,000 worlds use every feature in at least 50 worlds, the checked ones in at least 5", () => {
    const inChecked = new Map<string, number>();
    for (const i of checked) for (const f of worldFeatures(generateWorld(i))) inChecked.set(f, (inChecked.get(f) ?? 0) + 1);
    for (const f of REQUIRED_FEATURES) {
      expect(fixture.features[f] ?? 0, f).toBeGreaterThanOrEqual(50);
      expect(inChecked.get(f) ?? 0, f).toBeGreaterThanOrEqual(5);
    }
  });

  test.each(checked)("world %i gives the recorded timeline.csv, summary.csv and events.csv", (i) => {
    const got = worldHashes(generateWorld(i), scratch);
    const [timeline, summary, events] = fixture.worlds[i];
    const differing = [
      got.timeline !== timeline ? "timeline.csv" : null,
      got.summary !== summary ? "summary.csv" : null,
      got.events !== events ? "events.csv" : null,
    ].filter((x) => x !== null);
    // Replay: generateWorld(i) from test/differential/world-generator.ts, then run it with --events.
    expect(differing, `world ${i} (${worldFeatures(generateWorld(i)).join(", ")})`).toEqual([]);
  });
});
