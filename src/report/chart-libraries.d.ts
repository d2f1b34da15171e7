// The types of dist/report/chart-libraries.cjs, the bundle of vega and vega-lite that `npm run
// build` writes (scripts/bundle-chart-libraries.js); src/report/chart.ts loads it when present.
export * as vega from "vega";
export { compile, resetIdCounter } from "vega-lite";
