// Writes availability.csv (FORMAT.md "Run folder") from the model's hostUp / linkUp / dnsUp facts
// as they stream, in memory bounded by the entities, not by the intervals (issue 9 item 2): a host
// that flaps every minute for a century has 52 million intervals. The rows must come out entity by
// entity (hosts, then links, then site DNS; entities in file order; an entity's intervals by
// start) while the facts come in time order across entities, so each entity's closed intervals
// wait in a small buffer; a buffer that fills (`chunk` intervals), or all of them when the
// intervals buffered in all pass `budget`, is appended as CSV rows to that entity's spill file
// beside the output. An entity with few intervals never gets a spill file. finish() writes the
// header, then each entity's spill file and buffer in row order, and removes the spill files.
//
// The output and the spill files are written in the result's temp folder, which is swapped in
// at the end or removed on failure or interrupt (result-folder.ts); abort() removes them itself.
// Alongside, the chart's bounded summary is accumulated (availability-summary.ts).
import { closeSync, constants, openSync, readSync, unlinkSync } from "node:fs";
import type { World } from "../kms/world.js";
import { AVAILABILITY_COLUMNS, AVAILABILITY_KINDS, type AvailabilityKind, type AvailabilitySink } from "./availability.js";
import { DowntimeAccumulator, entityDowntime, type AvailabilitySummary, type EntityDowntime } from "./availability-summary.js";
import { tempPathFor } from "./atomic.js";
import { csvRow } from "./csv.js";
import { FileSink, writeAll } from "./file-sink.js";

/** Intervals an entity buffers before they go to its spill file. */
export const AVAILABILITY_CHUNK = 4096;
/** Intervals buffered in all (every entity) before every buffer goes to its spill file. */
export const AVAILABILITY_BUDGET = 1 << 18;

export interface AvailabilityRecorderOptions {
  /** availability.csv's path (a new file); spill files are created beside it. */
  readonly path: string;
  /** The plot width, px, that the chart summary's pixel is measured in (PLOT_WIDTH). */
  readonly widthPx: number;
  /** Intervals an entity buffers before spilling (default AVAILABILITY_CHUNK). */
  readonly chunk?: number;
  /** Intervals buffered in all before every buffer spills (default AVAILABILITY_BUDGET). */
  readonly budget?: number;
}

/** One entity: its state, its buffered intervals and (once it spilled) its spill file. */
class EntityLog {
  /** The minute it went down; -1 while up. */
  downSince = -1;
  /** Closed intervals not yet spilled: [start, end, …]. */
  buffer: number[] = [];
  spillPath: string | null = null;
  summary: DowntimeAccumulator | null = null;

  constructor(
    readonly kind: AvailabilityKind,
    readonly id: string,
  ) {}
}

/** Records the down intervals of a run into availability.csv (FORMAT.md) and the chart's summary. */
export class AvailabilityRecorder implements AvailabilitySink {
  private readonly logs: Record<AvailabilityKind, EntityLog[]>;
  private readonly durationMin: number;
  private readonly chunk: number;
  private readonly budget: number;
  private buffered = 0;
  private spills = 0;
  private state: "recording" | "finished" | "aborted" = "recording";

  constructor(
    world: World,
    private readonly options: AvailabilityRecorderOptions,
  ) {
    this.durationMin = world.durationMin;
    this.chunk = options.chunk ?? AVAILABILITY_CHUNK;
    this.budget = options.budget ?? AVAILABILITY_BUDGET;
    if (!(this.chunk >= 1 && this.budget >= 1)) throw new RangeError("AvailabilityRecorder: chunk and budget must be at least 1");
    this.logs = {
      host: world.hosts.map((h) => new EntityLog("host", h.id)),
      link: world.links.map((l) => new EntityLog("link", l.id)),
      dns: world.sites.map((s) => new EntityLog("dns", s.id)),
    };
  }

  /** Closed intervals held in memory now (at most `budget` plus one chunk). */
  get bufferedIntervals(): number {
    return this.buffered;
  }

  /** Spill files on disk now. */
  get spillFiles(): number {
    return this.spills;
  }

  hostUp(at: number, host: number, up: boolean): void {
    this.change(this.logs.host[host], at, up);
  }

  linkUp(at: number, link: number, up: boolean): void {
    this.change(this.logs.link[link], at, up);
  }

  dnsUp(at: number, site: number, up: boolean): void {
    this.change(this.logs.dns[site], at, up);
  }

  private change(log: EntityLog, at: number, up: boolean): void {
    const since = log.downSince;
    if (!up && since < 0) log.downSince = at;
    else if (up && since >= 0) {
      // A change undone within its minute would be an empty interval: nothing was down.
      if (at > since) this.close(log, since, at);
      log.downSince = -1;
    }
  }

  private close(log: EntityLog, start: number, end: number): void {
    log.buffer.push(start, end);
    log.summary ??= new DowntimeAccumulator(this.durationMin, this.options.widthPx);
    log.summary.add(start, end);
    this.buffered++;
    if (log.buffer.length >= 2 * this.chunk) this.spill(log);
    if (this.buffered > this.budget) this.spillAll();
  }

  private spillAll(): void {
    for (const kind of AVAILABILITY_KINDS) for (const log of this.logs[kind]) if (log.buffer.length > 0) this.spill(log);
  }

  /** Appends the entity's buffered intervals to its spill file (created on the first spill). */
  private spill(log: EntityLog): void {
    let fd: number;
    if (log.spillPath === null) {
      log.spillPath = tempPathFor(this.options.path);
      fd = openSync(log.spillPath, "wx");
      this.spills++;
    } else {
      // Never created again: a spill file removed meanwhile (the run was interrupted) stays gone.
      fd = openSync(log.spillPath, constants.O_WRONLY | constants.O_APPEND);
    }
    try {
      writeAll(fd, Buffer.from(rowsText(log, log.buffer), "utf8"));
    } finally {
      closeSync(fd);
    }
    this.buffered -= log.buffer.length / 2;
    log.buffer = [];
  }

  /**
   * Writes availability.csv — the header, then every entity's intervals in row order (an interval
   * still open ends at the duration) — removes the spill files and returns the chart's summary.
   */
  finish(): AvailabilitySummary {
    if (this.state !== "recording") throw new Error(`AvailabilityRecorder: finish() after ${this.state === "finished" ? "finish()" : "abort()"}`);
    let out: FileSink | null = null;
    try {
      out = new FileSink(this.options.path);
      out.write(Buffer.from(csvRow(AVAILABILITY_COLUMNS), "utf8"));
      const entities: EntityDowntime[] = [];
      for (const kind of AVAILABILITY_KINDS) {
        for (const log of this.logs[kind]) {
          const since = log.downSince;
          if (since >= 0 && since < this.durationMin) {
            log.buffer.push(since, this.durationMin);
            log.summary ??= new DowntimeAccumulator(this.durationMin, this.options.widthPx);
            log.summary.add(since, this.durationMin);
          }
          if (log.spillPath !== null) {
            copyFile(log.spillPath, out);
            this.removeSpill(log);
          }
          if (log.buffer.length > 0) out.write(Buffer.from(rowsText(log, log.buffer), "utf8"));
          this.buffered -= log.buffer.length / 2;
          log.buffer = [];
          if (log.summary !== null) entities.push(entityDowntime(kind, log.id, log.summary));
        }
      }
      out.close();
      this.state = "finished";
      return { endMinute: this.durationMin, widthPx: this.options.widthPx, entities };
    } catch (err) {
      out?.abort();
      this.abort();
      throw err;
    }
  }

  /** Removes the spill files (and availability.csv, if finish() had begun it): the run failed. */
  abort(): void {
    if (this.state === "finished") return;
    this.state = "aborted";
    for (const kind of AVAILABILITY_KINDS) {
      for (const log of this.logs[kind]) {
        this.removeSpill(log);
        log.buffer = [];
      }
    }
    this.buffered = 0;
  }

  private removeSpill(log: EntityLog): void {
    if (log.spillPath === null) return;
    try {
      unlinkSync(log.spillPath);
    } catch {
      // already gone
    }
    log.spillPath = null;
    this.spills--;
  }
}

/** The CSV rows of some of an entity's intervals. */
function rowsText(log: EntityLog, intervals: readonly number[]): string {
  let text = "";
  for (let k = 0; k < intervals.length; k += 2) text += csvRow([log.kind, log.id, intervals[k], intervals[k + 1]]);
  return text;
}

/** Appends a file's bytes to `out`, a megabyte at a time. */
function copyFile(path: string, out: FileSink): void {
  const fd = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(1 << 20);
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      out.write(buffer.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
}
