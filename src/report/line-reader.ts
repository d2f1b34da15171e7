// Reads a result folder's CSV line by line, a megabyte at a time (FORMAT.md: memory does not grow
// with rows): a timeline of a long run with a fine `sample`, or the availability.csv of a host
// that flaps for a century, is gigabytes, more than one string can hold. Used by `kmsim report`'s
// checks (check-results.ts) and by the chart's reading of availability.csv.
import { open } from "node:fs/promises";
import { StringDecoder } from "node:string_decoder";

/**
 * Feeds every line of the file to `onLine`, without its `\n` (a last line without one too);
 * returns whether the file ended with a line end (an empty file: true). Fails like `open` on a
 * missing file (ENOENT).
 */
export async function readLines(path: string, onLine: (line: string) => void): Promise<boolean> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(1 << 20);
    const decoder = new StringDecoder("utf8");
    let rest = "";
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      const lines = (rest + decoder.write(buffer.subarray(0, bytesRead))).split("\n");
      rest = lines.pop() ?? "";
      for (const line of lines) onLine(line);
    }
    rest += decoder.end();
    if (rest === "") return true;
    onLine(rest);
    return false;
  } finally {
    await handle.close();
  }
}

/** Whether an error is a missing file's. */
export function isMissingFile(err: unknown): boolean {
  return (err as NodeJS.ErrnoException | null)?.code === "ENOENT";
}

/**
 * A line's text as a string of its own. A line from readLines is a slice of the megabyte it was
 * read in, and a kept slice keeps that whole megabyte alive: what outlives the line (a sampled
 * row, an entity's id) is copied.
 */
export function detached(text: string): string {
  return Buffer.from(text, "utf8").toString("utf8");
}
