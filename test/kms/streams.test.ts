// Random streams in the model (MODEL.md §R3, with §R1/§R2/§C3 for what is drawn): named by purpose
// and entity, so that one entity's parameters never move another's draws, and reproducible from
// (seed, replication). Where the exact draws are checked, the expectation is rebuilt from the named
// stream with the engine's documented helpers (createStream, drawMinutes, uniformInt).
import { describe, expect, test } from "vitest";
import type { Distribution } from "../../src/engine/distribution.js";
import { drawMinutes, uniformInt } from "../../src/engine/draws.js";
import { createStream } from "../../src/engine/streams.js";
import { ResultCode } from "../../src/kms/facts.js";
import type { HostSpec, Outage, World } from "../../src/kms/world.js";
import { group, host, world } from "../support/worlds.js";
import { DAY, attemptsOf, clientOf, requestsOf, run, timers } from "./model-helpers.js";

const exp = (mean: number): Distribution => ({ kind: "exp", mean });

/** Up/down change minutes of one random outage process drawn from `stream`, below `horizon` (§T3). */
function expectedToggles(seed: number, replication: number, name: string, up: Distribution, down: Distribution, horizon: number) {
  const s = createStream(seed, replication, name);
  const out: [number, boolean][] = [];
  let t = 0;
  for (;;) {
    t += drawMinutes(s, up);
    if (t >= horizon) return out;
    out.push([t, false]);
    t += drawMinutes(s, down);
    if (t >= horizon) return out;
    out.push([t, true]);
  }
}

/**
 * Attempt minutes of a never-activating client of an intermittent machine joining at `join`
 * (always AI apart, deferred to the next on period, §C3 §R2), with on/off periods from `name`.
 */
function expectedIntermittentAttempts(seed: number, name: string, on: Distribution, off: Distribution, join: number, ai: number, horizon: number) {
  const s = createStream(seed, 0, name);
  const periods: [number, number][] = []; // on periods [start, end)
  let t = join;
  while (t < horizon) {
    const end = t + drawMinutes(s, on);
    periods.push([t, end]);
    t = end + drawMinutes(s, off);
  }
  const attempts: number[] = [];
  let due = join;
  while (due < horizon) {
    const p = periods.find(([, end]) => due < end); // the on period holding `due`, or the next one
    if (p === undefined) break;
    const at = Math.max(due, p[0]);
    if (at >= horizon) break;
    attempts.push(at);
    due = at + ai;
  }
  return attempts;
}

describe("§R3 streams named by purpose and entity", () => {
  test("§R3 §R1 §T3: a host's random outage draws from `outage/host/<id>/<index>`, the index counting scheduled windows too", () => {
    // kms1's outages: [a window past the horizon, random(exp(1 000), exp(200))]: the random process is
    // entry 1, so its up/down periods come from `outage/host/kms1/1`, alternating up, down, … from 0.
    const horizon = 20 * DAY;
    const up = exp(1000);
    const down = exp(200);
    const outages: Outage[] = [
      { kind: "window", start: 10 * horizon, end: 11 * horizon },
      { kind: "random", upTime: up, downTime: down },
    ];
    const r = run(world({ durationMin: horizon, hosts: [host("kms1", { outages })] }), 7, 3);
    const expected = expectedToggles(7, 3, "outage/host/kms1/1", up, down, horizon);
    expect(expected.length).toBeGreaterThan(10);
    expect(r.of("hostUp").map((f) => [f.at, f.up])).toEqual(expected);
  });

  test("§R3 §R1: links and DNS draw from `outage/link/<id>/<i>` and `outage/dns/<site>/<i>`", () => {
    const horizon = 20 * DAY;
    const up = exp(1500);
    const down = exp(100);
    const w = world({
      durationMin: horizon,
      sites: [
        { id: "hq", srvOverrides: [], dnsOutages: [{ kind: "random", upTime: up, downTime: down }] },
        { id: "branch", srvOverrides: [], dnsOutages: [] },
      ],
      links: [{ id: "wan", between: ["hq", "branch"], outages: [{ kind: "random", upTime: up, downTime: down }] }],
    });
    const r = run(w, 3, 1);
    expect(r.of("linkUp").map((f) => [f.at, f.up])).toEqual(expectedToggles(3, 1, "outage/link/wan/0", up, down, horizon));
    expect(r.of("dnsUp").map((f) => [f.at, f.up])).toEqual(expectedToggles(3, 1, "outage/dns/hq/0", up, down, horizon));
  });

  test("§R3 §R2 §C3: an intermittent machine's on/off periods come from `online/client/<group>/<i>`", () => {
    // roam/3 (joins at 3 × 600 / 5 = 360), a lone-ish Windows 11 client that never reaches 25: it
    // tries at its join and every AI (120), deferred to the next on period.
    const on = exp(300);
    const off = exp(400);
    const horizon = 5 * DAY;
    const w = world({
      durationMin: horizon,
      clients: [group("roam", 5, { join: { at: 0, over: 600 }, online: { kind: "intermittent", on, off } })],
    });
    const r = run(w, 11);
    const expected = expectedIntermittentAttempts(11, "online/client/roam/3", on, off, 360, 120, horizon);
    expect(expected.length).toBeGreaterThan(10);
    expect(requestsOf(r, 3).map((f) => f.at)).toEqual(expected);
  });

  test("§R3 §C3: renewal jitter comes from `jitter/client/<group>/<i>` (and `jitter/office/…` for Office installs)", () => {
    // 30 machines with Office: desk/24's Windows client activates at 0 (count 25) and renews at
    // success + 10 080 + j, j = uniformInt(0 … 90) drawn in turn; desk/4's Office install (office
    // count 5 at 0) likewise from its own `jitter/office/desk/4`.
    const jitter = 90;
    const w = world({
      durationMin: 40 * DAY,
      timers: timers({ renewalJitterMin: jitter }),
      hosts: [host("kms1", { officeKeys: ["Office LTSC 2021"] })],
      clients: [group("desk", 30, { office: "Office LTSC 2021" })],
    });
    const r = run(w, 5);
    const successes = (c: number) => attemptsOf(r, c).filter((f) => f.result === ResultCode.SUCCESS).map((f) => f.at);
    const chain = (name: string, first: number, n: number) => {
      const s = createStream(5, 0, name);
      const out = [first];
      while (out.length < n) out.push(out[out.length - 1] + 10_080 + uniformInt(s, 0, jitter));
      return out;
    };
    const win = successes(clientOf(w, "desk", 24));
    expect(win[0]).toBe(0);
    expect(win).toEqual(chain("jitter/client/desk/24", 0, win.length));
    const off = successes(clientOf(w, "desk", 4, true));
    expect(off[0]).toBe(0);
    expect(off).toEqual(chain("jitter/office/desk/4", 0, off.length));
    expect(win.length).toBeGreaterThanOrEqual(5);
  });
});

describe("§R3 common random numbers", () => {
  // kms1 has random outages (the parameter a strategy would change); kms2 is always up. `roam`
  // machines are intermittent and pinned to kms2; 20 Windows 11 clients never reach 25, so they
  // try exactly when they are due and online: their request minutes reveal their online draws.
  // `on1` servers are pinned to kms1 and feel its outages.
  const make = (kms1: Partial<HostSpec>, extraGroups: World["clients"] = []): World =>
    world({
      durationMin: 10 * DAY,
      hosts: [host("kms1", kms1), host("kms2")],
      clients: [
        ...extraGroups,
        group("roam", 20, { online: { kind: "intermittent", on: exp(180), off: exp(300) }, kms: { kind: "pinned", host: "kms2" } }),
        group("on1", 30, { edition: "Windows Server 2022 Standard", kms: { kind: "pinned", host: "kms1" } }),
      ],
    });
  const roamMinutes = (w: World, seed = 1) => {
    const r = run(w, seed);
    const first = clientOf(w, "roam", 0);
    return Array.from({ length: 20 }, (_, i) => requestsOf(r, first + i).map((f) => f.at));
  };

  test("§R3: changing one host's outage parameters leaves every client's online behaviour unchanged", () => {
    const a = make({ outages: [{ kind: "random", upTime: exp(2 * DAY), downTime: exp(360) }] });
    const b = make({ outages: [{ kind: "random", upTime: exp(DAY / 2), downTime: exp(60) }, { kind: "window", start: 100, end: 5000 }] });
    const c = make({ outages: [], activationIntervalMin: 45 });
    const base = roamMinutes(a);
    expect(base.flat().length).toBeGreaterThan(200);
    expect(roamMinutes(b)).toEqual(base);
    expect(roamMinutes(c)).toEqual(base);
  });

  test("§R3: adding a client group (even listed first) leaves another group's online draws unchanged", () => {
    const a = make({});
    const b = make({}, [group("extra", 7, { online: { kind: "intermittent", on: exp(100), off: exp(100) }, kms: { kind: "pinned", host: "kms1" } })]);
    expect(roamMinutes(b)).toEqual(roamMinutes(a));
  });

  test("§R3: SRV choices are drawn per client (`srv/client/…`): another group listed first does not move them", () => {
    // 200 DNS clients between two weight-1 hosts, with caching off; the host of each one's first request.
    const make2 = (extra: World["clients"]): World =>
      world({
        durationMin: 1,
        hosts: [host("a", { srv: { priority: 0, weight: 1 } }), host("b", { srv: { priority: 0, weight: 1 } })],
        clients: [...extra, group("desk", 200, { hostCaching: false })],
      });
    const firstHosts = (w: World) => {
      const r = run(w);
      const first = clientOf(w, "desk", 0);
      return Array.from({ length: 200 }, (_, i) => requestsOf(r, first + i)[0].host);
    };
    const base = firstHosts(make2([]));
    expect(new Set(base).size).toBe(2);
    expect(firstHosts(make2([group("other", 50, { hostCaching: false })]))).toEqual(base);
  });

  test("§R3: the same seed and replication give identical facts", () => {
    const w = make({ outages: [{ kind: "random", upTime: exp(DAY), downTime: exp(240) }] });
    expect(run(w, 4, 2).facts).toEqual(run(w, 4, 2).facts);
  });

  test("§R3: another replication or another seed gives different facts", () => {
    const w = make({ outages: [{ kind: "random", upTime: exp(DAY), downTime: exp(240) }] });
    const base = run(w, 4, 0).facts;
    expect(run(w, 4, 1).facts).not.toEqual(base);
    expect(run(w, 5, 0).facts).not.toEqual(base);
  });
});
