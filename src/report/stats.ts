// Statistics for summaries and comparisons: R-7 percentiles (FORMAT.md summary.csv
// `first_activation_p50_h`) and the mean / sd / t-based 95 % interval of comparison.csv.

/**
 * The p-quantile (0 ≤ p ≤ 1) of ascending `sorted` values by linear interpolation between order
 * statistics: R-7, numpy's default, Excel PERCENTILE.INC (FORMAT.md summary.csv). Throws on an empty list.
 */
export function percentileR7(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError("percentileR7: no values");
  if (!(p >= 0 && p <= 1)) throw new RangeError(`percentileR7: p must lie in [0, 1], got ${p}`);
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const frac = h - lo;
  const a = sorted[lo];
  if (frac === 0 || lo + 1 >= n) return a;
  return a + frac * (sorted[lo + 1] - a);
}

// ---- Student t quantile -------------------------------------------------------------------

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7). */
function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < 9; i++) sum += LANCZOS[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Continued fraction of the incomplete beta function (modified Lentz). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 10_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return h;
}

/** The regularized incomplete beta function I_x(a, b). */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

/** P(T > t) for t ≥ 0 and Student's t with `dof` degrees of freedom. */
function tUpperTail(t: number, dof: number): number {
  return 0.5 * incompleteBeta(dof / (dof + t * t), dof / 2, 0.5);
}

/**
 * The p-quantile (0.5 ≤ p < 1) of Student's t distribution with `dof` ≥ 1 degrees of freedom
 * (real-valued dof allowed), by bisection on the exact CDF; accurate to ~1e-12.
 * tQuantile(0.975, 1) = 12.7062…, (0.975, 9) = 2.2622…, (0.975, 100) = 1.9840….
 */
export function tQuantile(p: number, dof: number): number {
  if (!(p >= 0.5 && p < 1)) throw new RangeError(`tQuantile: p must lie in [0.5, 1), got ${p}`);
  if (!(dof >= 1) || !Number.isFinite(dof)) throw new RangeError(`tQuantile: dof must be ≥ 1, got ${dof}`);
  if (p === 0.5) return 0;
  if (dof === 1) return Math.tan(Math.PI * (p - 0.5));
  const tail = 1 - p;
  let lo = 0;
  let hi = 2;
  while (tUpperTail(hi, dof) > tail) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (tUpperTail(mid, dof) > tail) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

const T975_CACHE = new Map<number, number>();

/** The Student t 0.975 quantile for `dof` degrees of freedom (two-sided 95 % intervals), memoized. */
export function t975(dof: number): number {
  let t = T975_CACHE.get(dof);
  if (t === undefined) {
    t = tQuantile(0.975, dof);
    T975_CACHE.set(dof, t);
  }
  return t;
}

// ---- summaries ----------------------------------------------------------------------------

/** A metric over replications (FORMAT.md comparison.csv); null where undefined (n = 0, or n < 2 for sd and the interval). */
export interface Summary {
  readonly mean: number | null;
  readonly sd: number | null;
  readonly ci95Low: number | null;
  readonly ci95High: number | null;
  readonly min: number | null;
  readonly max: number | null;
  readonly n: number;
}

/**
 * Mean, sample standard deviation (n − 1), t-based 95 % interval for the mean (Student t 0.975
 * quantile with n − 1 dof), min, max and n of finite values (FORMAT.md comparison.csv: with
 * n < 2, sd and the interval are null).
 */
export function summarize(values: readonly number[]): Summary {
  const n = values.length;
  if (n === 0) return { mean: null, sd: null, ci95Low: null, ci95High: null, min: null, max: null, n: 0 };
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) throw new RangeError(`summarize: not a finite number: ${v}`);
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  // With all values equal, report exactly that value (no rounding noise in mean or sd).
  const mean = min === max ? min : sum / n;
  if (n < 2) return { mean, sd: null, ci95Low: null, ci95High: null, min, max, n };
  let ss = 0;
  if (min !== max) for (const v of values) ss += (v - mean) * (v - mean);
  const sd = Math.sqrt(ss / (n - 1));
  const half = (t975(n - 1) * sd) / Math.sqrt(n);
  return { mean, sd, ci95Low: mean - half, ci95High: mean + half, min, max, n };
}
