// Bad inputs kmsim has never seen (FORMAT.md "Field rules", "Commands"): valid scenarios (the
// examples) mutated at random — keys deleted, renamed with typos or added, values replaced by
// values of another type, list entries duplicated, windows swapped, durations, distributions and
// ids made odd — must never crash the loader, the model or the CLI. Every error is one line
// `FILE: PATH: message` (no stack trace, no "undefined", "NaN" or "[object Object]" the input did
// not contain), and a scenario the loader accepts must simulate. A few hostile files (empty,
// `---` only, a top-level list, 2 MB of garbage, 1000 nested lists, an alias bomb) exit 2 quickly.
// "regressions found by fuzzing" keeps the smallest case of each bug the fuzzing found.
// FC_SEED=N FUZZ_SCALE=20 npx vitest run test/scenario/fuzz.test.ts hunts with more and other cases.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { parse, stringify } from "yaml";
import { LicenseState, Pool, ResultCode, simulate, worldSizeProblem, type FactSink, type World } from "../../src/kms/index.js";
import { formatDiagnostic, loadScenario, parseScenarioText, type Diagnostic, type LoadResult } from "../../src/scenario/index.js";
import { EXAMPLES, lines, runCli, stackLines, useTempRoot } from "../cli/helpers.js";

// ---------------------------------------------------------------------------------------------
// Plain data and paths

/** What YAML or JSON can produce (YAML adds .nan and .inf, which are numbers too). */
type Data = null | boolean | number | string | Data[] | { [key: string]: Data };
type Obj = { [key: string]: Data };
type Seg = string | number;

function isObj(v: Data | undefined): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A deep copy without shared nodes (YAML aliases resolve to one shared object); own `__proto__` keys stay own keys. */
function copy(v: Data): Data {
  if (Array.isArray(v)) return v.map(copy);
  if (isObj(v)) {
    const out: Obj = {};
    for (const [k, x] of Object.entries(v)) setKey(out, k, copy(x));
    return out;
  }
  return v;
}

/** obj[key] = value as an own data property, even for `__proto__` (as YAML and JSON.parse do). */
function setKey(obj: Obj, key: string, value: Data): void {
  Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
}

/** Every node of a document with its path, the root included. */
function nodes(root: Data): { path: Seg[]; value: Data }[] {
  const out: { path: Seg[]; value: Data }[] = [];
  const walk = (v: Data, path: Seg[]): void => {
    out.push({ path, value: v });
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (isObj(v)) for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(root, []);
  return out;
}

function parentOf(root: Data, path: readonly Seg[]): Data | undefined {
  let node: Data | undefined = root;
  for (const seg of path.slice(0, -1)) {
    if (Array.isArray(node) && typeof seg === "number") node = node[seg];
    else if (isObj(node) && typeof seg === "string") node = Object.hasOwn(node, seg) ? node[seg] : undefined;
    else return undefined;
  }
  return node;
}

/** The document with the node at `path` replaced (the root when the path is empty). */
function replaceAt(root: Data, path: readonly Seg[], value: Data): Data {
  if (path.length === 0) return value;
  const parent = parentOf(root, path);
  const last = path[path.length - 1];
  if (Array.isArray(parent) && typeof last === "number") parent[last] = value;
  else if (isObj(parent) && typeof last === "string") setKey(parent, last, value);
  return root;
}

function deleteAt(root: Data, path: readonly Seg[]): Data {
  if (path.length === 0) return null;
  const parent = parentOf(root, path);
  const last = path[path.length - 1];
  if (Array.isArray(parent) && typeof last === "number") parent.splice(last, 1);
  else if (isObj(parent) && typeof last === "string") delete parent[last];
  return root;
}

/** Renames a key in place, keeping the key order (a typo is where the key was). */
function renameAt(root: Data, path: readonly Seg[], to: string): Data {
  const parent = parentOf(root, path);
  const from = path[path.length - 1];
  if (!isObj(parent) || typeof from !== "string" || from === to) return root;
  const entries = Object.entries(parent);
  for (const [k] of entries) delete parent[k];
  for (const [k, v] of entries) {
    if (k === to) continue; // the renamed key replaces an existing one of that name
    setKey(parent, k === from ? to : k, v);
  }
  return root;
}

const lastKey = (path: readonly Seg[]): Seg | undefined => path[path.length - 1];
const keyOf = (path: readonly Seg[]): string | undefined => {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === "string") return path[i] as string;
  return undefined;
};

// ---------------------------------------------------------------------------------------------
// The valid starting points: the examples, parsed with the `yaml` package into plain objects

const EXAMPLE_FILES = readdirSync(EXAMPLES).filter((f) => f.endsWith(".yaml")).sort();
const SEEDS: readonly Data[] = EXAMPLE_FILES.map((f) => copy(parse(readFileSync(join(EXAMPLES, f), "utf8"), { merge: true }) as Data));

// ---------------------------------------------------------------------------------------------
// Odd values

const ODD_DURATIONS = [
  "1 d", "-5h", "1e3m", "7D", "", "∞", " ", "1.5.5h", "0x10", "1_000", "1,5h", "h", "5hh", "5 h m", "1y1d", "NaN",
  "Infinity", "-0", "0", "9999999999999999999999y", "1e309", "101y", "5s", "5ms", "12:00", "P1D", "1d ", " 1d", "٣d",
  "1.d", ".5h", "+5h", "1m\n", "\t3d",
] as const;

const MALFORMED_DISTRIBUTIONS = [
  "exp(", "lognormal(6h)", "uniform(4h, 1h)", "intermittent(exp(9h))", "exp()", "exp(0)", "exp(-1h)", "exp(1h",
  "exp(1h))", "exp(1h, 2h)", "EXP(1h)", "exp (1h)", "exp(exp(1h))", "lognormal(6h, -1)", "lognormal(6h, NaN)",
  "lognormal(6h, 1e400)", "lognormal(, 1)", "lognormal(6h, 1.0", "uniform(1h)", "uniform(0, 0)", "uniform(1h, 1h)",
  "uniform(-1h, 1h)", "intermittent(", "intermittent()", "intermittent(exp(9h), exp(15h), exp(1h))",
  "intermittent(intermittent(exp(1h), exp(1h)), exp(1h))", "intermittent(exp(9h), )", "normal(6h, 1h)", "()", ")(",
  "exp(∞)", "exp(1 d)", "uniform(1h,,4h)", "always(1h)", "office-hours(1)", "exp(1h)junk",
] as const;

const BAD_IDS: readonly Data[] = [
  7, 0, -1, 1.5, 1e21, Number.NaN, true, null, [], {}, "kms 1", " kms1", "kms1 ", "", "a/b", "ünïcode", "kms1_office",
  "x_dns", "constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "a\nb", "kms1\t", "x".repeat(1000),
  "007", "hq,branch", "{}", "*kms1",
];

/** Keys and words that exercise lookups by name (prototype keys among them). */
const ODD_KEYS = [
  "nmae", "Duration", "host", "clinets", "$schema", "strategies", "__proto__", "constructor", "toString", "hasOwnProperty",
  "id", "", " ", "duration ", "a\nb", "ids", "start", "end", "random", "kms", "0",
] as const;

const NUMBERS = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(-1, 0, -0, 0.5, 1e21, -1e21, 1e300, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, 1e-9, Number.NaN, Infinity, -Infinity),
);

const NUMBER_LIKE_STRINGS = fc.constantFrom(
  "NaN", "-NaN", "nan", ".nan", "Infinity", "-Infinity", "1e309", "-5", "0x10", "1_000", "007", "1e3", "-0", "0.0.0", "1,000",
  "undefined", "null", "true", "[object Object]", "9".repeat(400),
);

/** A random JSON-ish value, with every type represented. */
const anyValue: fc.Arbitrary<Data> = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "binary", maxLength: 8 }),
  NUMBER_LIKE_STRINGS,
  fc.constantFrom(...ODD_DURATIONS),
  fc.constantFrom(...MALFORMED_DISTRIBUTIONS),
  NUMBERS,
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.constant(null)), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom(...ODD_KEYS), fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.constant(null)), { maxKeys: 3 }),
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Data>,
);

function typeOf(v: Data | undefined): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "list";
  return typeof v;
}

// ---------------------------------------------------------------------------------------------
// Mutations

const DURATION_KEYS = new Set([
  "duration", "sample", "start", "end", "at", "over", "activationInterval", "renewalInterval", "validity", "oobGrace",
  "ootGrace", "renewalJitter", "keyExceptionDelay", "rebuilds", "upTime", "downTime",
]);
const DISTRIBUTION_KEYS = new Set(["upTime", "downTime", "online"]);
const ID_KEYS = new Set(["id", "site", "pinned", "between", "name"]);

type Mutation =
  | { kind: "delete"; pick: number }
  | { kind: "replace"; pick: number; value: Data }
  | { kind: "duplicate"; pick: number; from: number; to: number }
  | { kind: "typo"; pick: number; op: number; at: number }
  | { kind: "insertKey"; pick: number; key: string; value: Data }
  | { kind: "swapWindow"; pick: number; op: number }
  | { kind: "duration"; pick: number; value: Data }
  | { kind: "distribution"; pick: number; value: string }
  | { kind: "id"; pick: number; value: Data; op: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), pick: fc.nat() }),
  { arbitrary: fc.record({ kind: fc.constant("replace" as const), pick: fc.nat(), value: anyValue }), weight: 3 },
  fc.record({ kind: fc.constant("duplicate" as const), pick: fc.nat(), from: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant("typo" as const), pick: fc.nat(), op: fc.nat(), at: fc.nat() }),
  fc.record({ kind: fc.constant("insertKey" as const), pick: fc.nat(), key: fc.oneof(fc.constantFrom(...ODD_KEYS), fc.string({ maxLength: 8 })), value: anyValue }),
  fc.record({ kind: fc.constant("swapWindow" as const), pick: fc.nat(), op: fc.nat() }),
  { arbitrary: fc.record({ kind: fc.constant("duration" as const), pick: fc.nat(), value: fc.oneof(fc.constantFrom(...ODD_DURATIONS), NUMBERS) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant("distribution" as const), pick: fc.nat(), value: fc.constantFrom(...MALFORMED_DISTRIBUTIONS) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant("id" as const), pick: fc.nat(), value: fc.constantFrom(...BAD_IDS), op: fc.nat() }), weight: 2 },
);

function pickOf<T>(list: readonly T[], pick: number): T | undefined {
  return list.length === 0 ? undefined : list[pick % list.length];
}

/** A misspelling of a key: a letter dropped, doubled, swapped, changed, its case changed, or an `s` added. */
function typo(key: string, op: number, at: number): string {
  if (key.length === 0) return "x";
  const i = at % key.length;
  switch (op % 7) {
    case 0:
      return key.slice(0, i) + key.slice(i + 1);
    case 1:
      return key.slice(0, i) + key[i] + key.slice(i);
    case 2:
      return i + 1 < key.length ? key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2) : `${key}s`;
    case 3:
      return key.slice(0, i) + String.fromCharCode(((key.charCodeAt(i) - 97 + 1) % 26) + 97) + key.slice(i + 1);
    case 4:
      return key.toUpperCase() === key ? key.toLowerCase() : key[0].toUpperCase() + key.slice(1);
    case 5:
      return `${key}s`;
    default:
      return `${key.slice(0, i)} ${key.slice(i)}`;
  }
}

function applyMutation(root: Data, m: Mutation): Data {
  const all = nodes(root);
  const leaves = all.filter((n) => !Array.isArray(n.value) && !isObj(n.value));
  switch (m.kind) {
    case "delete": {
      const n = pickOf(all.filter((x) => x.path.length > 0), m.pick);
      return n === undefined ? root : deleteAt(root, n.path);
    }
    case "replace": {
      const n = pickOf(all, m.pick);
      if (n === undefined) return root;
      // A value of another type (same-typed values come from the other mutations).
      const value = typeOf(m.value) === typeOf(n.value) ? (typeof m.value === "string" ? 1 : JSON.stringify(m.value)) : m.value;
      return replaceAt(root, n.path, copy(value));
    }
    case "duplicate": {
      const n = pickOf(all.filter((x) => Array.isArray(x.value) && x.value.length > 0), m.pick);
      if (n === undefined || !Array.isArray(n.value)) return root;
      const entry = n.value[m.from % n.value.length];
      n.value.splice(m.to % (n.value.length + 1), 0, copy(entry));
      return root;
    }
    case "typo": {
      const n = pickOf(all.filter((x) => typeof lastKey(x.path) === "string"), m.pick);
      const key = n === undefined ? undefined : lastKey(n.path);
      return n === undefined || typeof key !== "string" ? root : renameAt(root, n.path, typo(key, m.op, m.at));
    }
    case "insertKey": {
      const n = pickOf(all.filter((x) => isObj(x.value)), m.pick);
      if (n === undefined || !isObj(n.value)) return root;
      setKey(n.value, m.key, copy(m.value));
      return root;
    }
    case "swapWindow": {
      const n = pickOf(all.filter((x) => isObj(x.value) && "start" in x.value && ("end" in x.value || "duration" in x.value)), m.pick);
      if (n === undefined || !isObj(n.value)) return root;
      const w = n.value;
      if (m.op % 3 === 0 && "end" in w) [w.start, w.end] = [w.end, w.start];
      else if (m.op % 3 === 1) w.end = w.start; // empty window
      else {
        // start and end both, or a duration of 0 / negative
        if ("duration" in w) w.duration = m.op % 2 === 0 ? 0 : "-1d";
        else setKey(w, "duration", "1d");
      }
      return root;
    }
    case "duration": {
      const n = pickOf(leaves.filter((x) => DURATION_KEYS.has(keyOf(x.path) ?? "")), m.pick);
      return n === undefined ? root : replaceAt(root, n.path, copy(m.value));
    }
    case "distribution": {
      const n = pickOf(leaves.filter((x) => DISTRIBUTION_KEYS.has(keyOf(x.path) ?? "") || DURATION_KEYS.has(keyOf(x.path) ?? "")), m.pick);
      return n === undefined ? root : replaceAt(root, n.path, m.value);
    }
    case "id": {
      // An id or a reference (a value), or a name used as a key: an SRV override's host, a strategy.
      const valueTargets = leaves.filter((x) => ID_KEYS.has(keyOf(x.path) ?? ""));
      const keyTargets = all.filter((x) => x.path.length >= 2 && (x.path[x.path.length - 2] === "srv" || x.path[0] === "strategies") && typeof lastKey(x.path) === "string");
      if (m.op % 3 === 2 && keyTargets.length > 0) {
        const n = pickOf(keyTargets, m.pick);
        return n === undefined ? root : renameAt(root, n.path, typeof m.value === "string" ? m.value : JSON.stringify(m.value));
      }
      const n = pickOf(valueTargets, m.pick);
      if (n === undefined) return root;
      if (m.op % 3 === 1) {
        // Another id of the document: a clash between lists, or a reference to the wrong kind.
        const other = pickOf(valueTargets, m.op);
        return other === undefined ? root : replaceAt(root, n.path, other.value);
      }
      return replaceAt(root, n.path, copy(m.value));
    }
  }
}

/**
 * Values the format allows (or nearly), by key: edge durations, tiny and huge distributions,
 * other catalogue names, every `online`, `cmid`, `kms` and `srv` form. Mutations with these keep a
 * scenario valid often enough for the model to be run on odd but accepted worlds.
 */
const PLAUSIBLE: Readonly<Record<string, readonly Data[]>> = {
  duration: ["1", 1, "1m", "1d", "30d", "100y", "1.5h", 0.6],
  sample: ["1", "1m", "7d", "100y"],
  start: ["2027-01-09T23:59:59Z", "2020-02-29", "2027-01-04T00:00:30Z", "1970-01-01T00:00:00Z", "2027-01-04T12:00:00+14:00", "9999-12-31T23:59:59Z"],
  seed: [0, 2 ** 31, Number.MAX_SAFE_INTEGER, 7],
  replications: [1, 10_000],
  activationInterval: ["15m", "30d", 15, "14.5m"],
  renewalInterval: ["15m", "30d"],
  validity: [1, "1m", "100y"],
  oobGrace: [0, "1m", "100y"],
  ootGrace: [0, "1m"],
  renewalJitter: [0, "7d", "100y"],
  keyExceptionDelay: [0, "1m", "100y"],
  start_: [0, "0", "29d", "100y"],
  end: [1, "1m", "100y", "31d"],
  at: [0, "1m", "29d", "100y"],
  over: [0, 1, "30d", "100y"],
  upTime: ["1", "exp(1m)", "uniform(1m, 2m)", "lognormal(1m, 5)", "exp(100y)", "lognormal(1h, 0)", "uniform(1h, 1h)"],
  downTime: ["1", "exp(1m)", "uniform(1m, 2m)", "lognormal(1m, 5)", "exp(100y)", "lognormal(1h, 0)", "100y"],
  count: [0, 1, 24, 25, 5, 10_000_000],
  priority: [0, 65_535],
  weight: [0, 65_535],
  srv: [false, {}, { priority: 65_535, weight: 65_535 }, { weight: 1 }],
  cmid: ["unique", "clone", "non-persistent"],
  online: ["always", "office-hours", "intermittent(exp(1h), exp(1m))", "intermittent(1, 1)", "intermittent(exp(100y), exp(100y))", "intermittent(lognormal(1h, 3), uniform(1m, 1d))"],
  kms: ["dns", { pinned: "kms1" }, { pinned: "primary" }, { pinned: "kms-branch" }],
  hostCaching: [false, true],
  failoverOnLowCount: [true, false],
  rejectedRequestsCounted: [true, false],
  restartKeepsTables: [false, true],
  rebuilds: [[0], [0, 0], ["1m", "100y"], []],
  retire: [[{ at: 0, count: 1 }], [{ at: "1d", count: 3 }, { at: "1d", count: 3 }], []],
  join: [{ at: 0, over: 1 }, { at: "100y" }, { over: "29d" }, {}],
  outages: [[{ start: 0, end: 1 }], [{ random: { upTime: "1", downTime: "1" } }], [{ start: 0, duration: "100y" }], []],
  dnsOutages: [[{ start: 0, end: "30d" }], [{ random: { upTime: "exp(1h)", downTime: "exp(1h)" } }]],
  offline: [[{ start: 0, end: "100y" }], [{ start: "1d", duration: 1 }, { start: "1d", duration: 1 }]],
  edition: ["Windows 10 Enterprise", "Windows 11 Enterprise", "Windows Server 2022 Standard", "Windows 7 Professional", "windows 11 enterprise"],
  office: ["Office LTSC 2021", "Office LTSC 2024", "Office 2019", "Office 2016", null],
  officeKeys: [["Office LTSC 2021", "Office LTSC 2024", "Office 2016"], []],
  os: ["Windows Server 2016", "Windows Server 2022", "Windows Server 2012 R2"],
  csvlk: ["Windows Server 2016", "Windows Server 2022", "Windows 10"],
  patchLevel: ["2000-01-01", "2099-12-31", "2021-06-08"],
  updates: [[], ["KB4478877"]],
};

/** A value the format allows (or nearly) at a key the scenario has, or an optional key deleted, or an entry duplicated under a fresh id. */
function applyPlausible(root: Data, m: { pick: number; choice: number; op: number }): Data {
  const all = nodes(root).filter((n) => n.path.length > 0);
  if (m.op % 5 === 0) {
    // A copy of a list entry with a fresh id: more hosts, links, sites, groups or windows.
    const n = pickOf(all.filter((x) => Array.isArray(x.value) && x.value.length > 0), m.pick);
    if (n === undefined || !Array.isArray(n.value)) return root;
    const entry = copy(n.value[m.choice % n.value.length]);
    if (isObj(entry) && typeof entry.id === "string") entry.id = `${entry.id}-${n.value.length}`;
    n.value.push(entry);
    return root;
  }
  if (m.op % 5 === 1) {
    const n = pickOf(all.filter((x) => typeof lastKey(x.path) === "string" && !["id", "site", "os", "csvlk", "edition", "count", "duration", "between", "random"].includes(String(lastKey(x.path)))), m.pick);
    return n === undefined ? root : deleteAt(root, n.path);
  }
  const targets = all.filter((x) => {
    const k = lastKey(x.path);
    return typeof k === "string" ? (k === "start" ? "start_" : k) in PLAUSIBLE : keyOf(x.path) === "rebuilds";
  });
  const n = pickOf(targets, m.pick);
  if (n === undefined) return root;
  const k = lastKey(n.path);
  const key = typeof k === "string" ? (k === "start" && n.path.length > 1 ? "start_" : k) : "at";
  const pool = PLAUSIBLE[key] ?? [];
  return pool.length === 0 ? root : replaceAt(root, n.path, copy(pool[m.choice % pool.length]));
}

/** Documents that the loader often accepts: one to three plausible changes, sometimes one odd one. */
const plausibleDocument: fc.Arbitrary<{ data: Data }> = fc
  .record({
    seed: fc.nat({ max: SEEDS.length - 1 }),
    changes: fc.array(fc.record({ pick: fc.nat(), choice: fc.nat(), op: fc.nat() }), { minLength: 1, maxLength: 3 }),
    odd: fc.option(mutation, { freq: 4 }),
  })
  .map(({ seed, changes, odd }) => {
    const data = changes.reduce(applyPlausible, copy(SEEDS[seed]));
    return { data: odd === null ? data : applyMutation(data, odd) };
  });

const mutatedDocument: fc.Arbitrary<{ data: Data; mutations: Mutation[] }> = fc
  .record({ seed: fc.nat({ max: SEEDS.length - 1 }), mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }) })
  .map(({ seed, mutations }) => ({ data: mutations.reduce(applyMutation, copy(SEEDS[seed])), mutations }));

// ---------------------------------------------------------------------------------------------
// The rules every diagnostic must follow

/** Whether `word` occurs in the input (a key, a string, or a number such as NaN printed). */
function mentions(data: unknown, word: string): boolean {
  if (typeof data === "string") return data.includes(word);
  if (typeof data === "number") return String(data).includes(word);
  if (Array.isArray(data)) return data.some((x) => mentions(x, word));
  if (typeof data === "object" && data !== null) return Object.entries(data).some(([k, v]) => k.includes(word) || mentions(v, word));
  return false;
}

/** What is wrong with one formatted diagnostic line, or null. */
function lineProblem(line: string, file: string, input: unknown): string | null {
  if (!line.startsWith(`${file}: `)) return `does not start with "${file}: "`;
  if (/[\r\n]/.test(line)) return "is not one line";
  for (const word of ["undefined", "[object Object]", "NaN"]) {
    if (line.includes(word) && !mentions(input, word)) return `says ${word}`;
  }
  if (line.slice(file.length + 2).trim() === "") return "is empty";
  return null;
}

/** The problems of a load result: shape and every diagnostic (errors and warnings). */
function resultProblems(r: LoadResult, file: string, input: unknown): string[] {
  const problems: string[] = [];
  if (!r.ok && r.errors.length === 0) problems.push("not ok, but no errors");
  const all: Diagnostic[] = [...(r.ok ? [] : r.errors), ...r.warnings];
  for (const d of all) {
    const line = formatDiagnostic(d);
    const p = lineProblem(line, file, input);
    if (p !== null) problems.push(`${JSON.stringify(line)} ${p}`);
  }
  if (!r.ok && r.errors.some((d) => d.severity !== "error")) problems.push("an error with severity warning");
  if (r.warnings.some((d) => d.severity !== "warning")) problems.push("a warning with severity error");
  return problems;
}

/** Loads data as `fuzz.yaml`; any throw is reported as a problem instead of escaping. */
function check(data: unknown): { result?: LoadResult; problems: string[] } {
  let result: LoadResult;
  try {
    result = loadScenario(data, "fuzz.yaml", "fuzz");
  } catch (e) {
    return { problems: [`loadScenario threw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`] };
  }
  return { result, problems: resultProblems(result, "fuzz.yaml", data) };
}

/** A readable dump of a fuzzed document for failure messages (NaN and ±Infinity shown as such). */
function show(data: unknown): string {
  return stringify(data, { lineWidth: 0 });
}

// ---------------------------------------------------------------------------------------------
// Running what the loader accepts

class NullSink implements FactSink {
  joined(_at: number, _client: number): void {}
  retired(_at: number, _client: number, _from: LicenseState): void {}
  lapsed(_at: number, _client: number): void {}
  stateChanged(_at: number, _client: number, _from: LicenseState, _to: LicenseState): void {}
  request(_at: number, _client: number, _cmid: number, _host: number, _pool: Pool, _result: ResultCode, _count: number): void {}
  attemptEnded(_at: number, _client: number, _result: ResultCode): void {}
  unreachableEnded(_at: number, _client: number, _onlineMin: number): void {}
  hostCount(_at: number, _host: number, _pool: Pool, _count: number): void {}
  hostUp(_at: number, _host: number, _up: boolean): void {}
  hostRebuilt(_at: number, _host: number): void {}
  linkUp(_at: number, _link: number, _up: boolean): void {}
  dnsUp(_at: number, _site: number, _up: boolean): void {}
}

/** FUZZ_SCALE=20 multiplies every numRuns, to hunt beyond CI's budget (with FC_SEED for other seeds). */
const SCALE = Math.max(1, Number(process.env.FUZZ_SCALE) || 1);
const runs = (n: number): number => Math.round(n * SCALE);
/** Property tests run a few seconds at scale 1; more when scaled. */
const TIMEOUT = 20_000 * SCALE;

const MAX_SIM_MIN = 30 * 1440;
/** Groups are capped too: a mutation may validly ask for 10 000 000 clients. */
const MAX_GROUP = 200;

/** The world, shortened to at most 30 days and small groups (retirements kept while they fit). */
function capped(world: World): World {
  return {
    ...world,
    durationMin: Math.min(world.durationMin, MAX_SIM_MIN),
    clients: world.clients.map((g) => {
      if (g.count <= MAX_GROUP) return g;
      let left = MAX_GROUP;
      const retire = g.retire.filter((r) => (r.count <= left ? ((left -= r.count), true) : false));
      return { ...g, count: MAX_GROUP, retire };
    }),
  };
}

// ---------------------------------------------------------------------------------------------

describe("fuzz: mutated example scenarios", () => {
  it("the examples are valid to start with", () => {
    expect(SEEDS.length).toBeGreaterThanOrEqual(5);
    for (const seed of SEEDS) expect(check(seed).result?.ok).toBe(true);
  });

  it("loadScenario never throws; every error and warning is one `fuzz.yaml: …` line", () => {
    let rejected = 0;
    fc.assert(
      fc.property(mutatedDocument, ({ data }) => {
        const { result, problems } = check(data);
        if (result !== undefined && !result.ok) rejected++;
        if (problems.length > 0) throw new Error(`${problems.join("\n")}\n--- input:\n${show(data)}`);
      }),
      { numRuns: runs(400) },
    );
    // The mutations are meant to break things: most documents must be rejected.
    expect(rejected).toBeGreaterThan(runs(200));
  }, TIMEOUT);

  it("a mutated scenario the loader accepts simulates without throwing (30 days at most)", () => {
    let simulated = 0;
    fc.assert(
      fc.property(plausibleDocument, ({ data }) => {
        const { result, problems } = check(data);
        if (problems.length > 0) throw new Error(`${problems.join("\n")}\n--- input:\n${show(data)}`);
        if (result === undefined || !result.ok) return;
        for (const world of [result.scenario.base, ...result.scenario.strategies.map((s) => s.world)]) {
          const small = capped(world);
          if (worldSizeProblem(small) !== null) continue;
          try {
            simulate(small, { seed: result.scenario.seed, replication: 0 }, new NullSink());
          } catch (e) {
            throw new Error(`simulate threw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n--- input:\n${show(data)}`);
          }
          simulated++;
        }
      }),
      { numRuns: runs(150) },
    );
    expect(simulated).toBeGreaterThan(10);
  }, TIMEOUT);

  it("mutated YAML and JSON text (lines dropped or doubled, characters inserted, cut short) parses and loads without throwing", () => {
    const textMutation = fc.record({ op: fc.nat({ max: 4 }), at: fc.nat(), ch: fc.constantFrom(":", "-", " ", "\t", "&", "*", "[", "{", '"', "'", "#", "|", ">", "!", "%", "@", "`", "\\", "\n", ",", "}", "]", "?", "\u0000", "\uFEFF") });
    fc.assert(
      fc.property(fc.nat({ max: SEEDS.length - 1 }), fc.boolean(), fc.array(textMutation, { minLength: 1, maxLength: 3 }), (seed, json, edits) => {
        let text = json ? JSON.stringify(SEEDS[seed], null, 2) : stringify(SEEDS[seed]);
        for (const e of edits) {
          const ls = text.split("\n");
          const i = e.at % ls.length;
          if (e.op === 0) ls.splice(i, 1);
          else if (e.op === 1) ls.splice(i, 0, ls[i]); // a doubled line: a duplicate key or list entry
          else if (e.op === 2) ls[i] = ls[i].slice(0, e.at % (ls[i].length + 1)) + e.ch + ls[i].slice(e.at % (ls[i].length + 1));
          else if (e.op === 3) ls[i] = ` ${ls[i]}`; // indentation off by one
          text = e.op === 4 ? text.slice(0, e.at % (text.length + 1)) : ls.join("\n");
        }
        let parsed: ReturnType<typeof parseScenarioText>;
        try {
          parsed = parseScenarioText(text, "fuzz.yaml", json ? "json" : "yaml");
        } catch (e) {
          throw new Error(`parseScenarioText threw: ${String(e)}\n--- text:\n${text}`);
        }
        if (!parsed.ok) {
          expect(parsed.errors.length).toBeGreaterThan(0);
          const problems = parsed.errors.flatMap((d) => {
            const p = lineProblem(formatDiagnostic(d), "fuzz.yaml", text);
            return p === null ? [] : [`${JSON.stringify(formatDiagnostic(d))} ${p}`];
          });
          if (problems.length > 0) throw new Error(`${problems.join("\n")}\n--- text:\n${text}`);
          return;
        }
        const { problems } = check(parsed.data);
        if (problems.length > 0) throw new Error(`${problems.join("\n")}\n--- text:\n${text}`);
      }),
      { numRuns: runs(200) },
    );
  }, TIMEOUT);
});

// ---------------------------------------------------------------------------------------------
// Through the CLI, in-process

const tempRoot = useTempRoot("fuzz");
let fileCounter = 0;

/** Writes text to a fresh temp file and returns its path. */
function tempFile(text: string | Buffer, ext = ".yaml"): string {
  const path = join(tempRoot(), `fuzz${fileCounter++}${ext}`);
  writeFileSync(path, text);
  return path;
}

/** `kmsim validate FILE`: the exit code, and what is wrong with stderr (empty when nothing). */
async function validate(path: string, data?: Data): Promise<{ code: number; problems: string[]; stderr: string; stdout: string }> {
  const { code, stdout, stderr } = await runCli(["validate", path]);
  const problems: string[] = [];
  if (code !== 0 && code !== 2) problems.push(`exit code ${code}`);
  if (stackLines(stderr).length > 0) problems.push("a stack trace on stderr");
  if (stderr.includes("internal error")) problems.push("an internal error");
  const text = readFileSync(path, "utf8");
  for (const line of lines(stderr)) {
    const p = lineProblem(line, path, [text, data ?? null]);
    if (p !== null) problems.push(`${JSON.stringify(line.slice(0, 300))} ${p}`);
  }
  if (code === 2 && lines(stderr).length === 0) problems.push("exit 2 without an error");
  return { code, problems, stderr, stdout };
}

describe("fuzz: kmsim validate", () => {
  it("exits 0 or 2 on mutated scenario files, with one-line errors and the same verdict as loadScenario", async () => {
    await fc.assert(
      fc.asyncProperty(mutatedDocument, async ({ data }) => {
        const text = stringify(data);
        const path = tempFile(text);
        const { code, problems, stderr } = await validate(path, data);
        if (problems.length > 0) throw new Error(`${problems.join("\n")}\n--- stderr:\n${stderr}--- input:\n${text}`);
        // The file as read back (YAML may not round-trip every value) decides the verdict.
        const parsed = parseScenarioText(text, path, "yaml");
        const expected = parsed.ok && loadScenario(parsed.data, path, `fuzz${fileCounter - 1}`).ok ? 0 : 2;
        expect(code).toBe(expected);
      }),
      { numRuns: runs(40) },
    );
  }, TIMEOUT);

  const hostile: [string, () => string | Buffer, string?][] = [
    ["an empty file", () => ""],
    ["a file with only ---", () => "---\n"],
    ["a YAML list at top level", () => "- id: hq\n- id: branch\n"],
    ["2 MB of garbage", () => garbage(2 * 1024 * 1024)],
    ["1000 nested lists", () => `${"[".repeat(1000)}${"]".repeat(1000)}\n`],
    ["1000 nested lists under a key", () => `duration: 1d\nhosts: ${"[".repeat(1000)}${"]".repeat(1000)}\n`],
    ["1000 nested block lists", () => Array.from({ length: 1000 }, (_, i) => `${"  ".repeat(i)}-`).join("\n") + " x\n"],
    ["a YAML alias bomb (billion laughs)", () => aliasBomb()],
    ["an alias bomb under a key the loader reads", () => `duration: 1d\n${aliasBomb().replace(/^i:/m, "hosts:")}`],
    ["an empty JSON file", () => "", ".json"],
    ["2 MB of garbage as JSON", () => garbage(2 * 1024 * 1024), ".json"],
    ["1000 nested JSON lists", () => `${"[".repeat(1000)}${"]".repeat(1000)}`, ".json"],
  ];

  it.each(hostile)("%s: exit 2 quickly, one-line errors", async (_name, make, ext = ".yaml") => {
    const path = tempFile(make(), ext);
    const { code, problems, stderr } = await validate(path);
    expect(problems, stderr.slice(0, 2000)).toEqual([]);
    expect(code).toBe(2);
  });
});

// ---------------------------------------------------------------------------------------------
// Bugs the fuzzing found, each kept as its smallest case (regression tests; all fixed).

describe("regressions found by fuzzing (FORMAT.md Commands: one-line errors, exit 2)", () => {
  /** The error lines of loading `data` that are not one line. */
  const multiLine = (data: unknown): string[] => {
    const r = loadScenario(data, "fuzz.yaml", "fuzz");
    return [...(r.ok ? [] : r.errors), ...r.warnings].map(formatDiagnostic).filter((l) => /[\r\n]/.test(l));
  };
  const small = (): Obj => ({
    duration: "1d",
    sites: [{ id: "hq" }],
    hosts: [{ id: "kms1", site: "hq", os: "Windows Server 2022", csvlk: "Windows Server 2022" }],
    clients: [{ id: "desk", site: "hq", count: 1, edition: "Windows 11 Enterprise" }],
  });
  const at = (path: Seg[], value: Data): Data => replaceAt(copy(small()), path, value);

  // Ids and references are quoted with JSON.stringify (`got "a\nb"`); these messages quote the
  // user's text raw, so a line break in it (a YAML block scalar `edition: |`, or "\n" in quotes)
  // splits the error over two lines.
  const rawQuoted: [string, Data][] = [
    ["an SRV override key (unknown host)", at(["sites", 0, "srv"], { "kms1\n": { priority: 1 } })],
    ["an unknown edition", at(["clients", 0, "edition"], "Windows 11\nEnterprize")],
    ["an unknown host OS", at(["hosts", 0, "os"], "Windows Server\n2099")],
    ["an unknown CSVLK group", at(["hosts", 0, "csvlk"], "Windows Server\n2099")],
    ["an unknown Office version", at(["clients", 0, "office"], "Office\n2099")],
    ["an unknown update", at(["hosts", 0, "updates"], ["KB\n1"])],
  ];
  for (const [name, data] of rawQuoted) {
    it(`a line break in ${name} gives a one-line error`, () => {
      expect(multiLine(data)).toEqual([]);
    });
  }

  // zod drops an own `__proto__` key of a record, so an SRV override keyed `__proto__` is never
  // checked: an unknown host is accepted (and a host really named `__proto__` loses its override).
  it("an SRV override keyed __proto__ (no such host) is an error, like any unknown host", () => {
    const parsed = parseScenarioText(
      "duration: 1d\nsites: [ { id: hq, srv: { __proto__: { priority: 1 } } } ]\nhosts: [ { id: kms1, site: hq, os: Windows Server 2022, csvlk: Windows Server 2022 } ]\n",
      "fuzz.yaml",
      "yaml",
    );
    if (!parsed.ok) throw new Error(parsed.errors.map(formatDiagnostic).join("\n"));
    const r = loadScenario(parsed.data, "fuzz.yaml", "fuzz");
    expect(r.ok ? [] : r.errors.map(formatDiagnostic)).toEqual(['fuzz.yaml: sites[0].srv: "__proto__" cannot be used as a key']);
  });

  // load.ts `findings.push(...crossCheck(partial), …)` spreads every finding into one call: past
  // ~120 000 findings that overflows the stack and loadScenario throws (run, compare and validate
  // then exit 1 with "internal error"). A 1.2 MB file of `{id: a}` sites is enough.
  it("150 000 duplicate site ids: loadScenario returns the errors instead of throwing", () => {
    const data = { duration: "1d", sites: Array.from({ length: 150_000 }, () => ({ id: "a" })) };
    expect(() => loadScenario(data, "fuzz.yaml", "fuzz")).not.toThrow();
  });

  // validate.ts `errors.push(...result.errors.map(formatDiagnostic))`: the same overflow, from a
  // 300 KB file `hosts: [1, 1, …]` with 150 000 entries (YAML or, here for speed, JSON).
  it("kmsim validate on a file with 150 000 errors exits 2, not 1 (internal error)", async () => {
    const path = tempFile(`{"duration": "1d", "hosts": [${Array(150_000).fill("1").join(",")}]}`, ".json");
    const { code, stderr } = await runCli(["validate", path]);
    expect(stderr).not.toContain("internal error");
    expect(code).toBe(2);
  }, 30_000);

  // parse-file.ts `unresolvedAliases` calls node.resolve(doc) for every alias, and each call walks
  // the whole document: quadratic, and before toJS's maxAliasCount guard. 4 000 aliases (12 KB)
  // take over a second, 5 000 about 2 s, 20 000 (60 KB) about a minute; linear would be ~20 ms.
  // (Quadratic, 9 000 aliases took over 10 s: the test's time-out, not a timed assertion, catches it.)
  it("a 27 KB file with 9 000 aliases of a scalar parses (aliases are checked in one pass)", () => {
    const text = `duration: 1d\nz: &z 1\nhosts: [${Array(9_000).fill("*z").join(",")}]\n`;
    expect(parseScenarioText(text, "fuzz.yaml", "yaml").ok).toBe(true);
  }, 8_000);

  // A collection used as a mapping key (`- { id: hq }: x`, an easy slip in a flow list) makes the
  // yaml package call process.emitWarning, so stderr gets two lines that are not `FILE: …`
  // ("(node:PID) Warning: Keys with collection values will be stringified …" and "(Use `node
  // --trace-warnings …`)"). The error itself is reported properly.
  it("a collection used as a mapping key: errors only, no Node warning on stderr", async () => {
    const path = tempFile("duration: 1d\nsites:\n  - { id: hq }: x\n");
    const warn = vi.spyOn(process, "emitWarning").mockImplementation(() => {});
    try {
      const { code, problems } = await validate(path);
      expect(problems).toEqual([]);
      expect(code).toBe(2);
      expect(warn.mock.calls.map((c) => String(c[0]).slice(0, 60))).toEqual([]);
    } finally {
      warn.mockRestore();
    }
  });
});

/** Deterministic printable garbage with YAML's special characters and line breaks. */
function garbage(size: number): string {
  const chars = "abc XYZ 019 :-?[]{},&*!|>'\"%@`#\t\n\n";
  let x = 12345;
  let out = "";
  while (out.length < size) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out += chars[x % chars.length];
  }
  return out;
}

/** The billion-laughs pattern: nine levels of nine aliases each to the level below. */
function aliasBomb(): string {
  const out = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  const names = "abcdefghi";
  for (let i = 1; i < names.length; i++) {
    const prev = names[i - 1];
    out.push(`${names[i]}: &${names[i]} [${Array.from({ length: 9 }, () => `*${prev}`).join(",")}]`);
  }
  return `${out.join("\n")}\n`;
}
