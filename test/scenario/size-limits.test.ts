// FORMAT.md "Limits": a scenario (the base and each strategy) has at most 2 000 000 licensing
// clients, 10 000 client groups, 1 000 hosts, 10 000 sites and 10 000 links. What is within the
// limits validates; one more is an error at the list's key, found before anything else reads the
// data. (Scenarios at the limits are validated here, never run: docs/limits.md has the runs.)
import { describe, expect, it } from "vitest";
import { formatDiagnostic, loadScenario } from "../../src/scenario/index.js";
import { SIZE_LIMITS, sizeProblems } from "../../src/scenario/size-limits.js";
import { base, type Json } from "./helpers.js";

function load(data: Json): { ok: boolean; errors: string[] } {
  const r = loadScenario(data, "big.yaml", "big");
  return { ok: r.ok, errors: r.ok ? [] : r.errors.map(formatDiagnostic) };
}

function withClients(groups: Json[]): Json {
  return { ...base(), clients: groups };
}

const group = (id: string, count: number, office?: string): Json => ({
  id,
  site: "hq",
  count,
  edition: "Windows 11 Enterprise",
  ...(office === undefined ? {} : { office }),
});

describe("the licensing-client limit", () => {
  it("a scenario with exactly 2 000 000 licensing clients validates (machines, or machines and Office installs)", () => {
    expect(SIZE_LIMITS.licensingClients).toBe(2_000_000);
    expect(load(withClients([group("a", 1_500_000), group("b", 500_000)]))).toEqual({ ok: true, errors: [] });
    expect(load(withClients([group("a", 1_000_000, "Office LTSC 2021")]))).toEqual({ ok: true, errors: [] });
  });

  it("one more is an error at clients with the count found and the limit; Office installs count as clients", () => {
    expect(load(withClients([group("a", 1_500_000), group("b", 500_001)])).errors).toEqual([
      'big.yaml: clients: 2000001 licensing clients, more than the limit of 2000000 (FORMAT.md "Limits": memory grows with each client)',
    ]);
    expect(load(withClients([group("a", 1_000_000, "Office LTSC 2021"), group("b", 1)])).errors).toEqual([
      'big.yaml: clients: 2000001 licensing clients (1000001 machines and 1000000 Office installs), more than the limit of 2000000 (FORMAT.md "Limits": memory grows with each client)',
    ]);
  });

  it("100 groups of 10 000 000 (a 7.6 KB file that used to pass validate and exhaust memory in run) are refused at once, with no other error", () => {
    const groups = Array.from({ length: 100 }, (_, i) => group(`g${i}`, 10_000_000));
    expect(load(withClients(groups)).errors).toEqual([
      'big.yaml: clients: 1000000000 licensing clients, more than the limit of 2000000 (FORMAT.md "Limits": memory grows with each client)',
    ]);
  });

  it("a strategy over the limit is reported under its name, and only for the key it sets", () => {
    const data = { ...base(), strategies: { huge: { clients: [group("a", 3_000_000)] }, fine: { hosts: [] } } };
    expect(load(data).errors).toEqual([
      'big.yaml: strategies.huge.clients: 3000000 licensing clients, more than the limit of 2000000 (FORMAT.md "Limits": memory grows with each client)',
    ]);
  });
});

describe("the limits on client groups, hosts, sites and links", () => {
  const cases = [
    ["sites", SIZE_LIMITS.sites, "sites", (i: number): Json => ({ id: `s${i}` })],
    ["links", SIZE_LIMITS.links, "links", (i: number): Json => ({ id: `l${i}`, between: ["hq", "branch"] })],
    ["hosts", SIZE_LIMITS.hosts, "hosts", (i: number): Json => ({ id: `h${i}`, site: "hq", os: "Windows Server 2022", csvlk: "Windows Server 2022" })],
    ["clients", SIZE_LIMITS.clientGroups, "client groups", (i: number): Json => group(`g${i}`, 1)],
  ] as const;

  it.each(cases)("%s: the limit is allowed, one more is an error at the key naming both figures", (key, limit, noun, make) => {
    const at = Array.from({ length: limit }, (_, i) => make(i));
    expect(sizeProblems({ ...(base() as Record<string, unknown>), [key]: at })).toEqual([]);
    expect(sizeProblems({ ...(base() as Record<string, unknown>), [key]: [...at, make(limit)] })).toEqual([
      { path: key, message: `${limit + 1} ${noun}, more than the limit of ${limit} (FORMAT.md "Limits")`, severity: "error" },
    ]);
  });

  it("10 000 sites and 10 000 client groups validate (no limit is below what it promises)", () => {
    const sites: Json[] = Array.from({ length: SIZE_LIMITS.sites }, (_, i) => ({ id: `s${i}` }));
    const clients: Json[] = Array.from({ length: SIZE_LIMITS.clientGroups }, (_, i) => ({ ...(group(`g${i}`, 200) as object), site: `s${i}` }));
    const hosts: Json[] = [{ id: "kms1", site: "s0", os: "Windows Server 2022", csvlk: "Windows Server 2022", srv: false }];
    expect(load({ name: "big", duration: "1y", sites, hosts, clients: clients.map((c) => ({ ...(c as object), kms: { pinned: "kms1" } })) })).toEqual({ ok: true, errors: [] });
  }, 60_000);

  it("10^6 sites are refused by their count before the data is walked (not blamed on YAML aliases)", () => {
    const sites: Json[] = Array.from({ length: 1_000_000 }, (_, i) => ({ id: `s${i}` }));
    expect(load({ duration: "1d", sites }).errors).toEqual(['big.yaml: sites: 1000000 sites, more than the limit of 10000 (FORMAT.md "Limits")']);
  });
});
