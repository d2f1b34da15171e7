// SIGINT and SIGTERM through every phase of every command (FORMAT.md "Commands", exit codes): the
// temp result folders and temp files are removed, one line goes to stderr, and kmsim exits 130
// (SIGINT) or 143 (SIGTERM). The previous result, if any, stays whole: results are swapped in
// synchronously (result-folder.ts), so an interrupt lands before or after a swap, never inside.
import { removeLiveTempsSync } from "../report/atomic.js";
import { abortOpenStagesSync } from "../report/result-folder.js";
import { ExitCode } from "./errors.js";

const EXIT_CODES = { SIGINT: ExitCode.SIGINT, SIGTERM: ExitCode.SIGTERM } as const;

/** Exit code of a command stopped by `signal` (128 + the signal number). */
export function interruptExitCode(signal: keyof typeof EXIT_CODES): number {
  return EXIT_CODES[signal];
}

/** Extra clean-up the running command registers (e.g. terminating a worker). */
const cleanups = new Set<() => void>();

/** Registers a clean-up run on interrupt; returns its removal. */
export function onInterrupt(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/** What the interrupt line says after the signal's name; a command may say more (sweep: its journal). */
let note = "no new result was written";

/** Sets the interrupt line's note for the running command; returns the way back to the default. */
export function setInterruptNote(text: string): () => void {
  const before = note;
  note = text;
  return () => {
    note = before;
  };
}

/** Installs the SIGINT/SIGTERM handlers for one command; returns their removal. */
export function installInterruptHandlers(): () => void {
  let handling = false;
  const handler = (signal: NodeJS.Signals): void => {
    if (handling) return;
    handling = true;
    for (const cleanup of cleanups) {
      try {
        cleanup();
      } catch {
        // best effort while exiting
      }
    }
    abortOpenStagesSync();
    removeLiveTempsSync();
    const name = signal === "SIGTERM" ? "SIGTERM" : "SIGINT";
    process.stderr.write(`${process.stderr.isTTY ? "\r\x1b[K\x1b[?25h" : ""}kmsim: interrupted (${name}): ${note}\n`);
    process.exit(interruptExitCode(name));
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
  return () => {
    process.removeListener("SIGINT", handler);
    process.removeListener("SIGTERM", handler);
  };
}
