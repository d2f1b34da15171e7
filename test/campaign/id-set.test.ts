// The planner's compact set of run identities answers like a Set of the identities' first 64 bits.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IdSet } from "../../src/campaign/id-set.js";

const hexId = fc.stringMatching(/^[0-9a-f]{32}$/);

describe("IdSet", () => {
  it("has exactly what was added, across growth (compared with a Set)", () => {
    fc.assert(
      fc.property(fc.array(hexId, { maxLength: 3000 }), fc.array(hexId, { maxLength: 200 }), (added, probes) => {
        const set = new IdSet(4);
        const reference = new Set<string>();
        for (const id of added) {
          set.add(id);
          reference.add(id.slice(0, 16));
        }
        expect(set.size).toBe(reference.size);
        for (const id of [...added, ...probes]) expect(set.has(id)).toBe(reference.has(id.slice(0, 16)));
      }),
      { numRuns: 30 },
    );
  });

  it("keeps the all-zero identity apart from empty slots", () => {
    const set = new IdSet();
    expect(set.has("0".repeat(32))).toBe(false);
    set.add("0".repeat(32));
    expect(set.has("0".repeat(32))).toBe(true);
  });
});
