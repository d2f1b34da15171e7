// One hold-model measurement in a fresh process: `engine-hold-child.ts <engine|bare> <N>` prints
// a HoldRun as JSON on stdout. Started by the "engine" bench section (bench/engine.ts).
import { holdRun, type HoldQueue } from "./engine-hold.js";

const [queue, nText] = process.argv.slice(2);
const n = Number(nText);
if ((queue !== "engine" && queue !== "bare") || !Number.isInteger(n) || n < 1) {
  process.stderr.write("usage: engine-hold-child.ts <engine|bare> <N>\n");
  process.exit(2);
}
process.stdout.write(`${JSON.stringify(holdRun(queue as HoldQueue, n))}\n`);
