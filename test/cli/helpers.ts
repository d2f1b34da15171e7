// Shared helpers of the CLI tests: run `main` in-process with stdout and stderr captured, the
// paths of the fixtures and bundled scenarios, temp folders removed after the file's tests, and
// the small readers (summary row, stderr lines, sha256) the assertions use.
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, vi } from "vitest";
import { main } from "../../src/cli/main.js";

const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(HERE, "..", "..");
export const EXAMPLES = join(ROOT, "test", "fixtures", "examples");
export const SNAPSHOTS = join(ROOT, "test", "fixtures", "snapshots");
export const SCENARIOS = join(ROOT, "scenarios");
export const FORMAT_EXAMPLE = join(EXAMPLES, "format-example.yaml");

/** The four FORMAT.md examples with hand-derived summary.csv and timeline.csv. */
export const ANCHORS = [
  "outage-spanning-renewals",
  "join-over-two-days",
  "primary-down-cached-failover",
  "clones-and-office",
] as const;

/** The files of a run folder without --events (FORMAT.md "Run folder"), sorted. */
export const RUN_FOLDER_FILES = ["availability.csv", "chart.html", "chart.svg", "manifest.json", "summary.csv", "timeline.csv"];

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function chunkText(chunk: unknown): string {
  if (typeof chunk === "string") return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk).toString("utf8");
  return String(chunk);
}

/**
 * Runs `kmsim <argv>` in-process and returns its exit code and everything it wrote to stdout and
 * stderr. console.* output is captured too (on the stream it would reach in a terminal), so a
 * stray console.warn counts as stderr.
 */
export async function runCli(argv: readonly string[]): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const spies = [
    vi.spyOn(process.stdout, "write").mockImplementation((chunk: unknown) => {
      stdout += chunkText(chunk);
      return true;
    }),
    vi.spyOn(process.stderr, "write").mockImplementation((chunk: unknown) => {
      stderr += chunkText(chunk);
      return true;
    }),
    vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
      stdout += `${args.map(String).join(" ")}\n`;
    }),
    vi.spyOn(console, "info").mockImplementation((...args: unknown[]) => {
      stdout += `${args.map(String).join(" ")}\n`;
    }),
    vi.spyOn(console, "warn").mockImplementation((...args: unknown[]) => {
      stderr += `${args.map(String).join(" ")}\n`;
    }),
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
      stderr += `${args.map(String).join(" ")}\n`;
    }),
  ];
  try {
    const code = await main([...argv]);
    return { code, stdout, stderr };
  } finally {
    for (const s of spies) s.mockRestore();
  }
}

/** A fresh temp folder, removed with everything in it after the calling file's tests. */
export function useTempRoot(prefix: string): () => string {
  let root: string | undefined;
  afterAll(() => {
    if (root !== undefined) rmSync(root, { recursive: true, force: true });
  });
  return () => {
    root ??= mkdtempSync(join(tmpdir(), `kmsim-cli-${prefix}-`));
    return root;
  };
}

/** The lines of a stream's text (the final `\n` ends the last line; it does not start an empty one). */
export function lines(text: string): string[] {
  if (text === "") return [];
  return (text.endsWith("\n") ? text.slice(0, -1) : text).split("\n");
}

/** Lines that look like a JavaScript stack frame (`    at f (file:1:2)`). */
export function stackLines(text: string): string[] {
  return lines(text).filter((l) => /^\s+at\s/.test(l));
}

/** summary.csv as one record `column → value` (FORMAT.md: one header row, one data row). */
export function summaryRecord(csv: string): Record<string, string> {
  const [header, row, ...rest] = lines(csv);
  if (header === undefined || row === undefined || rest.length > 0) throw new Error(`summary.csv must have exactly 2 lines:\n${csv}`);
  const names = header.split(",");
  const values = row.split(",");
  if (names.length !== values.length) throw new Error(`summary.csv: ${names.length} columns, ${values.length} values`);
  return Object.fromEntries(names.map((n, i) => [n, values[i]]));
}

/** The text of `folder/file` (UTF-8). */
export function read(folder: string, file: string): string {
  return readFileSync(join(folder, file), "utf8");
}

/** The hex sha256 of a text's UTF-8 bytes (the timeline fingerprints of scenarios.test.ts). */
export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** The bundled scenarios, `scenarios/*.yaml`, as names without the extension, sorted. */
export function bundledScenarioNames(): string[] {
  return readdirSync(SCENARIOS)
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => f.slice(0, -".yaml".length))
    .sort();
}

/** The files of a folder, sorted (hidden temp files included, so a leftover shows). */
export function filesIn(folder: string): string[] {
  return readdirSync(folder).sort();
}

/**
 * Where two texts first differ, with a little context (`null` when equal): keeps the failure
 * message of a byte comparison of large files (charts) short.
 */
export function firstDifference(actual: string, expected: string): string | null {
  if (actual === expected) return null;
  let i = 0;
  while (i < actual.length && i < expected.length && actual[i] === expected[i]) i++;
  const around = (s: string): string => JSON.stringify(s.slice(Math.max(0, i - 80), i + 80));
  return `differ at offset ${i} (lengths ${actual.length} and ${expected.length}):\n  got      ${around(actual)}\n  expected ${around(expected)}`;
}
