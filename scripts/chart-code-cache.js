// Build step (npm run build, last): V8's code cache for the chart libraries' bundle, so that a
// command that draws does not compile vega and vega-lite first (src/report/code-cached-bundle.ts
// says why and how). A child process draws a run chart and a comparison chart with the bundled
// CLI, on bundled scenarios, and saves the code compiled by then beside the bundle as it exits
// (KMSIM_WRITE_CHART_CODE_CACHE=1, read by src/report/chart.ts). The cache holds compiled code
// only, never results: a chart drawn with it is the same bytes as one drawn without.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const cache = join(root, "dist", "bundle", "chart-libraries.cjs.cache");

if (process.argv[2] === "--draw") {
  const out = process.argv[3];
  const { main } = await import("../dist/bundle/main.js");
  const commands = [
    ["run", join(root, "scenarios", "quickstart.yaml"), "--out", join(out, "run")],
    ["compare", join(root, "scenarios", "redundancy-strategies.yaml"), "--replications", "1", "--workers", "1", "--out", join(out, "compare")],
  ];
  for (const args of commands) {
    const code = await main(args);
    if (code !== 0) throw new Error(`kmsim ${args.join(" ")} exited with ${code}`);
  }
} else {
  const out = mkdtempSync(join(tmpdir(), "kmsim-code-cache-"));
  try {
    rmSync(cache, { force: true });
    execFileSync(process.execPath, [fileURLToPath(import.meta.url), "--draw", out], {
      env: { ...process.env, KMSIM_WRITE_CHART_CODE_CACHE: "1" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    if (!existsSync(cache)) throw new Error(`no code cache was written to ${cache}`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
