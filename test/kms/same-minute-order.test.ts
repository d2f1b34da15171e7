// Time and order (MODEL.md §T1–§T3): the horizon, the four phases of a minute and file order
// within a phase, and how outage entries combine into up/down.
import { describe, expect, test } from "vitest";
import { LicenseState, Pool, ResultCode } from "../../src/kms/facts.js";
import { group, host, world } from "../support/worlds.js";
import { DAY, attemptsOf, run, timers } from "./model-helpers.js";

const { NONE, OOB_GRACE, LICENSED, OOT_GRACE } = LicenseState;
const SERVER = "Windows Server 2022 Standard";
const window = (start: number, end: number) => ({ kind: "window" as const, start, end });
const fixed = (value: number) => ({ kind: "fixed" as const, value });

describe("§T1 horizon", () => {
  test("§T1: a run covers [0, duration) — nothing happens at minute `duration`", () => {
    // A failing client tries at 0; its retry due at 120 = duration never happens; a group joining
    // at 120 never joins; a host window starting at 120 never goes down.
    const w = world({
      durationMin: 120,
      hosts: [host("kms1", { outages: [window(120, 200)] })],
      clients: [group("desk", 1), group("late", 1, { join: { at: 120, over: 0 } })],
    });
    const r = run(w);
    expect(r.of("request").map((f) => f.at)).toEqual([0]);
    expect(r.of("joined")).toHaveLength(1);
    expect(r.of("hostUp")).toHaveLength(0);
    expect(r.facts.every((f) => f.at < 120)).toBe(true);
  });
});

describe("§T2 same-minute order", () => {
  test("§T2: a host that comes back at minute t answers the attempts of minute t", () => {
    // Pinned client, host down over [0, 240): 0 and 120 unanswered; 240 (host up in phase 1) answered.
    const w = world({
      durationMin: 300,
      hosts: [host("kms1", { outages: [window(0, 240)] })],
      clients: [group("desk", 1, { kms: { kind: "pinned", host: "kms1" } })],
    });
    const r = run(w);
    expect(r.of("request").map((f) => [f.at, f.result])).toEqual([
      [0, ResultCode.NO_ANSWER],
      [120, ResultCode.NO_ANSWER],
      [240, ResultCode.COUNT_TOO_LOW],
    ]);
  });

  test("§T2 §C2: a validity ending at minute t lapses before the renewal attempt at t (renewal succeeds)", () => {
    // validity = RI = 1 440. srv/4 licensed at 0: at 1 440 its validity ends (phase 3) and its
    // renewal (phase 4) succeeds: licensed → oot_grace (a lapse), then oot_grace → licensed.
    const w = world({
      durationMin: 1500,
      timers: timers({ validityMin: 1440, renewalIntervalMin: 1440 }),
      clients: [group("srv", 5, { edition: SERVER })],
    });
    const r = run(w);
    const at = r.facts.filter((f) => f.at === 1440 && "client" in f && f.client === 4);
    expect(at.map((f) => f.kind)).toEqual(["lapsed", "state", "request", "state", "attempt"]);
    expect(at[1]).toMatchObject({ from: LICENSED, to: OOT_GRACE });
    expect(at[2]).toMatchObject({ result: ResultCode.SUCCESS, count: 5 });
    expect(at[3]).toMatchObject({ from: OOT_GRACE, to: LICENSED });
  });

  test("§T2 §C2: a validity ending at minute t lapses before a renewal attempt at t that fails", () => {
    // Same, with the host down over [1 440, 1 500): srv/4 lapses at 1 440, its renewal gets no
    // answer (0xC004F074), it stays in oot_grace and succeeds at 1 560 (AI 120).
    const w = world({
      durationMin: 1600,
      timers: timers({ validityMin: 1440, renewalIntervalMin: 1440 }),
      hosts: [host("kms1", { outages: [window(1440, 1500)] })],
      clients: [group("srv", 5, { edition: SERVER })],
    });
    const r = run(w);
    const states = r.of("state").filter((f) => f.client === 4);
    expect(states.map((f) => [f.at, f.from, f.to])).toEqual([
      [0, NONE, OOB_GRACE],
      [0, OOB_GRACE, LICENSED],
      [1440, LICENSED, OOT_GRACE],
      [1560, OOT_GRACE, LICENSED],
    ]);
    expect(attemptsOf(r, 4).map((f) => [f.at, f.result])).toEqual([
      [0, ResultCode.SUCCESS],
      [1440, ResultCode.NO_HOST],
      [1560, ResultCode.SUCCESS],
    ]);
  });

  test("§T2: clients attempting in the same minute are counted in file order, not in the order their attempts were scheduled", () => {
    // `late` (listed first): one server joining at 120 — its attempt is scheduled at minute 120.
    // `early` (listed second): four servers failing at 0 (1…4) — their retries at 120 were scheduled
    // at minute 0. At 120 file order puts late/0 first: it is the 5th CMID and sees 5 (success); then
    // early/0…3 refresh and see 5 (success).
    const w = world({
      durationMin: 200,
      clients: [
        group("late", 1, { edition: SERVER, join: { at: 120, over: 0 } }),
        group("early", 4, { edition: SERVER }),
      ],
    });
    const r = run(w);
    expect(r.of("request").filter((f) => f.at === 120).map((f) => [f.client, f.count, f.result])).toEqual([
      [0, 5, ResultCode.SUCCESS],
      [1, 5, ResultCode.SUCCESS],
      [2, 5, ResultCode.SUCCESS],
      [3, 5, ResultCode.SUCCESS],
      [4, 5, ResultCode.SUCCESS],
    ]);
  });

  test("§T2: … and with the groups listed the other way round the retries come first and see 4", () => {
    const w = world({
      durationMin: 200,
      clients: [
        group("early", 4, { edition: SERVER }),
        group("late", 1, { edition: SERVER, join: { at: 120, over: 0 } }),
      ],
    });
    const r = run(w);
    expect(r.of("request").filter((f) => f.at === 120).map((f) => [f.client, f.count, f.result])).toEqual([
      [0, 4, ResultCode.COUNT_TOO_LOW],
      [1, 4, ResultCode.COUNT_TOO_LOW],
      [2, 4, ResultCode.COUNT_TOO_LOW],
      [3, 4, ResultCode.COUNT_TOO_LOW],
      [4, 5, ResultCode.SUCCESS],
    ]);
  });

  test("§T2 §O1: each machine's Windows client attempts before its Office client, machines in file order", () => {
    const w = world({
      durationMin: 1,
      hosts: [host("kms1", { officeKeys: ["Office LTSC 2021"] })],
      clients: [group("a", 2, { office: "Office LTSC 2021" }), group("b", 1)],
    });
    const r = run(w);
    expect(r.of("request").map((f) => [f.client, f.pool])).toEqual([
      [0, Pool.WINDOWS],
      [1, Pool.OFFICE],
      [2, Pool.WINDOWS],
      [3, Pool.OFFICE],
      [4, Pool.WINDOWS],
    ]);
  });

  test("§T2 §H3: count-entry expiry (phase 1) comes before the attempts of the same minute", () => {
    // AI = 43 200: a lone client asks at 0 and again at 43 200, the minute its entry expires. The
    // entry drops first (count 0), then the request re-adds it (count 1).
    const w = world({ durationMin: 43_201, timers: timers({ activationIntervalMin: 43_200 }), clients: [group("desk", 1)] });
    const r = run(w);
    expect(r.of("count").map((f) => [f.at, f.count])).toEqual([
      [0, 1],
      [43_200, 0],
      [43_200, 1],
    ]);
    expect(r.of("request").map((f) => [f.at, f.count])).toEqual([
      [0, 1],
      [43_200, 1],
    ]);
  });

  // One event re-evaluates a whole group's online state (office hours, offline windows); §T2 still
  // wants each member's join and retirement of that minute before its own online re-evaluation.
  test("§T2 §C8 §C7: a machine retired in the minute its group comes online is retired before its online state is re-evaluated", () => {
    // Six non-persistent office-hours servers joining at 0 (Monday 00:00, offline). Monday 08:00
    // (480): booted and re-imaged, they see 1…6: np/4, np/5 activate, np/0…3 at 600 (count 6).
    // Tuesday 08:00 (1 920): {at: 1 920, count: 2} retires np/0 and np/1. §T2, per machine: join,
    // then retirement, then online state — so np/0 and np/1 retire while licensed and are never
    // re-imaged; np/2…5 boot and are re-imaged (licensed → oob_grace).
    const w = world({
      durationMin: 2000,
      clients: [
        group("np", 6, { edition: SERVER, cmid: "non-persistent", online: { kind: "office-hours" }, retire: [{ at: 1920, count: 2 }] }),
      ],
    });
    const r = run(w);
    expect(r.countInState(1919, LICENSED)).toBe(6);
    expect(r.of("retired").map((f) => [f.at, f.client, f.from])).toEqual([
      [1920, 0, LICENSED],
      [1920, 1, LICENSED],
    ]);
    const reimaged = r.of("state").filter((f) => f.at === 1920 && f.from === LICENSED && f.to === OOB_GRACE);
    expect(reimaged.map((f) => f.client)).toEqual([2, 3, 4, 5]);
    // Phase 2 acts machine by machine in file order: np/1's retirement comes before np/2's re-image.
    const phase2 = r.facts.filter((f) => f.at === 1920 && (f.kind === "retired" || (f.kind === "state" && f.to === OOB_GRACE)));
    expect(phase2.map((f) => ("client" in f ? f.client : -1))).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe("§T3 up and down", () => {
  test("§T3: overlapping and adjacent windows make one down period; facts only at net changes", () => {
    // [100, 300) ∪ [200, 400) ∪ [400, 500) = down over [100, 500).
    const w = world({ durationMin: 600, hosts: [host("kms1", { outages: [window(100, 300), window(200, 400), window(400, 500)] })] });
    const r = run(w);
    expect(r.of("hostUp").map((f) => [f.at, f.up])).toEqual([
      [100, false],
      [500, true],
    ]);
  });

  test("§T3 §R1: a random process starts up at 0 and alternates up and down periods (fixed 100 up, 50 down)", () => {
    const w = world({
      durationMin: 400,
      hosts: [host("kms1", { outages: [{ kind: "random", upTime: fixed(100), downTime: fixed(50) }] })],
    });
    const r = run(w);
    // Down at 100, up at 150, down at 250, up at 300; the next down (400) is the horizon (§T1).
    expect(r.of("hostUp").map((f) => [f.at, f.up])).toEqual([
      [100, false],
      [150, true],
      [250, false],
      [300, true],
    ]);
  });

  test("§T3 §H5: a rebuild during an outage changes the tables, not the up/down state", () => {
    // Down over [100, 300), rebuilt at 150: still down until 300 (no up fact at 150), a pinned client
    // trying at 120 and 240 gets no answer, and at 360 it is answered by the empty, rebuilt table.
    const w = world({
      durationMin: 400,
      hosts: [host("kms1", { outages: [window(100, 300)], rebuilds: [150] })],
      clients: [group("desk", 1, { kms: { kind: "pinned", host: "kms1" } })],
    });
    const r = run(w);
    expect(r.of("hostUp").map((f) => [f.at, f.up])).toEqual([
      [100, false],
      [300, true],
    ]);
    expect(r.of("request").map((f) => [f.at, f.result, f.count])).toEqual([
      [0, ResultCode.COUNT_TOO_LOW, 1],
      [120, ResultCode.NO_ANSWER, -1],
      [240, ResultCode.NO_ANSWER, -1],
      [360, ResultCode.COUNT_TOO_LOW, 1],
    ]);
    expect(r.hostCountAt(0, 150)).toBe(0);
  });

  test("§T3 §N1 §N3: links and a site's DNS follow the same rule", () => {
    const w = world({
      durationMin: 10 * DAY,
      sites: [
        { id: "hq", srvOverrides: [], dnsOutages: [window(10, 20), window(15, 30)] },
        { id: "branch", srvOverrides: [], dnsOutages: [] },
      ],
      links: [{ id: "wan", between: ["hq", "branch"], outages: [window(5, 8), window(8, 12)] }],
    });
    const r = run(w);
    expect(r.of("linkUp").map((f) => [f.at, f.up])).toEqual([
      [5, false],
      [12, true],
    ]);
    expect(r.of("dnsUp").map((f) => [f.at, f.site, f.up])).toEqual([
      [10, 0, false],
      [30, 0, true],
    ]);
  });
});
