import { defineConfig } from "vitest/config";
import CiSummaryReporter from "./test/support/ci-summary-reporter.js";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/support/fast-check-setup.ts"],
    // The default reporter for people; the summary line last, for CI (`N passed, N failed`).
    reporters: ["default", new CiSummaryReporter()],
  },
});
