// Build step (npm run build, after tsc and bundle-chart-libraries.js): the compiled CLI bundled
// into a few ES modules, dist/bundle/, which bin/kmsim.js runs. Why: `kmsim --help` alone made
// node's module loader resolve and compile about 90 files (yargs and its helpers, the command
// modules), and `kmsim run` about 250 (zod, yaml, papaparse, the model, the report); one bundle
// of the same code loads in a fraction of that time (issue 10 item 3). Code splitting keeps every
// `await import()` of the CLI lazy: a command loads only its own chunks.
//
// The worker threads' entries are bundled too, flat beside the chunks under their own names
// (src/campaign/worker-entry.ts finds them there), so that starting a worker loads a few files.
// Kept out of the bundle, loaded as they are:
//   - tinypool, which starts its own worker script by a path relative to its package;
//   - the chart libraries: dist/report/chart-libraries.js (vega and vega-lite, already one
//     bundle) is copied beside the chunks, where src/report/chart.ts looks for it; vega and
//     vega-lite themselves are only its fallback when run from source.
import { buildSync } from "esbuild";
import { copyFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const dist = (path) => fileURLToPath(new URL(`../dist/${path}`, import.meta.url));

rmSync(dist("bundle"), { recursive: true, force: true });
buildSync({
  entryPoints: {
    main: dist("cli/main.js"),
    "run-worker": dist("cli/run-worker.js"),
    "compare-worker": dist("cli/compare-worker.js"),
    worker: dist("campaign/worker.js"),
  },
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  outdir: dist("bundle"),
  external: ["./chart-libraries.js", "vega", "vega-lite", "tinypool"],
  // Bundled CommonJS packages (papaparse, seedrandom, cli-progress …) require node's built-ins.
  banner: { js: 'import { createRequire as kmsimCreateRequire } from "node:module";\nconst require = kmsimCreateRequire(import.meta.url);' },
  logLevel: "warning",
});
copyFileSync(dist("report/chart-libraries.js"), dist("bundle/chart-libraries.js"));
