// `kmsim schema` prints the JSON Schema (draft 2020-12) of the scenario format to stdout and
// nothing else; `kmsim editions` prints the catalogue of CATALOG.md as tables (FORMAT.md Commands).
import { describe, expect, it } from "vitest";
import { lines, runCli, stackLines } from "./helpers.js";

describe("kmsim schema (FORMAT.md Commands)", () => {
  it("prints one JSON document with $schema draft 2020-12, exit 0, nothing on stderr", async () => {
    const r = await runCli(["schema"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const schema: unknown = JSON.parse(r.stdout);
    expect(schema).toMatchObject({ $schema: "https://json-schema.org/draft/2020-12/schema", type: "object" });
  });

  it("describes the top-level keys of FORMAT.md's scenario file, rejects unknown ones, and requires duration", async () => {
    const r = await runCli(["schema"]);
    const schema = JSON.parse(r.stdout) as { properties?: Record<string, unknown>; required?: string[]; additionalProperties?: unknown };
    const keys = Object.keys(schema.properties ?? {});
    for (const k of ["$schema", "name", "description", "start", "duration", "seed", "replications", "sample", "timers", "assumptions", "sites", "links", "hosts", "clients", "strategies"]) {
      expect(keys).toContain(k);
    }
    expect(schema.required).toContain("duration");
    expect(schema.additionalProperties).toBe(false);
  });

  it("takes no file: an extra argument is a bad command line (exit 2, one line, no stack trace, nothing on stdout)", async () => {
    const r = await runCli(["schema", "scenario.yaml"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(stackLines(r.stderr)).toEqual([]);
    expect(lines(r.stderr)).toHaveLength(1);
  });
});

describe("kmsim editions (FORMAT.md Commands; CATALOG.md)", () => {
  it("lists Windows 11 Enterprise and Office LTSC 2024; exit 0, nothing on stderr", async () => {
    const r = await runCli(["editions"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Windows 11 Enterprise");
    expect(r.stdout).toContain("Office LTSC 2024");
    expect(r.stdout.endsWith("\n")).toBe(true);
  });
});
