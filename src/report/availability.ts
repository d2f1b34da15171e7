// availability.csv of a run folder (FORMAT.md "Run folder"): every down interval of each host,
// link and site DNS, recorded from the model's hostUp / linkUp / dnsUp facts as they stream (the
// run aggregator forwards them to availability-recorder.ts), and read back line by line by the
// run chart (`kmsim report`, availability-reader.ts). The lanes of the chart come from here, not
// from the timeline, so a sampled timeline hides no outage. This file holds the format: columns,
// kinds and the check of each line.
//
// Rows: hosts, then links, then site DNS; within a kind, entities in file order; an entity's
// intervals by start. Intervals are [start_minute, end_minute), like outage windows; one still
// open at the end of the run ends at the duration. The facts are net changes per minute (§T3),
// so overlapping outage entries of one entity give one interval.

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
 * Reads availability.csv line by line (FORMAT.md "Run folder"), holding nothing but the line: checks
 * the header, the kinds, the ids and that each interval is whole minutes with 0 ≤ start < end,
 * and hands each interval on; throws an AvailabilityFormatError naming the first bad line.
 */
export class AvailabilityLineReader {
  private n = 0;

  constructor(private readonly onInterval: (kind: AvailabilityKind, id: string, start: number, end: number) => void) {}

  /** The next line of the file, without its `\n`. */
  line(text: string): void {
    const n = ++this.n;
    if (n === 1) {
      const header = text.replace(/\r$/, "");
      if (header !== AVAILABILITY_COLUMNS.join(",")) {
        fail(1, `the header must be ${AVAILABILITY_COLUMNS.join(",")}, found ${JSON.stringify(header.slice(0, 80))}`);
      }
      return;
    }
    const fields = text.replace(/\r$/, "").split(",");
    if (fields.length !== 4) fail(n, `expected 4 fields (${AVAILABILITY_COLUMNS.join(",")}), found ${fields.length}`);
    const [kind, id, startText, endText] = fields;
    if (!isKind(kind)) return fail(n, `kind must be host, link or dns, found ${JSON.stringify(kind.slice(0, 40))}`);
    if (!ID.test(id)) fail(n, `id must be made of letters, digits, "_" and "-", found ${JSON.stringify(id.slice(0, 40))}`);
    const start = wholeMinute(startText);
    const end = wholeMinute(endText);
    if (start === null) return fail(n, `start_minute must be a whole number ≥ 0, found ${JSON.stringify(startText.slice(0, 40))}`);
    if (end === null) return fail(n, `end_minute must be a whole number ≥ 0, found ${JSON.stringify(endText.slice(0, 40))}`);
    if (end <= start) fail(n, `end_minute (${end}) must be after start_minute (${start})`);
    this.onInterval(kind, id, start, end);
  }

  /** The end of the file: an empty file has no header. */
  finish(): void {
    if (this.n === 0) fail(1, `the header must be ${AVAILABILITY_COLUMNS.join(",")}, found ""`);
  }
}

function fail(n: number, message: string): never {
  throw new AvailabilityFormatError(`line ${n}: ${message}`);
}

/** Every interval of availability.csv text, checked as AvailabilityLineReader does (small files and tests). */
export function parseAvailabilityCsv(text: string): DownInterval[] {
  const out: DownInterval[] = [];
  const reader = new AvailabilityLineReader((kind, id, start, end) => out.push({ kind, id, start, end }));
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  for (const line of lines) reader.line(line);
  reader.finish();
  return out;
}

function wholeMinute(s: string): number | null {
  if (!/^\d{1,15}$/.test(s)) return null;
  return Number(s);
}
