// Issue 9 item 2: timeline.csv is streamed, never held whole: memory does not grow with the rows.
// The aggregator hands its rows to a sink in chunks of at most TIMELINE_FLUSH_BYTES (plus a row),
// so what is buffered at any moment is bounded whatever the number of rows; the chart's sample
// stays within CHART_SAMPLE_ROWS; and the streamed bytes equal the in-memory text exactly.
// (No timing, no heap measurement: the bound is checked on what the sink has received.)
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Pool } from "../../src/kms/facts.js";
import { buildLayout } from "../../src/kms/layout.js";
import { CHART_SAMPLE_ROWS, RowSample } from "../../src/report/chart-sample.js";
import { timelineColumns } from "../../src/report/columns.js";
import type { ByteSink } from "../../src/report/file-sink.js";
import { RunAggregator } from "../../src/report/run-aggregator.js";
import { sampleTimelineFile } from "../../src/report/run-chart/render.js";
import { START_MS, makeWorld } from "./helpers.js";

/** The aggregator's flush size (run-aggregator.ts TIMELINE_FLUSH_BYTES). */
const FLUSH = 1 << 20;
const ROWS = 400_000;

const world = makeWorld({ durationMin: ROWS, hosts: [{ id: "kms1" }], groups: [{ id: "g", count: 3 }] });
const layout = buildLayout(world);

function aggregatorWith(extra: { timeline?: ByteSink; chartSample?: RowSample }): RunAggregator {
  return new RunAggregator(world, layout, { startEpochMs: START_MS, sampleMin: 1, scenario: "s", strategy: null, replication: 0, seed: 1, ...extra });
}

/** A fact every 1,000 minutes, so counts change along the run; a row per minute (sample 1m). */
function feed(agg: RunAggregator, atEachFact?: (minute: number) => void): void {
  for (let m = 0; m < ROWS; m += 1_000) {
    agg.hostCount(m, 0, Pool.WINDOWS, (m / 1_000) % 50);
    atEachFact?.(m);
  }
}

describe("timeline.csv streamed to a sink (issue 9 item 2)", () => {
  it(`${ROWS} rows go out in bounded chunks: at no point is more than ${FLUSH} bytes plus a row held back, and the bytes equal the in-memory text`, () => {
    const chunks: Uint8Array[] = [];
    let received = 0;
    const sink: ByteSink = {
      write(bytes) {
        chunks.push(Uint8Array.from(bytes)); // a copy: the aggregator reuses its buffer
        received += bytes.length;
      },
    };
    const sample = new RowSample(timelineColumns(world, layout).join(","));
    const streamed = aggregatorWith({ timeline: sink, chartSample: sample });
    /** The bytes received when the fact at minute m arrived: rows [0, m) were produced by then. */
    const receivedAt = new Map<number, number>();
    let maxKept = 0;
    feed(streamed, (m) => {
      receivedAt.set(m, received);
      maxKept = Math.max(maxKept, sample.keptCount);
    });
    const outputs = streamed.finish();
    expect(outputs.timeline).toBe(""); // nothing kept in memory

    const inMemory = aggregatorWith({});
    feed(inMemory);
    const text = inMemory.finish().timeline;
    expect(Buffer.concat(chunks).toString("utf8")).toBe(text);

    // Byte offset where the row of each minute starts (header first).
    const rowStart: number[] = [];
    let offset = text.indexOf("\n") + 1;
    for (let m = 0; m < ROWS; m++) {
      rowStart.push(offset);
      offset = text.indexOf("\n", offset) + 1;
    }
    let longestRow = 0;
    for (const l of text.split("\n")) longestRow = Math.max(longestRow, l.length + 1);
    for (const [m, got] of receivedAt) {
      // The header and the rows before minute m exist (closed by the fact at m); all but a bounded tail went out.
      const produced = rowStart[m];
      expect(produced - got).toBeLessThanOrEqual(FLUSH + longestRow);
    }
    expect(chunks.length).toBeGreaterThan(5);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(FLUSH + longestRow);
    expect(maxKept).toBeLessThanOrEqual(CHART_SAMPLE_ROWS);
    expect(sample.rowCount).toBe(ROWS);
  });
});

describe("the chart's sample of a timeline (chart-sample.ts; FORMAT.md Run folder, chart)", () => {
  const lines = (n: number): string[] => Array.from({ length: n }, (_, i) => `${i},x`);

  it(`keeps every row up to the cap (charts of every bundled scenario and fixture are unchanged)`, () => {
    const s = new RowSample("minute,time", 8);
    for (const l of lines(8)) s.offer(l);
    expect(s.text()).toBe(["minute,time", ...lines(8)].join("\n") + "\n");
  });

  it("beyond the cap keeps every k-th row, k doubling, plus the last row; never more than cap + 1 rows", () => {
    const s = new RowSample("h", 8);
    for (const l of lines(21)) s.offer(l);
    // 21 rows, cap 8: k = 4 keeps rows 0, 4, 8, 12, 16, 20 (the last row, 20, is a multiple of 4).
    expect(s.text()).toBe("h\n0,x\n4,x\n8,x\n12,x\n16,x\n20,x\n");
    const t = new RowSample("h", 8);
    for (const l of lines(19)) t.offer(l);
    expect(t.text()).toBe("h\n0,x\n4,x\n8,x\n12,x\n16,x\n18,x\n");
    const big = new RowSample("h", 100);
    for (const l of lines(1_000_000)) big.offer(l);
    expect(big.keptCount).toBeLessThanOrEqual(100);
    expect(big.text().split("\n").at(-2)).toBe("999999,x");
  });

  it("is the same whether rows are offered with their text (kmsim report) or only when wanted (kmsim run)", () => {
    for (const n of [1, 7, 8, 9, 100, 1_023, 1_024, 1_025]) {
      const a = new RowSample("h", 8);
      for (const l of lines(n)) a.offer(l);
      const b = new RowSample("h", 8);
      for (const l of lines(n)) {
        if (b.wantsNext()) b.push(l);
        else b.skip();
      }
      b.setLast(lines(n)[n - 1]);
      expect(b.text(), String(n)).toBe(a.text());
    }
  });
});

describe("sampleTimelineFile (kmsim report reads timeline.csv back)", () => {
  it("samples a file of several megabytes as RowSample does, whether its lines end in \\n or \\r\\n, with or without a last line end", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kmsim-sample-file-"));
    try {
      const header = "minute,time,licensed";
      const rows = Array.from({ length: 200_000 }, (_, i) => `${i},2027-01-04T00:00:00Z,${i % 97}`);
      const expected = new RowSample(header);
      for (const r of rows) expected.offer(r);
      for (const [name, text] of [
        ["lf", `${[header, ...rows].join("\n")}\n`],
        ["crlf", `${[header, ...rows].join("\r\n")}\r\n`],
        ["cut", [header, ...rows].join("\n")],
      ] as const) {
        const path = join(dir, `${name}.csv`);
        writeFileSync(path, text);
        expect(await sampleTimelineFile(path)).toBe(expected.text());
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
