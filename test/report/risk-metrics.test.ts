// The risk columns of summary.csv (FORMAT.md: failed_attempts, min_validity_left_h,
// client_hours_unreachable, rejected_*, <host>_rejected, the Office ones), each against values
// derived by hand on a small deterministic world. The model runs for real; the derivations are
// in the comments. Time 0 is Monday 2027-01-04 00:00 UTC; 1 d = 1 440 min.
import { describe, expect, it } from "vitest";
import { buildLayout, simulate, type World } from "../../src/kms/index.js";
import { DEFAULT_TIMERS } from "../../src/kms/world.js";
import { RunAggregator } from "../../src/report/run-aggregator.js";
import { group, host, world } from "../support/worlds.js";

const DAY = 1440;

function summaryOf(w: World): Record<string, number | string> {
  const agg = new RunAggregator(w, buildLayout(w), {
    startEpochMs: Date.UTC(2027, 0, 4),
    sampleMin: null,
    scenario: "risk",
    strategy: null,
    replication: 0,
    seed: 1,
  });
  simulate(w, { seed: 1, replication: 0 }, agg);
  return agg.finish().summaryRecord;
}

describe("client_hours_unreachable counts online minutes only (§R2) from a 0xC004F074 attempt to the next other result", () => {
  // 30 office-hours desktops (online Mon–Fri 08:00–18:00), renewal every 4 d, kms1 down from
  // Friday 00:00 (5 760) to Monday 12:00 (10 800).
  // - Monday 08:00 (480): everyone boots and attempts; desk/0 … 23 see 1 … 24 (0xC004F038),
  //   desk/24 … 29 see 25 … 30 → licensed. 600: desk/0 … 23 licensed.
  // - Renewals due Friday 08:00 (6 240, desk/24 … 29) and Friday 10:00 (6 360, the others): kms1 is
  //   down → 0xC004F074, retries every 2 h until 16:00; the 18:00 retry waits for Monday 08:00
  //   (10 560), fails, 10:00 fails, 12:00 (10 800) succeeds: kms1 is up first in that minute (§T2).
  // - Online minutes in the spell: desk/24 … 29: Friday 08:00–18:00 (600) + Monday 08:00–12:00
  //   (240) = 840 = 14 h; desk/0 … 23: 480 + 240 = 720 = 12 h. The weekend (Saturday, Sunday) and
  //   the nights do not count. Total 6 × 14 + 24 × 12 = 372 h (wall-clock hours would be 6 × 76 + 24 × 74).
  const w = world({
    durationMin: 10 * DAY,
    timers: { ...DEFAULT_TIMERS, renewalIntervalMin: 4 * DAY },
    hosts: [host("kms1", { outages: [{ kind: "window", start: 4 * DAY, end: 7 * DAY + 12 * 60 }] })],
    clients: [group("desk", 30, { online: { kind: "office-hours" } })],
  });
  const s = summaryOf(w);

  it("is 372 h: weekend and night minutes excluded", () => {
    expect(s.client_hours_unreachable).toBe(372);
  });

  it("failed_attempts sums the failed_* columns: 24 × 0xC004F038 + 6 × 7 + 24 × 6 × 0xC004F074 = 210", () => {
    expect(s.failed_0xC004F038).toBe(24);
    expect(s.failed_0xC004F074).toBe(186);
    expect(s.failed_attempts).toBe(210);
  });

  it("min_validity_left_h: the Monday 12:00 renewals had 180 d after 480 (desk/24 … 29) left: 4 148 h", () => {
    // (480 + 259 200 − 10 800) / 60 = 4 148; desk/0 … 23: (600 + 259 200 − 10 800) / 60 = 4 150.
    expect(s.min_validity_left_h).toBe(4148);
  });
});

describe("min_validity_left_h is 0 iff some client lapsed (§C2, §C4)", () => {
  // 25 always-online desktops, validity 3 d, renewal every 1 d. desk/24 is licensed at 0, the
  // others at 120. kms1 down from day 2 (2 880).
  const outageWorld = (downMin: number): World =>
    world({
      durationMin: 8 * DAY,
      timers: { ...DEFAULT_TIMERS, validityMin: 3 * DAY, renewalIntervalMin: DAY },
      hosts: [host("kms1", { outages: [{ kind: "window", start: 2 * DAY, end: 2 * DAY + downMin }] })],
      clients: [group("desk", 25)],
    });

  it("a 1-day outage: renewals at 4 320 with 1 440 min (desk/24) and 1 560 min left → 24 h, nobody lapsed", () => {
    // desk/24 renewed at 1 440 (valid until 5 760), fails from 2 880, renews at 4 320: 24 h left.
    // desk/0 … 23 renewed at 1 560 (until 5 880), fail from 3 000, renew at 4 320: 26 h left.
    const s = summaryOf(outageWorld(DAY));
    expect(s.clients_lapsed).toBe(0);
    expect(s.min_validity_left_h).toBe(24);
  });

  it("a 3-day outage: desk/24's validity ends at 5 760 while kms1 is down → it lapses, and the column is 0", () => {
    const s = summaryOf(outageWorld(3 * DAY));
    expect(s.clients_lapsed).toBeGreaterThan(0);
    expect(s.min_validity_left_h).toBe(0);
  });

  it("is empty when no licensed client renewed and nobody lapsed (a run shorter than the renewal interval)", () => {
    const s = summaryOf(world({ durationMin: 3 * DAY, clients: [group("desk", 25)] }));
    expect(s.min_validity_left_h).toBe("");
  });
});

describe("rejected_0xC004F041 / rejected_0xC004F042 and <host>_rejected count refused requests (§H2)", () => {
  // 25 Windows 11 desktops with caching; kms-old (priority 0) is tried first, kms-new (priority
  // 10) next. At 0 every desktop is refused by kms-old, then kms-new counts 1 … 25: desk/24 is
  // licensed and caches kms-new; at 120 desk/0 … 23 (nothing cached: a failure caches nothing)
  // are refused again, then licensed by kms-new (count 25). Refusals: 25 + 24 = 49. No renewal
  // in 3 days.
  const twoHosts = (old: Partial<Parameters<typeof host>[1]>): World =>
    world({
      durationMin: 3 * DAY,
      hosts: [
        host("kms-old", { srv: { priority: 0, weight: 0 }, ...old }),
        host("kms-new", { srv: { priority: 10, weight: 0 } }),
      ],
      clients: [group("desk", 25)],
    });

  it("a 2019 CSVLK cannot activate Windows 11: 49 × 0xC004F042, all on kms-old", () => {
    const s = summaryOf(twoHosts({ os: "Windows Server 2019", csvlk: "Windows Server 2019" }));
    expect(s.rejected_0xC004F042).toBe(49);
    expect(s.rejected_0xC004F041).toBe(0);
    expect(s["kms-old_rejected"]).toBe(49);
    expect(s["kms-new_rejected"]).toBe(0);
    expect(s.failed_0xC004F042).toBe(0); // the attempts ended on kms-new's answer
    expect(s.failed_attempts).toBe(24);
  });

  it("a host whose 10 rebuilds used up its key waits for the exception (§H7): 49 × 0xC004F041", () => {
    const s = summaryOf(twoHosts({ rebuilds: Array.from({ length: 10 }, () => 0) }));
    expect(s.rejected_0xC004F041).toBe(49);
    expect(s.rejected_0xC004F042).toBe(0);
    expect(s["kms-old_rejected"]).toBe(49);
  });
});

describe("Office risk columns (§O1, §C5 threshold 5)", () => {
  // Three machines with Windows 11 Enterprise and Office LTSC 2021; kms1 holds the Office key and
  // is down over [1 440, 1 800); kms2 holds none and is not published. Counts stay at 3: every
  // attempt fails 0xC004F038 every 2 h (0, 120, …, 2 760), except 1 440, 1 560 and 1 680 (kms1
  // down: 0xC004F074); 1 800 is answered again.
  const w = world({
    durationMin: 2 * DAY,
    hosts: [
      host("kms1", { officeKeys: ["Office LTSC 2021"], outages: [{ kind: "window", start: DAY, end: DAY + 360 }] }),
      host("kms2", { srv: null }),
    ],
    clients: [group("desk", 3, { office: "Office LTSC 2021" })],
  });
  const s = summaryOf(w);

  it("<host>_office_low_count_h: hours up with the office count below 5 (48 − 6 down = 42); empty for a host without Office keys", () => {
    expect(s.kms1_office_low_count_h).toBe(42);
    expect(s.kms2_office_low_count_h).toBe("");
  });

  it("<host>_office_max_count: the highest office count (3; kms2 never counted one)", () => {
    expect(s.kms1_office_max_count).toBe(3);
    expect(s.kms2_office_max_count).toBe(0);
  });

  it("unreachable hours per pool: 3 clients × 6 h each, Windows and Office apart", () => {
    expect(s.client_hours_unreachable).toBe(18);
    expect(s.office_client_hours_unreachable).toBe(18);
  });

  it("failed_attempts covers both pools: 2 × 3 × 24 attempts, all failed", () => {
    expect(s.failed_attempts).toBe(144);
    expect(s.failed_0xC004F074).toBe(18);
  });

  it("office_min_validity_left_h is empty: no Office install was ever licensed", () => {
    expect(s.office_min_validity_left_h).toBe("");
  });
});

describe("a retirement ends an unreachable spell", () => {
  // 25 always-online desktops, kms1 down from day 1 for 5 days; 10 desktops retire on day 2.
  // Everyone was licensed by 120; renewals fall after the run (3 d), so no attempt happens in the
  // outage and nobody is unreachable: a retirement alone never opens a spell.
  it("no attempt in the outage: 0 h", () => {
    const s = summaryOf(
      world({
        durationMin: 3 * DAY,
        hosts: [host("kms1", { outages: [{ kind: "window", start: DAY, end: 6 * DAY }] })],
        clients: [group("desk", 25, { retire: [{ at: 2 * DAY, count: 10 }] })],
      }),
    );
    expect(s.client_hours_unreachable).toBe(0);
  });

  it("pinned clients of a dead host: each spell runs from its first attempt to the retirement or the end", () => {
    // 5 servers pinned to kms1, which is down from 0 for the whole run: every attempt fails
    // 0xC004F074 from minute 0. srv/0 … srv/1 retire at 1 d, the others run to the end (2 d):
    // 2 × 24 h + 3 × 48 h = 192 h.
    const s = summaryOf(
      world({
        durationMin: 2 * DAY,
        hosts: [host("kms1", { outages: [{ kind: "window", start: 0, end: 10 * DAY }] })],
        clients: [
          group("srv", 5, {
            edition: "Windows Server 2022 Standard",
            kms: { kind: "pinned", host: "kms1" },
            retire: [{ at: DAY, count: 2 }],
          }),
        ],
      }),
    );
    expect(s.client_hours_unreachable).toBe(192);
  });
});
