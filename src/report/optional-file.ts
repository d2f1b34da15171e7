// Reading a result folder's file that may be absent (an older kmsim did not write it, or `report`
// checks for it): its text, or null when it does not exist; any other failure is thrown.
import { readFile } from "node:fs/promises";

/** The file's UTF-8 text, or null when it does not exist. */
export async function readOptional(path: string): Promise<string | null> {
  try {
    return await readFile(path, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
}
