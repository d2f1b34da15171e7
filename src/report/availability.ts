// availability.csv of a run folder (FORMAT.md "Run folder"): every down interval of each host,
// link and site DNS, recorded from the model's hostUp / linkUp / dnsUp facts as they stream (the
// run aggregator forwards them), and read back by the run chart (`kmsim report`). The lanes of
// the chart come from here, not from the timeline, so a sampled timeline hides no outage.
//
// Rows: hosts, then links, then site DNS; within a kind, entities in file order; an entity's
// intervals by start. Intervals are [start_minute, end_minute), like outage windows; one still
// open at the end of the run ends at the duration. The facts are net changes per minute (§T3),
// so overlapping outage entries of one entity give one interval.
import type { World } from "../kms/world.js";
import { csvRow } from "./csv.js";

export const AVAILABILITY_FILE = "availability.csv";
export const AVAILABILITY_COLUMNS: readonly string[] = ["kind", "id", "start_minute", "end_minute"];

/** What went down: a host (§H5), a link (§N1) or a site's DNS (§N3). */
export type AvailabilityKind = "host" | "link" | "dns";
/** The kinds in availability.csv's row order. */
export const AVAILABILITY_KINDS: readonly AvailabilityKind[] = ["host", "link", "dns"];

/** One down interval [start, end) in minutes from the start of the run. */
export interface DownInterval {
  readonly kind: AvailabilityKind;
  readonly id: string;
  readonly start: number;
  readonly end: number;
}

/** The three facts availability.csv is made of (a subset of the model's FactSink). */
export interface AvailabilitySink {
  hostUp(at: number, host: number, up: boolean): void;
  linkUp(at: number, link: number, up: boolean): void;
  dnsUp(at: number, site: number, up: boolean): void;
}

/** One kind's entities: the minute each went down (-1 while up) and its closed intervals. */
class KindLog {
  readonly downSince: Float64Array;
  readonly closed: number[][];

  constructor(readonly ids: readonly string[]) {
    this.downSince = new Float64Array(ids.length).fill(-1);
    this.closed = ids.map(() => []);
  }

  change(at: number, index: number, up: boolean): void {
    const since = this.downSince[index];
    if (!up && since < 0) this.downSince[index] = at;
    else if (up && since >= 0) {
      // A change undone within its minute would be an empty interval: nothing was down.
      if (at > since) this.closed[index].push(since, at);
      this.downSince[index] = -1;
    }
  }
}

/** Collects the down intervals of a run from its facts (FORMAT.md availability.csv). */
export class AvailabilityRecorder implements AvailabilitySink {
  private readonly logs: Record<AvailabilityKind, KindLog>;
  private readonly durationMin: number;

  constructor(world: World) {
    this.durationMin = world.durationMin;
    this.logs = {
      host: new KindLog(world.hosts.map((h) => h.id)),
      link: new KindLog(world.links.map((l) => l.id)),
      dns: new KindLog(world.sites.map((s) => s.id)),
    };
  }

  hostUp(at: number, host: number, up: boolean): void {
    this.logs.host.change(at, host, up);
  }

  linkUp(at: number, link: number, up: boolean): void {
    this.logs.link.change(at, link, up);
  }

  dnsUp(at: number, site: number, up: boolean): void {
    this.logs.dns.change(at, site, up);
  }

  /** Every down interval in availability.csv order; one still open ends at the duration. */
  intervals(): DownInterval[] {
    const out: DownInterval[] = [];
    for (const kind of AVAILABILITY_KINDS) {
      const log = this.logs[kind];
      log.ids.forEach((id, i) => {
        const c = log.closed[i];
        for (let k = 0; k < c.length; k += 2) out.push({ kind, id, start: c[k], end: c[k + 1] });
        const since = log.downSince[i];
        if (since >= 0 && since < this.durationMin) out.push({ kind, id, start: since, end: this.durationMin });
      });
    }
    return out;
  }

  /** availability.csv text: the header, then one row per interval (header only when nothing went down). */
  csv(): string {
    return availabilityCsv(this.intervals());
  }
}

/** availability.csv text for these intervals, in the order given. */
export function availabilityCsv(intervals: readonly DownInterval[]): string {
  let text = csvRow(AVAILABILITY_COLUMNS);
  for (const r of intervals) text += csvRow([r.kind, r.id, r.start, r.end]);
  return text;
}

/** A malformed availability.csv: the message names the line (`line N: …`). */
export class AvailabilityFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AvailabilityFormatError";
  }
}

const ID = /^[A-Za-z0-9_-]+$/;

function isKind(s: string): s is AvailabilityKind {
  return (AVAILABILITY_KINDS as readonly string[]).includes(s);
}

/**
 * Reads availability.csv text back (FORMAT.md "Run folder"). Checks the header, the kinds, the
 * ids and that each interval is whole minutes with 0 ≤ start < end; throws an
 * AvailabilityFormatError naming the first bad line.
 */
export function parseAvailabilityCsv(text: string): DownInterval[] {
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  const fail = (n: number, message: string): never => {
    throw new AvailabilityFormatError(`line ${n}: ${message}`);
  };
  const header = (lines[0] ?? "").replace(/\r$/, "");
  if (header !== AVAILABILITY_COLUMNS.join(",")) {
    fail(1, `the header must be ${AVAILABILITY_COLUMNS.join(",")}, found ${JSON.stringify(header.slice(0, 80))}`);
  }
  const out: DownInterval[] = [];
  for (let i = 1; i < lines.length; i++) {
    const n = i + 1;
    const fields = lines[i].replace(/\r$/, "").split(",");
    if (fields.length !== 4) fail(n, `expected 4 fields (${AVAILABILITY_COLUMNS.join(",")}), found ${fields.length}`);
    const [kind, id, startText, endText] = fields;
    if (!isKind(kind)) fail(n, `kind must be host, link or dns, found ${JSON.stringify(kind.slice(0, 40))}`);
    if (!ID.test(id)) fail(n, `id must be made of letters, digits, "_" and "-", found ${JSON.stringify(id.slice(0, 40))}`);
    const start = wholeMinute(startText);
    const end = wholeMinute(endText);
    if (start === null) fail(n, `start_minute must be a whole number ≥ 0, found ${JSON.stringify(startText.slice(0, 40))}`);
    if (end === null) fail(n, `end_minute must be a whole number ≥ 0, found ${JSON.stringify(endText.slice(0, 40))}`);
    if (start !== null && end !== null) {
      if (end <= start) fail(n, `end_minute (${end}) must be after start_minute (${start})`);
      out.push({ kind: kind as AvailabilityKind, id, start, end });
    }
  }
  return out;
}

function wholeMinute(s: string): number | null {
  if (!/^\d{1,15}$/.test(s)) return null;
  return Number(s);
}
