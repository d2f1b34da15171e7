// Build step (npm run build, after tsc): vega and vega-lite bundled into one CommonJS file,
// dist/report/chart-libraries.cjs, which src/report/chart.ts loads instead of the packages when it
// is there. Why: vega's ≈ 330 small modules (d3-geo-projection alone has 109) cost node's module
// loader more than compiling their code; one file of the same code loads in a fraction of that
// time (issue 10: `kmsim run` on the quick-start should feel instant). CommonJS, not an ES module,
// because only a classic script can use V8's code cache in node 20 (src/report/code-cached-bundle.ts,
// scripts/chart-code-cache.js). Same code, same versions (esbuild resolves node_modules as node
// does), so the charts are byte-identical; a test compares the compiled CLI's chart with the
// packages' one.
//
// One substitution: vega-canvas's node build tries `await import("canvas")` at its top level,
// which a CommonJS file cannot hold. Its browser build is used instead. The two behave the same
// here: `canvas` (a native package) is not among kmsim's dependencies, so the node build's import
// always fails and both return null for every canvas and image; and chart.ts switches vega's text
// metrics to estimates in any case.
import { buildSync } from "esbuild";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
buildSync({
  stdin: {
    contents: 'export * as vega from "vega";\nexport { compile, resetIdCounter } from "vega-lite";\n',
    resolveDir: root,
    sourcefile: "chart-libraries-entry.js",
    loader: "js",
  },
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  absWorkingDir: root,
  alias: { "vega-canvas": "./node_modules/vega-canvas/build/vega-canvas.browser.js" },
  // Whitespace and syntax only (names stay): 2.2 MB → 1.5 MB that V8 must parse on every start.
  minifyWhitespace: true,
  minifySyntax: true,
  outfile: fileURLToPath(new URL("../dist/report/chart-libraries.cjs", import.meta.url)),
  logLevel: "warning",
});
