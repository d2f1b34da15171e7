// Issue 9 item 2 for availability.csv: the recorder streams it to disk in memory bounded by the
// entities, not the intervals — each entity's closed intervals wait in a small buffer that spills
// to a temp file beside the output — and still writes exactly the bytes the in-memory writer
// wrote (FORMAT.md "Run folder": hosts, then links, then site DNS; entities in file order; an
// entity's intervals by start). The reference below is that in-memory writer.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import type { World } from "../../src/kms/world.js";
import { AVAILABILITY_KINDS, type AvailabilityKind, type AvailabilitySink, type DownInterval } from "../../src/report/availability.js";
import { AVAILABILITY_CHUNK, AvailabilityRecorder } from "../../src/report/availability-recorder.js";
import { summarizeIntervals } from "../../src/report/availability-summary.js";
import { host, world } from "../support/worlds.js";
import { generateWorld } from "../differential/world-generator.js";
import { runWithAvailability } from "./availability-helpers.js";

const root = mkdtempSync(join(tmpdir(), "kmsim-availability-recorder-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let folders = 0;
const freshFolder = (): string => mkdtempSync(join(root, `f${folders++}-`));

/** The in-memory writer availability.csv had before it was streamed: every interval kept, then written. */
class ReferenceRecorder implements AvailabilitySink {
  private readonly down: Record<AvailabilityKind, number[]>;
  private readonly closed: Record<AvailabilityKind, number[][]>;
  private readonly ids: Record<AvailabilityKind, string[]>;

  constructor(private readonly w: World) {
    this.ids = { host: w.hosts.map((h) => h.id), link: w.links.map((l) => l.id), dns: w.sites.map((s) => s.id) };
    this.down = { host: this.ids.host.map(() => -1), link: this.ids.link.map(() => -1), dns: this.ids.dns.map(() => -1) };
    this.closed = { host: this.ids.host.map(() => []), link: this.ids.link.map(() => []), dns: this.ids.dns.map(() => []) };
  }

  private change(kind: AvailabilityKind, i: number, at: number, up: boolean): void {
    const since = this.down[kind][i];
    if (!up && since < 0) this.down[kind][i] = at;
    else if (up && since >= 0) {
      if (at > since) this.closed[kind][i].push(since, at);
      this.down[kind][i] = -1;
    }
  }

  hostUp(at: number, h: number, up: boolean): void {
    this.change("host", h, at, up);
  }

  linkUp(at: number, l: number, up: boolean): void {
    this.change("link", l, at, up);
  }

  dnsUp(at: number, s: number, up: boolean): void {
    this.change("dns", s, at, up);
  }

  intervals(): DownInterval[] {
    const out: DownInterval[] = [];
    for (const kind of AVAILABILITY_KINDS) {
      this.ids[kind].forEach((id, i) => {
        const c = this.closed[kind][i];
        for (let k = 0; k < c.length; k += 2) out.push({ kind, id, start: c[k], end: c[k + 1] });
        const since = this.down[kind][i];
        if (since >= 0 && since < this.w.durationMin) out.push({ kind, id, start: since, end: this.w.durationMin });
      });
    }
    return out;
  }

  csv(): string {
    return "kind,id,start_minute,end_minute\n" + this.intervals().map((r) => `${r.kind},${r.id},${r.start},${r.end}\n`).join("");
  }
}

/** Forwards every fact to both sinks. */
function tee(a: AvailabilitySink, b: AvailabilitySink): AvailabilitySink {
  return {
    hostUp: (at, i, up) => (a.hostUp(at, i, up), b.hostUp(at, i, up)),
    linkUp: (at, i, up) => (a.linkUp(at, i, up), b.linkUp(at, i, up)),
    dnsUp: (at, i, up) => (a.dnsUp(at, i, up), b.dnsUp(at, i, up)),
  };
}

describe("AvailabilityRecorder writes availability.csv byte-identical to the in-memory writer (issue 9 item 2)", () => {
  it("on 60 generated worlds run through the model (random outages, links, site DNS), with chunks of 1 to 3 intervals", () => {
    let rows = 0;
    for (let i = 0; i < 60; i++) {
      const { world: w, seed } = generateWorld(i);
      const folder = freshFolder();
      const path = join(folder, "availability.csv");
      const recorder = new AvailabilityRecorder(w, { path, widthPx: 820, chunk: 1 + (i % 3), budget: 2 + (i % 5) });
      const reference = new ReferenceRecorder(w);
      runWithAvailability(w, seed, tee(recorder, reference));
      const summary = recorder.finish();
      const text = readFileSync(path, "utf8");
      expect(text).toBe(reference.csv());
      // The chart's summary built while recording is the one kmsim report builds from the file.
      expect(summary).toEqual(summarizeIntervals(reference.intervals(), w.durationMin, 820));
      expect(readdirSync(folder)).toEqual(["availability.csv"]);
      rows += reference.intervals().length;
    }
    expect(rows).toBeGreaterThan(100); // the worlds did go down
  });

  it("on random facts across hosts, links and site DNS, for any chunk and budget (property)", () => {
    const w = world({
      durationMin: 5000,
      sites: [
        { id: "s0", srvOverrides: [], dnsOutages: [] },
        { id: "s1", srvOverrides: [], dnsOutages: [] },
      ],
      links: [{ id: "l0", between: ["s0", "s1"], outages: [] }],
      hosts: [host("h0"), host("h1"), host("h2")],
    });
    const fact = fc.record({
      gap: fc.integer({ min: 0, max: 40 }),
      kind: fc.constantFrom<AvailabilityKind>("host", "link", "dns"),
      index: fc.nat(2),
      up: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(fact, { maxLength: 300 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 20 }), (facts, chunk, budget) => {
        const folder = freshFolder();
        const path = join(folder, "availability.csv");
        const recorder = new AvailabilityRecorder(w, { path, widthPx: 820, chunk, budget });
        const reference = new ReferenceRecorder(w);
        const both = tee(recorder, reference);
        let at = 0;
        for (const f of facts) {
          at = Math.min(w.durationMin - 1, at + f.gap);
          if (f.kind === "host") both.hostUp(at, f.index, f.up);
          else if (f.kind === "link") both.linkUp(at, 0, f.up);
          else both.dnsUp(at, f.index % 2, f.up);
          expect(recorder.bufferedIntervals).toBeLessThanOrEqual(budget);
        }
        const summary = recorder.finish();
        expect(readFileSync(path, "utf8")).toBe(reference.csv());
        expect(summary).toEqual(summarizeIntervals(reference.intervals(), w.durationMin, 820));
        expect(readdirSync(folder)).toEqual(["availability.csv"]);
      }),
      { numRuns: 150 },
    );
  });
});

describe("AvailabilityRecorder memory is bounded by the entities, not the intervals (issue 9 item 2)", () => {
  const YEAR = 525_600;

  it("a host flapping every 3 minutes for 2 years spills to disk; the intervals held never pass the budget; finish leaves availability.csv alone", () => {
    const w = world({ durationMin: 2 * YEAR, hosts: [host("flappy"), host("calm")] });
    const folder = freshFolder();
    const path = join(folder, "availability.csv");
    const recorder = new AvailabilityRecorder(w, { path, widthPx: 820, chunk: 256, budget: 1024 });
    let most = 0;
    let intervals = 0;
    for (let at = 0; at + 3 < w.durationMin; at += 3) {
      recorder.hostUp(at, 0, false);
      recorder.hostUp(at + 1, 0, true); // down one minute in three
      intervals++;
      most = Math.max(most, recorder.bufferedIntervals);
    }
    recorder.hostUp(1000, 1, false);
    recorder.hostUp(1100, 1, true);
    expect(intervals).toBeGreaterThan(300_000);
    expect(most).toBeLessThanOrEqual(1024);
    expect(recorder.spillFiles).toBe(1); // the calm host never spilled
    expect(readdirSync(folder).filter((f) => f.endsWith(".tmp"))).toHaveLength(1);

    const summary = recorder.finish();
    expect(readdirSync(folder)).toEqual(["availability.csv"]);
    const text = readFileSync(path, "utf8");
    const lines = text.split("\n");
    expect(lines.length - 2).toBe(intervals + 1); // header, rows, "" after the last \n
    expect(lines[1]).toBe("host,flappy,0,1");
    expect(lines[intervals]).toBe(`host,flappy,${3 * (intervals - 1)},${3 * (intervals - 1) + 1}`);
    expect(lines[intervals + 1]).toBe("host,calm,1000,1100");
    // The chart's summary: exact count and downtime, periods bounded by the plot's pixels.
    const flappy = summary.entities[0];
    expect(flappy).toMatchObject({ kind: "host", id: "flappy", count: intervals, downMin: intervals });
    expect(flappy.drawn.length / 2).toBeLessThanOrEqual(821);
  });

  it(`spills with the default chunk (${AVAILABILITY_CHUNK} intervals), and an entity with few intervals gets no temp file`, () => {
    const w = world({ durationMin: YEAR, hosts: [host("a"), host("b"), host("c")] });
    const folder = freshFolder();
    const recorder = new AvailabilityRecorder(w, { path: join(folder, "availability.csv"), widthPx: 820 });
    for (let k = 0; k <= AVAILABILITY_CHUNK; k++) {
      recorder.hostUp(10 * k, 1, false);
      recorder.hostUp(10 * k + 5, 1, true);
      if (k < 3) {
        recorder.hostUp(10 * k + 1, 2, false);
        recorder.hostUp(10 * k + 2, 2, true);
      }
    }
    expect(recorder.spillFiles).toBe(1);
    expect(recorder.bufferedIntervals).toBe(1 + 3);
    recorder.finish();
    expect(readdirSync(folder)).toEqual(["availability.csv"]);
  });

  it("abort() removes every temp file and writes no availability.csv", () => {
    const w = world({ durationMin: YEAR, hosts: [host("a"), host("b")] });
    const folder = freshFolder();
    const recorder = new AvailabilityRecorder(w, { path: join(folder, "availability.csv"), widthPx: 820, chunk: 8, budget: 32 });
    for (let at = 0; at < 10_000; at += 4) {
      recorder.hostUp(at, at % 8 === 0 ? 0 : 1, false);
      recorder.hostUp(at + 2, at % 8 === 0 ? 0 : 1, true);
    }
    expect(recorder.spillFiles).toBe(2);
    recorder.abort();
    expect(readdirSync(folder)).toEqual([]);
    expect(recorder.spillFiles).toBe(0);
  });

  it("a failed finish() (the output exists) removes the temp files and leaves the existing file as it was", () => {
    const w = world({ durationMin: YEAR, hosts: [host("a")] });
    const folder = freshFolder();
    const path = join(folder, "availability.csv");
    writeFileSync(path, "not ours\n");
    const recorder = new AvailabilityRecorder(w, { path, widthPx: 820, chunk: 2, budget: 4 });
    for (let at = 0; at < 100; at += 4) {
      recorder.hostUp(at, 0, false);
      recorder.hostUp(at + 2, 0, true);
    }
    expect(() => recorder.finish()).toThrow(/EEXIST/);
    expect(readdirSync(folder)).toEqual(["availability.csv"]);
    expect(readFileSync(path, "utf8")).toBe("not ours\n");
  });
});
