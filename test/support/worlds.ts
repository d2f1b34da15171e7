// Builders for small hand-written Worlds in model tests (the scenario loader is tested apart).
import type { ClientGroupSpec, HostSpec, World } from "../../src/kms/world.js";
import { DEFAULT_ASSUMPTIONS, DEFAULT_TIMERS } from "../../src/kms/world.js";

export function host(id: string, extra: Partial<HostSpec> = {}): HostSpec {
  return {
    id,
    site: "hq",
    os: "Windows Server 2022",
    csvlk: "Windows Server 2022",
    patch: { kind: "full" },
    officeKeys: [],
    srv: { priority: 0, weight: 0 },
    outages: [],
    rebuilds: [],
    ...extra,
  };
}

export function group(id: string, count: number, extra: Partial<ClientGroupSpec> = {}): ClientGroupSpec {
  return {
    id,
    site: "hq",
    count,
    edition: "Windows 11 Enterprise",
    office: null,
    join: { at: 0, over: 0 },
    retire: [],
    online: { kind: "always" },
    offline: [],
    kms: { kind: "dns" },
    hostCaching: true,
    cmid: "unique",
    ...extra,
  };
}

export function world(extra: Partial<World>): World {
  return {
    name: "test",
    durationMin: 7 * 1440,
    startWeekOffsetMin: 0,
    timers: DEFAULT_TIMERS,
    assumptions: DEFAULT_ASSUMPTIONS,
    sites: [{ id: "hq", srvOverrides: [], dnsOutages: [] }],
    links: [],
    hosts: [host("kms1")],
    clients: [],
    ...extra,
  };
}
