// Issue 10 item 3: `kmsim --help` and `kmsim validate` start fast because they never load the
// chart libraries (vega, vega-lite), the worker pool (tinypool) or the progress bar (cli-progress).
// Checked on the compiled CLI (bin/kmsim.js → dist/, `npm run build` first) in a child process
// whose module resolutions are all recorded by a loader hook (node --import, module.register):
// the hook appends each resolved URL to a file synchronously, before the module can load, so
// nothing that is loaded can be missed. The compiled CLI runs from bundles (scripts/bundle-cli.js):
// a chunk of dist/bundle/ holds the packages esbuild names in its `// node_modules/<package>/…`
// comments, so loading the chunk counts as loading them. vega and vega-lite come from one bundle,
// chart-libraries.cjs (scripts/bundle-chart-libraries.js), so that file counts as "vega" here. It
// is read as a file and run as a script (src/report/code-cached-bundle.ts), which no module hook
// sees: the recorder also notes every .cjs file read through fs.readFileSync.
// `kmsim run` is the control: there the recorder must see it, or it records nothing at all.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const QUICKSTART = join(ROOT, "scenarios", "quickstart.yaml");
const BUNDLE = "dist/bundle/chart-libraries.cjs (vega, vega-lite)";
const HEAVY = ["vega", "vega-lite", "tinypool", "cli-progress", BUNDLE];

const dir = mkdtempSync(join(tmpdir(), "kmsim-startup-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HOOKS = join(dir, "hooks.mjs");
writeFileSync(
  HOOKS,
  `import { appendFileSync } from "node:fs";
let file;
export function initialize(data) { file = data.file; }
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(file, result.url + "\\n");
  return result;
}
`,
);
const REGISTER = join(dir, "register.mjs");
writeFileSync(
  REGISTER,
  `import fs from "node:fs";
import { register, syncBuiltinESMExports } from "node:module";
import { pathToFileURL } from "node:url";
register(${JSON.stringify(pathToFileURL(HOOKS).href)}, { data: { file: process.env.KMSIM_RESOLVED_FILE } });
const readFileSync = fs.readFileSync;
fs.readFileSync = function (path, ...rest) {
  if (typeof path === "string" && path.endsWith(".cjs")) fs.appendFileSync(process.env.KMSIM_RESOLVED_FILE, pathToFileURL(path).href + "\\n");
  return readFileSync.call(this, path, ...rest);
};
syncBuiltinESMExports();
`,
);

let runs = 0;

/** Runs `node bin/kmsim.js <args>` and returns every URL it resolved, worker threads' included. */
function resolvedUrls(args: readonly string[]): string[] {
  const file = join(dir, `resolved-${runs++}.txt`);
  writeFileSync(file, "");
  execFileSync(process.execPath, ["--import", pathToFileURL(REGISTER).href, join(ROOT, "bin", "kmsim.js"), ...args], {
    cwd: dir,
    env: { ...process.env, KMSIM_RESOLVED_FILE: file },
    stdio: ["ignore", "ignore", "ignore"],
  });
  return readFileSync(file, "utf8").split("\n").filter((url) => url !== "");
}

/** Runs `node bin/kmsim.js <args>` and returns the npm packages whose modules it resolved (and the chart bundle). */
function packagesLoaded(args: readonly string[]): string[] {
  const packages = new Set<string>();
  for (const url of resolvedUrls(args)) {
    const m = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
    if (m !== null) packages.add(m[1]);
    if (url.endsWith("/chart-libraries.cjs")) packages.add(BUNDLE);
    else if (url.includes("/dist/bundle/")) for (const p of packagesInChunk(fileURLToPath(url))) packages.add(p);
  }
  return [...packages].sort();
}

/** The packages a CLI bundle chunk holds: esbuild heads each bundled module with `// node_modules/<package>/<path>`. */
function packagesInChunk(file: string): string[] {
  const found = new Set<string>();
  for (const m of readFileSync(file, "utf8").matchAll(/^\/\/ node_modules\/(?:[^\n]*\/node_modules\/)?((?:@[^/\n]+\/)?[^/\n]+)\//gm)) found.add(m[1]);
  return [...found];
}

describe("start-up: what each command loads (issue 10 item 3)", () => {
  it("kmsim --help loads yargs but not vega, vega-lite (nor their bundle), tinypool or cli-progress", () => {
    const loaded = packagesLoaded(["--help"]);
    expect(loaded).toContain("yargs");
    expect(loaded.filter((p) => HEAVY.includes(p))).toEqual([]);
  });

  it("kmsim validate <file> loads the scenario parsers but not vega, vega-lite (nor their bundle), tinypool or cli-progress", () => {
    const loaded = packagesLoaded(["validate", QUICKSTART]);
    expect(loaded).toEqual(expect.arrayContaining(["yaml", "zod"]));
    expect(loaded.filter((p) => HEAVY.includes(p))).toEqual([]);
  });

  it("kmsim compare starts its worker threads from the bundle too: no compiled module of dist/<dir>/ is loaded", () => {
    const urls = resolvedUrls(["compare", QUICKSTART, "--replications", "2", "--workers", "2", "--out", join(dir, "compare")]);
    expect(urls.some((u) => u.endsWith("/dist/bundle/compare-worker.js"))).toBe(true);
    const dist = `${pathToFileURL(join(ROOT, "dist")).href}/`;
    expect(urls.filter((u) => u.startsWith(dist) && !u.startsWith(`${dist}bundle/`))).toEqual([]);
  });

  it("kmsim run on the quick-start (a small run) simulates on the main thread: no worker entry is loaded", () => {
    // The compare test above shows that the recorder does see what worker threads load.
    const urls = resolvedUrls(["run", QUICKSTART, "--out", join(dir, "small-run")]);
    expect(urls.filter((u) => /-worker\.js$|\/worker\.js$/.test(u))).toEqual([]);
  });

  it("kmsim run <file> does load the chart libraries, from their bundle (the recorder sees what a command loads)", () => {
    const loaded = packagesLoaded(["run", QUICKSTART, "--out", join(dir, "run")]);
    expect(loaded).toContain(BUNDLE);
    expect(loaded).toContain("yargs");
  });
});
