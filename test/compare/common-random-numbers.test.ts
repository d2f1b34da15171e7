// Common random numbers (MODEL.md §R3; FORMAT.md "Comparison folder": replication r of every
// strategy uses the same seeds). Every draw comes from a stream named by purpose and entity, so
// (a) adding a host nobody uses, with its own random outage process, and (b) changing one host's
// outage parameters, leave every client's online draws — and so, when the clients do not depend
// on that host, their whole trajectory — exactly as they were, replication by replication.
// (a) goes through `kmsim compare --timelines` (worker threads: run `npm run build` after src
// changes) and through runReplication; (b) through runReplication.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main.js";
import { runReplication, type ReplicationResult } from "../../src/campaign/replication.js";
import { loadScenarioFile, type Scenario } from "../../src/scenario/index.js";

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "compare");
const UNUSED_HOST = join(FIXTURES, "crn-unused-host.yaml");
const OUTAGE_PARAMETERS = join(FIXTURES, "crn-outage-parameters.yaml");

/** timeline.csv's client state columns (FORMAT.md Run folder). */
const STATE_COLUMNS = ["oob_grace", "licensed", "oot_grace", "notification"];

/** summary.csv's client figures (FORMAT.md Run folder): everything but the host columns and labels. */
const CLIENT_FIGURES = [
  "clients",
  "licensed_end",
  "oob_grace_end",
  "oot_grace_end",
  "notification_end",
  "notification_client_days",
  "oot_client_days",
  "clients_lapsed",
  "never_activated",
  "first_activation_p50_h",
  "first_activation_p95_h",
  "requests",
  "failed_0xC004F038",
  "failed_0xC004F041",
  "failed_0xC004F042",
  "failed_0xC004F074",
];

function load(file: string): Scenario {
  const result = loadScenarioFile(file);
  if (!result.ok) throw new Error(`${file} is invalid: ${JSON.stringify(result.errors)}`);
  return result.scenario;
}

/** Replication r of a strategy of the scenario, in-process; `sampleMin` null = change-driven rows. */
function replicate(scenario: Scenario, strategy: string, replication: number, sampleMin: number | null): ReplicationResult {
  const found = scenario.strategies.find((s) => s.name === strategy);
  if (found === undefined) throw new Error(`no strategy ${strategy}`);
  return runReplication({
    world: found.world,
    scenario: scenario.name,
    strategy,
    seed: scenario.seed,
    replication,
    startEpochMs: scenario.startEpochMs,
    sampleMin,
    timeline: true,
  });
}

interface Table {
  readonly header: string[];
  readonly rows: string[][];
}

function parseCsv(csv: string): Table {
  const [head, ...body] = csv.trimEnd().split("\n");
  return { header: head.split(","), rows: body.map((l) => l.split(",")) };
}

/** The given columns of every row, as `minute:v1,v2,…` strings. */
function columns(table: Table, names: readonly string[]): string[] {
  const idx = names.map((n) => {
    const i = table.header.indexOf(n);
    if (i < 0) throw new Error(`no column ${n} in ${table.header.join(",")}`);
    return i;
  });
  const minute = table.header.indexOf("minute");
  return table.rows.map((r) => `${r[minute]}:${idx.map((i) => r[i]).join(",")}`);
}

/**
 * The minute-by-minute trajectory of some columns of a change-driven timeline: the rows where one
 * of them changes (a row holds until the next, FORMAT.md timeline.csv), so two timelines have the
 * same values at every minute iff these lists are equal, whatever other columns made rows.
 */
function changes(table: Table, names: readonly string[]): string[] {
  const out: string[] = [];
  let previous = "";
  for (const row of columns(table, names)) {
    const values = row.slice(row.indexOf(":") + 1);
    if (out.length === 0 || values !== previous) out.push(row);
    previous = values;
  }
  return out;
}

function pick(record: Readonly<Record<string, number | string>>, names: readonly string[]): Record<string, number | string> {
  return Object.fromEntries(names.map((n) => [n, record[n]]));
}

describe("§R3 (a): an extra host nobody uses (srv: false, no client pinned) with its own random outages changes no client", () => {
  const scenario = load(UNUSED_HOST);
  let root = "";
  let folder = "";
  let runs: Table;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "kmsim-crn-"));
    folder = join(root, "compare");
    const spies = [
      vi.spyOn(process.stdout, "write").mockImplementation(() => true),
      vi.spyOn(process.stderr, "write").mockImplementation(() => true),
    ];
    let code: number;
    try {
      code = await main(["compare", UNUSED_HOST, "--timelines", "--workers", "2", "--out", folder]);
    } finally {
      for (const s of spies) s.mockRestore();
    }
    expect(code).toBe(0);
    runs = parseCsv(readFileSync(join(folder, "runs.csv"), "utf8"));
  }, 30_000);
  afterAll(() => {
    if (root !== "") rmSync(root, { recursive: true, force: true });
  });

  const timeline = (strategy: string, r: number): Table => parseCsv(readFileSync(join(folder, `timeline-${strategy}-r${r}.csv`), "utf8"));
  const replications = [0, 1, 2];

  it.each(replications)("replication %i: the --timelines timelines (sample: 1h) have the same client state columns, row by row", (r) => {
    const asIs = timeline("as-is", r);
    const withSpare = timeline("with-spare", r);
    expect(withSpare.rows.length).toBe(asIs.rows.length);
    expect(columns(withSpare, ["time", ...STATE_COLUMNS])).toEqual(columns(asIs, ["time", ...STATE_COLUMNS]));
  });

  it.each(replications)("replication %i: the used hosts' up and count columns are unchanged too", (r) => {
    const names = ["kms1_up", "kms1_count", "kms2_up", "kms2_count"];
    expect(columns(timeline("with-spare", r), names)).toEqual(columns(timeline("as-is", r), names));
  });

  it("the test is not vacuous: the client states move, and the spare host really goes down (its own random process)", () => {
    const states = new Set(columns(timeline("as-is", 1), STATE_COLUMNS).map((row) => row.slice(row.indexOf(":") + 1)));
    expect(states.size).toBeGreaterThan(5);
    const spareUp = columns(timeline("with-spare", 0), ["spare_up"]).map((row) => row.slice(row.indexOf(":") + 1));
    expect(spareUp).toContain("0");
    expect(spareUp).toContain("1");
  });

  it("runs.csv: every replication has identical client figures in both strategies", () => {
    const h = runs.header;
    const figure = (row: string[]): string[] => CLIENT_FIGURES.map((c) => `${c}=${row[h.indexOf(c)]}`);
    for (const r of replications) {
      const asIs = runs.rows.find((row) => row[h.indexOf("strategy")] === "as-is" && row[h.indexOf("replication")] === String(r));
      const withSpare = runs.rows.find((row) => row[h.indexOf("strategy")] === "with-spare" && row[h.indexOf("replication")] === String(r));
      expect(asIs).toBeDefined();
      expect(withSpare).toBeDefined();
      expect(figure(withSpare ?? [])).toEqual(figure(asIs ?? []));
    }
  });

  it("runs.csv: the spare host has downtime in some replication, never a request; the other hosts' figures are unchanged", () => {
    const h = runs.header;
    const spare = runs.rows.filter((row) => row[h.indexOf("strategy")] === "with-spare");
    expect(spare.map((row) => row[h.indexOf("spare_requests")])).toEqual(["0", "0", "0"]);
    expect(spare.some((row) => Number(row[h.indexOf("spare_downtime_h")]) > 0)).toBe(true);
    const hostColumns = h.filter((c) => c.startsWith("kms1_") || c.startsWith("kms2_"));
    const asIs = runs.rows.filter((row) => row[h.indexOf("strategy")] === "as-is");
    expect(spare.map((row) => hostColumns.map((c) => row[h.indexOf(c)]))).toEqual(asIs.map((row) => hostColumns.map((c) => row[h.indexOf(c)])));
  });

  it.each(replications)("replication %i, minute by minute (change-driven timelines via runReplication): the client states are identical", (r) => {
    const asIs = replicate(scenario, "as-is", r, null);
    const withSpare = replicate(scenario, "with-spare", r, null);
    expect(changes(parseCsv(withSpare.timeline ?? ""), STATE_COLUMNS)).toEqual(changes(parseCsv(asIs.timeline ?? ""), STATE_COLUMNS));
    expect(pick(withSpare.summaryRecord, CLIENT_FIGURES)).toEqual(pick(asIs.summaryRecord, CLIENT_FIGURES));
  });
});

describe("§R3 (b): changing one host's outage parameters does not change any client's online draws", () => {
  const scenario = load(OUTAGE_PARAMETERS);
  const replications = [0, 1, 2];
  const results = new Map<string, ReplicationResult>();
  const result = (strategy: string, r: number): ReplicationResult => {
    const key = `${strategy}/${r}`;
    let found = results.get(key);
    if (found === undefined) {
      found = replicate(scenario, strategy, r, null);
      results.set(key, found);
    }
    return found;
  };

  it("the fixture's strategies differ only in flaky's outages", () => {
    const [short, long] = scenario.strategies;
    expect([short.name, long.name]).toEqual(["short-outages", "long-outages"]);
    const withoutFlakyOutages = (world: unknown): unknown =>
      JSON.parse(JSON.stringify(world), (key: string, value: unknown) =>
        key === "outages" && Array.isArray(value) && value.length > 0 ? "outages" : value,
      );
    expect(withoutFlakyOutages(long.world)).toEqual(withoutFlakyOutages(short.world));
    expect(JSON.stringify(long.world)).not.toBe(JSON.stringify(short.world));
  });

  it.each(replications)("replication %i: the clients (pinned to the always-up anchor) have identical figures and minute-by-minute states", (r) => {
    const short = result("short-outages", r);
    const long = result("long-outages", r);
    expect(pick(long.summaryRecord, CLIENT_FIGURES)).toEqual(pick(short.summaryRecord, CLIENT_FIGURES));
    const anchor = ["anchor_downtime_h", "anchor_low_count_h", "anchor_requests", "anchor_max_count"];
    expect(pick(long.summaryRecord, anchor)).toEqual(pick(short.summaryRecord, anchor));
    const tracked = [...STATE_COLUMNS, "anchor_count"];
    expect(changes(parseCsv(long.timeline ?? ""), tracked)).toEqual(changes(parseCsv(short.timeline ?? ""), tracked));
  });

  it.each(replications)("replication %i: flaky's own downtime and up/down trajectory do differ (its draws changed)", (r) => {
    const short = result("short-outages", r);
    const long = result("long-outages", r);
    expect(long.summaryRecord.flaky_downtime_h).not.toEqual(short.summaryRecord.flaky_downtime_h);
    expect(changes(parseCsv(long.timeline ?? ""), ["flaky_up"])).not.toEqual(changes(parseCsv(short.timeline ?? ""), ["flaky_up"]));
    expect(short.summaryRecord.flaky_requests).toBe(0);
    expect(long.summaryRecord.flaky_requests).toBe(0);
  });

  it("the test is not vacuous: the clients send requests and their states move", () => {
    const short = result("short-outages", 0);
    expect(Number(short.summaryRecord.requests)).toBeGreaterThan(30);
    expect(new Set(changes(parseCsv(short.timeline ?? ""), STATE_COLUMNS).map((row) => row.slice(row.indexOf(":") + 1))).size).toBeGreaterThan(3);
  });

  it("other replications draw other online patterns (the streams depend on (seed, r))", () => {
    const r0 = changes(parseCsv(result("short-outages", 0).timeline ?? ""), STATE_COLUMNS);
    const r1 = changes(parseCsv(result("short-outages", 1).timeline ?? ""), STATE_COLUMNS);
    expect(r1).not.toEqual(r0);
  });
});
