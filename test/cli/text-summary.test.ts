// The terminal summary of `kmsim run` names what each failure code means (issue 9 item 12g; the
// meanings of MODEL.md "Outputs"), beside the counts of summary.csv's failed_<code> columns.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SCENARIOS, lines, read, runCli, summaryRecord, useTempRoot } from "./helpers.js";

const tmp = useTempRoot("text-summary");

describe("kmsim run's terminal summary", () => {
  it("lists each failure code with its meaning and its count from summary.csv", async () => {
    const out = join(tmp(), "q");
    const r = await runCli(["run", join(SCENARIOS, "quickstart.yaml"), "--out", out]);
    expect(r.code).toBe(0);
    const csv = summaryRecord(read(out, "summary.csv"));
    const meanings: [string, string][] = [
      ["0xC004F038", "count too low"],
      ["0xC004F041", "host not activated"],
      ["0xC004F042", "host cannot activate this product"],
      ["0xC004F074", "no host could be contacted"],
    ];
    const text = lines(r.stdout);
    for (const [code, meaning] of meanings) {
      const line = text.find((l) => l.trimStart().startsWith(`${code} (`));
      expect(line, code).toBeDefined();
      expect(line).toContain(meaning);
      expect(line?.endsWith(`: ${csv[`failed_${code}`]}`)).toBe(true);
    }
  });
});
