// A deliberately simple FactSink for model tests: it keeps every fact as an object and derives
// figures by brute force, independently of src/report's streaming aggregator.
import { LicenseState, Pool, ResultCode, type FactSink } from "../../src/kms/facts.js";

export type Fact =
  | { kind: "joined"; at: number; client: number }
  | { kind: "retired"; at: number; client: number; from: LicenseState }
  | { kind: "lapsed"; at: number; client: number }
  | { kind: "state"; at: number; client: number; from: LicenseState; to: LicenseState }
  | { kind: "request"; at: number; client: number; cmid: number; host: number; pool: Pool; result: ResultCode; count: number }
  | { kind: "attempt"; at: number; client: number; result: ResultCode }
  | { kind: "unreachable"; at: number; client: number; onlineMin: number }
  | { kind: "count"; at: number; host: number; pool: Pool; count: number }
  | { kind: "hostUp"; at: number; host: number; up: boolean }
  | { kind: "rebuild"; at: number; host: number }
  | { kind: "linkUp"; at: number; link: number; up: boolean }
  | { kind: "dnsUp"; at: number; site: number; up: boolean };

export class FactRecorder implements FactSink {
  readonly facts: Fact[] = [];
  joined(at: number, client: number): void {
    this.facts.push({ kind: "joined", at, client });
  }
  retired(at: number, client: number, from: LicenseState): void {
    this.facts.push({ kind: "retired", at, client, from });
  }
  lapsed(at: number, client: number): void {
    this.facts.push({ kind: "lapsed", at, client });
  }
  stateChanged(at: number, client: number, from: LicenseState, to: LicenseState): void {
    this.facts.push({ kind: "state", at, client, from, to });
  }
  request(at: number, client: number, cmid: number, host: number, pool: Pool, result: ResultCode, count: number): void {
    this.facts.push({ kind: "request", at, client, cmid, host, pool, result, count });
  }
  attemptEnded(at: number, client: number, result: ResultCode): void {
    this.facts.push({ kind: "attempt", at, client, result });
  }
  unreachableEnded(at: number, client: number, onlineMin: number): void {
    this.facts.push({ kind: "unreachable", at, client, onlineMin });
  }
  hostCount(at: number, host: number, pool: Pool, count: number): void {
    this.facts.push({ kind: "count", at, host, pool, count });
  }
  hostUp(at: number, host: number, up: boolean): void {
    this.facts.push({ kind: "hostUp", at, host, up });
  }
  hostRebuilt(at: number, host: number): void {
    this.facts.push({ kind: "rebuild", at, host });
  }
  linkUp(at: number, link: number, up: boolean): void {
    this.facts.push({ kind: "linkUp", at, link, up });
  }
  dnsUp(at: number, site: number, up: boolean): void {
    this.facts.push({ kind: "dnsUp", at, site, up });
  }

  of<K extends Fact["kind"]>(kind: K): Extract<Fact, { kind: K }>[] {
    return this.facts.filter((f): f is Extract<Fact, { kind: K }> => f.kind === kind);
  }

  /** Requests sent (§C6.6). */
  requests(filter: (f: Extract<Fact, { kind: "request" }>) => boolean = () => true): number {
    return this.of("request").filter(filter).length;
  }

  /** Failed attempts with this final code (§C6.4). */
  failed(code: ResultCode): number {
    return this.of("attempt").filter((f) => f.result === code).length;
  }

  /** State of every client after all facts up to and including minute t. */
  statesAt(t: number): Map<number, LicenseState> {
    const states = new Map<number, LicenseState>();
    for (const f of this.facts) {
      if (f.at > t) break;
      if (f.kind === "state") states.set(f.client, f.to);
      if (f.kind === "retired") states.delete(f.client);
    }
    return states;
  }

  /** Number of the given clients in `state` at the end of minute t. */
  countInState(t: number, state: LicenseState, clients: (c: number) => boolean = () => true): number {
    let n = 0;
    for (const [c, s] of this.statesAt(t)) if (s === state && clients(c)) n++;
    return n;
  }

  /** The host's pool count at the end of minute t. */
  hostCountAt(host: number, t: number, pool: Pool = Pool.WINDOWS): number {
    let count = 0;
    for (const f of this.facts) {
      if (f.at > t) break;
      if (f.kind === "count" && f.host === host && f.pool === pool) count = f.count;
    }
    return count;
  }

  /** Minute of each client's first LICENSED minus its first join, in hours. */
  firstActivationHours(clients: (c: number) => boolean = () => true): number[] {
    const joined = new Map<number, number>();
    const first = new Map<number, number>();
    for (const f of this.facts) {
      if (f.kind === "joined" && !joined.has(f.client)) joined.set(f.client, f.at);
      if (f.kind === "state" && f.to === LicenseState.LICENSED && !first.has(f.client)) first.set(f.client, f.at);
    }
    return [...first].filter(([c]) => clients(c)).map(([c, at]) => (at - (joined.get(c) ?? 0)) / 60);
  }
}

/** R-7 percentile (linear interpolation between order statistics). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo] + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? 0) - sorted[lo]);
}
