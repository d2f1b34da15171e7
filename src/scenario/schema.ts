// The zod schemas of the scenario format (FORMAT.md "Scenario file", "Field rules"): every key, its
// type, its range and its per-field rules. Field values come out already parsed — durations in
// minutes, distributions, canonical catalogue names, `online`/`kms`/`srv` as the World's types.
// Rules that relate several fields or entries (references, unique ids, csvlk on os, retire totals)
// are in resolve.ts; the values themselves are parsed by values.ts.
import { z } from "zod";
import { describeValue, formatDuration, parseDistribution, type ParseResult } from "../engine/duration.js";
import type { Distribution } from "../engine/distribution.js";
import {
  CSVLK_GROUPS,
  HOST_OSES,
  OFFICE_VERSIONS,
  resolveCsvlk,
  resolveEdition,
  resolveOffice,
  resolveUpdate,
  UPDATE_KBS,
} from "../kms/catalog/index.js";
import type { KmsConfig, Outage, SrvRecord } from "../kms/world.js";
import { didYouMean, unknownKeyMessage } from "./suggest.js";
import {
  CMID_MODES,
  DURATION_STRING_PATTERN,
  ID_PATTERN,
  INTERVAL,
  isRecord,
  lookupParser,
  MAX_COUNT,
  MAX_REPLICATIONS,
  MAX_SRV_VALUE,
  NON_NEGATIVE,
  parseBoolean,
  parseCmid,
  parseDurationIn,
  parseHostOs,
  parseId,
  parseInteger,
  parseOnline,
  parsePatchDate,
  parseStart,
  parseText,
  POSITIVE,
  rangeDescription,
  RUN_LENGTH,
  STRATEGY_FORBIDDEN_KEYS,
  type DurationRange,
} from "./values.js";

const DURATION_EXAMPLES = "such as 90, 30m, 12h, 7d, 2w or 1y";

// ---------------------------------------------------------------------------------------------
// Zod building blocks

function required(what: string): string {
  return `required (${what})`;
}

type JsonMeta = { description: string; pattern?: string; examples?: readonly unknown[]; enum?: readonly string[] };

/**
 * A field parsed by a ParseResult function: `base` is the JSON type it accepts (for the JSON
 * Schema and a first type filter); every message, wrong types included, comes from `parse`.
 */
function leaf<T>(
  base: "string" | "number" | "string|number" | "boolean",
  what: string,
  parse: (input: unknown) => ParseResult<T>,
  meta: JsonMeta,
) {
  const error = (iss: { input?: unknown }): string => {
    if (iss.input === undefined) return required(what);
    const r = parse(iss.input);
    return r.ok ? `expected ${what}, got ${describeValue(iss.input)}` : r.message;
  };
  const typed =
    base === "string"
      ? z.string({ error })
      : base === "number"
        ? z.number({ error })
        : base === "boolean"
          ? z.boolean({ error })
          : z.union([z.string(), z.number()], { error });
  return typed
    .transform((value: unknown, ctx): T => {
      const r = parse(value);
      if (r.ok) return r.value;
      ctx.addIssue({ code: "custom", message: r.message, input: value });
      return z.NEVER;
    })
    .meta({ ...meta });
}

/** A strict mapping: unknown keys are errors with a "did you mean" hint (one message line per key). */
function strict<S extends z.ZodRawShape>(shape: S, what: string) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (iss) => {
      if (iss.code === "unrecognized_keys") return iss.keys.map((k) => unknownKeyMessage(k, known)).join("\n");
      if (iss.input === undefined) return required(what);
      return `expected ${what}, got ${describeValue(iss.input)}`;
    },
  });
}

/** A list of `item`s. */
function list<T extends z.ZodType>(item: T, what: string) {
  return z.array(item, {
    error: (iss) => {
      if (iss.input === undefined) return required(what);
      const hint = iss.input === null ? " (write [] for an empty list)" : "";
      return `expected ${what}, got ${describeValue(iss.input)}${hint}`;
    },
  });
}

/** JSON views of dispatching schemas, used by jsonSchema(). */
const jsonViews = new Map<object, z.ZodType>();

/**
 * A field whose shape depends on its value (a window or a random outage, `dns` or `{ pinned }`,
 * `false` or `{ priority, weight }`): `pick` chooses the schema to parse with, or returns a message.
 * Issues of the chosen schema are reported at their own paths. `view` describes it for JSON Schema.
 */
function dispatch<T>(pick: (input: unknown) => z.ZodType<T> | string, view: z.ZodType) {
  const schema = z.unknown().transform((value, ctx): T => {
    const chosen = pick(value);
    if (typeof chosen === "string") {
      ctx.addIssue({ code: "custom", message: chosen, input: value });
      return z.NEVER;
    }
    const r = chosen.safeParse(value);
    if (r.success) return r.data;
    for (const issue of flattenIssues(r.error.issues)) {
      ctx.addIssue({ code: "custom", message: issue.message, path: [...issue.path], input: value });
    }
    return z.NEVER;
  });
  jsonViews.set(schema, view);
  return schema;
}

/** A zod issue reduced to a path and a message; unknown keys become one issue per key. */
export interface FlatIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** Flattens zod issues to one (path, message) per problem: an unrecognized_keys issue gives one per key. */
export function flattenIssues(issues: readonly z.core.$ZodIssue[]): FlatIssue[] {
  const out: FlatIssue[] = [];
  for (const issue of issues) {
    const path = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
    if (issue.code === "unrecognized_keys") {
      const lines = issue.message.split("\n");
      issue.keys.forEach((key, i) => out.push({ path: [...path, key], message: lines[i] ?? `unknown key "${key}"` }));
    } else {
      out.push({ path, message: issue.message });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Leaf schemas

const durationMeta = (description: string): JsonMeta => ({
  description: `${description}. A duration: minutes (90) or a number with a unit m, h, d, w or y (30m, 1.5h, 7d, 2w, 1y = 365d)`,
  pattern: DURATION_STRING_PATTERN,
});

function durationField(range: DurationRange, description: string) {
  return leaf("string|number", `a duration ${DURATION_EXAMPLES}`, (v) => parseDurationIn(v, range), durationMeta(`${description}; ${rangeDescription(range)}`));
}

const distributionField = (description: string) =>
  leaf<Distribution>("string|number", "a distribution such as exp(60d), lognormal(6h, 1.0), uniform(1h, 4h) or 2h", parseDistribution, {
    description: `${description}. A distribution: a duration (fixed), exp(MEAN), lognormal(MEDIAN, SIGMA) or uniform(MIN, MAX)`,
    pattern: "^\\s*((exp|lognormal|uniform)\\s*\\(.*\\)|\\d+(\\.\\d+)?[mhdwy]?)\\s*$",
  });

const idField = (what: string, column = false) =>
  leaf("string", `an id such as "hq"`, (v) => parseId(v, column), {
    description: `${what}: letters, digits, "_" and "-"${column ? '; must not end in "_office" or "_dns"' : ""}`,
    pattern: column ? "^(?!.*_(office|dns)$)[A-Za-z0-9_-]+$" : "^[A-Za-z0-9_-]+$",
  });

const refField = (what: string) =>
  leaf("string", `the id of a ${what}`, (v) => parseId(v), { description: `the id of a ${what}`, pattern: "^[A-Za-z0-9_-]+$" });

const intField = (min: number, max: number, description: string) =>
  leaf("number", max >= Number.MAX_SAFE_INTEGER ? `an integer ≥ ${min}` : `an integer from ${min} to ${max}`, (v) => parseInteger(v, min, max), {
    description,
  });

const boolField = (description: string) => leaf("boolean", "true or false", parseBoolean, { description });

const nonNegative = (d: string) => durationField(NON_NEGATIVE, d);
const positive = (d: string) => durationField(POSITIVE, d);
const interval = (d: string) => durationField(INTERVAL, d);
const srvValue = (d: string) => intField(0, MAX_SRV_VALUE, `${d}, an integer 0 … 65535`);

// ---------------------------------------------------------------------------------------------
// Object schemas

/** A window `{ start, end }` or `{ start, duration }`, minutes [start, end) from t = 0. */
export const WindowSchema = strict(
  {
    start: nonNegative("first minute of the window"),
    end: nonNegative("end of the window (exclusive); give end or duration").optional(),
    duration: positive("length of the window; give end or duration").optional(),
  },
  "a window such as { start: 10d, end: 12d } or { start: 10d, duration: 2d }",
).transform((w, ctx): { start: number; end: number } => {
  if (w.end !== undefined && w.duration !== undefined) {
    ctx.addIssue({ code: "custom", message: "a window has end or duration, not both", input: w });
    return z.NEVER;
  }
  if (w.end === undefined && w.duration === undefined) {
    ctx.addIssue({ code: "custom", message: "a window needs end or duration besides start", input: w });
    return z.NEVER;
  }
  if (w.end !== undefined) {
    if (w.end <= w.start) {
      const relation = w.end < w.start ? "is before" : "is not after";
      ctx.addIssue({
        code: "custom",
        message: `end (${formatDuration(w.end)}) ${relation} start (${formatDuration(w.start)})`,
        input: w,
      });
      return z.NEVER;
    }
    return { start: w.start, end: w.end };
  }
  return { start: w.start, end: w.start + (w.duration ?? 0) };
});

const RandomOutageSchema = strict(
  {
    random: strict(
      {
        upTime: distributionField("length of each up period"),
        downTime: distributionField("length of each down period"),
      },
      "a mapping { upTime: DIST, downTime: DIST }",
    ),
  },
  "a random outage { random: { upTime, downTime } }",
).transform((r): Outage => ({ kind: "random", upTime: r.random.upTime, downTime: r.random.downTime }));

const WindowOutageSchema = WindowSchema.transform((w): Outage => ({ kind: "window", start: w.start, end: w.end }));

/** One entry of an `outages` list: a window or `{ random: { upTime, downTime } }` (§T3, §R1). */
export const OutageSchema = dispatch<Outage>(
  (v) => {
    if (!isRecord(v)) return `expected a window { start, end } or { start, duration }, or { random: { upTime, downTime } }, got ${describeValue(v)}`;
    return "random" in v ? RandomOutageSchema : WindowOutageSchema;
  },
  z.union([WindowSchema, RandomOutageSchema]),
);

const outages = (description: string) =>
  list(OutageSchema, "a list of outages (windows or { random: … })").meta({ description });

const SrvOverrideSchema = strict(
  { priority: srvValue("SRV priority").optional(), weight: srvValue("SRV weight").optional() },
  "a mapping { priority, weight }",
);

export const TimersSchema = strict(
  {
    activationInterval: interval("activation interval (§C1), default 2h").optional(),
    renewalInterval: interval("renewal interval (§C1), default 7d").optional(),
    validity: positive("validity of an activation (§C2), default 180d").optional(),
    oobGrace: nonNegative("initial grace period (§C4), default 30d").optional(),
    ootGrace: nonNegative("out-of-tolerance grace period (§C4), default 30d").optional(),
    renewalJitter: nonNegative("largest renewal jitter (§C3), default 0").optional(),
    keyExceptionDelay: nonNegative("delay before a host key exception (§H7), default 3d").optional(),
  },
  "a mapping of timers",
);

export const AssumptionsSchema = strict(
  {
    failoverOnLowCount: boolField("§C6.4: a 0xC004F038 answer makes the client try the next host (default false)").optional(),
    rejectedRequestsCounted: boolField("§H2: 0xC004F041/0xC004F042 requests still upsert the CMID (default false)").optional(),
    restartKeepsTables: boolField("§H5: false = a host comes back from every outage with empty tables (default true)").optional(),
  },
  "a mapping of assumptions",
);

export const SiteSchema = strict(
  {
    id: idField("site id"),
    srv: z
      .record(z.string(), SrvOverrideSchema, {
        error: (iss) => `expected a mapping of host ids to { priority, weight }, got ${describeValue(iss.input)}`,
      })
      .meta({ description: "per-site SRV overrides of published hosts (§N2), keyed by host id" })
      .optional(),
    dnsOutages: outages("DNS outages of this site (§N3)").optional(),
  },
  "a site such as { id: hq }",
);

const BetweenSchema = list(refField("site"), "a list of two site ids such as [hq, branch]")
  .transform((ends, ctx): [string, string] => {
    if (ends.length !== 2) {
      ctx.addIssue({ code: "custom", message: `expected two site ids such as [hq, branch], got ${ends.length}`, input: ends });
      return z.NEVER;
    }
    return [ends[0], ends[1]];
  })
  .meta({ description: "the two sites the link joins", minItems: 2, maxItems: 2 });

export const LinkSchema = strict(
  {
    id: idField("link id", true),
    between: BetweenSchema,
    outages: outages("scheduled and random outages of the link (§N1, §R1)").optional(),
  },
  "a link such as { id: wan, between: [hq, branch] }",
);

const HostSrvObjectSchema = SrvOverrideSchema.transform((s): SrvRecord => ({ priority: s.priority ?? 0, weight: s.weight ?? 0 }));

/** A host's `srv`: `{ priority, weight }` (defaults 0, 0), `false` = not published, `true` = defaults (§N2). */
export const HostSrvSchema = dispatch<SrvRecord | null>(
  (v) => {
    if (v === false) return z.unknown().transform((): SrvRecord | null => null);
    if (v === true) return z.unknown().transform((): SrvRecord | null => ({ priority: 0, weight: 0 }));
    if (isRecord(v)) return HostSrvObjectSchema;
    return `expected { priority, weight } or false (not published), got ${describeValue(v)}`;
  },
  z.union([z.boolean(), SrvOverrideSchema]).meta({ description: "the published SRV record (§N2); false = not published" }),
);

export const HostSchema = strict(
  {
    id: idField("host id", true),
    site: refField("site"),
    os: leaf("string", `a host OS such as "Windows Server 2022"`, parseHostOs, {
      description: "host OS (CATALOG.md), optionally with an edition",
      examples: HOST_OSES,
    }),
    csvlk: leaf("string", `a CSVLK group such as "Windows Server 2022"`, lookupParser("a CSVLK group", "Windows Server 2022", resolveCsvlk), {
      description: "CSVLK group of the host key (CATALOG.md)",
      examples: CSVLK_GROUPS,
    }),
    patchLevel: leaf("string", "a date YYYY-MM-DD", parsePatchDate, {
      description: "patch level as a date (§H6); omitted = fully patched",
      pattern: "^\\d{4}-\\d{2}-\\d{2}$",
    }).optional(),
    updates: list(
      leaf("string", `an update such as "KB4478877"`, lookupParser("an update", "KB4478877", resolveUpdate), {
        description: "a KB id from CATALOG.md",
        examples: UPDATE_KBS.map((u) => u.kb),
      }),
      "a list of KB ids such as [KB4478877]",
    )
      .meta({ description: "installed updates (§H6); instead of patchLevel" })
      .optional(),
    officeKeys: list(
      leaf("string", `an Office version such as "Office LTSC 2021"`, lookupParser("an Office version", "Office LTSC 2021", resolveOffice), {
        description: "an Office version (CATALOG.md)",
        examples: OFFICE_VERSIONS,
      }),
      "a list of Office versions",
    )
      .meta({ description: "Office host keys (§O1)" })
      .optional(),
    srv: HostSrvSchema.optional(),
    activationInterval: interval("activation interval handed to clients (§H8)").optional(),
    renewalInterval: interval("renewal interval handed to clients (§H8)").optional(),
    outages: outages("scheduled and random outages of the host (§H5, §R1)").optional(),
    rebuilds: list(nonNegative("minute of a rebuild"), "a list of durations such as [150d]")
      .meta({ description: "rebuilds (§H5, §H7)" })
      .optional(),
  },
  "a host such as { id: kms1, site: hq, os: Windows Server 2022, csvlk: Windows Server 2022 }",
);

const KmsPinnedSchema = strict({ pinned: refField("host") }, "{ pinned: HOST }").transform(
  (k): KmsConfig => ({ kind: "pinned", host: k.pinned }),
);

/** A client group's `kms`: `dns` or `{ pinned: HOST }` (§C6.1). */
export const KmsSchema = dispatch<KmsConfig>(
  (v) => {
    if (v === "dns") return z.unknown().transform((): KmsConfig => ({ kind: "dns" }));
    if (isRecord(v)) return KmsPinnedSchema;
    const hint = typeof v === "string" ? didYouMean(v, ["dns"]) : "";
    return `expected dns or { pinned: HOST }, got ${describeValue(v)}${hint}`;
  },
  z.union([z.literal("dns"), strict({ pinned: refField("host") }, "{ pinned: HOST }")]).meta({
    description: "dns (default) or { pinned: HOST } (§C6)",
  }),
);

export const JoinSchema = strict(
  { at: nonNegative("join minute of the first member").optional(), over: nonNegative("spread of the joins (§C8)").optional() },
  "a mapping { at, over }",
);

export const RetireSchema = strict(
  { at: nonNegative("minute of the retirement"), count: intField(1, MAX_COUNT, "members retired, an integer ≥ 1") },
  "a retirement { at, count }",
);

/** An explicit offline window of a client group (§R2): a window; random periods belong in `online`. */
const OfflineWindowSchema = dispatch<{ start: number; end: number }>(
  (v) => {
    if (isRecord(v) && "random" in v) {
      return "offline entries are windows { start, end }; for random offline periods use online: intermittent(ON, OFF)";
    }
    return WindowSchema;
  },
  WindowSchema,
);

export const ClientSchema = strict(
  {
    id: idField("client group id"),
    site: refField("site"),
    count: intField(0, MAX_COUNT, "number of machines, 0 … 10000000"),
    edition: leaf("string", `an edition such as "Windows 11 Enterprise"`, lookupParser("an edition", "Windows 11 Enterprise", resolveEdition), {
      description: "Windows edition (CATALOG.md)",
    }),
    office: leaf("string", `an Office version such as "Office LTSC 2021"`, lookupParser("an Office version", "Office LTSC 2021", resolveOffice), {
      description: "volume Office version (§O1); omitted = none",
      examples: OFFICE_VERSIONS,
    }).optional(),
    join: JoinSchema.optional(),
    retire: list(RetireSchema, "a list of retirements such as [{ at: 200d, count: 50 }]").optional(),
    online: leaf("string", "always, office-hours or intermittent(ON, OFF)", parseOnline, {
      description: "always (default), office-hours or intermittent(ON, OFF) (§R2)",
      pattern: "^\\s*(always|office-hours|intermittent\\s*\\(.*\\))\\s*$",
    }).optional(),
    offline: list(OfflineWindowSchema, "a list of windows").meta({ description: "explicit offline windows (§R2)" }).optional(),
    kms: KmsSchema.optional(),
    hostCaching: boolField("host caching (§C6), default true").optional(),
    cmid: leaf("string", "unique, clone or non-persistent", parseCmid, {
      description: "CMID mode (§C7), default unique",
      enum: CMID_MODES,
    }).optional(),
  },
  "a client group such as { id: desks, site: hq, count: 100, edition: Windows 11 Enterprise }",
);

/** The fields of a scenario (everything but `strategies` and `$schema`), FORMAT.md "Scenario file". */
const scenarioFields = {
  name: idField("scenario name (default: the file name without extension)").optional(),
  description: leaf("string", "a string", parseText, { description: "free text" }).optional(),
  start: leaf("string", "a date-time such as 2027-01-04T00:00:00Z", parseStart, {
    description: "calendar time of t = 0: ISO-8601 date-time (converted to UTC) or date; default 2027-01-04T00:00:00Z",
  }).optional(),
  duration: durationField(RUN_LENGTH, "simulated time"),
  seed: intField(0, Number.MAX_SAFE_INTEGER, "random seed, an integer ≥ 0 (default 1)").optional(),
  replications: intField(1, MAX_REPLICATIONS, "replications per strategy for compare, 1 … 10000 (default 10)").optional(),
  sample: positive("timeline row every SAMPLE minutes; omitted = change-driven rows").optional(),
  timers: TimersSchema.optional(),
  assumptions: AssumptionsSchema.optional(),
  sites: list(SiteSchema, "a list of sites").optional(),
  links: list(LinkSchema, "a list of links").optional(),
  hosts: list(HostSchema, "a list of hosts").optional(),
  clients: list(ClientSchema, "a list of client groups").optional(),
};

/** The keys a scenario may have at the top level (besides `$schema` and `strategies`). */
export const SCENARIO_KEYS: readonly string[] = Object.keys(scenarioFields);

/**
 * A scenario as validated: the base (its `strategies` are checked by load.ts) and each strategy
 * merged over the base. `$schema` is allowed for editors.
 */
export const ScenarioSchema = strict(
  {
    $schema: leaf("string", "a string", parseText, { description: "JSON Schema of this file, for editors" }).optional(),
    ...scenarioFields,
    strategies: z.unknown().optional(),
  },
  "a scenario",
);

export type ScenarioInput = z.output<typeof ScenarioSchema>;
export type HostInput = z.output<typeof HostSchema>;
export type ClientInput = z.output<typeof ClientSchema>;
export type SiteInput = z.output<typeof SiteSchema>;
export type LinkInput = z.output<typeof LinkSchema>;

const strategyFields = Object.fromEntries(
  Object.entries(scenarioFields).filter(([k]) => !(STRATEGY_FORBIDDEN_KEYS as readonly string[]).includes(k)),
);

/** A strategy: a partial scenario (FORMAT.md "Strategies"). Used for the JSON Schema. */
const StrategySchema = z.strictObject(strategyFields).meta({
  description: "a partial scenario: each top-level key it sets replaces the base's whole value",
});

/** A sweep block (FORMAT.md "Sweeps"). Used for the JSON Schema; sweep-spec.ts reads it with its own messages. */
const SweepSchema = z
  .strictObject({
    mode: z.enum(["grid", "zip"]).meta({ description: "grid: every combination (default); zip: lists of equal length taken together" }).optional(),
    parameters: z
      .record(
        z.string().regex(/^[A-Za-z0-9_-]+$/),
        z.strictObject({
          path: z.string().meta({ description: "dot-separated: a top-level key, then ids (lists of items with id) or 0-based indices, then keys" }),
          values: z.array(z.unknown()).min(1).meta({ description: "the values, as they would be written at the path" }),
        }),
      )
      .meta({ description: "parameter name → { path, values }; each becomes the column p_<name>" }),
  })
  .meta({ description: "a parameter study for kmsim sweep" });

/** The whole file, for the JSON Schema. */
const ScenarioFileSchema = z
  .strictObject({
    $schema: z.string().meta({ description: "JSON Schema of this file, for editors" }).optional(),
    ...scenarioFields,
    strategies: z
      .record(z.string().regex(ID_PATTERN), z.union([StrategySchema, z.null()]))
      .meta({ description: "named variants to compare" })
      .optional(),
    sweep: SweepSchema.optional(),
  })
  .meta({
    title: "kmsim scenario",
    description: "A kmsim scenario file (FORMAT.md \"Scenario file\"). Durations are minutes or strings such as 30m, 12h, 7d, 2w, 1y.",
  });

/** The JSON Schema (draft 2020-12) of the scenario format, for `kmsim schema`. */
export function jsonSchema(): Record<string, unknown> {
  return toJson(ScenarioFileSchema);
}

function toJson(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io: "input",
    unrepresentable: "any",
    override: (ctx) => {
      const view = jsonViews.get(ctx.zodSchema);
      if (view === undefined) return;
      const described = toJson(view);
      delete described.$schema;
      Object.assign(ctx.jsonSchema, described);
    },
  });
}
