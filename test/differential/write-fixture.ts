// `npm run fixture:differential`: records the differential hash fixture from the code as it is.
// Run it ONLY on a code state whose outputs are meant to be the reference (e.g. `main` before a
// change that must keep every CSV byte-identical); regenerating after such a change would make
// the check pass by definition. See README "Tests".
import { writeFileSync } from "node:fs";
import { FIXTURE_PATH, featureCounts, fixtureRow, type DifferentialFixture } from "./fixture.js";
import { disposeScratch, makeScratch, worldHashes } from "./run-outputs.js";
import { GENERATOR_VERSION, WORLD_COUNT, generateWorld } from "./world-generator.js";

const scratch = makeScratch();
const started = performance.now();
const worlds: [string, string, string][] = [];
try {
  for (let i = 0; i < WORLD_COUNT; i++) {
    worlds.push(fixtureRow(worldHashes(generateWorld(i), scratch)));
    if ((i + 1) % 200 === 0) process.stderr.write(`${i + 1} / ${WORLD_COUNT} worlds\n`);
  }
} finally {
  disposeScratch(scratch);
}
const features = featureCounts(WORLD_COUNT);
const fixture: DifferentialFixture = { generatorVersion: GENERATOR_VERSION, worldCount: WORLD_COUNT, features, worlds };
writeFileSync(FIXTURE_PATH, `${JSON.stringify(fixture, null, 1)}\n`);
for (const [name, n] of Object.entries(features)) process.stdout.write(`${String(n).padStart(5)}  ${name}\n`);
process.stdout.write(`wrote ${FIXTURE_PATH} (${WORLD_COUNT} worlds, ${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
