// Reachability over sites and links (MODEL.md §N1), and its interplay with discovery (§C6.3).
import { describe, expect, test } from "vitest";
import { ResultCode } from "../../src/kms/facts.js";
import { siteComponents } from "../../src/kms/network.js";
import type { LinkSpec, SiteSpec } from "../../src/kms/world.js";
import { group, host, world } from "../support/worlds.js";
import { attemptsOf, requestsOf, run } from "./model-helpers.js";

const SERVER = "Windows Server 2022 Standard";
const site = (id: string): SiteSpec => ({ id, srvOverrides: [], dnsOutages: [] });
const link = (id: string, a: string, b: string, downs: [number, number][] = []): LinkSpec => ({
  id,
  between: [a, b],
  outages: downs.map(([start, end]) => ({ kind: "window" as const, start, end })),
});

describe("siteComponents", () => {
  test("§N1: sites joined by a path of up links share a component; down links join nothing", () => {
    // 0–1 up, 1–2 down, 2–3 up, and a second (down) link 0–1: {0, 1} and {2, 3}; 4 has no link.
    const out = new Int32Array(5);
    siteComponents(5, [[0, 1], [1, 2], [2, 3], [0, 1]], [1, 0, 1, 0], out);
    expect(out[0]).toBe(out[1]);
    expect(out[2]).toBe(out[3]);
    expect(out[1]).not.toBe(out[2]);
    expect(new Set(out).size).toBe(3);
  });

  test("§N1: multi-hop paths and parallel links are alternatives", () => {
    const out = new Int32Array(3);
    siteComponents(3, [[0, 1], [1, 2], [0, 1]], [0, 1, 1], out); // the first 0–1 link down, its parallel one up
    expect(new Set(out).size).toBe(1);
  });
});

describe("§N1 reachability in a run", () => {
  test("§N1 §T2: a branch client reaches the HQ host only while the link is up; back at the link's minute", () => {
    // wan down over [1 000, 2 000). Five branch servers join at 1 040: attempts at 1 040 + 120k; those
    // at 1 040 … 1 880 go unanswered (the host is up, the path is not), 2 000 (link up in phase 1)
    // is answered: counts 6…10 (the HQ servers, answered at once at 1 040, saw 1…5).
    const w = world({
      durationMin: 2100,
      sites: [site("hq"), site("branch")],
      links: [link("wan", "hq", "branch", [[1000, 2000]])],
      clients: [
        group("br", 5, { site: "branch", edition: SERVER, join: { at: 1040, over: 0 } }),
        group("hq", 5, { edition: SERVER, join: { at: 1040, over: 0 } }),
      ],
    });
    const r = run(w);
    const br = r.of("request").filter((f) => f.client < 5);
    expect(br.filter((f) => f.at < 2000).every((f) => f.result === ResultCode.NO_ANSWER)).toBe(true);
    expect(br.filter((f) => f.at < 2000).map((f) => f.at)).toEqual(
      Array.from({ length: 8 }, (_, k) => 1040 + 120 * k).flatMap((t) => Array(5).fill(t)),
    );
    expect(br.filter((f) => f.at === 2000).map((f) => f.result)).toEqual(Array(5).fill(ResultCode.SUCCESS));
    expect(r.of("request").filter((f) => f.client >= 5 && f.at === 1040).map((f) => f.count)).toEqual([1, 2, 3, 4, 5]);
    expect(r.of("linkUp")).toEqual([
      { kind: "linkUp", at: 1000, link: 0, up: false },
      { kind: "linkUp", at: 2000, link: 0, up: true },
    ]);
  });

  test("§N1: a multi-hop path (c–b–a) works only while every hop is up", () => {
    // Host at a, client at c; b–c down over [0, 500): attempts 0, 120, 240, 360, 480 unanswered, 600 answered.
    const w = world({
      durationMin: 700,
      sites: [site("a"), site("b"), site("c")],
      links: [link("ab", "a", "b"), link("bc", "b", "c", [[0, 500]])],
      hosts: [host("kms1", { site: "a" })],
      clients: [group("desk", 1, { site: "c" })],
    });
    const r = run(w);
    expect(r.of("request").map((f) => [f.at, f.result])).toEqual([
      [0, ResultCode.NO_ANSWER],
      [120, ResultCode.NO_ANSWER],
      [240, ResultCode.NO_ANSWER],
      [360, ResultCode.NO_ANSWER],
      [480, ResultCode.NO_ANSWER],
      [600, ResultCode.COUNT_TOO_LOW],
    ]);
  });

  test("§N1: parallel links are alternatives — unreachable only while both are down", () => {
    // l1 down [0, 1 000), l2 down [500, 1 500): both down over [500, 1 000). A lone Windows 11 client
    // (always 0xC004F038 when answered) tries every 120: answered at 0 … 480 and from 1 080 on.
    const w = world({
      durationMin: 1500,
      sites: [site("hq"), site("branch")],
      links: [link("l1", "hq", "branch", [[0, 1000]]), link("l2", "hq", "branch", [[500, 1500]])],
      clients: [group("desk", 1, { site: "branch" })],
    });
    const r = run(w);
    for (const f of r.of("request")) {
      const cut = f.at >= 500 && f.at < 1000;
      expect([f.at, f.result]).toEqual([f.at, cut ? ResultCode.NO_ANSWER : ResultCode.COUNT_TOO_LOW]);
    }
    expect(r.requests((f) => f.result === ResultCode.NO_ANSWER)).toBe(4); // 600, 720, 840, 960
  });

  test("§N1: sites with no path are not connected", () => {
    const w = world({
      durationMin: 300,
      sites: [site("hq"), site("island")],
      clients: [group("desk", 1, { site: "island" })],
    });
    const r = run(w);
    expect(r.of("request").map((f) => f.result)).toEqual(Array(3).fill(ResultCode.NO_ANSWER));
    expect(attemptsOf(r, 0).map((f) => f.result)).toEqual(Array(3).fill(ResultCode.NO_HOST));
  });

  test("§N1 §C6.3: reachability does not filter the SRV list — the unreachable HQ host is asked, then the local one", () => {
    // hq-kms (priority 0) sits behind a down link; br-kms (priority 10) is local to the branch client.
    const w = world({
      durationMin: 1,
      sites: [site("hq"), site("branch")],
      links: [link("wan", "hq", "branch", [[0, 100]])],
      hosts: [host("hq-kms"), host("br-kms", { site: "branch", srv: { priority: 10, weight: 0 } })],
      clients: [group("desk", 1, { site: "branch" })],
    });
    const r = run(w);
    expect(requestsOf(r, 0).map((f) => [f.host, f.result])).toEqual([
      [0, ResultCode.NO_ANSWER],
      [1, ResultCode.COUNT_TOO_LOW],
    ]);
  });
});
