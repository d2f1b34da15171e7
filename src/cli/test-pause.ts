// The test pause hook (docs/testing.md): KMSIM_TEST_PAUSE=<phase> makes kmsim print
// `kmsim: test pause: <phase>` on stderr when it reaches that phase and wait there until a signal
// ends it, so that the interrupt tests send SIGINT/SIGTERM at a known point without sleeping.
// Unset (always, outside tests), it costs one environment look-up per phase.

/** The environment variable of the test pause hook. */
export const TEST_PAUSE_ENV = "KMSIM_TEST_PAUSE";

/**
 * The phases: the simulation running, files being written into the temp folder, the swap about to
 * happen; and for sweeps, the first batch of runs stored in the campaign's journal.
 */
export const TEST_PAUSE_PHASES = ["simulate", "write", "swap", "sweep-journal"] as const;
export type TestPausePhase = (typeof TEST_PAUSE_PHASES)[number];

/** Whether KMSIM_TEST_PAUSE names this phase. */
export function pauseRequested(phase: TestPausePhase): boolean {
  return process.env[TEST_PAUSE_ENV] === phase;
}

/** The marker line printed at a test pause. */
export function pauseMarker(phase: TestPausePhase): string {
  return `kmsim: test pause: ${phase}\n`;
}

/** At KMSIM_TEST_PAUSE=<phase>: prints the marker and waits for a signal (never resolves). Else returns at once. */
export async function testPause(phase: TestPausePhase): Promise<void> {
  if (!pauseRequested(phase)) return;
  process.stderr.write(pauseMarker(phase));
  await new Promise<never>(() => {
    setInterval(() => undefined, 1 << 30); // keeps the process alive until the signal
  });
}
