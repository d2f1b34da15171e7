// Host selection within one attempt (MODEL.md §C6.1–§C6.6), SRV records (§N2) and DNS outages
// (§N3). Expected request sequences are derived by hand in the comments.
import { describe, expect, test } from "vitest";
import { LicenseState, ResultCode } from "../../src/kms/facts.js";
import { DEFAULT_ASSUMPTIONS, type HostSpec, type World } from "../../src/kms/world.js";
import { group, host, world } from "../support/worlds.js";
import { DAY, attemptsOf, clientOf, requestsOf, run, timers, type RequestFact } from "./model-helpers.js";

const SERVER = "Windows Server 2022 Standard";
const pinned = (h: string) => ({ kind: "pinned" as const, host: h });
const down = (start: number, end: number) => [{ kind: "window" as const, start, end }];
const hostsAndResults = (fs: RequestFact[]) => fs.map((f) => [f.host, f.result]);

describe("§C6.1 pinned clients", () => {
  test("§C6.1: a pinned client tries only its host — 0xC004F074 while it is down, never the other published host", () => {
    // kms1 down over [0, 1 000); kms2 up and published. Attempts at 0, 120, …, 960 send one request
    // each, to kms1, unanswered: 0xC004F074. At 1 080 kms1 answers: counts 1…5.
    const w = world({
      durationMin: 1100,
      hosts: [host("kms1", { outages: down(0, 1000) }), host("kms2")],
      clients: [group("srv", 5, { edition: SERVER, kms: pinned("kms1") })],
    });
    const r = run(w);
    expect(r.requests((f) => f.host === 1)).toBe(0);
    const early = r.of("attempt").filter((f) => f.at < 1000);
    expect(early).toHaveLength(5 * 9);
    expect(early.every((f) => f.result === ResultCode.NO_HOST)).toBe(true);
    expect(r.requests((f) => f.at < 1000)).toBe(5 * 9);
    expect(r.of("request").filter((f) => f.at === 1080).map((f) => f.count)).toEqual([1, 2, 3, 4, 5]);
  });

  test("§C6.1 §C6.5: a pinned client whose host answers 0xC004F042 fails with 0xC004F042 (no failover)", () => {
    // kms1 (2019 CSVLK) cannot serve Windows 11; kms2 could, but a pinned client never asks it.
    const w = world({
      durationMin: 300,
      hosts: [host("kms1", { os: "Windows Server 2019", csvlk: "Windows Server 2019" }), host("kms2")],
      clients: [group("desk", 1, { kms: pinned("kms1") })],
    });
    const r = run(w);
    expect(hostsAndResults(r.of("request"))).toEqual(Array(3).fill([0, ResultCode.PRODUCT_NOT_SERVED]));
    expect(r.of("attempt").map((f) => f.result)).toEqual(Array(3).fill(ResultCode.PRODUCT_NOT_SERVED));
  });

  test("§C6.1 §C6.5 §H7: a pinned client whose host is not activated fails with 0xC004F041", () => {
    // Ten rebuilds at 1 … 10: the one at 10 is the 11th activation, so kms1 answers 0xC004F041 from
    // 10 to 10 + 4 320. The client joins at 10 (phase 2, after the rebuild) and retries every 120.
    const w = world({
      durationMin: 300,
      hosts: [host("kms1", { rebuilds: Array.from({ length: 10 }, (_, i) => i + 1) }), host("kms2")],
      clients: [group("desk", 1, { kms: pinned("kms1"), join: { at: 10, over: 0 } })],
    });
    const r = run(w);
    expect(hostsAndResults(r.of("request"))).toEqual(Array(3).fill([0, ResultCode.HOST_NOT_ACTIVATED]));
    expect(r.of("attempt").map((f) => f.result)).toEqual(Array(3).fill(ResultCode.HOST_NOT_ACTIVATED));
  });

  test("§C6.1: a pinned client passes 0xC004F038 through and activates on its host like anyone", () => {
    const w = world({ durationMin: 60, hosts: [host("kms1"), host("kms2")], clients: [group("srv", 5, { edition: SERVER, kms: pinned("kms2") })] });
    const r = run(w);
    expect(r.of("request").map((f) => [f.host, f.count])).toEqual([1, 2, 3, 4, 5].map((n) => [1, n]));
    expect(r.of("attempt").map((f) => f.result)).toEqual([...Array(4).fill(ResultCode.COUNT_TOO_LOW), ResultCode.SUCCESS]);
  });
});

describe("§C6.2 §C6.5 host caching", () => {
  // primary (priority 0) and backup (priority 10). Five servers activate on the primary (srv/4 at 0,
  // srv/0…3 at 120) and cache it. The primary is down over [5 000, 20 000).
  const make = (caching: boolean): World =>
    world({
      durationMin: 25 * DAY,
      hosts: [host("primary", { outages: down(5000, 20_000) }), host("backup", { srv: { priority: 10, weight: 0 } })],
      clients: [group("srv", 5, { edition: SERVER, hostCaching: caching })],
    });

  test("§C6.2 §C6.3 §C6.4: the cached host (down) is tried first, then DNS without it; the backup's count ends the attempt", () => {
    // srv/4 renews at 10 080: primary (no answer), then the backup (count 1, 0xC004F038) — the first
    // count ends the attempt. At 10 200 srv/0…3 (renewal) and srv/4 (retry) each ask the primary,
    // then the backup: counts 2, 3, 4, 5 and 5 (srv/4 refreshed): srv/3 and srv/4 succeed.
    const r = run(make(true));
    expect(hostsAndResults(r.of("request").filter((f) => f.at === 10_080))).toEqual([
      [0, ResultCode.NO_ANSWER],
      [1, ResultCode.COUNT_TOO_LOW],
    ]);
    const at10200 = r.of("request").filter((f) => f.at === 10_200);
    expect(at10200.map((f) => [f.host, f.count])).toEqual([
      [0, -1], [1, 2], [0, -1], [1, 3], [0, -1], [1, 4], [0, -1], [1, 5], [0, -1], [1, 5],
    ]);
  });

  test("§C6.5: a failure never clears the cache — the down primary is asked first on every attempt until a success elsewhere", () => {
    // srv/0…2 failed at 10 200 (counts 2…4) and retry at 10 320: primary first again, then the
    // backup (count 5, success) — which they now cache.
    const r = run(make(true));
    expect(hostsAndResults(r.of("request").filter((f) => f.at === 10_320))).toEqual([
      [0, ResultCode.NO_ANSWER], [1, ResultCode.SUCCESS],
      [0, ResultCode.NO_ANSWER], [1, ResultCode.SUCCESS],
      [0, ResultCode.NO_ANSWER], [1, ResultCode.SUCCESS],
    ]);
  });

  test("§C6.5: after a success on the backup, clients stay on it when the primary returns (one request per attempt)", () => {
    const r = run(make(true));
    const late = r.of("request").filter((f) => f.at >= 20_000);
    expect(late.length).toBeGreaterThan(5);
    expect(late.every((f) => f.host === 1 && f.result === ResultCode.SUCCESS)).toBe(true);
  });

  test("§C6.5: with hostCaching off every attempt starts at DNS — back on the primary (priority 0) once it is up", () => {
    // The primary's entries (last seen 0/120) are live until 43 200+, so its count is still 5.
    const r = run(make(false));
    const late = r.of("request").filter((f) => f.at >= 20_000);
    expect(late.length).toBeGreaterThan(5);
    expect(late.every((f) => f.host === 0 && f.result === ResultCode.SUCCESS)).toBe(true);
  });

  test("§C6.2 §C6.3: a cached host answering 0xC004F041 is dropped and discovery goes on without it", () => {
    // Both hosts priority 0/10 as above, no outage; RI 1 440. kms1's ten rebuilds at 1 000 … 1 009
    // make it unactivated from 1 009. srv/4 renews at 1 440: cached kms1 → 0xC004F041, then DNS
    // minus kms1 → backup, count 1 → 0xC004F038 ends the attempt. Each host once per attempt.
    const w = world({
      durationMin: 1500,
      timers: timers({ renewalIntervalMin: 1440 }),
      hosts: [host("kms1", { rebuilds: Array.from({ length: 10 }, (_, i) => 1000 + i) }), host("backup", { srv: { priority: 10, weight: 0 } })],
      clients: [group("srv", 5, { edition: SERVER })],
    });
    const r = run(w);
    expect(hostsAndResults(requestsOf(r, 4).filter((f) => f.at === 1440))).toEqual([
      [0, ResultCode.HOST_NOT_ACTIVATED],
      [1, ResultCode.COUNT_TOO_LOW],
    ]);
  });
});

describe("§C6.3 §N2 DNS discovery", () => {
  test("§C6.3: the lowest priority number is tried first, whatever the file order", () => {
    const w = world({
      durationMin: 60,
      hosts: [host("far", { srv: { priority: 10, weight: 0 } }), host("near", { srv: { priority: 5, weight: 0 } })],
      clients: [group("desk", 3, { hostCaching: false })],
    });
    const r = run(w);
    expect(r.of("request").map((f) => f.host)).toEqual([1, 1, 1]);
  });

  test("§C6.3: a priority group is exhausted before the next one (down hosts at 0, then the one at 10)", () => {
    // a (0), b (0) down; c (10) up: each attempt asks a and b in some order, then c.
    const w = world({
      durationMin: 1,
      hosts: [host("a", { outages: down(0, 10) }), host("b", { outages: down(0, 10) }), host("c", { srv: { priority: 10, weight: 0 } })],
      clients: [group("desk", 20)],
    });
    const r = run(w);
    for (let c = 0; c < 20; c++) {
      const hosts = requestsOf(r, c).map((f) => f.host);
      expect(hosts).toHaveLength(3);
      expect(new Set(hosts.slice(0, 2))).toEqual(new Set([0, 1]));
      expect(hosts[2]).toBe(2);
    }
  });

  test("§C6.3: weights 3:1 within one priority group send about 75 % of first requests to the heavier host", () => {
    // 2 000 independent draws (1 000 clients × seeds 1 and 2), p = 0.75: sd = √(2000 · 0.75 · 0.25)
    // ≈ 19.4 requests; the band 1 400 … 1 600 is ±5 sd.
    let heavy = 0;
    for (const seed of [1, 2]) {
      const w = world({
        durationMin: 1,
        hosts: [host("heavy", { srv: { priority: 0, weight: 3 } }), host("light", { srv: { priority: 0, weight: 1 } })],
        clients: [group("desk", 1000, { hostCaching: false })],
      });
      const r = run(w, seed);
      for (let c = 0; c < 1000; c++) if (requestsOf(r, c)[0].host === 0) heavy++;
    }
    expect(heavy).toBeGreaterThan(1400);
    expect(heavy).toBeLessThan(1600);
  });

  test("§C6.3: a weight-0 record is chosen only after every positive one, and positive ones go by weight", () => {
    // zero (w 0), one (w 1), two (w 2), all priority 0 and down at minute 0: every attempt asks all
    // three; `zero` is always last; `two` comes first with p = 2/3 (600 clients: sd ≈ 0.019, band ±5 sd).
    const w = world({
      durationMin: 1,
      hosts: [
        host("zero", { srv: { priority: 0, weight: 0 }, outages: down(0, 10) }),
        host("one", { srv: { priority: 0, weight: 1 }, outages: down(0, 10) }),
        host("two", { srv: { priority: 0, weight: 2 }, outages: down(0, 10) }),
      ],
      clients: [group("desk", 600)],
    });
    const r = run(w);
    let twoFirst = 0;
    for (let c = 0; c < 600; c++) {
      const hosts = requestsOf(r, c).map((f) => f.host);
      expect(hosts).toHaveLength(3);
      expect(hosts[2]).toBe(0);
      if (hosts[0] === 2) twoFirst++;
    }
    expect(twoFirst / 600).toBeGreaterThan(2 / 3 - 0.1);
    expect(twoFirst / 600).toBeLessThan(2 / 3 + 0.1);
  });

  test("§C6.3: with all weights 0 the choice is uniform", () => {
    const w = world({
      durationMin: 1,
      hosts: ["a", "b", "c"].map((id) => host(id, { outages: down(0, 10) })),
      clients: [group("desk", 600)],
    });
    const r = run(w);
    const first = [0, 0, 0];
    for (let c = 0; c < 600; c++) first[requestsOf(r, c)[0].host]++;
    for (const n of first) {
      expect(n / 600).toBeGreaterThan(1 / 3 - 0.1);
      expect(n / 600).toBeLessThan(1 / 3 + 0.1);
    }
  });

  test("§N2: a host with srv: false is never discovered, but a pinned client reaches it", () => {
    const hidden: HostSpec = host("kms1", { srv: null });
    const w = world({
      durationMin: 60,
      hosts: [hidden],
      clients: [group("dns", 2, { edition: SERVER }), group("pin", 5, { edition: SERVER, kms: pinned("kms1") })],
    });
    const r = run(w);
    // dns/0 and dns/1: no candidate at all → 0xC004F074 with no request (§C6.6).
    expect(r.requests((f) => f.client < 2)).toBe(0);
    expect(attemptsOf(r, 0).map((f) => f.result)).toEqual([ResultCode.NO_HOST]);
    expect(r.of("request").map((f) => f.count)).toEqual([1, 2, 3, 4, 5]);
  });

  test("§N2: a site's SRV override reorders hosts for clients of that site only", () => {
    // hq-kms (priority 0) and br-kms (priority 10); the branch overrides br-kms to 0 and hq-kms to 50.
    const w = world({
      durationMin: 1,
      sites: [
        { id: "hq", srvOverrides: [], dnsOutages: [] },
        { id: "branch", srvOverrides: [{ host: "br-kms", priority: 0 }, { host: "hq-kms", priority: 50 }], dnsOutages: [] },
      ],
      links: [{ id: "wan", between: ["hq", "branch"], outages: [] }],
      hosts: [host("hq-kms"), host("br-kms", { site: "branch", srv: { priority: 10, weight: 0 } })],
      clients: [group("hq-desk", 3), group("br-desk", 3, { site: "branch" })],
    });
    const r = run(w);
    expect(r.of("request").map((f) => f.host)).toEqual([0, 0, 0, 1, 1, 1]);
  });
});

describe("§C6.4 end of an attempt", () => {
  // kms1 (priority 0) and kms2 (priority 10). 24 Windows 11 clients pinned to kms2 ask first, so
  // kms2's count is 24; then one DNS client asks.
  const make = (failover: boolean): World =>
    world({
      durationMin: 1,
      assumptions: { ...DEFAULT_ASSUMPTIONS, failoverOnLowCount: failover },
      hosts: [host("kms1"), host("kms2", { srv: { priority: 10, weight: 0 } })],
      clients: [group("on2", 24, { kms: pinned("kms2") }), group("dns", 1)],
    });

  test("§C6.4: the first host that answers with a count ends the attempt even if it is too low (default)", () => {
    const w = make(false);
    const r = run(w);
    const c = clientOf(w, "dns", 0);
    expect(requestsOf(r, c).map((f) => [f.host, f.count, f.result])).toEqual([[0, 1, ResultCode.COUNT_TOO_LOW]]);
    expect(attemptsOf(r, c).map((f) => f.result)).toEqual([ResultCode.COUNT_TOO_LOW]);
  });

  test("§C6.4 assumptions.failoverOnLowCount: the client moves on after 0xC004F038 and activates on kms2 (25)", () => {
    const w = make(true);
    const r = run(w);
    const c = clientOf(w, "dns", 0);
    expect(requestsOf(r, c).map((f) => [f.host, f.count, f.result])).toEqual([
      [0, 1, ResultCode.COUNT_TOO_LOW],
      [1, 25, ResultCode.SUCCESS],
    ]);
    expect(r.statesAt(0).get(c)).toBe(LicenseState.LICENSED);
  });

  test("§C6.4 assumptions.failoverOnLowCount: 0xC004F038 can be the final code when every host is too low", () => {
    const w = world({
      durationMin: 1,
      assumptions: { ...DEFAULT_ASSUMPTIONS, failoverOnLowCount: true },
      hosts: [host("kms1"), host("kms2", { srv: { priority: 10, weight: 0 } })],
      clients: [group("dns", 1)],
    });
    const r = run(w);
    expect(r.of("request").map((f) => [f.host, f.count, f.result])).toEqual([
      [0, 1, ResultCode.COUNT_TOO_LOW],
      [1, 1, ResultCode.COUNT_TOO_LOW],
    ]);
    expect(r.of("attempt").map((f) => f.result)).toEqual([ResultCode.COUNT_TOO_LOW]);
  });

  test("§C6.4: when every candidate fails the code is the last answer's (0xC004F042 even if a later host was silent)", () => {
    // wrong (priority 0, 2019 CSVLK: 0xC004F042 to Windows 11), dead (priority 10, down): F042.
    // Swapped priorities: dead first, wrong last: F042 too. Both silent: F074.
    const wrong = (p: number) => host("wrong", { os: "Windows Server 2019", csvlk: "Windows Server 2019", srv: { priority: p, weight: 0 } });
    const dead = (p: number) => host("dead", { srv: { priority: p, weight: 0 }, outages: down(0, 10) });
    const a = run(world({ durationMin: 1, hosts: [wrong(0), dead(10)], clients: [group("desk", 1)] }));
    expect(hostsAndResults(a.of("request"))).toEqual([
      [0, ResultCode.PRODUCT_NOT_SERVED],
      [1, ResultCode.NO_ANSWER],
    ]);
    expect(a.of("attempt").map((f) => f.result)).toEqual([ResultCode.PRODUCT_NOT_SERVED]);
    const b = run(world({ durationMin: 1, hosts: [wrong(10), dead(0)], clients: [group("desk", 1)] }));
    expect(b.of("request").map((f) => f.host)).toEqual([1, 0]);
    expect(b.of("attempt").map((f) => f.result)).toEqual([ResultCode.PRODUCT_NOT_SERVED]);
    const c = run(world({ durationMin: 1, hosts: [dead(0), host("dead2", { outages: down(0, 10) })], clients: [group("desk", 1)] }));
    expect(c.requests()).toBe(2);
    expect(c.of("attempt").map((f) => f.result)).toEqual([ResultCode.NO_HOST]);
  });

  test("§C6.4: 0xC004F041 then 0xC004F042 ends with the last answer, 0xC004F042", () => {
    // unact (priority 0) is unactivated from minute 10 (ten rebuilds at 1…10); wrong (priority 10)
    // rejects Windows 11. The client joins at 10.
    const w = world({
      durationMin: 11,
      hosts: [
        host("unact", { rebuilds: Array.from({ length: 10 }, (_, i) => i + 1) }),
        host("wrong", { os: "Windows Server 2019", csvlk: "Windows Server 2019", srv: { priority: 10, weight: 0 } }),
      ],
      clients: [group("desk", 1, { join: { at: 10, over: 0 } })],
    });
    const r = run(w);
    expect(hostsAndResults(r.of("request"))).toEqual([
      [0, ResultCode.HOST_NOT_ACTIVATED],
      [1, ResultCode.PRODUCT_NOT_SERVED],
    ]);
    expect(r.of("attempt").map((f) => f.result)).toEqual([ResultCode.PRODUCT_NOT_SERVED]);
  });
});

describe("§C6.6 §N3 DNS outages", () => {
  const hq = (dnsOutages: World["sites"][number]["dnsOutages"]) => [{ id: "hq", srvOverrides: [], dnsOutages }];

  test("§N3 §C6.6: DNS down and no cached host → 0xC004F074 with no request sent", () => {
    // DNS of hq down over [0, 1 000): attempts at 0 … 960 (9 of them) send nothing; 1 080 asks kms1.
    const w = world({ durationMin: 1100, sites: hq(down(0, 1000)), clients: [group("desk", 2)] });
    const r = run(w);
    expect(r.of("attempt").filter((f) => f.at < 1000)).toHaveLength(2 * 9);
    expect(r.of("attempt").filter((f) => f.at < 1000).every((f) => f.result === ResultCode.NO_HOST)).toBe(true);
    expect(r.requests((f) => f.at < 1000)).toBe(0);
    expect(r.of("request").filter((f) => f.at === 1080).map((f) => f.count)).toEqual([1, 2]);
    expect(r.of("dnsUp")).toEqual([
      { kind: "dnsUp", at: 0, site: 0, up: false },
      { kind: "dnsUp", at: 1000, site: 0, up: true },
    ]);
  });

  test("§N3 §C6.2: DNS down but the cached host up → renewals still succeed (one request each)", () => {
    // Five servers cache kms1 by 120; DNS down over [1 000, 20 000); renewals at 10 080 / 10 200.
    const w = world({ durationMin: 15 * DAY, sites: hq(down(1000, 20_000)), clients: [group("srv", 5, { edition: SERVER })] });
    const r = run(w);
    const renewals = r.of("request").filter((f) => f.at >= 1000 && f.at < 20_000);
    expect(renewals.map((f) => [f.at, f.result])).toEqual([
      [10_080, ResultCode.SUCCESS],
      ...Array(4).fill([10_200, ResultCode.SUCCESS]),
    ]);
  });

  test("§N3 §C6.6: DNS down and the cached host down → one request, 0xC004F074", () => {
    // As above, and kms1 is also down over [10 000, 10 100): srv/4's renewal at 10 080 asks its cached
    // kms1 (no answer) and finds nothing in DNS: one request, 0xC004F074. It retries at 10 200 (AI)
    // with the others, kms1 up again: success.
    const w = world({
      durationMin: 15 * DAY,
      sites: hq(down(1000, 20_000)),
      hosts: [host("kms1", { outages: down(10_000, 10_100) })],
      clients: [group("srv", 5, { edition: SERVER })],
    });
    const r = run(w);
    expect(hostsAndResults(requestsOf(r, 4).filter((f) => f.at === 10_080))).toEqual([[0, ResultCode.NO_ANSWER]]);
    expect(attemptsOf(r, 4).filter((f) => f.at >= 10_000 && f.at < 20_000).map((f) => [f.at, f.result])).toEqual([
      [10_080, ResultCode.NO_HOST],
      [10_200, ResultCode.SUCCESS],
    ]);
  });

  test("§N3 §C6.1: a pinned client does not need DNS", () => {
    const w = world({ durationMin: 60, sites: hq(down(0, 1000)), clients: [group("srv", 5, { edition: SERVER, kms: pinned("kms1") })] });
    const r = run(w);
    expect(r.of("request").map((f) => f.count)).toEqual([1, 2, 3, 4, 5]);
  });
});
