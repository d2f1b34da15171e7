// FORMAT.md "Commands": a failed run leaves no partial output; issue 5: Ctrl-C stops the workers.
// The compiled CLI (bin/kmsim.js → dist/) runs in a child process that gets SIGINT mid-run.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const root = mkdtempSync(join(tmpdir(), "kmsim-interrupt-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("kmsim compare interrupted (issue 5, FORMAT.md Commands)", () => {
  it("Ctrl-C (SIGINT) stops the workers, exits 1 with one line on stderr and writes no folder", async () => {
    const out = join(root, "never");
    const child = spawn(
      process.execPath,
      [join(ROOT, "bin", "kmsim.js"), "compare", join(ROOT, "scenarios", "redundancy-strategies.yaml"), "--replications", "2000", "--out", out],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    // Well after start-up (loading takes well under a second), well before the ~90 s of runs end.
    setTimeout(() => child.kill("SIGINT"), 4_000);
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code).toBe(1);
    expect(stderr.trim().split("\n")).toEqual(["kmsim: interrupted: no files were written"]);
    expect(existsSync(out)).toBe(false);
  }, 30_000);
});
