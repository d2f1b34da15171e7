// Build step (npm run build, after tsc and bundle-chart-libraries.js, before chart-code-cache.js):
// the compiled CLI bundled into a few ES modules, dist/bundle/, which bin/kmsim.js runs. Why: `kmsim --help` alone made
// node's module loader resolve and compile about 90 files (yargs and its helpers, the command
// modules), and `kmsim run` about 250 (zod, yaml, papaparse, the model, the report); one bundle
// of the same code loads in a fraction of that time (issue 10 item 3). Code splitting keeps every
// `await import()` of the CLI lazy: a command loads only its own chunks.
//
// The worker threads' entries are bundled too, flat beside the chunks under their own names
// (src/campaign/worker-entry.ts finds them there), so that starting a worker loads a few files.
// Kept out of the bundle, loaded as they are:
//   - tinypool, which starts its own worker script by a path relative to its package;
//   - the chart libraries: dist/report/chart-libraries.cjs (vega and vega-lite, already one
//     bundle) is copied beside the chunks, where src/report/chart.ts looks for it (and where
//     scripts/chart-code-cache.js then puts its code cache); vega and vega-lite themselves are
//     only its fallback when run from source.
//
// One change to how bundled code starts, none to what it does: string-width, which yargs, cliui
// and wrap-ansi import to lay out help text, builds an ICU segmenter and Unicode-property regular
// expressions as it loads (≈ 40 ms of every command, `run` included). Each import of it gets a
// stand-in that loads the real module on the first string that is not printable ASCII, and
// answers printable ASCII itself with its length, which is what string-width returns for it
// (string-width 8 has that very fast path; test/scripts/string-width.test.ts checks all three
// copies).
import { build } from "esbuild";
import { copyFileSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

const dist = (path) => fileURLToPath(new URL(`../dist/${path}`, import.meta.url));

/** Resolves each ESM import of string-width to a stand-in around the real module (see above). */
const lazyStringWidth = {
  name: "lazy-string-width",
  setup(bundler) {
    bundler.onResolve({ filter: /^string-width$/ }, async (args) => {
      if (args.kind !== "import-statement" || args.pluginData === "real") return undefined;
      const real = await bundler.resolve(args.path, { importer: args.importer, resolveDir: args.resolveDir, kind: args.kind, pluginData: "real" });
      if (real.errors.length > 0) return { errors: real.errors };
      return { path: real.path, namespace: "lazy-string-width" };
    });
    // esbuild turns the require() of an ES module into an initialiser that runs at the first call.
    bundler.onLoad({ filter: /.*/, namespace: "lazy-string-width" }, (args) => ({
      contents: `const printableAscii = /^[\\x20-\\x7E]+$/;
let real;
export default function stringWidth(string, options) {
  if (typeof string === "string" && printableAscii.test(string)) return string.length;
  real ??= require(${JSON.stringify(args.path)}).default;
  return real(string, options);
}
`,
      resolveDir: dirname(args.path),
      loader: "js",
    }));
  },
};

rmSync(dist("bundle"), { recursive: true, force: true });
await build({
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
  external: ["vega", "vega-lite", "tinypool"],
  // Bundled CommonJS packages (papaparse, seedrandom, cli-progress …) require node's built-ins.
  banner: { js: 'import { createRequire as kmsimCreateRequire } from "node:module";\nconst require = kmsimCreateRequire(import.meta.url);' },
  plugins: [lazyStringWidth],
  logLevel: "warning",
});
copyFileSync(dist("report/chart-libraries.cjs"), dist("bundle/chart-libraries.cjs"));
