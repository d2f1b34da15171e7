// What a benchmark section is, and the small helpers sections share (tables, memory, gc).
// A section is a named, self-contained benchmark that prints its own figures; bench/index.ts
// holds the list and runs all of them or the ones named on the command line.

/** One named benchmark section (`npm run bench -- <name>` runs it alone). */
export interface BenchSection {
  readonly name: string;
  /** One line saying what is measured. */
  readonly description: string;
  run(out: (line: string) => void): void | Promise<void>;
}

/** Peak resident memory of this process so far, in MB (`process.resourceUsage().maxRSS` is in KB). */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** Runs a full garbage collection when node was started with --expose-gc (npm run bench does). */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc !== undefined) gc();
}

/** Formats a rate such as 12 345 678 events/s as `12.35 M/s`. */
export function formatRate(perSecond: number): string {
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(2)} M/s`;
  if (perSecond >= 1e3) return `${(perSecond / 1e3).toFixed(1)} k/s`;
  return `${perSecond.toFixed(0)} /s`;
}

/** A plain-text table: the first row is the header; columns are right-aligned except the first. */
export function table(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r: readonly string[]): string =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ");
  return [line(rows[0]), widths.map((w) => "-".repeat(w)).join("  "), ...rows.slice(1).map(line)];
}

/** The median of a non-empty list (the middle value, or the mean of the two middle values). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}
