// One model measurement in a fresh process: loads a scenario, runs the compiled model (dist/)
// with the real streaming aggregator, prints {wallS, events, attempts, requests, peakRssMb}.
// Started by the "model" bench section (bench/model.ts).
import { simulate, buildLayout } from "../dist/kms/index.js";
import { RunAggregator } from "../dist/report/index.js";
import { loadScenarioFile } from "../dist/scenario/index.js";

const [file] = process.argv.slice(2);
const loaded = loadScenarioFile(file);
if (!loaded.ok) {
  process.stderr.write(`${file}: invalid scenario\n`);
  process.exit(2);
}
const { scenario } = loaded;
const world = scenario.base;
const aggregator = new RunAggregator(world, buildLayout(world), {
  startEpochMs: scenario.startEpochMs,
  sampleMin: scenario.sampleMin,
  scenario: scenario.name,
  strategy: null,
  replication: 0,
  seed: scenario.seed,
});
const t0 = performance.now();
const stats = simulate(world, { seed: scenario.seed, replication: 0 }, aggregator);
const outputs = aggregator.finish();
const wallS = (performance.now() - t0) / 1000;
process.stdout.write(
  `${JSON.stringify({
    wallS,
    events: stats.eventsProcessed,
    attempts: stats.attempts,
    requests: outputs.summaryRecord.requests,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
