// Helpers of the availability.csv tests: running the model with the facts going to a recorder,
// and the malformed files (FORMAT.md "Run folder") that the whole-text parser and the
// line-by-line reader must both reject with the same messages.
import { buildLayout, simulate } from "../../src/kms/index.js";
import type { World } from "../../src/kms/world.js";
import type { AvailabilitySink } from "../../src/report/availability.js";
import { RunAggregator } from "../../src/report/run-aggregator.js";
import { START_MS } from "./helpers.js";

/** Runs the model on `w` with the run aggregator forwarding the availability facts to `sink`. */
export function runWithAvailability(w: World, seed: number, sink: AvailabilitySink): void {
  const aggregator = new RunAggregator(w, buildLayout(w), {
    startEpochMs: START_MS,
    sampleMin: null,
    scenario: w.name,
    strategy: null,
    replication: 0,
    seed,
    availability: sink,
  });
  simulate(w, { seed, replication: 0 }, aggregator);
  aggregator.finish();
}

export const AVAILABILITY_HEADER = "kind,id,start_minute,end_minute\n";

/** Malformed availability.csv texts and the message each must give. */
export const MALFORMED_AVAILABILITY: readonly (readonly [string, RegExp])[] = [
  ["", /^line 1: the header must be/],
  ["kind,id,start,end\n", /^line 1: the header must be/],
  [AVAILABILITY_HEADER + "host,a,1,2\nrouter,a,1,2\n", /^line 3: kind must be host, link or dns/],
  [AVAILABILITY_HEADER + "host,a b,1,2\n", /^line 2: id must be/],
  [AVAILABILITY_HEADER + "host,a,1.5,2\n", /^line 2: start_minute must be a whole number/],
  [AVAILABILITY_HEADER + "host,a,1,x\n", /^line 2: end_minute must be a whole number/],
  [AVAILABILITY_HEADER + "host,a,5,5\n", /^line 2: end_minute \(5\) must be after start_minute \(5\)/],
  [AVAILABILITY_HEADER + "host,a,1\n", /^line 2: expected 4 fields/],
];
