// `kmsim compare` charts every valid name (issue 9 item 10): strategies named `constructor`,
// `toString`, `valueOf`, `123`, `a-_b` and hosts named `constructor`, `hasOwnProperty` used to
// fail after simulating ("internal error: Operator not defined", from vega).
// Worker threads load the compiled dist/cli/compare-worker.js: run `npm run build` after src changes.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../cli/helpers.js";

const SCENARIO = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "compare", "special-names.yaml");
const root = mkdtempSync(join(tmpdir(), "kmsim-names-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("kmsim compare with names that are JavaScript property names", () => {
  it("exits 0 and its comparison chart shows every strategy and host", async () => {
    const out = join(root, "compare");
    const r = await runCli(["compare", SCENARIO, "--out", out, "--workers", "1"]);
    expect(r.stderr).not.toContain("internal error");
    expect(r.code).toBe(0);
    const svg = readFileSync(join(out, "comparison-chart.svg"), "utf8");
    for (const s of ["constructor", "toString", "valueOf", "123", "a-_b"]) expect(svg).toContain(` · ${s}</text>`);
    for (const h of ["constructor", "hasOwnProperty"]) expect(svg).toContain(`requests sent to ${h} per run`);
  });
});
