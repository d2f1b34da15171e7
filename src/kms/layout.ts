// Numbering of machines and licensing clients. Machine m is member i of group g, numbered in
// file order (groups as listed, members by index). Its Windows client is licensing client
// m × stride and, when any group has Office, its Office client is m × stride + 1 (§O1); the
// slot stays unused for a group without Office. These numbers double as the §T2 ranks.
import type { World } from "./world.js";

export interface Layout {
  readonly machineCount: number;
  /** 2 when some group has Office, else 1. */
  readonly stride: 1 | 2;
  readonly hasOffice: boolean;
  /** Licensing-client slots: machineCount × stride. */
  readonly clientSlots: number;
  /** First machine number of each group. */
  readonly groupFirstMachine: readonly number[];
}

/** Numbers the machines and licensing clients of a world. */
export function buildLayout(world: World): Layout {
  const groupFirstMachine: number[] = [];
  let machineCount = 0;
  for (const group of world.clients) {
    groupFirstMachine.push(machineCount);
    machineCount += group.count;
  }
  const hasOffice = world.clients.some((g) => g.office !== null);
  const stride = hasOffice ? 2 : 1;
  return { machineCount, stride, hasOffice, clientSlots: machineCount * stride, groupFirstMachine };
}

/** The group index of machine m (binary search over the groups' first machines). */
export function groupOfMachine(layout: Layout, machine: number): number {
  const firsts = layout.groupFirstMachine;
  let lo = 0;
  let hi = firsts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (firsts[mid] <= machine) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Whether licensing client c is an Office install. */
export function isOfficeClient(layout: Layout, client: number): boolean {
  return layout.stride === 2 && (client & 1) === 1;
}

/** The machine of licensing client c. */
export function machineOfClient(layout: Layout, client: number): number {
  return layout.stride === 2 ? client >> 1 : client;
}

/** The member id used in outputs: `hq-desktops/17`, Office installs `hq-desktops/17#office` (FORMAT.md events.csv). */
export function clientLabel(world: World, layout: Layout, client: number): string {
  const machine = machineOfClient(layout, client);
  const g = groupOfMachine(layout, machine);
  const base = `${world.clients[g].id}/${machine - layout.groupFirstMachine[g]}`;
  return isOfficeClient(layout, client) ? `${base}#office` : base;
}
