// Issue 10 item 3: the compiled CLI draws with vega and vega-lite bundled into one CommonJS file
// (dist/report/chart-libraries.cjs, made by `npm run build`) and loaded through V8's code cache
// (dist/bundle/chart-libraries.cjs.cache); the source draws with the packages themselves. The
// bundle is the same code, so the charts must be the same bytes: the compiled CLI's chart.svg and
// chart.html are compared with the ones drawn in-process from source.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, SCENARIOS, runCli } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "kmsim-bundle-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("chart libraries bundled for the compiled CLI (issue 10 item 3)", () => {
  it("npm run build writes the bundle next to the compiled chart module, and beside the CLI's bundle with its code cache", () => {
    expect(existsSync(join(ROOT, "dist", "report", "chart-libraries.cjs"))).toBe(true);
    expect(existsSync(join(ROOT, "dist", "bundle", "chart-libraries.cjs"))).toBe(true);
    expect(existsSync(join(ROOT, "dist", "bundle", "chart-libraries.cjs.cache"))).toBe(true);
  });

  it("node accepts the code cache the build made (the same node, no flags: as bin/kmsim.js runs)", () => {
    const loader = pathToFileURL(join(ROOT, "dist", "report", "code-cached-bundle.js")).href;
    const bundle = join(ROOT, "dist", "bundle", "chart-libraries.cjs");
    const script = `const { loadCommonJsBundle } = await import(${JSON.stringify(loader)});
const loaded = loadCommonJsBundle(${JSON.stringify(bundle)});
process.stdout.write(JSON.stringify({ rejected: loaded.cacheRejected, vega: typeof loaded.exports.vega.View, compile: typeof loaded.exports.compile }));`;
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    expect(JSON.parse(out)).toEqual({ rejected: false, vega: "function", compile: "function" });
  });

  for (const name of ["quickstart", "wan-link-outages"]) {
    it(`${name}: the compiled CLI's chart.svg and chart.html are byte-identical to the source's (packages)`, async () => {
      const file = join(SCENARIOS, `${name}.yaml`);
      const compiled = join(dir, `${name}-dist`);
      const source = join(dir, `${name}-src`);
      execFileSync(process.execPath, [join(ROOT, "bin", "kmsim.js"), "run", file, "--out", compiled], { stdio: "ignore" });
      expect((await runCli(["run", file, "--out", source])).code).toBe(0);
      for (const chart of ["chart.svg", "chart.html"]) {
        expect(readFileSync(join(compiled, chart), "utf8")).toBe(readFileSync(join(source, chart), "utf8"));
      }
    });
  }
});
