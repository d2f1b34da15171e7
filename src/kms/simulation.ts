// The KMS model run (MODEL.md): hosts with count tables, clients with license states, discovery
// and the network, all driven by one event queue keyed by (minute, phase, rank) (§T2).
//
// State lives in typed arrays indexed by machine, licensing client, host or infrastructure
// entity, so that a million clients cost a few tens of bytes each and no closures. Each client
// has at most one live attempt and one live expiry timer; a rescheduled timer leaves its old
// event in the queue, and the handler drops an event whose minute no longer matches the timer
// (lazy cancel without handles).
import { EventQueue, runUntil } from "../engine/index.js";
import { drawMinutes, uniformInt } from "../engine/draws.js";
import { compileWorld, type CompiledWorld } from "./compiled-world.js";
import { CountTable } from "./count-table.js";
import { pickSrvRecord } from "./discovery.js";
import { EntityStreams } from "./entity-streams.js";
import { EventRanks, InfraKind, InfraSub, MACHINE_RANKS, MachineSub, PHASES, Phase } from "./event-ranks.js";
import { LazyOnline, OnlineMode } from "./lazy-online.js";
import { LicenseState, Pool, ResultCode, type FactSink } from "./facts.js";
import { siteComponents } from "./network.js";
import { inOfficeHours, inWindows, nextOfficeHoursChange, nextWindowBoundary } from "./online.js";
import type { ClientGroupSpec, World } from "./world.js";

// Hot-path constants as plain module bindings (a property load per use adds up at 10^7 requests).
const SUCCESS = ResultCode.SUCCESS;
const COUNT_TOO_LOW = ResultCode.COUNT_TOO_LOW;
const NO_ANSWER = ResultCode.NO_ANSWER;
const NO_HOST = ResultCode.NO_HOST;
const HOST_NOT_ACTIVATED = ResultCode.HOST_NOT_ACTIVATED;
const PRODUCT_NOT_SERVED = ResultCode.PRODUCT_NOT_SERVED;
const WINDOWS = Pool.WINDOWS;
const OFFICE = Pool.OFFICE;

/** One CSVLK activates a host up to 10 times (§H7). */
const MAX_KEY_ACTIVATIONS = 10;

const Membership = { NOT_JOINED: 0, JOINED: 1, RETIRED: 2 } as const;

/**
 * unreachMark values besides "online since minute m" (m ≥ 0): no open unreachable spell, or one
 * while offline. (For a lazily followed machine, m ≥ 0 only says a spell is open; see fail().)
 */
const NO_SPELL = -2;
const SPELL_OFFLINE = -1;

export interface RunIdentity {
  readonly seed: number;
  readonly replication: number;
}

export interface RunStats {
  readonly eventsProcessed: number;
  /** Activation attempts made (each ends in one attemptEnded fact). */
  readonly attempts: number;
}

export interface SimulateOptions {
  /** Called with the simulated minute reached, about `progressSteps` times per run (for progress bars). */
  readonly onProgress?: (minute: number) => void;
  readonly progressSteps?: number;
}

/** Runs one replication of a world from minute 0 to its duration, reporting facts to `sink`. */
export function simulate(world: World, run: RunIdentity, sink: FactSink, options: SimulateOptions = {}): RunStats {
  return simulateCompiled(compileWorld(world), run, sink, options);
}

/**
 * The same for a world compiled once (compileWorld): a campaign's worker runs many replications of
 * one world. The compiled world is read only; every run keeps its state of its own.
 */
export function simulateCompiled(compiled: CompiledWorld, run: RunIdentity, sink: FactSink, options: SimulateOptions = {}): RunStats {
  return new Simulation(compiled, run, sink).run(options);
}

class Simulation {
  private readonly queue: EventQueue;
  private readonly horizon: number;

  private readonly ranks: EventRanks;
  private readonly stride: number;

  // Infrastructure (§H5, §N1, §N3, §T3): hosts 0 … H−1, links H …, sites' DNS H + L ….
  private readonly infraDownCount: Int32Array;
  private readonly infraUp: Uint8Array;
  private readonly infraSettleAt: Int32Array;
  private readonly outageDown: Uint8Array;
  private readonly linkUp: Uint8Array;
  private readonly siteComponent: Int32Array;

  // Hosts (§H1–§H8).
  private readonly tables: CountTable[];
  private readonly tableExpiryAt: Int32Array;
  private readonly hostActivated: Uint8Array;
  private readonly hostKeyActivations: Int32Array;
  private readonly keyExceptionEndAt: Int32Array;
  private readonly triedStamp: Int32Array;
  private attemptStamp = 0;
  private attempts = 0;

  // Machines.
  private readonly membership: Uint8Array;
  private readonly online: Uint8Array;
  private readonly machineOn: Uint8Array;
  private readonly retireAt: Int32Array;
  private readonly toggleAt: Int32Array;
  private readonly groupOnlineEventAt: Int32Array;

  // Licensing clients (§C1–§C7).
  private readonly state: Uint8Array;
  private readonly attemptAt: Int32Array;
  private readonly waiting: Uint8Array;
  private readonly expiryAt: Int32Array;
  private readonly expiryEventAt: Int32Array;
  private readonly cachedHost: Int32Array;
  private readonly timersFrom: Int32Array;
  private readonly cmid: Int32Array;
  private nextCmid: number;
  /**
   * Unreachable spells (FactSink.unreachableEnded): NO_SPELL, SPELL_OFFLINE, or the minute from
   * which the open spell's current online stretch counts; the online minutes counted so far.
   */
  private readonly unreachMark: Int32Array;
  private readonly unreachOnlineMin: Int32Array;

  // Scratch list of DNS candidates within one priority group.
  private readonly candidates: Int32Array;
  private readonly streams: EntityStreams;
  /** Online patterns read on demand; groups in OnlineMode.EAGER keep their events. */
  private readonly lazy: LazyOnline;
  private readonly groupMode: Uint8Array;

  constructor(
    private readonly w: CompiledWorld,
    run: RunIdentity,
    private readonly sink: FactSink,
  ) {
    const { layout } = w;
    this.horizon = w.world.durationMin;
    this.stride = layout.stride;
    const infraCount = w.hostCount + w.linkCount + w.siteCount;
    this.ranks = new EventRanks(w);
    const rankLimit = this.ranks.rankLimit;
    this.queue = new EventQueue({ phases: PHASES, rankLimit });
    if (this.horizon > this.queue.minuteLimit) {
      throw new Error(`the scenario is too large: ${layout.machineCount} machines over ${this.horizon} minutes exceed the event keys`);
    }
    this.infraDownCount = new Int32Array(infraCount);
    this.infraUp = new Uint8Array(infraCount).fill(1);
    this.infraSettleAt = new Int32Array(infraCount).fill(-1);
    this.outageDown = new Uint8Array(w.outageEntries.length);
    this.linkUp = new Uint8Array(w.linkCount).fill(1);
    this.siteComponent = new Int32Array(w.siteCount);
    siteComponents(w.siteCount, w.linkEnds, this.linkUp, this.siteComponent);

    this.tables = Array.from({ length: w.hostCount * 2 }, () => new CountTable());
    this.tableExpiryAt = new Int32Array(w.hostCount * 2).fill(-1);
    this.hostActivated = new Uint8Array(w.hostCount).fill(1);
    this.hostKeyActivations = new Int32Array(w.hostCount).fill(1);
    this.keyExceptionEndAt = new Int32Array(w.hostCount).fill(-1);
    this.triedStamp = new Int32Array(w.hostCount);

    const machines = layout.machineCount;
    this.membership = new Uint8Array(machines);
    this.online = new Uint8Array(machines);
    this.machineOn = new Uint8Array(machines).fill(1);
    this.retireAt = new Int32Array(machines).fill(-1);
    this.toggleAt = new Int32Array(machines).fill(-1);
    this.groupOnlineEventAt = new Int32Array(w.world.clients.length).fill(-1);

    const slots = layout.clientSlots;
    this.state = new Uint8Array(slots);
    this.attemptAt = new Int32Array(slots).fill(-1);
    this.waiting = new Uint8Array(slots);
    this.expiryAt = new Int32Array(slots).fill(-1);
    this.expiryEventAt = new Int32Array(slots).fill(-1);
    this.cachedHost = new Int32Array(slots).fill(-1);
    this.timersFrom = new Int32Array(slots).fill(-1);
    this.cmid = new Int32Array(slots);
    this.nextCmid = slots + 2 * w.world.clients.length;
    this.unreachMark = new Int32Array(slots).fill(NO_SPELL);
    this.unreachOnlineMin = new Int32Array(slots);
    this.candidates = new Int32Array(Math.max(1, w.hostCount));
    this.streams = new EntityStreams(w, run.seed, run.replication);
    this.lazy = new LazyOnline(w, this.streams, this.horizon);
    this.groupMode = this.lazy.mode;
  }

  run(options: SimulateOptions): RunStats {
    this.scheduleInitialEvents();
    const handler = (q: EventQueue): void => this.handle(q.phase, q.rank);
    const { onProgress } = options;
    let eventsProcessed = 0;
    if (onProgress === undefined) {
      eventsProcessed = runUntil(this.queue, this.horizon, handler);
    } else {
      const steps = Math.max(1, options.progressSteps ?? 100);
      for (let i = 1; i <= steps; i++) {
        const until = i === steps ? this.horizon : Math.floor((this.horizon * i) / steps);
        eventsProcessed += runUntil(this.queue, until, handler);
        onProgress(until);
      }
    }
    for (let c = 0; c < this.unreachMark.length; c++) this.endUnreachableSpell(c, this.horizon);
    return { eventsProcessed, attempts: this.attempts };
  }

  // ---------------------------------------------------------------- scheduling

  private at(): number {
    return this.queue.at;
  }

  private schedule(at: number, phase: number, rank: number): void {
    if (at < this.horizon) this.queue.schedule(at, phase, rank);
  }

  private infraRank(infra: number, sub: number): number {
    return this.ranks.infraRank(infra, sub);
  }

  private scheduleInitialEvents(): void {
    const { world } = this.w;
    // Outages (§T3, §R1): windows go down at start and up at end; random processes start up.
    this.w.outageEntries.forEach((entry, e) => {
      const rank = this.ranks.outageRank[e];
      if (entry.outage.kind === "window") this.schedule(entry.outage.start, Phase.INFRASTRUCTURE, rank);
      else this.schedule(drawMinutes(this.streams.outage(e), entry.outage.upTime), Phase.INFRASTRUCTURE, rank);
    });
    world.hosts.forEach((host, h) => {
      for (const at of host.rebuilds) this.schedule(at, Phase.INFRASTRUCTURE, this.infraRank(h, InfraSub.REBUILD));
    });
    world.clients.forEach((group, g) => {
      const first = this.w.groupFirstMachine[g];
      // Retirements (§C8): each retires the lowest-indexed members not yet retired, in time order.
      const retirements = [...group.retire].sort((a, b) => a.at - b.at);
      let next = 0;
      for (const r of retirements) {
        for (let k = 0; k < r.count && next < group.count; k++, next++) {
          this.retireAt[first + next] = r.at;
          this.schedule(r.at, Phase.POPULATION, (first + next) * MACHINE_RANKS + MachineSub.RETIRE);
        }
      }
      // Joins (§C8): member i of n at at + floor(i × over / n).
      for (let i = 0; i < group.count; i++) {
        const m = first + i;
        const joinAt = this.joinAt(group, i);
        if (this.retireAt[m] >= 0 && this.retireAt[m] < joinAt) continue; // retired before it joined
        this.schedule(joinAt, Phase.POPULATION, m * MACHINE_RANKS + MachineSub.JOIN);
      }
      const groupWide = group.online.kind === "office-hours" || group.offline.length > 0;
      const eager = this.groupMode[g] === OnlineMode.EAGER;
      if (eager && groupWide && group.count > 0) this.scheduleGroupOnline(g, -1); // an empty group has no first member to rank at
    });
  }

  private scheduleGroupOnline(g: number, after: number): void {
    const group = this.w.world.clients[g];
    let next = nextWindowBoundary(group.offline, after);
    if (group.online.kind === "office-hours") next = Math.min(next, nextOfficeHoursChange(this.w.world.startWeekOffsetMin, after));
    if (next === Infinity) return;
    const at = Math.max(0, next);
    this.groupOnlineEventAt[g] = at;
    this.schedule(at, Phase.POPULATION, this.w.groupFirstMachine[g] * MACHINE_RANKS + MachineSub.ONLINE);
  }

  private scheduleToggle(m: number, at: number): void {
    this.toggleAt[m] = at;
    this.schedule(at, Phase.POPULATION, m * MACHINE_RANKS + MachineSub.ONLINE);
  }

  private scheduleAttempt(c: number, at: number): void {
    this.attemptAt[c] = at;
    this.waiting[c] = 0;
    this.schedule(at, Phase.ATTEMPT, c);
  }

  /**
   * An attempt due at `at` (§C3). A machine whose calendar says it is offline then would wait for
   * its next boot, so the attempt goes straight to the minute it comes online (a closed form); an
   * intermittent machine is asked when the attempt is due.
   */
  private scheduleDueAttempt(c: number, g: number, at: number): void {
    if (this.groupMode[g] !== OnlineMode.CALENDAR) this.scheduleAttempt(c, at);
    else this.scheduleAttempt(c, Math.min(this.lazy.nextCalendarOnline(g, at), this.horizon)); // horizon: never
  }

  /** A lazily followed machine is offline at t: look again (and attempt if online) when it may be back. */
  private deferAttempt(c: number, m: number, g: number, t: number): void {
    this.scheduleAttempt(c, Math.min(this.lazy.nextLook(m, g, t), this.horizon)); // horizon: never (no event)
  }

  /** Sets when the client's current state runs out and makes sure an event will look at it then. */
  private setExpiry(c: number, at: number): void {
    this.expiryAt[c] = at;
    if (at < 0 || at >= this.horizon) return;
    const pending = this.expiryEventAt[c];
    if (pending !== -1 && pending <= at) return; // the earlier event will reschedule itself
    this.expiryEventAt[c] = at;
    this.schedule(at, Phase.EXPIRY, c);
  }

  private scheduleTableExpiry(table: number): void {
    if (this.tableExpiryAt[table] !== -1) return; // an earlier check is pending; it reschedules
    const at = this.tables[table].nextExpiryAt();
    if (at < 0 || at >= this.horizon) return;
    this.tableExpiryAt[table] = at;
    this.schedule(at, Phase.INFRASTRUCTURE, this.infraRank(table >> 1, InfraSub.TABLE_EXPIRY + (table & 1)));
  }

  // ---------------------------------------------------------------- dispatch

  private handle(phase: number, rank: number): void {
    switch (phase) {
      case Phase.ATTEMPT:
        return this.onAttempt(rank);
      case Phase.EXPIRY:
        return this.onExpiry(rank);
      case Phase.POPULATION: {
        const m = Math.floor(rank / MACHINE_RANKS);
        const sub = rank - m * MACHINE_RANKS;
        if (sub === MachineSub.JOIN) return this.onJoin(m);
        if (sub === MachineSub.RETIRE) return this.onRetire(m);
        return this.onOnlineRank(m);
      }
      case Phase.INFRASTRUCTURE:
        return this.onInfrastructure(rank);
      default:
        throw new Error(`unknown phase ${phase}`);
    }
  }

  private onInfrastructure(rank: number): void {
    const index = this.ranks.rankIndex[rank];
    switch (this.ranks.rankKind[rank]) {
      case InfraKind.OUTAGE:
        return this.onOutage(index);
      case InfraKind.SETTLE:
        return this.onSettle(index);
      case InfraKind.REBUILD:
        return this.onRebuild(index);
      case InfraKind.KEY_EXCEPTION_END:
        return this.onKeyExceptionEnd(index);
      case InfraKind.TABLE_EXPIRY:
        return this.onTableExpiry(index);
      default:
        throw new Error(`unknown infrastructure rank ${rank}`);
    }
  }

  /** Machine m's online re-evaluation slot: its group's event (ranked at the first member) and its own toggle. */
  private onOnlineRank(m: number): void {
    const t = this.at();
    const g = this.w.machineGroup[m];
    if (this.w.groupFirstMachine[g] === m && this.groupOnlineEventAt[g] === t) this.onGroupOnline(g);
    if (this.toggleAt[m] === t) this.onMachineToggle(m);
  }

  // ---------------------------------------------------------------- infrastructure (phase 1)

  /** One outage entry enters or leaves a down period (§T3). */
  private onOutage(e: number): void {
    const t = this.at();
    const entry = this.w.outageEntries[e];
    const goingDown = this.outageDown[e] === 0;
    this.outageDown[e] = goingDown ? 1 : 0;
    this.infraDownCount[entry.infra] += goingDown ? 1 : -1;
    const rank = this.ranks.outageRank[e];
    if (entry.outage.kind === "window") {
      if (goingDown) this.schedule(entry.outage.end, Phase.INFRASTRUCTURE, rank);
    } else {
      const period = drawMinutes(this.streams.outage(e), goingDown ? entry.outage.downTime : entry.outage.upTime);
      this.schedule(t + period, Phase.INFRASTRUCTURE, rank);
    }
    if (this.infraSettleAt[entry.infra] !== t) {
      this.infraSettleAt[entry.infra] = t;
      this.schedule(t, Phase.INFRASTRUCTURE, this.infraRank(entry.infra, InfraSub.SETTLE));
    }
  }

  /** After all of an entity's outage changes of one minute: publish its net up/down change. */
  private onSettle(infra: number): void {
    const t = this.at();
    const up = this.infraDownCount[infra] === 0 ? 1 : 0;
    if (up === this.infraUp[infra]) return;
    this.infraUp[infra] = up;
    const { hostCount, linkCount } = this.w;
    if (infra < hostCount) {
      this.sink.hostUp(t, infra, up === 1);
      if (up === 1 && !this.w.world.assumptions.restartKeepsTables) this.emptyTables(infra, false);
    } else if (infra < hostCount + linkCount) {
      const link = infra - hostCount;
      this.linkUp[link] = up;
      siteComponents(this.w.siteCount, this.w.linkEnds, this.linkUp, this.siteComponent);
      this.sink.linkUp(t, link, up === 1);
    } else {
      this.sink.dnsUp(t, infra - hostCount - linkCount, up === 1);
    }
  }

  private emptyTables(h: number, rebuilt: boolean): void {
    const t = this.at();
    for (let pool = 0; pool < 2; pool++) {
      const table = this.tables[h * 2 + pool];
      const before = table.count;
      table.clear(rebuilt);
      if (before !== 0) this.sink.hostCount(t, h, pool as Pool, 0);
    }
  }

  /** A rebuild empties the tables and uses one of the CSVLK's activations (§H5, §H7). */
  private onRebuild(h: number): void {
    const t = this.at();
    this.sink.hostRebuilt(t, h);
    this.emptyTables(h, true);
    this.hostKeyActivations[h]++;
    if (this.hostKeyActivations[h] > MAX_KEY_ACTIVATIONS) {
      this.hostActivated[h] = 0;
      const end = t + this.w.timers.keyExceptionDelayMin;
      this.keyExceptionEndAt[h] = end;
      this.schedule(end, Phase.INFRASTRUCTURE, this.infraRank(h, InfraSub.KEY_EXCEPTION_END));
    }
  }

  /** The Activation Center's exception arrives: activated again, empty tables, counter at 1 (§H7). */
  private onKeyExceptionEnd(h: number): void {
    if (this.keyExceptionEndAt[h] !== this.at()) return;
    this.keyExceptionEndAt[h] = -1;
    this.hostActivated[h] = 1;
    this.hostKeyActivations[h] = 1;
    this.emptyTables(h, true);
  }

  /** Drops count entries 30 days after their CMID's last request (§H3). */
  private onTableExpiry(table: number): void {
    const t = this.at();
    if (this.tableExpiryAt[table] !== t) return;
    this.tableExpiryAt[table] = -1;
    const tbl = this.tables[table];
    if (tbl.expire(t) > 0) this.sink.hostCount(t, table >> 1, (table & 1) as Pool, tbl.count);
    this.scheduleTableExpiry(table);
  }

  // ---------------------------------------------------------------- population (phase 2)

  private groupOnlineAt(g: number, t: number): boolean {
    const group = this.w.world.clients[g];
    if (group.online.kind === "office-hours" && !inOfficeHours(this.w.world.startWeekOffsetMin, t)) return false;
    return group.offline.length === 0 || !inWindows(group.offline, t);
  }

  /** A machine joins (§C8): its licensing clients start in oob_grace and attempt at once if online (§C3). */
  private onJoin(m: number): void {
    if (this.membership[m] !== Membership.NOT_JOINED) return;
    const t = this.at();
    const g = this.w.machineGroup[m];
    const group = this.w.world.clients[g];
    this.membership[m] = Membership.JOINED;
    const mode = this.groupMode[g];
    let online: boolean;
    if (mode !== OnlineMode.EAGER) {
      if (mode === OnlineMode.INTERMITTENT) this.lazy.startIntermittent(m, g, t);
      online = this.lazy.isOnline(m, g, t);
    } else {
      if (group.online.kind === "intermittent") {
        // §R2: alternating on and off periods, starting with an on period at the join.
        this.machineOn[m] = 1;
        const period = drawMinutes(this.streams.online(m), group.online.on);
        this.scheduleToggle(m, t + period);
      }
      online = this.groupOnlineAt(g, t) && this.machineOn[m] === 1;
    }
    this.online[m] = online ? 1 : 0;
    const base = m * this.stride;
    this.joinClient(base, t, this.initialCmid(base, g, 0));
    if (group.office !== null) this.joinClient(base + 1, t, this.initialCmid(base + 1, g, 1));
  }

  private initialCmid(c: number, g: number, office: number): number {
    const mode = this.w.world.clients[g].cmid;
    if (mode === "clone") return this.w.layout.clientSlots + 2 * g + office; // §C7: one CMID per clone group and pool
    return c;
  }

  private joinClient(c: number, t: number, cmid: number): void {
    this.cmid[c] = cmid;
    this.sink.joined(t, c);
    this.enterFreshGrace(c, t);
    this.attemptAt[c] = t;
    const m = this.machineOf(c);
    if (this.online[m] === 1) this.scheduleAttempt(c, t);
    else if (this.groupMode[this.w.machineGroup[m]] !== OnlineMode.EAGER) this.deferAttempt(c, m, this.w.machineGroup[m], t);
    else this.waiting[c] = 1; // §C3: the attempt happens when the machine is next online
  }

  /** oob_grace from now, or notification at once when the initial grace is 0 (§C4). */
  private enterFreshGrace(c: number, t: number): void {
    const grace = this.w.timers.oobGraceMin;
    const to = grace > 0 ? LicenseState.OOB_GRACE : LicenseState.NOTIFICATION;
    this.changeState(c, t, to);
    this.setExpiry(c, grace > 0 ? t + grace : -1);
  }

  private changeState(c: number, t: number, to: LicenseState): void {
    const from = this.state[c] as LicenseState;
    if (from === to) return;
    this.state[c] = to;
    this.sink.stateChanged(t, c, from, to);
  }

  /** A machine retires (§C8): its clients stop, leave every state count, and their entries age out. */
  private onRetire(m: number): void {
    const t = this.at();
    if (this.membership[m] !== Membership.JOINED) {
      this.membership[m] = Membership.RETIRED;
      return;
    }
    this.membership[m] = Membership.RETIRED;
    const g = this.w.machineGroup[m];
    const base = m * this.stride;
    this.retireClient(base, t);
    if (this.w.world.clients[g].office !== null) this.retireClient(base + 1, t);
  }

  private retireClient(c: number, t: number): void {
    const from = this.state[c] as LicenseState;
    this.state[c] = LicenseState.NONE;
    this.attemptAt[c] = -1;
    this.expiryAt[c] = -1;
    this.waiting[c] = 0;
    this.sink.retired(t, c, from);
    this.endUnreachableSpell(c, t);
  }

  /** An intermittent machine switches between its on and off periods (§R2). */
  private onMachineToggle(m: number): void {
    if (this.membership[m] !== Membership.JOINED) return;
    const t = this.at();
    const g = this.w.machineGroup[m];
    const pattern = this.w.world.clients[g].online;
    if (pattern.kind !== "intermittent") return;
    const on = this.machineOn[m] === 0;
    this.machineOn[m] = on ? 1 : 0;
    const period = drawMinutes(this.streams.online(m), on ? pattern.on : pattern.off);
    this.scheduleToggle(m, t + period);
    this.reevaluateOnline(m, t, this.groupOnlineAt(g, t));
  }

  /**
   * Office hours or an offline window of a whole group begins or ends (§R2). One event serves the
   * whole group, ranked at its first member; §T2 wants each member's join and retirement of this
   * minute before its online re-evaluation, so those are done here, member by member (their own
   * events then find nothing left to do).
   */
  private onGroupOnline(g: number): void {
    const t = this.at();
    const groupOn = this.groupOnlineAt(g, t);
    const group = this.w.world.clients[g];
    const first = this.w.groupFirstMachine[g];
    for (let i = 0; i < group.count; i++) {
      const m = first + i;
      if (this.membership[m] === Membership.NOT_JOINED && this.joinAt(group, i) === t) {
        const retiredBeforeJoining = this.retireAt[m] >= 0 && this.retireAt[m] < t;
        if (!retiredBeforeJoining) this.onJoin(m);
      }
      if (this.retireAt[m] === t && this.membership[m] === Membership.JOINED) this.onRetire(m);
      if (this.membership[m] === Membership.JOINED) this.reevaluateOnline(m, t, groupOn);
    }
    this.scheduleGroupOnline(g, t);
  }

  /** §C8: member i of n joins at at + floor(i × over / n). */
  private joinAt(group: ClientGroupSpec, i: number): number {
    return group.join.at + Math.floor((i * group.join.over) / group.count);
  }

  private reevaluateOnline(m: number, t: number, groupOn: boolean): void {
    const online = groupOn && this.machineOn[m] === 1 ? 1 : 0;
    if (online === this.online[m]) return;
    this.online[m] = online;
    this.pauseOrResumeSpells(m, t, online);
    if (online === 1) this.boot(m, t);
  }

  /** Unreachable spells count online minutes only (§R2): stop the clock while the machine is off. */
  private pauseOrResumeSpells(m: number, t: number, online: number): void {
    const base = m * this.stride;
    for (let c = base; c < base + this.stride; c++) {
      const mark = this.unreachMark[c];
      if (mark === NO_SPELL) continue;
      if (online === 1) this.unreachMark[c] = t;
      else if (mark >= 0) {
        this.unreachOnlineMin[c] += t - mark;
        this.unreachMark[c] = SPELL_OFFLINE;
      }
    }
  }

  /** Closes client c's unreachable spell, if one is open, at minute t and reports its online minutes. */
  private endUnreachableSpell(c: number, t: number): void {
    const mark = this.unreachMark[c];
    if (mark === NO_SPELL) return;
    const m = this.machineOf(c);
    const g = this.w.machineGroup[m];
    const onlineMin =
      this.groupMode[g] === OnlineMode.EAGER
        ? this.unreachOnlineMin[c] + (mark >= 0 ? t - mark : 0)
        : this.lazy.onlineMinutesUntil(m, g, t) - this.unreachOnlineMin[c];
    this.unreachMark[c] = NO_SPELL;
    this.unreachOnlineMin[c] = 0;
    this.sink.unreachableEnded(t, c, onlineMin);
  }

  /** A machine comes online: deferred attempts happen now; a non-persistent one is re-imaged (§C3, §C7). */
  private boot(m: number, t: number): void {
    const g = this.w.machineGroup[m];
    const group = this.w.world.clients[g];
    const base = m * this.stride;
    const last = group.office !== null ? base + 1 : base;
    for (let c = base; c <= last; c++) {
      if (group.cmid === "non-persistent") {
        this.cmid[c] = this.nextCmid++;
        this.enterFreshGrace(c, t); // licensed → oob_grace: a re-image, not a lapse
        this.scheduleAttempt(c, t);
      } else if (this.waiting[c] === 1) {
        this.scheduleAttempt(c, t);
      }
    }
  }

  // ---------------------------------------------------------------- licence expiry (phase 3)

  /** Validity or a grace period runs out (§C2, §C4). */
  private onExpiry(c: number): void {
    const t = this.at();
    if (this.expiryEventAt[c] !== t) return;
    this.expiryEventAt[c] = -1;
    const due = this.expiryAt[c];
    if (due < 0) return;
    if (due > t) {
      this.setExpiry(c, due);
      return;
    }
    switch (this.state[c]) {
      case LicenseState.LICENSED: {
        const grace = this.w.timers.ootGraceMin;
        this.sink.lapsed(t, c);
        this.changeState(c, t, grace > 0 ? LicenseState.OOT_GRACE : LicenseState.NOTIFICATION);
        this.setExpiry(c, grace > 0 ? t + grace : -1);
        return;
      }
      case LicenseState.OOB_GRACE:
      case LicenseState.OOT_GRACE:
        this.changeState(c, t, LicenseState.NOTIFICATION);
        this.expiryAt[c] = -1;
        return;
      default:
        this.expiryAt[c] = -1;
    }
  }

  // ---------------------------------------------------------------- activation attempts (phase 4)

  private machineOf(c: number): number {
    return this.stride === 2 ? c >> 1 : c;
  }

  private onAttempt(c: number): void {
    const t = this.at();
    if (this.attemptAt[c] !== t) return;
    const m = this.machineOf(c);
    if (this.membership[m] !== Membership.JOINED) return;
    const g = this.w.machineGroup[m];
    if (this.groupMode[g] !== OnlineMode.EAGER) {
      if (!this.lazy.isOnline(m, g, t)) {
        this.deferAttempt(c, m, g, t); // §C3: no attempt while offline; try when it is back
        return;
      }
    } else if (this.online[m] === 0) {
      this.waiting[c] = 1; // §C3: no attempt while offline
      return;
    }
    this.attemptAt[c] = -1;
    this.attempt(c, m, t);
  }

  /** One activation attempt: host selection, requests and the decision (§C5, §C6). */
  private attempt(c: number, m: number, t: number): void {
    const w = this.w;
    const g = w.machineGroup[m];
    const group = w.world.clients[g];
    const office = this.stride === 2 && (c & 1) === 1;
    const stamp = ++this.attemptStamp;
    this.attempts++;
    const failover = w.world.assumptions.failoverOnLowCount;
    let lastAnswer: number = NO_HOST;

    const pinned = w.groupPinned[g];
    if (pinned >= 0) {
      // §C6.1: a pinned client tries only its host.
      const r = this.request(c, g, office, pinned, t);
      if (r === SUCCESS) return this.succeed(c, t, pinned, group.hostCaching);
      return this.fail(c, t, r === NO_ANSWER ? NO_HOST : r);
    }

    // §C6.2: the cached host first.
    const cached = group.hostCaching ? this.cachedHost[c] : -1;
    if (cached >= 0) {
      this.triedStamp[cached] = stamp;
      const r = this.request(c, g, office, cached, t);
      if (r === SUCCESS) return this.succeed(c, t, cached, true);
      if (r === COUNT_TOO_LOW && !failover) return this.fail(c, t, r);
      if (r !== NO_ANSWER) lastAnswer = r;
    }

    // §C6.3: DNS discovery, lowest priority group first, weighted choice within a group.
    const site = w.groupSite[g];
    if (this.infraUp[w.hostCount + w.linkCount + site] === 1) {
      const records = w.siteRecords[site];
      const n = records.hosts.length;
      let i = 0;
      while (i < n) {
        const priority = records.priorities[i];
        let j = i;
        let k = 0;
        while (j < n && records.priorities[j] === priority) {
          const h = records.hosts[j];
          if (this.triedStamp[h] !== stamp) this.candidates[k++] = j;
          j++;
        }
        while (k > 0) {
          const pick = k === 1 ? 0 : pickSrvRecord(this.streams.srv(c).next(), records.weights, this.candidates, k);
          const h = records.hosts[this.candidates[pick]];
          for (let x = pick + 1; x < k; x++) this.candidates[x - 1] = this.candidates[x];
          k--;
          this.triedStamp[h] = stamp;
          const r = this.request(c, g, office, h, t);
          if (r === SUCCESS) return this.succeed(c, t, h, group.hostCaching);
          if (r === COUNT_TOO_LOW && !failover) return this.fail(c, t, r);
          if (r !== NO_ANSWER) lastAnswer = r;
        }
        i = j;
      }
    }
    // §C6.4: every candidate failed.
    this.fail(c, t, lastAnswer);
  }

  /**
   * One request to host h (§C6.6, §H2, §N1): NO_ANSWER when it is down or unreachable;
   * HOST_NOT_ACTIVATED / PRODUCT_NOT_SERVED when it rejects it; otherwise the CMID is counted
   * and the answer is SUCCESS or COUNT_TOO_LOW against the client's N-policy (§C5).
   */
  private request(c: number, g: number, office: boolean, h: number, t: number): number {
    const w = this.w;
    const pool = office ? OFFICE : WINDOWS;
    const cmid = this.cmid[c];
    const reachable =
      this.infraUp[h] === 1 && this.siteComponent[w.groupSite[g]] === this.siteComponent[w.hostSite[h]];
    if (!reachable) {
      this.sink.request(t, c, cmid, h, pool, NO_ANSWER, -1);
      return NO_ANSWER;
    }
    let rejection: number = SUCCESS;
    if (this.hostActivated[h] === 0) rejection = HOST_NOT_ACTIVATED;
    else if ((office ? w.officeServe : w.windowsServe)[g * w.hostCount + h] === 0) rejection = PRODUCT_NOT_SERVED;
    const table = h * 2 + pool;
    if (rejection !== SUCCESS) {
      if (w.world.assumptions.rejectedRequestsCounted) this.countRequest(table, cmid, t, 0);
      this.sink.request(t, c, cmid, h, pool, rejection as ResultCode, -1);
      return rejection;
    }
    const policy = office ? w.officePolicy : w.groupPolicy[g];
    const count = this.countRequest(table, cmid, t, policy);
    this.timersFrom[c] = h; // §C1: a response with a count carries the host's timers
    const result = count >= policy ? SUCCESS : COUNT_TOO_LOW;
    this.sink.request(t, c, cmid, h, pool, result, count);
    return result;
  }

  private countRequest(table: number, cmid: number, t: number, policy: number): number {
    const tbl = this.tables[table];
    const before = tbl.count;
    const count = tbl.upsert(cmid, t, policy);
    if (count !== before) this.sink.hostCount(t, table >> 1, (table & 1) as Pool, count);
    this.scheduleTableExpiry(table);
    return count;
  }

  /** §C2, §C3, §C6.5: licensed for the validity, cache the host, renew after RI (+ jitter). */
  private succeed(c: number, t: number, h: number, caching: boolean): void {
    const timers = this.w.timers;
    this.changeState(c, t, LicenseState.LICENSED);
    this.setExpiry(c, t + timers.validityMin);
    if (caching) this.cachedHost[c] = h;
    this.sink.attemptEnded(t, c, SUCCESS);
    this.endUnreachableSpell(c, t);
    let next = t + this.w.hostRenewalInterval[h];
    if (timers.renewalJitterMin > 0) next += uniformInt(this.streams.jitter(c), 0, timers.renewalJitterMin);
    this.scheduleDueAttempt(c, this.w.machineGroup[this.machineOf(c)], next);
  }

  /** §C3: retry after the activation interval (the host's, once one answered with a count, §C1). */
  private fail(c: number, t: number, code: number): void {
    this.sink.attemptEnded(t, c, code as ResultCode);
    const g = this.w.machineGroup[this.machineOf(c)];
    if (code !== NO_HOST) this.endUnreachableSpell(c, t);
    else if (this.unreachMark[c] === NO_SPELL) {
      this.unreachMark[c] = t; // the machine is online: it just attempted
      // A lazily followed machine counts the spell's online minutes as a difference at its end.
      if (this.groupMode[g] !== OnlineMode.EAGER) this.unreachOnlineMin[c] = this.lazy.onlineMinutesUntil(this.machineOf(c), g, t);
    }
    const from = this.timersFrom[c];
    const ai = from >= 0 ? this.w.hostActivationInterval[from] : this.w.timers.activationIntervalMin;
    this.scheduleDueAttempt(c, g, t + ai);
  }
}
