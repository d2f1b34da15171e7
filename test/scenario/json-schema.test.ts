// FORMAT.md "Commands": `kmsim schema` prints the JSON Schema (draft 2020-12) of the scenario format.
import { describe, expect, it } from "vitest";
import { jsonSchema, SCENARIO_KEYS, STRATEGY_FORBIDDEN_KEYS } from "../../src/scenario/index.js";

type Obj = Record<string, unknown>;

function obj(v: unknown): Obj {
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new Error(`not an object: ${JSON.stringify(v)}`);
  return v as Obj;
}

function itemsOf(schema: Obj, key: string): Obj {
  return obj(obj(obj(schema.properties)[key]).items);
}

describe("jsonSchema()", () => {
  const schema = jsonSchema();
  const props = obj(schema.properties);

  it("is draft 2020-12, a strict object requiring duration", () => {
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.type).toBe("object");
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(["duration"]);
  });

  it("has every top-level key, $schema, strategies and sweep", () => {
    expect(Object.keys(props).sort()).toEqual([...SCENARIO_KEYS, "$schema", "strategies", "sweep"].sort());
  });

  it("describes the sweep block: mode grid or zip, parameters with a path and a non-empty list of values", () => {
    const sweep = obj(props.sweep);
    const sweepProps = obj(sweep.properties);
    expect(obj(sweepProps.mode).enum).toEqual(["grid", "zip"]);
    const param = obj(obj(sweepProps.parameters).additionalProperties);
    expect(Object.keys(obj(param.properties)).sort()).toEqual(["path", "values"]);
    expect(obj(obj(param.properties).values).minItems).toBe(1);
  });

  it("describes durations as string or number with a pattern", () => {
    const duration = obj(props.duration);
    expect(duration.type).toEqual(["string", "number"]);
    expect(typeof duration.pattern).toBe("string");
    expect(new RegExp(String(duration.pattern)).test("1.5h")).toBe(true);
    expect(new RegExp(String(duration.pattern)).test("7 days")).toBe(false);
  });

  it("describes nested entries strictly, outages as window or random", () => {
    const host = itemsOf(schema, "hosts");
    expect(host.additionalProperties).toBe(false);
    expect(host.required).toEqual(["id", "site", "os", "csvlk"]);
    const outage = obj(obj(obj(host.properties).outages).items);
    expect(Array.isArray(outage.anyOf)).toBe(true);
    expect((outage.anyOf as unknown[]).length).toBe(2);
    const client = itemsOf(schema, "clients");
    expect(obj(obj(client.properties).kms).anyOf).toBeDefined();
  });

  it("strategies omit the keys they may not set", () => {
    const strategies = obj(props.strategies);
    const strategy = obj((obj(strategies.additionalProperties).anyOf as unknown[])[0]);
    const keys = Object.keys(obj(strategy.properties));
    for (const k of STRATEGY_FORBIDDEN_KEYS) expect(keys).not.toContain(k);
    expect(keys).toContain("hosts");
    expect(strategy.additionalProperties).toBe(false);
  });

  it("is plain JSON", () => {
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });
});
