// FORMAT.md "Scenario file (YAML or JSON, same schema)" and "Commands": a syntax error names its
// line (`FILE: line 12: message`); a missing file is `FILE: cannot read file (…)`.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../src/scenario/diagnostics.js";
import { formatOf, parseScenarioText, readScenarioFile, type ParsedFile } from "../../src/scenario/parse-file.js";

function errorLines(r: ParsedFile): string[] {
  if (r.ok) throw new Error("expected errors");
  return r.errors.map(formatDiagnostic);
}

function dataOf(r: ParsedFile): unknown {
  if (!r.ok) throw new Error(r.errors.map(formatDiagnostic).join("\n"));
  return r.data;
}

describe("formatOf(path)", () => {
  it("reads .json as JSON and anything else as YAML", () => {
    expect(formatOf("a/b.json")).toBe("json");
    expect(formatOf("B.JSON")).toBe("json");
    expect(formatOf("b.yaml")).toBe("yaml");
    expect(formatOf("b.yml")).toBe("yaml");
    expect(formatOf("b")).toBe("yaml");
  });
});

describe("parseScenarioText(text, file, 'yaml')", () => {
  it("parses YAML 1.2: dates and date-times stay strings, 007 is a number", () => {
    expect(dataOf(parseScenarioText("patchLevel: 2021-06-08\nstart: 2027-01-04T00:00:00Z\nid: 007\n", "s.yaml", "yaml"))).toEqual({
      patchLevel: "2021-06-08",
      start: "2027-01-04T00:00:00Z",
      id: 7,
    });
  });

  it("resolves anchors, aliases and << merge keys", () => {
    const text = "a: &h { id: kms1, site: hq }\nb: [ *h ]\nc:\n  <<: *h\n  site: branch\n";
    expect(dataOf(parseScenarioText(text, "s.yaml", "yaml"))).toEqual({
      a: { id: "kms1", site: "hq" },
      b: [{ id: "kms1", site: "hq" }],
      c: { id: "kms1", site: "branch" },
    });
  });

  it("names the line of a syntax error: FILE: line N: message", () => {
    expect(errorLines(parseScenarioText("name: x\nhosts:\n  - id: a: b\n", "s.yaml", "yaml"))).toEqual([
      "s.yaml: line 3: nested mappings are not allowed in compact mappings (column 9)",
    ]);
  });

  it("reports duplicate keys", () => {
    expect(errorLines(parseScenarioText("name: x\nduration: 1d\nname: y\n", "s.yaml", "yaml"))).toEqual([
      "s.yaml: line 3: map keys must be unique (column 1)",
    ]);
  });

  it("reports every syntax error, not just the first", () => {
    expect(errorLines(parseScenarioText("a: 1\na: 2\nb:\n\t- 1\n", "s.yaml", "yaml")).length).toBeGreaterThanOrEqual(2);
  });

  it("reports an alias without its anchor at its line", () => {
    expect(errorLines(parseScenarioText("name: x\nhosts: [ *kms9 ]\n", "s.yaml", "yaml"))).toEqual([
      "s.yaml: line 2: unknown alias *kms9: no anchor &kms9 before it (column 10)",
    ]);
  });

  it("gives null for an empty file (loadScenario reports it)", () => {
    expect(dataOf(parseScenarioText("# only a comment\n", "s.yaml", "yaml"))).toBeNull();
  });

  it("ignores a byte-order mark", () => {
    expect(dataOf(parseScenarioText("\uFEFFname: x\n", "s.yaml", "yaml"))).toEqual({ name: "x" });
  });
});

describe("parseScenarioText(text, file, 'json')", () => {
  it("parses JSON", () => {
    expect(dataOf(parseScenarioText('{ "name": "x", "hosts": [ { "id": "a" } ], "n": -1.5e2 }', "s.json", "json"))).toEqual({
      name: "x",
      hosts: [{ id: "a" }],
      n: -150,
    });
  });

  it("names the line of a syntax error", () => {
    expect(errorLines(parseScenarioText('{\n  "name": "x",\n  "duration": }\n', "s.json", "json"))).toEqual([
      's.json: line 3: expected a value, got "}" (column 15)',
    ]);
    expect(errorLines(parseScenarioText('{\n  "name": "x"\n  "duration": "1d"\n}\n', "s.json", "json"))).toEqual([
      's.json: line 3: expected "," or "}" after a value, got "\\"" (column 3)',
    ]);
  });

  it("reports a trailing comma, an unterminated string and the end of the file", () => {
    expect(errorLines(parseScenarioText('{ "a": [1, 2,] }', "s.json", "json"))).toEqual(['s.json: line 1: expected a value, got "]" (column 14)']);
    expect(errorLines(parseScenarioText('{ "a": "x\n', "s.json", "json"))).toEqual([
      "s.json: line 1: line break or control character inside a string (column 10)",
    ]);
    expect(errorLines(parseScenarioText('{ "a": 1', "s.json", "json"))).toEqual([
      's.json: line 1: expected "," or "}" after a value, got the end of the file (column 9)',
    ]);
  });

  it("reports duplicate keys like YAML does", () => {
    expect(errorLines(parseScenarioText('{ "name": "x",\n "name": "y" }', "s.json", "json"))).toEqual([
      's.json: line 2: duplicate key "name" (column 2)',
    ]);
  });

  it("reports text after the value", () => {
    expect(errorLines(parseScenarioText("{}\n{}", "s.json", "json"))).toEqual([
      's.json: line 2: unexpected "{" after the end of the JSON value (column 1)',
    ]);
  });
});

describe("readScenarioFile(path)", () => {
  it("reads a file, YAML or JSON by extension", () => {
    const dir = mkdtempSync(join(tmpdir(), "kmsim-parse-"));
    writeFileSync(join(dir, "a.json"), '{ "duration": 90 }');
    writeFileSync(join(dir, "a.yaml"), "duration: 90\n");
    expect(dataOf(readScenarioFile(join(dir, "a.json")))).toEqual({ duration: 90 });
    expect(dataOf(readScenarioFile(join(dir, "a.yaml")))).toEqual({ duration: 90 });
  });

  it("reports a missing file as FILE: cannot read file (…), FILE as typed", () => {
    expect(errorLines(readScenarioFile("no/such/file.yaml"))).toEqual(["no/such/file.yaml: cannot read file (no such file)"]);
  });

  it("reports a directory", () => {
    expect(errorLines(readScenarioFile(tmpdir()))).toEqual([`${tmpdir()}: cannot read file (it is a directory)`]);
  });
});
