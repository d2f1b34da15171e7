// Turns the facts of one run into timeline.csv and summary.csv (FORMAT.md "Run folder"). It is
// the FactSink of a run, in the hot path: every method is O(1) and allocation-free; per-client
// data lives in typed arrays; time integrals are added piecewise when a minute is closed, never
// minute by minute.
//
// All values are END-OF-MINUTE values. Before minute 0's facts every state count is 0, every host
// is up with empty tables, every link and site DNS is up. A minute is closed when a fact of a
// later minute arrives, or by finish(); the values it closes with hold until the next minute
// that has facts.
import { LicenseState, Pool, ResultCode } from "../kms/facts.js";
import type { FactSink } from "../kms/facts.js";
import type { Layout } from "../kms/layout.js";
import type { World } from "../kms/world.js";
import {
  LOW_COUNT_THRESHOLD,
  LOW_OFFICE_COUNT_THRESHOLD,
  dnsColumnSites,
  summaryColumns,
  timelineColumns,
} from "./columns.js";
import { AsciiBuffer } from "./ascii-buffer.js";
import { recordToCsv } from "./csv.js";
import type { AvailabilitySink } from "./availability.js";
import type { RowSample } from "./chart-sample.js";
import type { ByteSink } from "./file-sink.js";
import type { EventsWriter } from "./events-writer.js";
import { formatNumber } from "./format.js";
import { percentileR7 } from "./stats.js";

export interface RunAggregatorOptions {
  /** Calendar time of t = 0, ms since the epoch. */
  readonly startEpochMs: number;
  /** FORMAT.md `sample`: a timeline row every S minutes; null = change-driven rows. */
  readonly sampleMin: number | null;
  readonly scenario: string;
  /** The strategy name, null for the base scenario (empty `strategy` column). */
  readonly strategy: string | null;
  readonly replication: number;
  readonly seed: number;
  /** When given (`--events`), every fact is forwarded to it; finish() closes it. */
  readonly events?: EventsWriter;
  /** When given, host, link and site-DNS up/down facts are forwarded to it (availability.csv). */
  readonly availability?: AvailabilitySink;
  /**
   * When given, timeline.csv goes to it as it is produced (a file: memory does not grow with the
   * rows) and RunOutputs.timeline is empty; else the text is kept in memory.
   */
  readonly timeline?: ByteSink;
  /** When given, every timeline row is offered to it (the chart's bounded sample, chart-sample.ts). */
  readonly chartSample?: RowSample;
}

/** Timeline bytes buffered before they go to the sink. */
const TIMELINE_FLUSH_BYTES = 1 << 20;

export interface RunOutputs {
  /** timeline.csv text; empty when the rows went to `options.timeline`. */
  readonly timeline: string;
  /** summary.csv text. */
  readonly summary: string;
  /** The summary row, columns in summary.csv order; raw numbers (unrounded), "" for an empty field. */
  readonly summaryRecord: Record<string, number | string>;
}

// Per-client flags.
const JOINED = 1;
const EVER_LICENSED = 2;
const LAPSED = 4;

/** Index of a (pool, state) column in the value vector: windows states 0…3, office 4…7. */
const OOB = LicenseState.OOB_GRACE - 1;
const LIC = LicenseState.LICENSED - 1;
const OOT = LicenseState.OOT_GRACE - 1;
const NOTIF = LicenseState.NOTIFICATION - 1;
const OFFICE_BASE = 4;

/** Aggregates a run's facts into timeline.csv and summary.csv (FORMAT.md "Run folder"). */
export class RunAggregator implements FactSink {
  private readonly durationMin: number;
  private readonly sampleMin: number | null;
  private readonly events: EventsWriter | null;
  private readonly availability: AvailabilitySink | null;
  /** 1 when licensing client c is an Office install iff (c & 1) = 1 (layout.ts), else 0. */
  private readonly officeMask: number;
  private readonly hasOffice: boolean;

  // Current values (as the facts of the open minute have left them) and the last timeline row.
  private readonly cur: Float64Array;
  private readonly last: Float64Array;
  private dirty = true;
  private readonly hostUpCol: Int32Array;
  private readonly hostCountCol: Int32Array;
  private readonly hostOfficeCol: Int32Array;
  private readonly linkCol: Int32Array;
  private readonly dnsCol: Int32Array;

  /** The open minute: every fact so far is at or before it. */
  private minute = 0;
  private finished = false;
  /** timeline.csv not yet given to the sink (all of it without a sink): the header, then one line per row. */
  private readonly rows = new AsciiBuffer();
  private readonly timelineSink: ByteSink | null;
  private readonly sample: RowSample | null;
  /** Where the last row starts in `rows` (-1: flushed, its text is in `lastRowText`). */
  private lastRowStart = -1;
  private lastRowText: string | null = null;

  // Integrals (minutes × clients or minutes), added when a minute closes.
  private winNotifMin = 0;
  private winOotMin = 0;
  private offNotifMin = 0;
  private readonly hostDownMin: Float64Array;
  private readonly hostLowMin: Float64Array;
  private readonly hostOfficeLowMin: Float64Array;
  /** Whether each host holds an Office key (only those have `<host>_office_low_count_h`). */
  private readonly hostHasOfficeKey: Uint8Array;

  // Counters.
  private requests = 0;
  private readonly failed = new Float64Array(4);
  private readonly hostRequests: Float64Array;
  private readonly hostMax: Float64Array;
  private readonly hostOfficeMax: Float64Array;
  /** Requests answered 0xC004F041 / 0xC004F042 (§H2), per host: [h × 2], [h × 2 + 1]. */
  private readonly hostRejected: Float64Array;
  /** Online minutes without a reachable host (FactSink.unreachableEnded), Windows and Office. */
  private winUnreachableMin = 0;
  private offUnreachableMin = 0;
  /** Smallest validity left at a renewal, minutes (Infinity while none). */
  private winMinValidityLeft = Infinity;
  private offMinValidityLeft = Infinity;
  private winJoined = 0;
  private offJoined = 0;
  private winActivated = 0;
  private offActivated = 0;
  private winLapsed = 0;
  private offLapsed = 0;

  // Per licensing client.
  private readonly flags: Uint8Array;
  private readonly joinAt: Int32Array;
  /** The minute a licensed client's validity ends (§C2), -1 while it is not licensed. */
  private readonly licensedUntil: Int32Array;
  private readonly validityMin: number;
  /** Minutes from join to first activation of Windows clients, first `delayCount` entries used. */
  private delays: Int32Array;
  private delayCount = 0;

  constructor(
    private readonly world: World,
    private readonly layout: Layout,
    private readonly options: RunAggregatorOptions,
  ) {
    this.durationMin = world.durationMin;
    if (options.sampleMin !== null && !(options.sampleMin >= 1 && Number.isInteger(options.sampleMin))) {
      throw new RangeError(`RunAggregator: sampleMin must be a whole number of minutes ≥ 1, got ${options.sampleMin}`);
    }
    this.sampleMin = options.sampleMin;
    this.events = options.events ?? null;
    this.availability = options.availability ?? null;
    this.timelineSink = options.timeline ?? null;
    this.sample = options.chartSample ?? null;
    this.hasOffice = layout.hasOffice;
    this.officeMask = layout.stride === 2 ? 1 : 0;

    const H = world.hosts.length;
    let col = this.hasOffice ? 8 : 4;
    this.hostUpCol = new Int32Array(H);
    this.hostCountCol = new Int32Array(H);
    this.hostOfficeCol = new Int32Array(H).fill(-1);
    for (let h = 0; h < H; h++) {
      this.hostUpCol[h] = col++;
      this.hostCountCol[h] = col++;
      if (this.hasOffice) this.hostOfficeCol[h] = col++;
    }
    this.linkCol = new Int32Array(world.links.length);
    for (let l = 0; l < world.links.length; l++) this.linkCol[l] = col++;
    this.dnsCol = new Int32Array(world.sites.length).fill(-1);
    for (const s of dnsColumnSites(world)) this.dnsCol[s] = col++;

    this.cur = new Float64Array(col);
    for (let h = 0; h < H; h++) this.cur[this.hostUpCol[h]] = 1;
    for (let l = 0; l < this.linkCol.length; l++) this.cur[this.linkCol[l]] = 1;
    for (let s = 0; s < this.dnsCol.length; s++) if (this.dnsCol[s] >= 0) this.cur[this.dnsCol[s]] = 1;
    this.last = new Float64Array(col);

    this.hostDownMin = new Float64Array(H);
    this.hostLowMin = new Float64Array(H);
    this.hostRequests = new Float64Array(H);
    this.hostMax = new Float64Array(H);
    this.hostOfficeMax = new Float64Array(H);
    this.hostRejected = new Float64Array(2 * H);
    this.hostOfficeLowMin = new Float64Array(H);
    this.hostHasOfficeKey = Uint8Array.from(world.hosts, (host) => (host.officeKeys.length > 0 ? 1 : 0));

    this.flags = new Uint8Array(layout.clientSlots);
    this.joinAt = new Int32Array(layout.clientSlots);
    this.licensedUntil = new Int32Array(layout.clientSlots).fill(-1);
    this.validityMin = world.timers.validityMin;
    this.delays = new Int32Array(Math.max(16, Math.min(layout.clientSlots, 4096)));

    // Column names are ids ([A-Za-z0-9_-]+, FORMAT.md): never quoted.
    this.rows.ascii(timelineColumns(world, layout).join(",") + "\n");
  }

  // ---- closing minutes ----------------------------------------------------------------------

  /** Moves the open minute to `at`, closing the current one (§T1: facts lie in [0, duration)). */
  private advance(at: number): void {
    if (at < this.minute) {
      throw new RangeError(`RunAggregator: fact at minute ${at} after minute ${this.minute} (facts must come in time order)`);
    }
    if (at >= this.durationMin) {
      throw new RangeError(`RunAggregator: fact at minute ${at}, outside the run [0, ${this.durationMin}) (§T1)`);
    }
    if (this.finished) throw new Error("RunAggregator: fact after finish()");
    this.close(at);
    this.minute = at;
  }

  /**
   * Closes the open minute m: its end-of-minute values hold over [m, next). Emits the timeline
   * rows of that span and adds the span to the time integrals.
   */
  private close(next: number): void {
    const m = this.minute;
    const end = next < this.durationMin ? next : this.durationMin;
    const cur = this.cur;
    const S = this.sampleMin;
    if (S === null) {
      if (m === 0 || (this.dirty && this.differs())) {
        this.row(m);
        this.last.set(cur);
      }
    } else {
      for (let t = Math.ceil(m / S) * S; t < end; t += S) this.row(t);
    }
    this.dirty = false;

    const span = end - m;
    this.winNotifMin += cur[NOTIF] * span;
    this.winOotMin += cur[OOT] * span;
    if (this.hasOffice) this.offNotifMin += cur[OFFICE_BASE + NOTIF] * span;
    const H = this.hostUpCol.length;
    for (let h = 0; h < H; h++) {
      if (cur[this.hostUpCol[h]] === 0) this.hostDownMin[h] += span;
      else {
        if (cur[this.hostCountCol[h]] < LOW_COUNT_THRESHOLD) this.hostLowMin[h] += span;
        if (this.hasOffice && cur[this.hostOfficeCol[h]] < LOW_OFFICE_COUNT_THRESHOLD) this.hostOfficeLowMin[h] += span;
      }
    }
  }

  private differs(): boolean {
    const cur = this.cur;
    const last = this.last;
    for (let i = 0; i < cur.length; i++) if (cur[i] !== last[i]) return true;
    return false;
  }

  /** Appends the timeline row of `minute` with the current values (FORMAT.md timeline.csv). */
  private row(minute: number): void {
    const out = this.rows;
    const start = out.length;
    out.number(minute, formatNumber);
    out.byte(44);
    out.utcTime(this.options.startEpochMs + minute * 60_000);
    const cur = this.cur;
    for (let i = 0; i < cur.length; i++) {
      out.byte(44);
      out.number(cur[i], formatNumber);
    }
    out.byte(10);
    const sample = this.sample;
    if (sample !== null) {
      if (sample.wantsNext()) sample.push(out.textRange(start, out.length - 1));
      else sample.skip();
      this.lastRowStart = start;
    }
    if (this.timelineSink !== null && out.length >= TIMELINE_FLUSH_BYTES) this.flushTimeline();
  }

  /** Gives the buffered rows to the sink (remembering the last row's text for the sample). */
  private flushTimeline(): void {
    const out = this.rows;
    if (this.sample !== null && this.lastRowStart >= 0) {
      this.lastRowText = out.textRange(this.lastRowStart, out.length - 1);
      this.lastRowStart = -1;
    }
    this.timelineSink?.write(out.bytes());
    out.clear();
  }

  // ---- FactSink -----------------------------------------------------------------------------

  joined(at: number, client: number): void {
    if (at !== this.minute) this.advance(at);
    if ((this.flags[client] & JOINED) === 0) {
      this.flags[client] |= JOINED;
      this.joinAt[client] = at;
      if ((client & this.officeMask) === 1) this.offJoined++;
      else this.winJoined++;
    }
    if (this.events !== null) this.events.joined(at, client);
  }

  retired(at: number, client: number, from: LicenseState): void {
    if (at !== this.minute) this.advance(at);
    if (from !== LicenseState.NONE) {
      const base = (client & this.officeMask) === 1 ? OFFICE_BASE : 0;
      this.cur[base + from - 1]--;
      this.dirty = true;
    }
    this.licensedUntil[client] = -1;
    if (this.events !== null) this.events.retired(at, client, from);
  }

  stateChanged(at: number, client: number, from: LicenseState, to: LicenseState): void {
    if (at !== this.minute) this.advance(at);
    const office = (client & this.officeMask) === 1;
    const base = office ? OFFICE_BASE : 0;
    if (from !== LicenseState.NONE) this.cur[base + from - 1]--;
    if (to !== LicenseState.NONE) this.cur[base + to - 1]++;
    this.dirty = true;
    if (from === LicenseState.LICENSED) this.licensedUntil[client] = -1;
    const f = this.flags[client];
    if (to === LicenseState.LICENSED) {
      if ((f & (EVER_LICENSED | JOINED)) === JOINED) {
        this.flags[client] = f | EVER_LICENSED;
        if (office) this.offActivated++;
        else {
          this.winActivated++;
          this.pushDelay(at - this.joinAt[client]);
        }
      }
    }
    if (this.events !== null) this.events.stateChanged(at, client, from, to);
  }

  /** §C4: the model says when a validity ran out; a re-image leaving `licensed` is not a lapse (§C7). */
  lapsed(at: number, client: number): void {
    if (at !== this.minute) this.advance(at);
    const f = this.flags[client];
    if ((f & LAPSED) !== 0) return;
    this.flags[client] = f | LAPSED;
    if ((client & this.officeMask) === 1) this.offLapsed++;
    else this.winLapsed++;
  }

  private pushDelay(d: number): void {
    if (this.delayCount === this.delays.length) {
      const bigger = new Int32Array(this.delays.length * 2);
      bigger.set(this.delays);
      this.delays = bigger;
    }
    this.delays[this.delayCount++] = d;
  }

  request(at: number, client: number, cmid: number, host: number, pool: Pool, result: ResultCode, count: number): void {
    if (at !== this.minute) this.advance(at);
    this.requests++;
    this.hostRequests[host]++;
    if (result === ResultCode.HOST_NOT_ACTIVATED) this.hostRejected[2 * host]++;
    else if (result === ResultCode.PRODUCT_NOT_SERVED) this.hostRejected[2 * host + 1]++;
    if (this.events !== null) this.events.request(at, client, cmid, host, pool, result, count);
  }

  attemptEnded(at: number, client: number, result: ResultCode): void {
    if (at !== this.minute) this.advance(at);
    if (result === ResultCode.SUCCESS) this.validityRenewed(at, client);
    switch (result) {
      case ResultCode.COUNT_TOO_LOW:
        this.failed[0]++;
        break;
      case ResultCode.HOST_NOT_ACTIVATED:
        this.failed[1]++;
        break;
      case ResultCode.PRODUCT_NOT_SERVED:
        this.failed[2]++;
        break;
      case ResultCode.NO_HOST:
        this.failed[3]++;
        break;
      default:
        break;
    }
    if (this.events !== null) this.events.attemptEnded(at, client, result);
  }

  /**
   * A success slides the validity to now + validity (§C2). A client that was already licensed
   * renewed with (its old validity end − now) left: the smallest such margin is the
   * `min_validity_left_h` risk column. (A success that licenses a client from another state
   * follows its stateChanged fact, which left licensedUntil at -1.)
   */
  private validityRenewed(at: number, client: number): void {
    const until = this.licensedUntil[client];
    if (until >= 0) {
      const left = until - at;
      if ((client & this.officeMask) === 1) {
        if (left < this.offMinValidityLeft) this.offMinValidityLeft = left;
      } else if (left < this.winMinValidityLeft) this.winMinValidityLeft = left;
    }
    this.licensedUntil[client] = at + this.validityMin;
  }

  /** Not a timeline fact (it may carry the run's end minute): only the sums of the summary. */
  unreachableEnded(_at: number, client: number, onlineMin: number): void {
    if ((client & this.officeMask) === 1) this.offUnreachableMin += onlineMin;
    else this.winUnreachableMin += onlineMin;
  }

  hostCount(at: number, host: number, pool: Pool, count: number): void {
    if (at !== this.minute) this.advance(at);
    if (pool === Pool.WINDOWS) {
      this.cur[this.hostCountCol[host]] = count;
      if (count > this.hostMax[host]) this.hostMax[host] = count;
      this.dirty = true;
    } else if (this.hasOffice) {
      this.cur[this.hostOfficeCol[host]] = count;
      if (count > this.hostOfficeMax[host]) this.hostOfficeMax[host] = count;
      this.dirty = true;
    }
    if (this.events !== null) this.events.hostCount(at, host, pool, count);
  }

  hostUp(at: number, host: number, up: boolean): void {
    if (at !== this.minute) this.advance(at);
    this.cur[this.hostUpCol[host]] = up ? 1 : 0;
    this.dirty = true;
    if (this.availability !== null) this.availability.hostUp(at, host, up);
    if (this.events !== null) this.events.hostUp(at, host, up);
  }

  hostRebuilt(at: number, host: number): void {
    if (at !== this.minute) this.advance(at);
    if (this.events !== null) this.events.hostRebuilt(at, host);
  }

  linkUp(at: number, link: number, up: boolean): void {
    if (at !== this.minute) this.advance(at);
    this.cur[this.linkCol[link]] = up ? 1 : 0;
    this.dirty = true;
    if (this.availability !== null) this.availability.linkUp(at, link, up);
    if (this.events !== null) this.events.linkUp(at, link, up);
  }

  dnsUp(at: number, site: number, up: boolean): void {
    if (at !== this.minute) this.advance(at);
    const c = this.dnsCol[site];
    if (c >= 0) {
      this.cur[c] = up ? 1 : 0;
      this.dirty = true;
    }
    if (this.availability !== null) this.availability.dnsUp(at, site, up);
    if (this.events !== null) this.events.dnsUp(at, site, up);
  }

  // ---- end of run ---------------------------------------------------------------------------

  /**
   * Closes the remaining minutes up to the end of the run (§T1) and returns timeline.csv,
   * summary.csv and the summary row. Closes the events writer, if any. Call once.
   */
  finish(): RunOutputs {
    if (this.finished) throw new Error("RunAggregator: finish() called twice");
    this.close(this.durationMin);
    this.finished = true;
    if (this.events !== null) this.events.close();
    const summaryRecord = this.buildSummary();
    if (this.sample !== null) {
      const last = this.lastRowStart >= 0 ? this.rows.textRange(this.lastRowStart, this.rows.length - 1) : this.lastRowText;
      if (last !== null) this.sample.setLast(last);
    }
    let timeline = "";
    if (this.timelineSink !== null) this.flushTimeline();
    else timeline = this.rows.text();
    return {
      timeline,
      summary: recordToCsv(summaryRecord),
      summaryRecord,
    };
  }

  private buildSummary(): Record<string, number | string> {
    const o = this.options;
    const cur = this.cur;
    const delays = this.delays.subarray(0, this.delayCount).sort();
    const hasDelays = delays.length > 0;
    const r: Record<string, number | string> = {
      scenario: o.scenario,
      strategy: o.strategy ?? "",
      replication: o.replication,
      seed: o.seed,
      clients: this.winJoined,
      licensed_end: cur[LIC],
      oob_grace_end: cur[OOB],
      oot_grace_end: cur[OOT],
      notification_end: cur[NOTIF],
      notification_client_days: this.winNotifMin / 1440,
      oot_client_days: this.winOotMin / 1440,
      clients_lapsed: this.winLapsed,
      never_activated: this.winJoined - this.winActivated,
      first_activation_p50_h: hasDelays ? percentileR7(delays, 0.5) / 60 : "",
      first_activation_p95_h: hasDelays ? percentileR7(delays, 0.95) / 60 : "",
      requests: this.requests,
      failed_0xC004F038: this.failed[0],
      failed_0xC004F041: this.failed[1],
      failed_0xC004F042: this.failed[2],
      failed_0xC004F074: this.failed[3],
    };
    this.world.hosts.forEach((host, h) => {
      r[`${host.id}_downtime_h`] = this.hostDownMin[h] / 60;
      r[`${host.id}_low_count_h`] = this.hostLowMin[h] / 60;
      r[`${host.id}_requests`] = this.hostRequests[h];
      r[`${host.id}_max_count`] = this.hostMax[h];
    });
    if (this.hasOffice) {
      r.office_clients = this.offJoined;
      r.office_licensed_end = cur[OFFICE_BASE + LIC];
      r.office_notification_client_days = this.offNotifMin / 1440;
      r.office_clients_lapsed = this.offLapsed;
      r.office_never_activated = this.offJoined - this.offActivated;
    }
    r.failed_attempts = this.failed[0] + this.failed[1] + this.failed[2] + this.failed[3];
    r.min_validity_left_h = minValidityLeftHours(this.winLapsed, this.winMinValidityLeft);
    r.client_hours_unreachable = this.winUnreachableMin / 60;
    let rejected41 = 0;
    let rejected42 = 0;
    this.world.hosts.forEach((_, h) => {
      rejected41 += this.hostRejected[2 * h];
      rejected42 += this.hostRejected[2 * h + 1];
    });
    r.rejected_0xC004F041 = rejected41;
    r.rejected_0xC004F042 = rejected42;
    this.world.hosts.forEach((host, h) => {
      r[`${host.id}_rejected`] = this.hostRejected[2 * h] + this.hostRejected[2 * h + 1];
    });
    if (this.hasOffice) {
      r.office_min_validity_left_h = minValidityLeftHours(this.offLapsed, this.offMinValidityLeft);
      r.office_client_hours_unreachable = this.offUnreachableMin / 60;
      this.world.hosts.forEach((host, h) => {
        r[`${host.id}_office_max_count`] = this.hostOfficeMax[h];
        r[`${host.id}_office_low_count_h`] = this.hostHasOfficeKey[h] === 1 ? this.hostOfficeLowMin[h] / 60 : "";
      });
    }
    // Guard the contract: keys in exactly FORMAT.md's order.
    const expected = summaryColumns(this.world, this.layout);
    const keys = Object.keys(r);
    if (keys.length !== expected.length || keys.some((k, i) => k !== expected[i])) {
      throw new Error(`RunAggregator: summary columns ${keys.join(",")} differ from ${expected.join(",")}`);
    }
    return r;
  }
}

/** `min_validity_left_h`: 0 once any client lapsed, else the smallest margin at a renewal, empty without one. */
function minValidityLeftHours(lapsed: number, minLeftMin: number): number | string {
  if (lapsed > 0) return 0;
  return minLeftMin === Infinity ? "" : minLeftMin / 60;
}
