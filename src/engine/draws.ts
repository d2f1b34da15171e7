// Draw helpers: every random quantity of a run goes through these, from a named stream.
import type { Distribution } from "./distribution.js";
import type { Stream } from "./streams.js";

/** A uniform draw in [0, 1). */
export function uniform01(stream: Stream): number {
  return stream.next();
}

/** An exponential draw with the given mean (real-valued). */
export function exponential(stream: Stream, mean: number): number {
  return -mean * Math.log(1 - stream.next());
}

/** A standard normal draw (Box–Muller; always two uniforms, so the stream advances predictably). */
export function standardNormal(stream: Stream): number {
  const u1 = 1 - stream.next(); // (0, 1]
  const u2 = stream.next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** A lognormal draw with the given median and sigma (real-valued). */
export function lognormal(stream: Stream, median: number, sigma: number): number {
  return median * Math.exp(sigma * standardNormal(stream));
}

/** A uniform whole number in lo … hi inclusive (e.g. a renewal jitter, §C3). */
export function uniformInt(stream: Stream, lo: number, hi: number): number {
  return lo + Math.floor(stream.next() * (hi - lo + 1));
}

/** An index chosen with probability weights[i] / Σ weights (weights > 0, at least one). */
export function pickWeighted(stream: Stream, weights: ArrayLike<number>, count = weights.length): number {
  let total = 0;
  for (let i = 0; i < count; i++) total += weights[i];
  const target = stream.next() * total;
  let acc = 0;
  for (let i = 0; i < count; i++) {
    acc += weights[i];
    if (target < acc) return i;
  }
  return count - 1; // only reachable through rounding at the very top
}

/**
 * A duration drawn from a distribution, rounded up to whole minutes and at least 1 (FORMAT.md
 * "Durations and distributions"). A fixed distribution draws nothing.
 */
export function drawMinutes(stream: Stream, dist: Distribution): number {
  let x: number;
  switch (dist.kind) {
    case "fixed":
      return Math.max(1, dist.value);
    case "exp":
      x = exponential(stream, dist.mean);
      break;
    case "lognormal":
      x = lognormal(stream, dist.median, dist.sigma);
      break;
    case "uniform":
      x = dist.min + (dist.max - dist.min) * stream.next();
      break;
    default: {
      const never: never = dist;
      throw new Error(`unknown distribution ${JSON.stringify(never)}`);
    }
  }
  return Math.max(1, Math.ceil(x));
}

/** The mean of a distribution in minutes, before rounding (for tests and reports). */
export function distributionMean(dist: Distribution): number {
  switch (dist.kind) {
    case "fixed":
      return dist.value;
    case "exp":
      return dist.mean;
    case "lognormal":
      return dist.median * Math.exp((dist.sigma * dist.sigma) / 2);
    case "uniform":
      return (dist.min + dist.max) / 2;
    default: {
      const never: never = dist;
      throw new Error(`unknown distribution ${JSON.stringify(never)}`);
    }
  }
}
