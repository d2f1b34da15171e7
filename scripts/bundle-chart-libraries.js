// Build step (npm run build, after tsc): vega and vega-lite bundled into one ES module,
// dist/report/chart-libraries.js, which src/report/chart.ts loads instead of the packages when it
// is there. Why: vega's ≈ 330 small modules (d3-geo-projection alone has 109) cost node's module
// loader more than compiling their code; one file of the same code loads in a fraction of that
// time (issue 10: `kmsim run` on the quick-start should feel instant). Same code, same versions
// (esbuild resolves node_modules as node does), so the charts are byte-identical; a test compares
// the compiled CLI's chart with the packages' one.
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
  format: "esm",
  platform: "node",
  target: "node20",
  // Whitespace and syntax only (names stay): 2.2 MB → 1.5 MB that V8 must parse on every start.
  minifyWhitespace: true,
  minifySyntax: true,
  outfile: fileURLToPath(new URL("../dist/report/chart-libraries.js", import.meta.url)),
  logLevel: "warning",
});
