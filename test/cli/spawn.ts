// The compiled CLI (bin/kmsim.js → dist/, `npm run build`) in a child process, for what only a
// real process shows: signals and exit codes 130/143 (FORMAT.md "Commands"). With
// KMSIM_TEST_PAUSE=<phase> (docs/testing.md) kmsim prints a marker line at that phase and waits,
// so a signal lands at a known point without any sleep.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "./helpers.js";

export interface SpawnResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Whether the pause marker was seen (and the signal sent). */
  readonly paused: boolean;
}

export interface SpawnOptions {
  readonly cwd?: string;
  /** KMSIM_TEST_PAUSE: the phase to pause at. */
  readonly pause?: string;
  /** The signal sent once the pause marker shows. */
  readonly signal?: NodeJS.Signals;
  /** Runs at the pause, before the signal is sent (to look at the temp files then). */
  readonly atPause?: () => void;
}

/** `kmsim: test pause: <phase>` (src/cli/test-pause.ts). */
export function pauseMarker(phase: string): string {
  return `kmsim: test pause: ${phase}`;
}

/** Runs `kmsim <argv>`; at the pause marker sends the signal; resolves when the process has ended. */
export function spawnKmsim(argv: readonly string[], options: SpawnOptions = {}): Promise<SpawnResult> {
  const env = { ...process.env };
  delete env.KMSIM_TEST_PAUSE;
  if (options.pause !== undefined) env.KMSIM_TEST_PAUSE = options.pause;
  const child = spawn(process.execPath, [join(ROOT, "bin", "kmsim.js"), ...argv], {
    cwd: options.cwd ?? ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  let paused = false;
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
    if (!paused && options.pause !== undefined && stderr.includes(`${pauseMarker(options.pause)}\n`)) {
      paused = true;
      options.atPause?.();
      child.kill(options.signal ?? "SIGINT");
    }
  });
  return new Promise((resolve) => {
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr, paused }));
  });
}
