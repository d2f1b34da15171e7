// DNS discovery's choice within one SRV priority group (MODEL.md §C6.3).

/**
 * Picks one of the k remaining records (positions into `weights`, listed in `candidates[0 … k)`
 * in record order) from a uniform draw u ∈ [0, 1): a record with weight > 0 with probability
 * weight / Σ remaining positive weights; weight-0 records only when no positive one is left,
 * then uniformly. Returns an index into `candidates`. (With one record left the caller draws
 * nothing and takes it.)
 */
export function pickSrvRecord(u: number, weights: Float64Array, candidates: Int32Array, k: number): number {
  let total = 0;
  for (let x = 0; x < k; x++) total += weights[candidates[x]];
  if (total <= 0) return Math.floor(u * k);
  const target = u * total;
  let acc = 0;
  let lastPositive = 0;
  for (let x = 0; x < k; x++) {
    const weight = weights[candidates[x]];
    if (weight <= 0) continue;
    acc += weight;
    lastPositive = x;
    if (target < acc) return x;
  }
  return lastPositive; // only reachable through rounding at the very top
}
