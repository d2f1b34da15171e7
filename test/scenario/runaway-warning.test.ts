// FORMAT.md "Limits": validate, run and compare warn when one run is estimated at more than 10^9
// events (kms/event-estimate.ts), with the estimate; the bundled scenarios stay far below.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatDiagnostic, loadScenario, loadScenarioFile, parseScenarioText } from "../../src/scenario/index.js";
import { SCENARIOS } from "../cli/helpers.js";

/** Issue 9's 7-line scenario: 10 000 clients toggling every minute for 100 years. */
const RUNAWAY = `name: runaway
duration: 100y
sites: [{ id: hq }]
hosts: [{ id: kms1, site: hq, os: Windows Server 2022, csvlk: Windows Server 2022 }]
clients:
  - { id: flappy, site: hq, count: 10000, edition: Windows 11 Enterprise,
      online: "intermittent(1m, 1m)" }
`;

function warningsOf(text: string): string[] {
  const parsed = parseScenarioText(text, "runaway.yaml", "yaml");
  if (!parsed.ok) throw new Error(parsed.errors.map(formatDiagnostic).join("\n"));
  return loadScenario(parsed.data, "runaway.yaml", "runaway").warnings.map(formatDiagnostic);
}

describe("the runaway-run warning", () => {
  it("the 7-line scenario (10 000 clients toggling every minute, 100 years) is valid and warns with its estimate", () => {
    expect(warningsOf(RUNAWAY)).toEqual([
      "runaway.yaml: warning: about 5.3·10^11 events and online periods per run (estimated from the scenario's rates; more than 10^9): at a few million a second, each run takes hours or days; a shorter duration, fewer clients or longer online spans make it shorter",
    ]);
  });

  it("a strategy is warned about only when its own estimate differs from the base's", () => {
    const text = `${RUNAWAY}strategies:\n  calm: { clients: [{ id: g, site: hq, count: 10, edition: Windows 11 Enterprise }] }\n  same: { hosts: [{ id: kms2, site: hq, os: Windows Server 2022, csvlk: Windows Server 2022 }] }\n`;
    const lines = warningsOf(text);
    expect(lines.filter((l) => l.includes("online periods per run"))).toHaveLength(1);
    expect(lines.some((l) => l.startsWith("runaway.yaml: strategies.calm"))).toBe(false);
  });

  it("no bundled scenario warns", () => {
    for (const file of readdirSync(SCENARIOS).filter((f) => f.endsWith(".yaml"))) {
      const r = loadScenarioFile(join(SCENARIOS, file));
      expect(r.ok, file).toBe(true);
      expect(r.warnings.map(formatDiagnostic).filter((l) => l.includes("online periods per run")), file).toEqual([]);
    }
  });
});
