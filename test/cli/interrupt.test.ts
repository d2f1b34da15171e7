// Issue 9 item 6 (FORMAT.md "Commands", exit codes): SIGINT and SIGTERM at every phase of run,
// compare and report leave no partial result folder and no temp file, keep the previous result
// whole, print one "interrupted" line and exit 130 (SIGINT) or 143 (SIGTERM). Each test spawns
// the compiled CLI with KMSIM_TEST_PAUSE=<phase>, waits for the marker and sends the signal.
import { mkdirSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXAMPLES, SCENARIOS, useTempRoot } from "./helpers.js";
import { pauseMarker, spawnKmsim } from "./spawn.js";

const tmp = useTempRoot("interrupt");
const GOOD = join(EXAMPLES, "outage-spanning-renewals.yaml");
const COMPARE = join(SCENARIOS, "redundancy-strategies.yaml");

/** Every file under `folder` (relative paths, sorted) with its bytes: a result compared whole. */
function snapshot(folder: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(folder, { recursive: true, encoding: "utf8" }).sort()) {
    const path = join(folder, name);
    try {
      out[name] = readFileSync(path, "latin1");
    } catch {
      out[name] = "<folder>";
    }
  }
  return out;
}

function interruptedLines(phase: string, signal: "SIGINT" | "SIGTERM"): string[] {
  return [pauseMarker(phase), `kmsim: interrupted (${signal}): no new result was written`];
}

/** A fresh parent folder holding a finished run result `out`; returns [parent, out, its snapshot]. */
async function previousRun(name: string, extra: string[] = []): Promise<[string, string, Record<string, string>]> {
  const parent = join(tmp(), name);
  mkdirSync(parent);
  const out = join(parent, "result");
  const first = await spawnKmsim(["run", GOOD, "--out", out, ...extra]);
  expect(first.code).toBe(0);
  return [parent, out, snapshot(out)];
}

describe("kmsim run interrupted (issue 9 item 6)", () => {
  for (const [phase, signal, code] of [
    ["simulate", "SIGINT", 130],
    ["write", "SIGTERM", 143],
    ["swap", "SIGINT", 130],
  ] as const) {
    it(`${signal} at the ${phase} phase exits ${code}, keeps the previous result whole and leaves no temp folder or file`, async () => {
      const [parent, out, before] = await previousRun(`run-${phase}`);
      const r = await spawnKmsim(["run", GOOD, "--events", "--sample", "1h", "--out", out], { pause: phase, signal });
      expect(r.paused).toBe(true);
      expect(r.code).toBe(code);
      expect(r.stderr.trim().split("\n")).toEqual(interruptedLines(phase, signal));
      expect(r.stdout).toBe("");
      expect(readdirSync(parent)).toEqual(["result"]);
      expect(snapshot(out)).toEqual(before);
    });
  }

  it("SIGINT mid-simulation with no previous result leaves no folder at all", async () => {
    const parent = join(tmp(), "run-fresh");
    mkdirSync(parent);
    const r = await spawnKmsim(["run", GOOD, "--events", "--out", join(parent, "result")], { pause: "simulate" });
    expect(r.code).toBe(130);
    expect(readdirSync(parent)).toEqual([]);
  });
});

describe("kmsim compare interrupted (issue 9 item 6)", () => {
  for (const [phase, signal, code] of [
    ["simulate", "SIGINT", 130],
    ["write", "SIGTERM", 143],
    ["swap", "SIGTERM", 143],
  ] as const) {
    it(`${signal} at the ${phase} phase exits ${code}, leaves no comparison folder and no temp file`, async () => {
      const parent = join(tmp(), `compare-${phase}`);
      mkdirSync(parent);
      const r = await spawnKmsim(["compare", COMPARE, "--replications", "2", "--timelines", "--out", join(parent, "cmp")], { pause: phase, signal });
      expect(r.paused).toBe(true);
      expect(r.code).toBe(code);
      expect(r.stderr.trim().split("\n")).toEqual(interruptedLines(phase, signal));
      expect(readdirSync(parent)).toEqual([]);
    });
  }
});

describe("kmsim report interrupted (issue 9 item 6)", () => {
  it("SIGINT while the new chart files exist under temp names keeps the old chart and removes the temp files", async () => {
    const [parent, out, before] = await previousRun("report");
    const r = await spawnKmsim(["report", out], { pause: "write" });
    expect(r.paused).toBe(true);
    expect(r.code).toBe(130);
    expect(r.stderr.trim().split("\n")).toEqual(interruptedLines("write", "SIGINT"));
    expect(readdirSync(parent)).toEqual(["result"]);
    expect(snapshot(out)).toEqual(before);
  });
});
