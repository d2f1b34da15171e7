// Unit tests of one count table (MODEL.md §H2–§H5), driven through CountTable's upsert / expire /
// clear. Expected values are worked out from the rules in the comments; the simulation-level
// versions of the same rules are in host-rules.test.ts.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { COUNT_ENTRY_LIFETIME_MIN, CountTable } from "../../src/kms/count-table.js";

const CLIENT = 25; // N-policy of a Windows client edition (§C5)
const SERVER = 5; // N-policy of a Windows Server edition or volume Office (§C5)

describe("CountTable", () => {
  test("§H2: the first requester sees 1; each new CMID adds one; a repeated CMID only refreshes", () => {
    const t = new CountTable();
    expect(t.upsert(100, 0, CLIENT)).toBe(1);
    expect(t.upsert(101, 0, CLIENT)).toBe(2);
    expect(t.upsert(100, 5, CLIENT)).toBe(2);
    expect(t.upsert(102, 6, CLIENT)).toBe(3);
    expect(t.count).toBe(3);
  });

  test("§H3: an entry last seen at s is live at s + 43 199 and gone at s + 43 200", () => {
    // 30 d = 43 200 min; §T1: live while t < s + 43 200.
    expect(COUNT_ENTRY_LIFETIME_MIN).toBe(43_200);
    const t = new CountTable();
    t.upsert(1, 100, CLIENT);
    expect(t.nextExpiryAt()).toBe(43_300);
    expect(t.expire(100 + 43_199)).toBe(0);
    expect(t.count).toBe(1);
    expect(t.expire(100 + 43_200)).toBe(1);
    expect(t.count).toBe(0);
    expect(t.nextExpiryAt()).toBe(-1);
  });

  test("§H3: a new request from the same CMID restarts its 30 days", () => {
    // Seen at 100 and again at 200: the entry lives until 200 + 43 200 = 43 400.
    const t = new CountTable();
    t.upsert(1, 100, CLIENT);
    t.upsert(1, 200, CLIENT);
    expect(t.expire(43_300)).toBe(0);
    expect(t.expire(43_399)).toBe(0);
    expect(t.expire(43_400)).toBe(1);
  });

  test("§H3: expiry drops exactly the entries whose 30 days are over, oldest first", () => {
    // CMIDs 1, 2, 3 seen at 0, 10, 20: at 43 210 the first two are gone, the third lives to 43 220.
    const t = new CountTable();
    t.upsert(1, 0, CLIENT);
    t.upsert(2, 10, CLIENT);
    t.upsert(3, 20, CLIENT);
    expect(t.expire(43_210)).toBe(2);
    expect(t.count).toBe(1);
    expect(t.nextExpiryAt()).toBe(43_220);
  });

  test("§H4: a server-only table is capped at 10 (2 × 5); the 11th CMID evicts the least recently seen", () => {
    // CMIDs 0…10 at minutes 0…10 with policy 5: capacity 10, so CMID 10 evicts CMID 0 (seen at 0);
    // the oldest live entry is then CMID 1, seen at minute 1, expiring at 43 201.
    const t = new CountTable();
    const counts = Array.from({ length: 11 }, (_, i) => t.upsert(i, i, SERVER));
    expect(counts).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10]);
    expect(t.capacity).toBe(10);
    expect(t.nextExpiryAt()).toBe(1 + 43_200);
  });

  test("§H4: once a Windows client edition (25) asks, the capacity is 50 and the 51st CMID evicts the least recently seen", () => {
    // CMIDs 0…50 at minutes 0…50 with policy 25: counts 1…50, then 50; CMID 0 evicted, so the
    // oldest entry is CMID 1 (minute 1).
    const t = new CountTable();
    const counts = Array.from({ length: 51 }, (_, i) => t.upsert(i, i, CLIENT));
    expect(counts.slice(0, 50)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(counts[50]).toBe(50);
    expect(t.capacity).toBe(50);
    expect(t.nextExpiryAt()).toBe(1 + 43_200);
  });

  test("§H4: least recently SEEN, not first inserted: a refreshed CMID survives the eviction", () => {
    // CMIDs 0…49 at minutes 0…49; CMID 0 refreshed at 50; CMID 50 at 51 evicts CMID 1 (seen at 1,
    // now the least recently seen), so the oldest live entry is CMID 2 (minute 2 → expires 43 202).
    const t = new CountTable();
    for (let i = 0; i < 50; i++) t.upsert(i, i, CLIENT);
    expect(t.upsert(0, 50, CLIENT)).toBe(50);
    expect(t.upsert(50, 51, CLIENT)).toBe(50);
    expect(t.nextExpiryAt()).toBe(2 + 43_200);
    // CMID 0 (seen at 50) is still there: refreshing it does not change the count …
    expect(t.upsert(0, 52, CLIENT)).toBe(50);
    // … and after the 30 days of every entry seen before 50, only CMIDs 50 and 0 remain.
    t.expire(49 + 43_200);
    expect(t.count).toBe(2);
  });

  test("§H4: ties in last-seen minute: the entry refreshed earliest is evicted first", () => {
    // Ten server CMIDs 0…9 at minute 0; CMID 0 refreshed (still minute 0) after them; CMID 10 at
    // minute 0 must evict CMID 1 (refreshed earliest), not CMID 0. Raising the capacity to 50 then
    // tells them apart: CMID 1 is new again (count 11), CMID 0 is present (count stays 11).
    const t = new CountTable();
    for (let i = 0; i < 10; i++) t.upsert(i, 0, SERVER);
    t.upsert(0, 0, SERVER);
    expect(t.upsert(10, 0, SERVER)).toBe(10);
    expect(t.upsert(1, 1, CLIENT)).toBe(11);
    expect(t.upsert(0, 1, CLIENT)).toBe(11);
  });

  test("§H4: a server-then-client table grows from 10 to 50 at the first Windows client request", () => {
    // 12 server CMIDs: count capped at 10; a Windows client CMID raises the capacity to 50: 11.
    const t = new CountTable();
    for (let i = 0; i < 12; i++) t.upsert(i, i, SERVER);
    expect(t.count).toBe(10);
    expect(t.upsert(100, 20, CLIENT)).toBe(11);
    expect(t.capacity).toBe(50);
  });

  test("§H4: a rejected request counted under rejectedRequestsCounted (policy 0) never raises the capacity", () => {
    // One valid server request gives capacity 10; fifteen rejected CMIDs fill it to 10 and no more.
    const t = new CountTable();
    t.upsert(0, 0, SERVER);
    for (let i = 1; i <= 15; i++) t.upsert(i, i, 0);
    expect(t.count).toBe(10);
    expect(t.capacity).toBe(10);
  });

  test("§H4 §H5: emptying the tables after an outage keeps the capacity; a rebuild forgets it", () => {
    // Capacity 50 from a client request; clear(false) (restartKeepsTables: false) keeps it, so 12
    // server CMIDs afterwards give 12. clear(true) (rebuild) resets it: 12 server CMIDs give 10.
    const t = new CountTable();
    t.upsert(999, 0, CLIENT);
    t.clear(false);
    expect(t.count).toBe(0);
    for (let i = 0; i < 12; i++) t.upsert(i, 1, SERVER);
    expect(t.count).toBe(12);
    t.clear(true);
    expect(t.count).toBe(0);
    for (let i = 0; i < 12; i++) t.upsert(i, 2, SERVER);
    expect(t.count).toBe(10);
  });
});

describe("CountTable ring buffer (§H3 §H4)", () => {
  test("§H4 §H3: after many evictions wrap the ring, order, refresh and expiry still follow last-seen order", () => {
    const t = new CountTable();
    // 200 CMIDs through a 50-entry table: the ring's head wraps several times.
    for (let i = 0; i < 200; i++) t.upsert(i, i, 25);
    expect(t.count).toBe(50);
    // Refresh CMID 150: it moves from oldest to most recent.
    t.upsert(150, 300, 25);
    expect(t.count).toBe(50);
    // A new CMID evicts the least recently seen (CMID 151; 150 was refreshed).
    t.upsert(1000, 301, 25);
    // Entries 151…199 were seen at 151…199; expiry at +43 200 drops them in order, then 150 and 1000.
    expect(t.nextExpiryAt()).toBe(152 + 43_200);
    expect(t.expire(199 + 43_200)).toBe(48);
    expect(t.count).toBe(2);
    expect(t.expire(301 + 43_200)).toBe(2);
    expect(t.count).toBe(0);
  });
});

// The plain rules of §H2–§H5 on a list in last-seen order, for the property below: CountTable
// skips its scan when a CMID's bucket is empty, and must agree with this list on every step.
class ListTable {
  entries: { cmid: number; seen: number }[] = [];
  largestPolicy = 0;

  upsert(cmid: number, now: number, policy: number): number {
    this.largestPolicy = Math.max(this.largestPolicy, policy);
    this.entries = this.entries.filter((e) => e.cmid !== cmid);
    if (this.largestPolicy === 0) {
      this.entries = [];
      return 0;
    }
    while (this.entries.length >= 2 * this.largestPolicy) this.entries.shift();
    this.entries.push({ cmid, seen: now });
    return this.entries.length;
  }

  expire(now: number): number {
    const before = this.entries.length;
    while (this.entries.length > 0 && this.entries[0].seen + COUNT_ENTRY_LIFETIME_MIN <= now) this.entries.shift();
    return before - this.entries.length;
  }

  clear(rebuilt: boolean): void {
    this.entries = [];
    if (rebuilt) this.largestPolicy = 0;
  }
}

describe("CountTable against the list rules (§H2–§H5)", () => {
  type Step =
    | { kind: "request"; cmid: number; gap: number; policy: number }
    | { kind: "expire"; gap: number }
    | { kind: "clear"; rebuilt: boolean };
  // CMIDs collide in the table's buckets (multiples of 256 apart) as well as repeat.
  const cmid = fc.oneof(fc.integer({ min: 0, max: 80 }), fc.integer({ min: 0, max: 6 }).map((k) => 7 + 256 * k));
  const step: fc.Arbitrary<Step> = fc.oneof(
    { weight: 20, arbitrary: fc.record({ kind: fc.constant("request" as const), cmid, gap: fc.integer({ min: 0, max: 3000 }), policy: fc.constantFrom(0, SERVER, CLIENT) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("expire" as const), gap: fc.integer({ min: 0, max: 50_000 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("clear" as const), rebuilt: fc.boolean() }) },
  );

  test("every count, expiry and next expiry minute equals the list model's", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 400 }), (steps) => {
        const table = new CountTable();
        const list = new ListTable();
        let now = 0;
        for (const s of steps) {
          if (s.kind === "request") {
            now += s.gap;
            expect(table.upsert(s.cmid, now, s.policy)).toBe(list.upsert(s.cmid, now, s.policy));
          } else if (s.kind === "expire") {
            now += s.gap;
            expect(table.expire(now)).toBe(list.expire(now));
          } else {
            table.clear(s.rebuilt);
            list.clear(s.rebuilt);
          }
          expect(table.count).toBe(list.entries.length);
          expect(table.nextExpiryAt()).toBe(list.entries.length > 0 ? list.entries[0].seen + COUNT_ENTRY_LIFETIME_MIN : -1);
        }
      }),
      { numRuns: 300 },
    );
  });
});
