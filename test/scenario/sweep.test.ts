// FORMAT.md "Sweeps": the sweep block, its paths (a top-level key, then ids in lists of items with
// an id, otherwise 0-based indices, then keys), grid and zip orders, values set in every strategy,
// and errors at the value responsible, naming the point and the strategy.
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../src/scenario/index.js";
import { checkSweepPoints, loadScenarioAt } from "../../src/scenario/load-point.js";
import { setAtPath } from "../../src/scenario/sweep-path.js";
import { describePoint, parseSweep, pointCountOf, valueIndicesAt, type SweepSpec } from "../../src/scenario/sweep-spec.js";
import { base, errorsOf, load, withValue, type Json } from "./helpers.js";

const withSweep = (sweep: Json, data: Json = base()): Json => withValue(data, ["sweep"], sweep);

function spec(sweep: Json): SweepSpec {
  const r = parseSweep(sweep);
  if (r.spec === undefined) throw new Error(r.findings.map((f) => `${f.path}: ${f.message}`).join("\n"));
  return r.spec;
}

function at(data: Json, point: number) {
  const r = loadScenarioAt(data, "t.yaml", "t", point);
  if (!r.ok) throw new Error(r.errors.map(formatDiagnostic).join("\n"));
  return r.scenario;
}

function pointErrors(data: Json, point: number): string[] {
  const r = loadScenarioAt(data, "t.yaml", "t", point);
  return r.ok ? [] : r.errors.map((d) => formatDiagnostic(d).replace(/^t\.yaml: /, ""));
}

function allPointErrors(data: Json): string[] {
  return checkSweepPoints(data, "t.yaml", "t").errors.map((d) => formatDiagnostic(d).replace(/^t\.yaml: /, ""));
}

const twoParams = {
  parameters: {
    size: { path: "clients.desk.count", values: [10, 20, 30] },
    uptime: { path: "hosts.kms1.activationInterval", values: ["1h", "2h"] },
  },
};

describe("the sweep block", () => {
  it("a scenario with a sweep validates as written; the sweep is set aside (a one-point scenario without it)", () => {
    const r = load(withSweep(twoParams));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.sweep?.parameters.map((p) => p.name)).toEqual(["size", "uptime"]);
    expect(r.scenario.base.clients[0].count).toBe(30);
    expect(r.scenario.point).toBeNull();
  });

  it("grid points are numbered with the first parameter varying slowest", () => {
    const s = spec(twoParams);
    expect(pointCountOf(s)).toBe(6);
    expect([0, 1, 2, 3, 4, 5].map((p) => valueIndicesAt(s, p))).toEqual([[0, 0], [0, 1], [1, 0], [1, 1], [2, 0], [2, 1]]);
    expect(describePoint(s, 3)).toBe("size=20, uptime=2h");
  });

  it("zip takes equal-length lists together, and refuses lists of different lengths", () => {
    const s = spec({ mode: "zip", parameters: { a: { path: "duration", values: ["10d", "20d"] }, b: { path: "sample", values: ["1d", "2d"] } } });
    expect(pointCountOf(s)).toBe(2);
    expect(valueIndicesAt(s, 1)).toEqual([1, 1]);
    expect(errorsOf(withSweep({ mode: "zip", parameters: { a: { path: "duration", values: ["10d", "20d"] }, b: { path: "sample", values: ["1d"] } } }))).toEqual([
      "sweep.parameters: zip takes the lists together, so they must be of equal length: a has 2, b has 1",
    ]);
  });

  it("refuses paths under name, seed, replications, sweep and strategies", () => {
    for (const top of ["name", "seed", "replications", "sweep", "strategies.x"]) {
      const errors = errorsOf(withSweep({ parameters: { p: { path: top, values: [1] } } }));
      expect(errors).toEqual([
        `sweep.parameters.p.path: a sweep cannot change ${top.split(".")[0]}: name, seed, replications, sweep and strategies are fixed for the whole campaign (so that its runs pair up)`,
      ]);
    }
  });

  it("names a bad mode, bad parameter names, missing values and unknown keys", () => {
    expect(errorsOf(withSweep({ mode: "cartesian", parameters: { "a b": { path: "duration", value: [1] } } }))).toEqual([
      'sweep.mode: expected grid (every combination) or zip (lists taken together), got "cartesian"',
      'sweep.parameters["a b"]: parameter names are letters, digits, "_" and "-" ([A-Za-z0-9_-]+); it becomes the column p_a b',
      'sweep.parameters["a b"].value: unknown key "value" (did you mean "values"?)',
      "sweep.parameters[\"a b\"].values: expected a non-empty list of values, got nothing",
    ]);
  });
});

describe("sweep paths", () => {
  const doc = { hosts: [{ id: "a", outages: [{ start: 1 }] }, { id: "b" }], timers: { validity: "180d" }, list: [5, 6] };

  it("resolve ids in lists of items with an id, indices in other lists, keys in mappings", () => {
    const r = setAtPath(doc, ["hosts", "a", "outages", "0", "start"], 9);
    expect(r).toMatchObject({ ok: true, at: ["hosts", 0, "outages", 0, "start"] });
    if (r.ok) expect((r.value as { hosts: { outages: { start: number }[] }[] }).hosts[0].outages[0].start).toBe(9);
    expect(setAtPath(doc, ["list", "1"], 7)).toMatchObject({ ok: true, at: ["list", 1] });
  });

  it("copy only along the path: the original document and shared (aliased) mappings are unchanged", () => {
    const shared = { id: "a", site: "hq" };
    const d = { hosts: [shared], strategies: { s: { hosts: [shared] } } };
    const r = setAtPath(d, ["hosts", "a", "site"], "branch");
    expect(r.ok).toBe(true);
    expect(shared.site).toBe("hq");
    if (r.ok) expect((r.value as typeof d).strategies.s.hosts[0]).toBe(shared);
  });

  it("may set a new last key in a mapping but not walk through a missing one", () => {
    expect(setAtPath(doc, ["timers", "renewalJitter"], "1h")).toMatchObject({ ok: true });
    expect(setAtPath({}, ["timers", "validity"], "1d")).toEqual({ ok: false, message: 'the scenario has no "timers"' });
  });

  it("say why a path does not resolve: unknown id, index out of range, not an index, a scalar on the way", () => {
    expect(setAtPath(doc, ["hosts", "zzz", "site"], "x")).toEqual({ ok: false, message: 'hosts: no item has id "zzz" (ids: a, b)' });
    expect(setAtPath(doc, ["hosts", "aa", "site"], "x")).toEqual({ ok: false, message: 'hosts: no item has id "aa" (did you mean "a"?)' });
    expect(setAtPath(doc, ["list", "2"], 1)).toEqual({ ok: false, message: "list: index 2 is out of range: the list has 2 items (0 … 1)" });
    expect(setAtPath(doc, ["list", "first"], 1)).toEqual({ ok: false, message: 'list: expected a 0-based index into a list of 2, got "first"' });
    expect(setAtPath(doc, ["timers", "validity", "x"], 1)).toEqual({ ok: false, message: 'timers.validity is "180d", so it has no "x"' });
  });
});

describe("scenarios at a point", () => {
  it("carry each parameter's value of that point", () => {
    const s = at(withSweep(twoParams), 5);
    expect(s.point).toBe(5);
    expect(s.base.clients[0].count).toBe(30);
    expect(s.base.hosts[0].activationIntervalMin).toBe(120);
    expect(at(withSweep(twoParams), 2).base.clients[0].count).toBe(20);
  });

  it("set the value in every strategy: through the base, or in a strategy's own copy of the key", () => {
    const data = withValue(withSweep(twoParams), ["strategies"], {
      keep: {},
      own: { clients: [{ id: "desk", site: "branch", count: 1, edition: "Windows 11 Enterprise" }] },
    });
    const s = at(data, 4);
    expect(s.strategies.map((x) => [x.name, x.world.clients[0].count, x.world.clients[0].site])).toEqual([
      ["keep", 30, "hq"],
      ["own", 30, "branch"],
    ]);
  });

  it("a file without a sweep has the one point 0; other points are refused", () => {
    expect(at(base(), 0).point).toBe(0);
    expect(pointErrors(base(), 1)).toEqual(["sweep: there is no point 1: the file has one point, 0"]);
    expect(pointErrors(withSweep(twoParams), 6)).toEqual(["sweep: there is no point 6: its points are 0 … 5"]);
  });

  it("name the value, the point and the strategy when a value is invalid (a strategy that keeps the base's key shares its error)", () => {
    const own = [{ id: "laptops", site: "hq", count: 5, edition: "Windows 11 Enterprise" }, { id: "desk", site: "hq", count: 5, edition: "Windows 11 Enterprise" }];
    const data = withValue(withSweep({ parameters: { size: { path: "clients.desk.count", values: [10, -1] } } }), ["strategies"], { a: {}, b: { clients: own } });
    expect(pointErrors(data, 0)).toEqual([]);
    expect(pointErrors(data, 1)).toEqual([
      "sweep.parameters.size.values[1]: point 1 (size=-1): clients[0].count: expected an integer from 0 to 10000000, got -1",
      "sweep.parameters.size.values[1]: point 1 (size=-1), strategy b: clients[1].count: expected an integer from 0 to 10000000, got -1",
    ]);
  });

  it("name the strategy in which a path does not resolve", () => {
    const data = withValue(withSweep({ parameters: { w: { path: "hosts.kms1.srv.weight", values: [5] } } }), ["strategies"], {
      other: { hosts: [{ id: "kms2", site: "hq", os: "Windows Server 2022", csvlk: "Windows Server 2022" }] },
    });
    expect(pointErrors(data, 0)).toEqual([
      'sweep.parameters.w.path: point 0 (w=5), strategy other: hosts.kms1.srv.weight does not resolve: hosts: no item has id "kms1" (did you mean "kms2"?)',
    ]);
  });

  it("validating every point reports each distinct problem once, with how many other points share it", () => {
    const data = withSweep({
      parameters: { size: { path: "clients.desk.count", values: [10, -1] }, interval: { path: "hosts.kms1.activationInterval", values: ["1h", "2h", "3h"] } },
    });
    expect(allPointErrors(data)).toEqual([
      "sweep.parameters.size.values[1]: point 3 (size=-1, interval=1h): clients[0].count: expected an integer from 0 to 10000000, got -1 (and at 2 other points)",
    ]);
  });
});
