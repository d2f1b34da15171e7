// One hold-model measurement in a fresh process: `engine-hold-child.ts <engine|bare> <N>
// [<bucketMinutes> <buckets>]` prints a HoldRun as JSON on stdout. Started by the "engine" bench
// section (bench/engine.ts); the layout arguments try other calendar shapes than the default.
import { holdRun, type HoldQueue } from "./engine-hold.js";

const [queue, nText, minutesText, bucketsText] = process.argv.slice(2);
const n = Number(nText);
const layout = minutesText === undefined ? undefined : { bucketMinutes: Number(minutesText), buckets: Number(bucketsText) };
if ((queue !== "engine" && queue !== "bare") || !Number.isInteger(n) || n < 1) {
  process.stderr.write("usage: engine-hold-child.ts <engine|bare> <N> [<bucketMinutes> <buckets>]\n");
  process.exit(2);
}
process.stdout.write(`${JSON.stringify(holdRun(queue as HoldQueue, n, layout))}\n`);
