// Expected summary.csv / timeline.csv of the four deterministic examples: byte-for-byte targets,
// read from the one copy kept in test/fixtures/examples/ (the CLI tests use the same files).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "examples");
const NAMES = ["outage-spanning-renewals", "join-over-two-days", "primary-down-cached-failover", "clones-and-office"];

export const EXAMPLES: Record<string, { summary: string; timeline: string }> = Object.fromEntries(
  NAMES.map((name) => [
    name,
    {
      summary: readFileSync(join(DIR, `${name}.summary.csv`), "utf8"),
      timeline: readFileSync(join(DIR, `${name}.timeline.csv`), "utf8"),
    },
  ]),
);
