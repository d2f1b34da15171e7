// Errors about the exports, collected as values (FORMAT.md "Commands": one line each,
// `FILE: line N: message`, every error listed): a broken export can have an error on each of
// 200 000 lines, so each file keeps its first MAX_PER_FILE and counts the rest.
import { escapeControls } from "../scenario/index.js";

/** The most error lines kept per file; the rest are summed up in one last line. */
export const MAX_PER_FILE = 20;

/** Every error of an import, in the order found, capped per file. */
export class Problems {
  private readonly lines: string[] = [];
  private readonly perFile = new Map<string, number>();

  /** Records `FILE: line N: message` (`FILE: message` when `line` is undefined). */
  add(file: string, line: number | undefined, message: string): void {
    const n = (this.perFile.get(file) ?? 0) + 1;
    this.perFile.set(file, n);
    if (n <= MAX_PER_FILE) this.lines.push(`${file}: ${line === undefined ? "" : `line ${line}: `}${oneLine(message)}`);
  }

  /** Records an error about the command line (`kmsim: message`). */
  flag(message: string): void {
    this.add("kmsim", undefined, message);
  }

  get empty(): boolean {
    return this.lines.length === 0;
  }

  /** The error lines, with `FILE: N more errors not shown` after a file's first MAX_PER_FILE. */
  list(): string[] {
    const out = [...this.lines];
    for (const [file, n] of this.perFile) {
      if (n > MAX_PER_FILE) out.push(`${file}: ${n - MAX_PER_FILE} more errors not shown`);
    }
    return out;
  }
}

/** Text from the user's files shown on one line: line breaks and other control characters escaped (terminal-text.ts). */
export function oneLine(s: string): string {
  return escapeControls(s);
}
