import { describe, expect, it } from "vitest";
import { buildManifest, canonicalJson } from "../../src/report/manifest.js";
import type { ManifestInput } from "../../src/report/manifest.js";
import { makeWorld } from "./helpers.js";

const base: ManifestInput = {
  version: "0.1.0",
  scenario: "two-sites",
  strategy: null,
  seed: 1,
  replication: 0,
  streamScheme: "seedrandom-alea/v1",
  start: "2027-01-04T00:00:00Z",
  durationMin: 525_600,
  sampleMin: 1_440,
  eventsProcessed: 12_345,
  wallTimeMs: 321,
  world: makeWorld({ durationMin: 525_600, hosts: [{ id: "kms1", windows: [[1, 2]] }], groups: [{ id: "g", count: 3 }] }),
};

describe("manifest.json (FORMAT.md Run folder)", () => {
  it("holds the resolved scenario, seed, stream scheme, version, events processed and wall time, keys in a fixed order", () => {
    const m = JSON.parse(buildManifest(base)) as Record<string, unknown>;
    expect(Object.keys(m)).toEqual([
      "kmsim",
      "scenario",
      "strategy",
      "seed",
      "replication",
      "streamScheme",
      "start",
      "durationMin",
      "sampleMin",
      "eventsProcessed",
      "wallTimeMs",
      "world",
    ]);
    expect(m.eventsProcessed).toBe(12_345);
  });

  it("is pretty JSON ending in a newline, independent of how the world object was built (stable key order)", () => {
    const text = buildManifest(base);
    expect(text.endsWith("}\n")).toBe(true);
    expect(text).toContain('\n  "kmsim": "0.1.0",\n');
    const reordered = { ...base, world: Object.fromEntries(Object.entries(base.world as object).reverse()) };
    expect(buildManifest(reordered)).toBe(text);
  });

  it("differs between identical runs only in wallTimeMs", () => {
    const a = buildManifest(base).split("\n");
    const b = buildManifest({ ...base, wallTimeMs: 999 }).split("\n");
    expect(a.filter((line, i) => line !== b[i])).toEqual(['  "wallTimeMs": 321,']);
  });

  it("canonicalJson puts id, name, kind first, sorts the rest, drops undefined and rejects non-JSON values", () => {
    expect(JSON.stringify(canonicalJson({ z: 1, kind: "k", a: [{ y: 2, id: "x" }], u: undefined }))).toBe(
      '{"kind":"k","a":[{"id":"x","y":2}],"z":1}',
    );
    expect(() => canonicalJson({ x: Number.NaN })).toThrow(/\$\.x/);
    expect(() => canonicalJson({ d: new Date(0) })).toThrow(/plain object/);
  });
});
