// Correctness anchors through the CLI: the four FORMAT.md examples (examples/<name>.yaml, copied
// into test/fixtures/examples) run with `kmsim run` give their hand-derived summary.csv and
// timeline.csv byte for byte (FORMAT.md "Run folder" and "CSV conventions"); FORMAT.md's own
// scenario (format-example.yaml) validates and runs, base and each strategy, with its two
// planning warnings.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FORMAT_EXAMPLE_WARNINGS, warningText } from "./bundled-warnings.js";
import { ANCHORS, EXAMPLES, FORMAT_EXAMPLE, RUN_FOLDER_FILES, filesIn, read, runCli, stackLines, summaryRecord, useTempRoot } from "./helpers.js";

const tmp = useTempRoot("examples");

describe("kmsim run on the FORMAT.md examples (correctness anchors)", () => {
  it.each(ANCHORS)(
    "%s: exit 0, nothing on stderr, summary.csv and timeline.csv byte-identical to the hand-derived ones (FORMAT.md Run folder, CSV conventions)",
    async (name) => {
      const out = join(tmp(), name);
      const r = await runCli(["run", join(EXAMPLES, `${name}.yaml`), "--out", out]);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect(read(out, "summary.csv")).toBe(read(EXAMPLES, `${name}.summary.csv`));
      expect(read(out, "timeline.csv")).toBe(read(EXAMPLES, `${name}.timeline.csv`));
      expect(filesIn(out)).toEqual(RUN_FOLDER_FILES);
    },
  );
});

describe("format-example.yaml (FORMAT.md's scenario file example)", () => {
  it("validates: exit 0, `FILE: ok (base and 2 strategies)`, no error, its two planning warnings (FORMAT.md Commands: validate)", async () => {
    const r = await runCli(["validate", FORMAT_EXAMPLE]);
    expect(r.stderr).toBe(warningText(FORMAT_EXAMPLE, FORMAT_EXAMPLE_WARNINGS));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${FORMAT_EXAMPLE}: ok (base and 2 strategies)\n`);
  });

  it.each([
    { label: "the base", flags: [] as string[], strategy: "" },
    { label: "strategy as-is", flags: ["--strategy", "as-is"], strategy: "as-is" },
    { label: "strategy no-branch-host", flags: ["--strategy", "no-branch-host"], strategy: "no-branch-host" },
  ])(
    "runs $label: exit 0, a full run folder, the summary's strategy column says which (FORMAT.md summary.csv: strategy empty for the base)",
    async ({ flags, strategy }) => {
      const out = join(tmp(), `format-example-${strategy || "base"}`);
      const r = await runCli(["run", FORMAT_EXAMPLE, ...flags, "--out", out]);
      expect(stackLines(r.stderr)).toEqual([]);
      expect(r.stderr).toBe(warningText(FORMAT_EXAMPLE, FORMAT_EXAMPLE_WARNINGS));
      expect(r.code).toBe(0);
      expect(filesIn(out)).toEqual(RUN_FOLDER_FILES);
      const row = summaryRecord(read(out, "summary.csv"));
      expect(row.scenario).toBe("two-sites");
      expect(row.strategy).toBe(strategy);
      expect([row.replication, row.seed]).toEqual(["0", "1"]);
    },
  );

  it("the strategy no-branch-host drops kms-branch's columns; as-is equals the base except the strategy column (FORMAT.md Strategies)", () => {
    const base = summaryRecord(read(join(tmp(), "format-example-base"), "summary.csv"));
    const asIs = summaryRecord(read(join(tmp(), "format-example-as-is"), "summary.csv"));
    const noBranch = summaryRecord(read(join(tmp(), "format-example-no-branch-host"), "summary.csv"));
    expect({ ...asIs, strategy: "" }).toEqual(base);
    expect(Object.keys(base)).toContain("kms-branch_requests");
    expect(Object.keys(noBranch)).not.toContain("kms-branch_requests");
    expect(Object.keys(noBranch)).toContain("kms1_requests");
  });
});
