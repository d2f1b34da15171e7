// kmsim's version, read from package.json (manifests record it).
import { readFileSync } from "node:fs";

let cached: string | undefined;

/** The version field of kmsim's package.json. */
export function kmsimVersion(): string {
  if (cached === undefined) {
    const text = readFileSync(new URL("../../package.json", import.meta.url), "utf8");
    cached = (JSON.parse(text) as { version: string }).version;
  }
  return cached;
}
