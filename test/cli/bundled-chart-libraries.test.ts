// Issue 10 item 3: the compiled CLI draws with vega and vega-lite bundled into one module
// (dist/report/chart-libraries.js, made by `npm run build`), the source with the packages
// themselves. The bundle is the same code, so the charts must be the same bytes: the compiled
// CLI's chart.svg and chart.html are compared with the ones drawn in-process from source.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, SCENARIOS, runCli } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "kmsim-bundle-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("chart libraries bundled for the compiled CLI (issue 10 item 3)", () => {
  it("npm run build writes the bundle next to the compiled chart module", () => {
    expect(existsSync(join(ROOT, "dist", "report", "chart-libraries.js"))).toBe(true);
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
