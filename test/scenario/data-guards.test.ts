// Guards against inputs no real scenario has (FORMAT.md "Commands": bad input is exit 2 with
// one-line errors, never a crash): runaway alias expansion, `__proto__` keys, years past 9999.
import { describe, expect, it } from "vitest";
import { MAX_VALUES, guardData } from "../../src/scenario/data-guards.js";
import { formatDiagnostic, loadScenario, parseScenarioText } from "../../src/scenario/index.js";

describe("data guards", () => {
  it("a small YAML file whose aliases expand past a million values is refused with one error", () => {
    // 100 aliases of a mapping that holds a 20 000-entry list: 2 000 000 values from ~1 KB of aliases.
    const text = `duration: 1d\nr: &r [${Array(20_000).fill("0").join(",")}]\ng: &g { id: g, retire: *r }\nclients: [${Array(100).fill("*g").join(",")}]\n`;
    const parsed = parseScenarioText(text, "bomb.yaml", "yaml");
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const r = loadScenario(parsed.data, "bomb.yaml", "bomb", { aliases: parsed.aliases });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map(formatDiagnostic)).toEqual([
      `bomb.yaml: the file expands to more than ${MAX_VALUES} values (its 101 YAML aliases repeat large parts of it)`,
    ]);
  });

  it("__proto__ keys are reported where they stand, anywhere in the file", () => {
    const data = JSON.parse('{"duration": "1d", "hosts": [{"__proto__": 1}]}') as unknown;
    expect(guardData(data, "f.json").map(formatDiagnostic)).toEqual(['f.json: hosts[0]: "__proto__" cannot be used as a key']);
  });

  it("a run that would end after 9999-12-31T23:59Z is refused (timeline times have four-digit years)", () => {
    const r = loadScenario({ start: "9999-12-31T23:00:00Z", duration: "2h" }, "y.yaml", "y");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map(formatDiagnostic)[0]).toMatch(/^y\.yaml: duration: the run must end by 9999-12-31T23:59:00Z/);
    expect(loadScenario({ start: "9999-12-31T23:00:00Z", duration: "59m" }, "y.yaml", "y").ok).toBe(true);
  });

  it("a line break inside quoted user text is shown escaped, so every diagnostic is one line", () => {
    const r = loadScenario({ duration: "1d", sites: [{ id: "hq" }], clients: [{ id: "g", site: "hq", count: 1, edition: "Windows\n11" }] }, "n.yaml", "n");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    for (const line of r.errors.map(formatDiagnostic)) expect(line).not.toMatch(/[\r\n]/);
  });
});
