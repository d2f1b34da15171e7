// The bundled scenarios (scenarios/*.yaml): each validates with no error and no warning but the
// planning warnings it teaches on purpose (bundled-warnings.ts; FORMAT.md Commands: validate;
// Warnings) and its base runs with exit 0 into a full run folder.
//
// REGRESSION GUARDS, NOT PROOF OF CORRECTNESS: test/fixtures/snapshots/<name>.summary.csv is the
// summary.csv each scenario's base gave when these snapshots were created (once, from the output of
// `kmsim run scenarios/<name>.yaml`); for the long runs (simulated duration ≥ 120 days) there is
// also <name>.timeline.sha256, the sha256 of its timeline.csv — a cheap whole-trajectory
// fingerprint (STYLE.md, after OMNeT++). Nobody derived these values by hand: the correctness
// anchors are the FORMAT.md examples (examples.test.ts). These tests only say that the output
// changed. When a change is intended (a model fix, a new column), check the new output, then
// replace the snapshot files by hand, e.g. for one scenario:
//   npm run build && node bin/kmsim.js run scenarios/NAME.yaml --out /tmp/NAME \
//     && cp /tmp/NAME/summary.csv test/fixtures/snapshots/NAME.summary.csv \
//     && sha256sum < /tmp/NAME/timeline.csv | cut -d' ' -f1 > test/fixtures/snapshots/NAME.timeline.sha256
// A missing snapshot fails the test; it is never written by the test.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bundledWarningText } from "./bundled-warnings.js";
import { RUN_FOLDER_FILES, SCENARIOS, SNAPSHOTS, bundledScenarioNames, filesIn, read, runCli, sha256, useTempRoot } from "./helpers.js";

const tmp = useTempRoot("scenarios");
const NAMES = bundledScenarioNames();
const LONG_RUN_MIN = 120 * 1440;

describe("bundled scenarios (scenarios/*.yaml)", () => {
  it("there are some, and every snapshot file belongs to one of them", () => {
    expect(NAMES.length).toBeGreaterThan(0);
    for (const f of readdirSync(SNAPSHOTS)) {
      const m = /^(.+)\.(summary\.csv|timeline\.sha256)$/.exec(f);
      expect(m, f).not.toBeNull();
      expect(NAMES, f).toContain(m?.[1]);
    }
  });

  it.each(NAMES)("%s validates: exit 0, no error, no warning but its planned ones on stderr (FORMAT.md Commands: validate)", async (name) => {
    const file = join(SCENARIOS, `${name}.yaml`);
    const r = await runCli(["validate", file]);
    expect(r.stderr).toBe(bundledWarningText(file, name));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: ok \\(`));
  });

  it.each(NAMES)(
    "%s runs (base): exit 0, nothing on stderr but its planned warnings, a full run folder; summary.csv (and for long runs the timeline fingerprint) equal the stored regression snapshot",
    async (name) => {
      const out = join(tmp(), name);
      const file = join(SCENARIOS, `${name}.yaml`);
      const r = await runCli(["run", file, "--out", out]);
      expect(r.stderr).toBe(bundledWarningText(file, name));
      expect(r.code).toBe(0);
      expect(filesIn(out)).toEqual(RUN_FOLDER_FILES);

      const summarySnapshot = join(SNAPSHOTS, `${name}.summary.csv`);
      expect(existsSync(summarySnapshot), `missing regression snapshot ${summarySnapshot}`).toBe(true);
      expect(read(out, "summary.csv")).toBe(readFileSync(summarySnapshot, "utf8"));

      const manifest = JSON.parse(read(out, "manifest.json")) as { durationMin?: unknown };
      const fingerprint = join(SNAPSHOTS, `${name}.timeline.sha256`);
      if (typeof manifest.durationMin === "number" && manifest.durationMin >= LONG_RUN_MIN) {
        expect(existsSync(fingerprint), `missing timeline fingerprint ${fingerprint} for a long run`).toBe(true);
      }
      if (existsSync(fingerprint)) {
        expect(sha256(read(out, "timeline.csv"))).toBe(readFileSync(fingerprint, "utf8").trim());
      }
    },
  );
});
