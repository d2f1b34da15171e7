// Loads a CommonJS bundle through V8's code cache. Why: compiling the chart libraries' 1.5 MB
// bundle (parsing it, then each function at its first call) is a third of a small `kmsim run`.
// `npm run build` renders one chart and saves the compiled code beside the bundle
// (scripts/chart-code-cache.js); later processes load it instead of compiling. V8 checks the
// cache against the source, its own version and its flags and ignores a cache that does not
// match, so a stale or foreign cache costs the compile it would have saved, never a wrong result.
// Node 20 has a code cache only for classic scripts (vm.Script), not for ES modules: hence the
// CommonJS bundle, run inside the same function wrapper node's own CommonJS loader uses.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Script } from "node:vm";

/** The file V8's code cache for `bundle` is kept in. */
export function codeCacheFile(bundle: string): string {
  return `${bundle}.cache`;
}

type CommonJsWrapper = (exports: object, require: NodeJS.Require, module: { exports: object }) => void;

/** A loaded bundle: its exports, and the script, from which a code cache can be made. */
export interface LoadedBundle<T> {
  readonly file: string;
  readonly exports: T;
  readonly script: Script;
  /** True when a cache was there but V8 refused it (another node, other flags, another bundle). */
  readonly cacheRejected: boolean;
}

/** Runs the CommonJS bundle `file` in this context, with its code cache when there is one. */
export function loadCommonJsBundle<T>(file: string): LoadedBundle<T> {
  const cache = codeCacheFile(file);
  const cachedData = existsSync(cache) ? readFileSync(cache) : undefined;
  const source = readFileSync(file, "utf8");
  const script = new Script(`(function (exports, require, module) {${source}\n})`, { filename: file, cachedData });
  const module = { exports: {} };
  (script.runInThisContext() as CommonJsWrapper)(module.exports, createRequire(file), module);
  return { file, exports: module.exports as T, script, cacheRejected: cachedData !== undefined && script.cachedDataRejected === true };
}

/** Saves the code V8 has compiled for the bundle so far (the functions that have run included). */
export function writeCodeCache(bundle: LoadedBundle<unknown>): void {
  writeFileSync(codeCacheFile(bundle.file), bundle.script.createCachedData());
}
