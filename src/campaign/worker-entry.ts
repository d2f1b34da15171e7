// Where a worker thread's entry module is. The jobs start their workers by path, and the code that
// does so runs in one of two layouts: the compiled modules (dist/<dir>/<name>.js, also what the
// tests load when they run the jobs from src/, two levels below the project root like dist/<dir>/),
// or the CLI bundle (scripts/bundle-cli.js), where every chunk and every worker entry sits flat in
// dist/bundle/. A worker started from the bundle loads the bundled entry, so that it too reads a
// few files instead of a hundred.
import { basename } from "node:path";
import { fileURLToPath } from "node:url";

/** The path of worker entry `compiled` (e.g. "cli/run-worker.js") for code running at `fromUrl` (its import.meta.url). */
export function workerEntry(fromUrl: string, compiled: string): string {
  const bundled = fromUrl.includes("/dist/bundle/");
  return fileURLToPath(new URL(bundled ? `./${basename(compiled)}` : `../../dist/${compiled}`, fromUrl));
}
