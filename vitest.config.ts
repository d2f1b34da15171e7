import { defineConfig } from "vitest/config";
import CiSummaryReporter from "./test/support/ci-summary-reporter.js";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/support/fast-check-setup.ts"],
    // Tests assert behaviour, never speed (that is bench/'s job): a generous time-out only
    // catches hangs, so a slow or loaded CI machine does not turn into red tests.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The default reporter for people; the summary line last, for CI (`N passed, N failed`).
    reporters: ["default", new CiSummaryReporter()],
  },
});
