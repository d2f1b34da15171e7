// The install a new user runs (README "Quick start"; issue 9 item 13): `npm ci` prints no notice
// about unreviewed install scripts — every dependency with one (package-lock.json
// `hasInstallScript`) is decided in package.json `allowScripts` — and the README says why both
// quick-start commands start with `npm ci` and what esbuild's install script is.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./cli/helpers.js";

interface Lock {
  packages: Record<string, { hasInstallScript?: boolean }>;
}

describe("npm ci", () => {
  it("every dependency with an install script is decided in package.json allowScripts (so npm ≥ 11 prints no install-scripts notice)", () => {
    const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as Lock;
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { allowScripts?: Record<string, boolean> };
    const withScripts = Object.entries(lock.packages)
      .filter(([path, p]) => path !== "" && p.hasInstallScript === true)
      .map(([path]) => path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length));
    expect(withScripts).toContain("esbuild");
    for (const name of withScripts) expect(typeof pkg.allowScripts?.[name], name).toBe("boolean");
  });

  it("esbuild's postinstall is skipped: it only checks and hard-links the platform binary, which the JS API finds without it", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { allowScripts?: Record<string, boolean> };
    expect(pkg.allowScripts?.esbuild).toBe(false);
  });
});

describe("README", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");

  it("says why the quick start starts with npm ci, and what npm's notice about esbuild's install script is", () => {
    const quickStart = readme.slice(readme.indexOf("## Quick start"), readme.indexOf("## Commands"));
    expect(quickStart).toMatch(/npm ci.*package-lock\.json/s);
    expect(quickStart).toMatch(/prepare/);
    expect(quickStart).toMatch(/esbuild/);
  });

  it("shows an example of every command kmsim has", () => {
    const commands = ["run", "compare", "validate", "editions", "schema", "report", "import", "init", "completion"];
    for (const c of commands) expect(readme, c).toMatch(new RegExp(`\\nnpx kmsim ${c}\\b`));
    for (const flag of ["--json"]) expect(readme).toContain(flag);
  });
});
