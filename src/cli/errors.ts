// Failures the CLI reports without a stack trace (FORMAT.md "Commands": exit codes).

/** Bad input: a missing file, a syntax error, an invalid scenario, a bad flag (exit 2). */
export class InputError extends Error {
  /** Lines already formatted as `FILE: PATH: message` (or a single usage line). */
  constructor(readonly lines: readonly string[]) {
    super(lines.join("\n"));
    this.name = "InputError";
  }
}

/** Exit codes of FORMAT.md. */
export const ExitCode = { OK: 0, FAILURE: 1, BAD_INPUT: 2, SIGINT: 130, SIGTERM: 143 } as const;
