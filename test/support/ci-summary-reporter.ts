// A vitest reporter that ends the run with the one line CI recognises: `N passed, N failed`
// (with `, N skipped` when any test was skipped). Failures that are not a test — a file that
// cannot load, a failing hook, an unhandled error, an interrupted run — count as failed, so the
// line never reads "0 failed" for a broken run.
import type { Reporter, SerializedError, TestModule, TestRunEndReason } from "vitest/node";

export interface RunCounts {
  passed: number;
  failed: number;
  skipped: number;
}

/** Counts the tests of a finished run, plus every error raised outside a test as one failure. */
export function countRun(
  testModules: ReadonlyArray<TestModule>,
  unhandledErrors: ReadonlyArray<SerializedError>,
  reason: TestRunEndReason,
): RunCounts {
  const counts: RunCounts = { passed: 0, failed: 0, skipped: 0 };
  for (const module of testModules) {
    for (const test of module.children.allTests()) {
      const state = test.result().state;
      if (state === "passed") counts.passed++;
      else if (state === "skipped") counts.skipped++;
      else counts.failed++; // failed, or still pending when the run ended
    }
    counts.failed += module.errors().length; // collection or top-level hook errors
    for (const suite of module.children.allSuites()) counts.failed += suite.errors().length;
  }
  counts.failed += unhandledErrors.length;
  if (reason !== "passed" && counts.failed === 0) counts.failed = 1; // e.g. no test files, or interrupted
  return counts;
}

/** The closing line: `12 passed, 0 failed` or `12 passed, 1 failed, 2 skipped`. */
export function summaryLine(counts: RunCounts): string {
  const line = `${counts.passed} passed, ${counts.failed} failed`;
  return counts.skipped > 0 ? `${line}, ${counts.skipped} skipped` : line;
}

export default class CiSummaryReporter implements Reporter {
  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<SerializedError>,
    reason: TestRunEndReason,
  ): void {
    process.stdout.write(`\n${summaryLine(countRun(testModules, unhandledErrors, reason))}\n`);
  }
}
