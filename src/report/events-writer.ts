// Streams events.csv (FORMAT.md "Run folder", `--events`): one row per fact of the kinds FORMAT.md
// lists, written with buffered writes straight to the file, so memory does not grow with the rows.
// The file is created inside the result's temp folder, which is swapped in only when the whole
// result exists (result-folder.ts), so a failed run leaves no partial events.csv.
import { LICENSE_STATE_NAMES, Pool, ResultCode } from "../kms/facts.js";
import type { FactSink, LicenseState } from "../kms/facts.js";
import { groupOfMachine, isOfficeClient, machineOfClient } from "../kms/layout.js";
import type { Layout } from "../kms/layout.js";
import type { World } from "../kms/world.js";
import { csvField, csvRow } from "./csv.js";
import { FileSink } from "./file-sink.js";
import { AsciiBuffer } from "./ascii-buffer.js";
import { formatNumber, formatResultCode } from "./format.js";

/** The columns of events.csv, in FORMAT.md order. */
export const EVENTS_COLUMNS: readonly string[] = [
  "minute",
  "time",
  "kind",
  "client",
  "cmid",
  "host",
  "pool",
  "result",
  "count",
  "from",
  "to",
];

const POOL_NAMES = ["windows", "office"] as const;
const DEFAULT_BUFFER_BYTES = 1 << 20;
const COMMA = 44;
const NEWLINE = 10;

export interface EventsWriterOptions {
  /** Calendar time of t = 0, ms since the epoch (for the `time` column). */
  readonly startEpochMs: number;
  /** Flush to the file once this many bytes are buffered (default 1 MiB). */
  readonly bufferBytes?: number;
}

/** Writes every fact FORMAT.md's events.csv lists (request, state, join, retire, host/link/DNS up/down, rebuild). */
export class EventsWriter implements FactSink {
  /** The file the rows go to (a new file: never over an existing one). */
  readonly path: string;
  private rows = 0;
  /** The file rows go to as the buffer fills (file-sink.ts: its close syncs, its abort deletes). */
  private readonly file: FileSink;
  private closed = false;
  private readonly out: AsciiBuffer;
  private readonly bufferBytes: number;
  private readonly startEpochMs: number;
  private readonly hostIds: string[];
  private readonly linkIds: string[];
  private readonly siteIds: string[];
  /** `<group id>/` of each group, CSV-safe. */
  private readonly groupPrefixes: string[];

  constructor(
    world: World,
    private readonly layout: Layout,
    path: string,
    options: EventsWriterOptions,
  ) {
    this.path = path;
    this.startEpochMs = options.startEpochMs;
    this.bufferBytes = options.bufferBytes ?? DEFAULT_BUFFER_BYTES;
    this.out = new AsciiBuffer(Math.min(this.bufferBytes, DEFAULT_BUFFER_BYTES) + 1024);
    this.hostIds = world.hosts.map((h) => csvField(h.id));
    this.linkIds = world.links.map((l) => csvField(l.id));
    this.siteIds = world.sites.map((s) => csvField(s.id));
    this.groupPrefixes = world.clients.map((g) => `${g.id}/`);
    // Ids are [A-Za-z0-9_-]+ (FORMAT.md), so labels never need quotes; check once rather than per row.
    for (const g of world.clients) {
      if (csvField(g.id) !== g.id) throw new Error(`EventsWriter: group id ${JSON.stringify(g.id)} would need CSV quoting`);
    }
    this.file = new FileSink(path);
    this.out.ascii(csvRow(EVENTS_COLUMNS));
  }

  /** Data rows written so far (the header excluded). */
  get rowCount(): number {
    return this.rows;
  }

  /** Starts a row: `minute,time,kind,`. */
  private begin(at: number, kind: string): void {
    if (this.closed) throw new Error("EventsWriter: write after close");
    const out = this.out;
    out.number(at, formatNumber);
    out.byte(COMMA);
    out.utcTime(this.startEpochMs + at * 60_000);
    out.byte(COMMA);
    out.ascii(kind);
    out.byte(COMMA);
  }

  /** Ends a row and flushes when the buffer is full. */
  private end(): void {
    this.out.byte(NEWLINE);
    this.rows++;
    if (this.out.length >= this.bufferBytes) this.flush();
  }

  /** `client` (the member id, clientLabel) without building a string. */
  private client(c: number): void {
    const layout = this.layout;
    const machine = machineOfClient(layout, c);
    const g = groupOfMachine(layout, machine);
    this.out.ascii(this.groupPrefixes[g]);
    this.out.number(machine - layout.groupFirstMachine[g], formatNumber);
    if (isOfficeClient(layout, c)) this.out.ascii("#office");
  }

  private poolOf(c: number): string {
    return isOfficeClient(this.layout, c) ? POOL_NAMES[Pool.OFFICE] : POOL_NAMES[Pool.WINDOWS];
  }

  /** A client row: `client,,,pool,,,from,to`. */
  private clientRow(at: number, kind: string, client: number, from: string, to: string): void {
    this.begin(at, kind);
    this.client(client);
    this.out.ascii(`,,,${this.poolOf(client)},,,${from},${to}`);
    this.end();
  }

  /** An infrastructure row: the id in the `host` column. */
  private idRow(at: number, kind: string, id: string): void {
    this.begin(at, kind);
    this.out.ascii(",,");
    this.out.ascii(id);
    this.out.ascii(",,,,,");
    this.end();
  }

  private flush(): void {
    this.file.write(this.out.bytes());
    this.out.clear();
  }

  joined(at: number, client: number): void {
    this.clientRow(at, "join", client, "", "");
  }

  retired(at: number, client: number, from: LicenseState): void {
    this.clientRow(at, "retire", client, LICENSE_STATE_NAMES[from], "");
  }

  /** No row of its own: the state row that follows shows the lapse (FORMAT.md lists no `lapse` kind). */
  lapsed(): void {}

  stateChanged(at: number, client: number, from: LicenseState, to: LicenseState): void {
    this.clientRow(at, "state", client, LICENSE_STATE_NAMES[from], LICENSE_STATE_NAMES[to]);
  }

  request(at: number, client: number, cmid: number, host: number, pool: Pool, result: ResultCode, count: number): void {
    this.begin(at, "request");
    const out = this.out;
    this.client(client);
    out.byte(COMMA);
    out.number(cmid, formatNumber);
    out.byte(COMMA);
    out.ascii(this.hostIds[host]);
    out.byte(COMMA);
    out.ascii(POOL_NAMES[pool]);
    out.byte(COMMA);
    if (result !== ResultCode.NO_ANSWER) out.ascii(formatResultCode(result));
    out.byte(COMMA);
    if (count >= 0) out.number(count, formatNumber);
    out.ascii(",,");
    this.end();
  }

  attemptEnded(_at: number, _client: number, _result: ResultCode): void {
    // Not an events.csv kind: the final result of an attempt is visible in its requests.
  }

  unreachableEnded(_at: number, _client: number, _onlineMin: number): void {
    // Not an events.csv kind: the spell is visible as the client's 0xC004F074 attempts' requests.
  }

  hostCount(_at: number, _host: number, _pool: Pool, _count: number): void {
    // Not an events.csv kind: counts appear in the `count` column of requests.
  }

  hostUp(at: number, host: number, up: boolean): void {
    this.idRow(at, up ? "host_up" : "host_down", this.hostIds[host]);
  }

  hostRebuilt(at: number, host: number): void {
    this.idRow(at, "rebuild", this.hostIds[host]);
  }

  linkUp(at: number, link: number, up: boolean): void {
    this.idRow(at, up ? "link_up" : "link_down", this.linkIds[link]);
  }

  dnsUp(at: number, site: number, up: boolean): void {
    this.idRow(at, up ? "dns_up" : "dns_down", this.siteIds[site]);
  }

  /** Flushes the buffer, syncs and closes the file (idempotent). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.flush();
    } finally {
      this.file.close();
    }
  }

  /** Closes and deletes the file: the run failed (FORMAT.md "a failed run leaves no partial output files"). */
  abort(): void {
    this.closed = true;
    this.out.clear();
    this.file.abort();
  }
}
