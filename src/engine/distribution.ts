// Distribution values (FORMAT.md "Durations and distributions"): plain data, all times in whole minutes.

/** A distribution of whole-minute durations, as parsed from `exp(90d)`, `lognormal(6h, 1.0)`, … */
export type Distribution =
  | { readonly kind: "fixed"; readonly value: number }
  | { readonly kind: "exp"; readonly mean: number }
  | { readonly kind: "lognormal"; readonly median: number; readonly sigma: number }
  | { readonly kind: "uniform"; readonly min: number; readonly max: number };
