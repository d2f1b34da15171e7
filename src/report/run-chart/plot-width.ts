// The run chart's plot width, on its own so that `kmsim run`'s worker, which accumulates the
// availability lanes' summary at this width (availability-recorder.ts), loads no chart code.

/** Width of every plot, px: the unit of "at least one pixel" and of the series' thinning. */
export const PLOT_WIDTH = 820;
