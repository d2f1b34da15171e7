// Property tests (fast-check) of the model on random small worlds: invariants that MODEL.md's
// rules imply for every world, checked on the facts of 60-day runs. Worlds are kept small (≤ 3
// hosts, ≤ 3 groups of ≤ 40 machines) with short timers so that a lot happens in each run.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { Distribution } from "../../src/engine/distribution.js";
import { thresholdOf } from "../../src/kms/catalog/index.js";
import { LicenseState, Pool, ResultCode } from "../../src/kms/facts.js";
import { buildLayout, groupOfMachine, isOfficeClient, machineOfClient } from "../../src/kms/layout.js";
import type { ClientGroupSpec, HostSpec, Outage, SiteSpec, World } from "../../src/kms/world.js";
import type { Fact, FactRecorder } from "../support/fact-recorder.js";
import { DAY, run } from "./model-helpers.js";

const DURATION = 60 * DAY;
const NUM_RUNS = 12;
/** A fixed seed keeps CI deterministic; set FC_SEED (and FC_RUNS) to explore other worlds. */
const SEED = Number(process.env.FC_SEED ?? 20_270_104);
const RUNS_SCALE = Number(process.env.FC_RUNS ?? 1);
const { NONE, OOB_GRACE, LICENSED, OOT_GRACE, NOTIFICATION } = LicenseState;

// ---------------------------------------------------------------- generators

const dist = (min: number, max: number): fc.Arbitrary<Distribution> =>
  fc.oneof(
    fc.integer({ min, max }).map((mean): Distribution => ({ kind: "exp", mean })),
    fc.integer({ min, max }).map((value): Distribution => ({ kind: "fixed", value })),
    fc.tuple(fc.integer({ min, max }), fc.integer({ min: 0, max })).map(([lo, span]): Distribution => ({ kind: "uniform", min: lo, max: lo + span })),
    fc.tuple(fc.integer({ min, max }), fc.double({ min: 0.1, max: 1.5, noNaN: true })).map(
      ([median, sigma]): Distribution => ({ kind: "lognormal", median, sigma }),
    ),
  );

const outage: fc.Arbitrary<Outage> = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: DURATION }), fc.integer({ min: 1, max: 5 * DAY })).map(
    ([start, len]): Outage => ({ kind: "window", start, end: start + len }),
  ),
  fc.tuple(dist(DAY, 20 * DAY), dist(10, 2 * DAY)).map(([upTime, downTime]): Outage => ({ kind: "random", upTime, downTime })),
);
const outages = fc.array(outage, { maxLength: 2 });

/** (host OS, CSVLK, patch) combinations the seed allows (§H6), some with gaps (2019 CSVLK: no Windows 11; unpatched 2016). */
const hostKinds: fc.Arbitrary<Pick<HostSpec, "os" | "csvlk" | "patch">> = fc.constantFrom(
  { os: "Windows Server 2022", csvlk: "Windows Server 2022", patch: { kind: "full" } as const },
  { os: "Windows Server 2019", csvlk: "Windows Server 2019", patch: { kind: "full" } as const },
  { os: "Windows Server 2016", csvlk: "Windows Server 2022", patch: { kind: "date", date: "2021-06-07" } as const },
  { os: "Windows Server 2016", csvlk: "Windows Server 2022", patch: { kind: "date", date: "2021-06-08" } as const },
);

const EDITIONS = ["Windows 11 Enterprise", "Windows 10 Enterprise", "Windows Server 2022 Standard", "Windows Server 2019 Datacenter"];
const OFFICE = "Office LTSC 2021";

const hostArb = (id: string): fc.Arbitrary<HostSpec> =>
  fc
    .record({
      kind: hostKinds,
      site: fc.constantFrom("hq", "branch"),
      office: fc.boolean(),
      srv: fc.option(fc.record({ priority: fc.integer({ min: 0, max: 2 }), weight: fc.integer({ min: 0, max: 3 }) }), { nil: null, freq: 5 }),
      ai: fc.option(fc.integer({ min: 120, max: 480 }), { nil: undefined }),
      ri: fc.option(fc.integer({ min: 360, max: 4320 }), { nil: undefined }),
      outages,
      rebuilds: fc.oneof(
        { weight: 4, arbitrary: fc.array(fc.integer({ min: 0, max: DURATION }), { maxLength: 3 }) },
        { weight: 1, arbitrary: fc.array(fc.integer({ min: 0, max: DURATION / 2 }), { minLength: 10, maxLength: 12 }) },
      ),
    })
    .map(
      (h): HostSpec => ({
        id,
        site: h.site,
        ...h.kind,
        officeKeys: h.office ? [OFFICE] : [],
        srv: h.srv,
        ...(h.ai === undefined ? {} : { activationIntervalMin: h.ai }),
        ...(h.ri === undefined ? {} : { renewalIntervalMin: h.ri }),
        outages: h.outages,
        rebuilds: h.rebuilds,
      }),
    );

const groupArb = (id: string, hostIds: string[]): fc.Arbitrary<ClientGroupSpec> =>
  fc
    .record({
      count: fc.integer({ min: 0, max: 40 }),
      edition: fc.constantFrom(...EDITIONS),
      office: fc.boolean(),
      joinAt: fc.integer({ min: 0, max: 10 * DAY }),
      over: fc.integer({ min: 0, max: 10 * DAY }),
      retire: fc.array(fc.record({ at: fc.integer({ min: 0, max: DURATION }), frac: fc.double({ min: 0, max: 0.5, noNaN: true }) }), { maxLength: 2 }),
      online: fc.oneof(
        { weight: 3, arbitrary: fc.constant({ kind: "always" } as const) },
        { weight: 1, arbitrary: fc.constant({ kind: "office-hours" } as const) },
        { weight: 2, arbitrary: fc.tuple(dist(60, 12 * 60), dist(60, 24 * 60)).map(([on, off]) => ({ kind: "intermittent", on, off }) as const) },
      ),
      offline: fc.array(
        fc.tuple(fc.integer({ min: 0, max: DURATION }), fc.integer({ min: 1, max: 10 * DAY })).map(([start, len]) => ({ start, end: start + len })),
        { maxLength: 1 },
      ),
      pinned: fc.option(fc.constantFrom(...hostIds), { nil: null, freq: 3 }),
      site: fc.constantFrom("hq", "branch"),
      hostCaching: fc.boolean(),
      cmid: fc.constantFrom("unique", "unique", "clone", "non-persistent") as fc.Arbitrary<ClientGroupSpec["cmid"]>,
    })
    .map((g): ClientGroupSpec => {
      let left = g.count;
      const retire: { at: number; count: number }[] = [];
      for (const r of g.retire) {
        const n = Math.min(left, Math.max(1, Math.floor(r.frac * g.count)));
        if (n >= 1) retire.push({ at: r.at, count: n });
        left -= n;
      }
      return {
        id,
        site: g.site,
        count: g.count,
        edition: g.edition,
        office: g.office ? OFFICE : null,
        join: { at: g.joinAt, over: g.over },
        retire,
        online: g.online,
        offline: g.offline,
        kms: g.pinned === null ? { kind: "dns" } : { kind: "pinned", host: g.pinned },
        hostCaching: g.hostCaching,
        cmid: g.cmid,
      };
    });

const worldArb: fc.Arbitrary<World> = fc.integer({ min: 1, max: 3 }).chain((hostCount) => {
  const hostIds = Array.from({ length: hostCount }, (_, i) => `kms${i + 1}`);
  return fc
    .record({
      hosts: fc.tuple(...hostIds.map(hostArb)),
      groups: fc.integer({ min: 1, max: 3 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => groupArb(`g${i}`, hostIds)))),
      timers: fc.record({
        activationIntervalMin: fc.integer({ min: 120, max: 480 }),
        renewalIntervalMin: fc.integer({ min: 360, max: 4320 }),
        validityMin: fc.integer({ min: 720, max: 14 * DAY }),
        oobGraceMin: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 10 * DAY })),
        ootGraceMin: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 10 * DAY })),
        renewalJitterMin: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 240 })),
        keyExceptionDelayMin: fc.integer({ min: 0, max: 3 * DAY }),
      }),
      assumptions: fc.record({ failoverOnLowCount: fc.boolean(), rejectedRequestsCounted: fc.boolean(), restartKeepsTables: fc.boolean() }),
      overrides: fc.array(fc.record({ host: fc.constantFrom(...hostIds), priority: fc.integer({ min: 0, max: 3 }) }), { maxLength: 1 }),
      dns: fc.tuple(fc.array(outage, { maxLength: 1 }), fc.array(outage, { maxLength: 1 })),
      link: fc.option(outages, { nil: null, freq: 4 }),
      startWeekOffsetMin: fc.integer({ min: 0, max: 10_079 }),
    })
    .map((x): World => {
      const published = new Set(x.hosts.filter((h) => h.srv !== null).map((h) => h.id));
      const sites: SiteSpec[] = [
        { id: "hq", srvOverrides: [], dnsOutages: x.dns[0] },
        { id: "branch", srvOverrides: x.overrides.filter((o) => published.has(o.host)), dnsOutages: x.dns[1] },
      ];
      return {
        name: "prop",
        durationMin: DURATION,
        startWeekOffsetMin: x.startWeekOffsetMin,
        timers: x.timers,
        assumptions: x.assumptions,
        sites,
        links: x.link === null ? [] : [{ id: "wan", between: ["hq", "branch"], outages: x.link }],
        hosts: x.hosts,
        clients: x.groups,
      };
    });
});

// ---------------------------------------------------------------- helpers

type Req = Extract<Fact, { kind: "request" }>;

interface ClientInfo {
  readonly group: ClientGroupSpec;
  readonly office: boolean;
  readonly policy: number;
}

function clientInfo(w: World): (c: number) => ClientInfo {
  const layout = buildLayout(w);
  return (c) => {
    const g = w.clients[groupOfMachine(layout, machineOfClient(layout, c))];
    const office = isOfficeClient(layout, c);
    return { group: g, office, policy: office ? 5 : thresholdOf(g.edition) };
  };
}

const hostAi = (w: World, h: number) => w.hosts[h].activationIntervalMin ?? w.timers.activationIntervalMin;
const hostRi = (w: World, h: number) => w.hosts[h].renewalIntervalMin ?? w.timers.renewalIntervalMin;
const answered = (f: Req) => f.result === ResultCode.SUCCESS || f.result === ResultCode.COUNT_TOO_LOW;

/** Facts per client, in order. */
function byClient(r: FactRecorder): Map<number, Fact[]> {
  const out = new Map<number, Fact[]>();
  for (const f of r.facts) {
    if (!("client" in f)) continue;
    let list = out.get(f.client);
    if (list === undefined) out.set(f.client, (list = []));
    list.push(f);
  }
  return out;
}

/** Fails the property with a message (plain checks: `expect` per fact is too slow for 10^5 facts). */
function ensure(cond: boolean, message: () => string): void {
  if (!cond) throw new Error(message());
}
const show = (f: Fact | null | undefined) => JSON.stringify(f);

/**
 * Runs of the last worlds checked. Every property uses the same fast-check seed, so they draw the
 * same worlds in the same order and each world is simulated once for all of them.
 */
const runs = new Map<string, FactRecorder>();
function runCached(w: World): FactRecorder {
  const key = JSON.stringify(w);
  let r = runs.get(key);
  if (r === undefined) {
    r = run(w, 1, 0);
    runs.set(key, r);
    if (runs.size > NUM_RUNS + 4) runs.delete(runs.keys().next().value as string);
  }
  return r;
}

function check(name: string, body: (w: World, r: FactRecorder) => void, numRuns = NUM_RUNS): void {
  test(name, { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(worldArb, (w) => body(w, runCached(w))),
      { numRuns: Math.round(numRuns * RUNS_SCALE), seed: SEED },
    );
  });
}

// ---------------------------------------------------------------- properties

describe("model invariants on random worlds", () => {
  check("§T1 §T2: fact minutes never decrease and stay in [0, duration) (an unreachable spell open at the end closes at duration)", (w, r) => {
    let last = 0;
    for (const f of r.facts) {
      const end = f.kind === "unreachable" ? w.durationMin + 1 : w.durationMin;
      ensure(f.at >= last && f.at < end, () => `fact at ${f.at} after ${last} (duration ${w.durationMin}): ${show(f)}`);
      last = f.at;
    }
  });

  check("unreachable spells: one per run of 0xC004F074 attempts, closed by the next other result, the retirement or the end; online minutes within the spell, all of it for always-online machines (§R2)", (w, r) => {
    const info = clientInfo(w);
    for (const [c, list] of byClient(r)) {
      const g = info(c).group;
      const alwaysOnline = g.online.kind === "always" && g.offline.length === 0;
      let openedAt = -1;
      let expectClose = false;
      for (const f of list) {
        if (f.kind === "unreachable") {
          const atEnd = f.at === w.durationMin;
          ensure(openedAt >= 0 && (expectClose || atEnd), () => `client ${c}: spell reported without a closing fact: ${show(f)}`);
          ensure(f.onlineMin >= 0 && f.onlineMin <= f.at - openedAt, () => `client ${c}: ${f.onlineMin} online minutes in a spell of ${f.at - openedAt}: ${show(f)}`);
          if (alwaysOnline) ensure(f.onlineMin === f.at - openedAt, () => `client ${c}: always online, yet ${f.onlineMin} of ${f.at - openedAt} minutes: ${show(f)}`);
          openedAt = -1;
          expectClose = false;
          continue;
        }
        ensure(!expectClose, () => `client ${c}: the spell was not reported when it closed, before ${show(f)}`);
        if (f.kind === "attempt") {
          if (f.result === ResultCode.NO_HOST) {
            if (openedAt < 0) openedAt = f.at;
          } else if (openedAt >= 0) expectClose = true;
        } else if (f.kind === "retired" && openedAt >= 0) expectClose = true;
      }
      ensure(openedAt < 0, () => `client ${c}: a spell open since ${openedAt} was never reported`);
    }
  });

  check("§H4: no count exceeds its table's capacity (≤ 50, ≤ 10 while only servers/Office made valid requests); rebuilds reset it", (w, r) => {
    const info = clientInfo(w);
    const fs = r.facts;
    const largest = new Map<string, number>(); // `${host}/${pool}` → largest valid N-policy since the last rebuild
    for (let i = 0; i < fs.length; i++) {
      const f = fs[i];
      if (f.kind === "rebuild") {
        largest.set(`${f.host}/0`, 0);
        largest.set(`${f.host}/1`, 0);
      } else if (f.kind === "request" && answered(f)) {
        const key = `${f.host}/${f.pool}`;
        largest.set(key, Math.max(largest.get(key) ?? 0, info(f.client).policy));
        const cap = 2 * (largest.get(key) ?? 0);
        ensure(f.count <= cap, () => `count ${f.count} > capacity ${cap}: ${show(f)}`);
      } else if (f.kind === "count") {
        // The count of an upsert is reported just before its request: include that request's policy.
        const key = `${f.host}/${f.pool}`;
        let policy = largest.get(key) ?? 0;
        const next = fs[i + 1];
        if (next?.kind === "request" && next.host === f.host && next.pool === f.pool && next.at === f.at && answered(next)) {
          policy = Math.max(policy, info(next.client).policy);
        }
        const hard = f.pool === Pool.OFFICE ? 10 : 50;
        ensure(f.count <= 2 * policy && f.count <= hard, () => `count ${f.count} > capacity ${2 * policy} (max ${hard}): ${show(f)}`);
      }
    }
  });

  check("§C3 §C1 §H8: attempts come exactly when due — AI after a failure, RI (+ jitter) after a success, never early; always-online clients never stall", (w, r) => {
    const info = clientInfo(w);
    const J = w.timers.renewalJitterMin;
    for (const [c, list] of byClient(r)) {
      const { group } = info(c);
      const alwaysOn = group.online.kind === "always" && group.offline.length === 0;
      // A non-persistent machine that boots again is re-imaged and attempts at once (§C7), so only
      // its always-online form (one boot, at the join) has to respect the intervals.
      const intervals = alwaysOn || group.cmid !== "non-persistent";
      const joined = list.find((f) => f.kind === "joined");
      const retired = list.find((f) => f.kind === "retired");
      const where = () => `client ${c} of ${group.id} (${group.online.kind}, ${group.cmid})`;
      let ai = w.timers.activationIntervalMin;
      let prev: { at: number; ok: boolean; host: number; ai: number } | null = null;
      let lastReq: Req | null = null;
      for (const f of list) {
        if (f.kind === "request") {
          lastReq = f;
          if (answered(f)) ai = hostAi(w, f.host); // §C1: the client adopts the answering host's AI
        }
        if (f.kind !== "attempt") continue;
        ensure(joined !== undefined && f.at >= joined.at, () => `${where()} attempts before its join: ${show(f)}`);
        ensure(retired === undefined || f.at < retired.at, () => `${where()} attempts after its retirement: ${show(f)}`);
        const ok = f.result === ResultCode.SUCCESS;
        if (prev === null) {
          ensure(!alwaysOn || f.at === joined?.at, () => `${where()} first attempt ${f.at} is not at its join ${joined?.at}`);
        } else if (intervals) {
          const gap = f.at - prev.at;
          const p = prev;
          if (p.ok) {
            const ri = hostRi(w, p.host);
            ensure(gap >= ri && (!alwaysOn || gap <= ri + J), () => `${where()}: ${gap} min after a success at ${p.at}, RI ${ri}, jitter ${J}`);
          } else {
            ensure(gap >= p.ai && (!alwaysOn || gap === p.ai), () => `${where()}: ${gap} min after a failure at ${p.at}, AI ${p.ai}`);
          }
        }
        prev = { at: f.at, ok, host: ok && lastReq !== null ? lastReq.host : -1, ai };
      }
      // An always-online, unretired client's next attempt would fall at or after the horizon.
      if (alwaysOn && retired === undefined && joined !== undefined) {
        ensure(prev !== null, () => `${where()} joined at ${joined.at} and never attempted`);
        if (prev !== null) {
          const next = prev.ok ? prev.at + hostRi(w, prev.host) + J : prev.at + prev.ai;
          ensure(next >= w.durationMin, () => `${where()} stopped after ${prev?.at}`);
        }
      }
    }
  });

  check("§C2 §C4: a licensed client lapses exactly `validity` after its last success, never earlier, never later", (w, r) => {
    const info = clientInfo(w);
    const V = w.timers.validityMin;
    for (const [c, list] of byClient(r)) {
      const np = info(c).group.cmid === "non-persistent";
      let state: LicenseState = NONE;
      let until = -1;
      let lapsedAt = -1;
      for (const f of list) {
        ensure(state !== LICENSED || f.at <= until, () => `client ${c} still licensed at ${f.at}, validity ended at ${until}: ${show(f)}`);
        if (f.kind === "attempt" && f.result === ResultCode.SUCCESS) until = f.at + V;
        if (f.kind === "lapsed") lapsedAt = f.at;
        if (f.kind === "state") {
          ensure(f.from === state, () => `client ${c}: state fact from ${f.from} while in ${state}`); // §C4: transitions chain
          // §C4: a lapse is announced by a lapsed fact just before it leaves licensed.
          const lapse = f.from === LICENSED && lapsedAt === f.at;
          // §C7: a re-image leaves licensed for a fresh grace (notification when oobGrace is 0), no lapse.
          const reimage = np && f.from === LICENSED && !lapse && f.to === (w.timers.oobGraceMin > 0 ? OOB_GRACE : NOTIFICATION);
          ensure(!lapse || f.at === until, () => `client ${c} lapsed at ${f.at}, validity ended at ${until}`);
          ensure(!lapse || f.to === OOT_GRACE || f.to === NOTIFICATION, () => `client ${c} lapsed into ${f.to}`);
          ensure(f.from !== LICENSED || lapse || reimage, () => `client ${c} left licensed without a lapse or re-image at ${f.at}`);
          if (f.to === LICENSED) until = f.at + V; // reported just before its attempt
          state = f.to;
        }
        if (f.kind === "retired") {
          ensure(f.from === state, () => `client ${c} retired from ${f.from} while in ${state}`);
          state = NONE;
        }
      }
      ensure(state !== LICENSED || until >= w.durationMin, () => `client ${c} licensed at the end, validity ended at ${until}`);
    }
  });

  check("§C4 §C3: an unlicensed, joined, unretired always-online client keeps trying (no gap over its AI)", (w, r) => {
    // A sharper form of the progress rule for the states that matter: in oob_grace, oot_grace or
    // notification an always-online client is never without an attempt for more than its largest AI.
    const info = clientInfo(w);
    const maxAi = Math.max(w.timers.activationIntervalMin, ...w.hosts.map((_, h) => hostAi(w, h)));
    for (const [c, list] of byClient(r)) {
      const { group } = info(c);
      if (group.online.kind !== "always" || group.offline.length > 0) continue;
      const retired = list.some((g) => g.kind === "retired");
      let state: LicenseState = NONE;
      let unlicensedAt = -1; // minute of the last attempt that left the client unlicensed
      for (const f of list) {
        if (f.kind === "state") state = f.to;
        if (f.kind === "retired") state = NONE;
        if (f.kind !== "attempt") continue;
        const since = unlicensedAt;
        ensure(since < 0 || f.at - since <= maxAi, () => `client ${c}: unlicensed from ${since} to ${f.at} with no attempt (AI ≤ ${maxAi})`);
        unlicensedAt = state !== NONE && state !== LICENSED ? f.at : -1;
      }
      ensure(unlicensedAt < 0 || retired || w.durationMin - unlicensedAt <= maxAi, () => `client ${c}: no attempt after ${unlicensedAt}`);
    }
  });

  check("§C6: each attempt asks each host at most once, a pinned client only its host, and ends with the code §C6.4 gives", (w, r) => {
    const info = clientInfo(w);
    let reqs: Req[] = [];
    for (const f of r.facts) {
      if (f.kind === "request") {
        reqs.push(f);
        continue;
      }
      if (f.kind !== "attempt") continue;
      const what = () => `attempt ${show(f)} after requests ${JSON.stringify(reqs)}`;
      ensure(reqs.every((q) => q.client === f.client && q.at === f.at), what);
      ensure(new Set(reqs.map((q) => q.host)).size === reqs.length, what); // §C6.3: each host at most once
      const { group } = info(f.client);
      const kms = group.kms;
      if (kms.kind === "pinned") {
        const pin = w.hosts.findIndex((h) => h.id === kms.host);
        ensure(reqs.length === 1 && reqs[0].host === pin, what); // §C6.1
      }
      const last = reqs.at(-1);
      const lastAnswer = [...reqs].reverse().find((q) => q.result !== ResultCode.NO_ANSWER);
      if (f.result === ResultCode.SUCCESS) {
        ensure(last?.result === ResultCode.SUCCESS, what);
      } else {
        ensure(!reqs.some((q) => q.result === ResultCode.SUCCESS), what);
        // §C6.4: the last answer's code, or 0xC004F074 if no host answered.
        ensure(f.result === ResultCode.NO_HOST ? lastAnswer === undefined : lastAnswer?.result === f.result, what);
      }
      // §C6.4 default: the first answer with a count ends the attempt.
      const firstCount = reqs.findIndex(answered);
      ensure(w.assumptions.failoverOnLowCount || firstCount < 0 || firstCount === reqs.length - 1, what);
      reqs = [];
    }
    ensure(reqs.length === 0, () => `requests without an attempt: ${JSON.stringify(reqs)}`);
  });

  check(
    "§R3: the same seed and replication give identical facts; another replication differs when intermittent machines are present",
    (w, r) => {
      expect(run(w, 1, 0).facts).toEqual(r.facts);
      const random = w.clients.some(
        (g) => g.online.kind === "intermittent" && g.online.on.kind === "exp" && g.count >= 3 && g.join.at < 5 * DAY && g.retire.length === 0,
      );
      if (random) expect(run(w, 1, 1).facts).not.toEqual(r.facts);
    },
    8,
  );
});
