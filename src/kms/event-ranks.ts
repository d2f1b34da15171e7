// How the model's events are ranked within a minute (MODEL.md §T2). An event is identified by
// (minute, phase, rank) alone, so a rank both orders the event and says what it is for:
//   phase 1 (infrastructure): hosts as listed, then links, then sites; within one entity, its
//     outage entries in list order, then its net up/down change, a rebuild, the end of a key
//     exception, and the expiry of its windows and office count tables;
//   phase 2 (population): machine m has 3m (join), 3m + 1 (retirement), 3m + 2 (online state);
//   phases 3 and 4 (expiry, attempts): licensing client c (a Windows client before its Office one).
import type { CompiledWorld } from "./compiled-world.js";
import type { World } from "./world.js";

/** §T2 phases. */
export const Phase = { INFRASTRUCTURE: 0, POPULATION: 1, EXPIRY: 2, ATTEMPT: 3 } as const;
export const PHASES = 4;

/** An infrastructure entity's fixed events, after its outage entries' own ranks. */
export const InfraSub = { SETTLE: 0, REBUILD: 1, KEY_EXCEPTION_END: 2, TABLE_EXPIRY: 3 } as const;
const INFRA_FIXED_SUBS = 5; // settle, rebuild, key exception end, two table expiries

/** What a phase-1 rank stands for. */
export const InfraKind = { OUTAGE: 0, SETTLE: 1, REBUILD: 2, KEY_EXCEPTION_END: 3, TABLE_EXPIRY: 4 } as const;

/** Sub-ranks of one machine within phase 2 (§T2: join, then retirement, then online state). */
export const MachineSub = { JOIN: 0, RETIRE: 1, ONLINE: 2 } as const;
export const MACHINE_RANKS = 3;

/** The phase-1 rank layout of a world, and how many ranks any phase needs. */
export class EventRanks {
  /** First rank of each infrastructure entity (hosts, links, sites' DNS); one extra at the end. */
  readonly infraBase: Int32Array;
  /** Rank of each outage entry (CompiledWorld.outageEntries order). */
  readonly outageRank: Int32Array;
  /** For a phase-1 rank: its InfraKind, and the outage entry, entity, host or table it is for. */
  readonly rankKind: Uint8Array;
  readonly rankIndex: Int32Array;
  /** Ranks are below this in every phase. */
  readonly rankLimit: number;

  constructor(w: CompiledWorld) {
    const infraCount = w.hostCount + w.linkCount + w.siteCount;
    const entriesOf = new Int32Array(infraCount);
    for (const entry of w.outageEntries) entriesOf[entry.infra]++;
    this.infraBase = new Int32Array(infraCount + 1);
    for (let e = 0; e < infraCount; e++) this.infraBase[e + 1] = this.infraBase[e] + entriesOf[e] + INFRA_FIXED_SUBS;
    const infraRanks = this.infraBase[infraCount];
    this.rankKind = new Uint8Array(infraRanks);
    this.rankIndex = new Int32Array(infraRanks);
    this.outageRank = new Int32Array(w.outageEntries.length);
    const seen = new Int32Array(infraCount);
    w.outageEntries.forEach((entry, i) => {
      const rank = this.infraBase[entry.infra] + seen[entry.infra]++;
      this.outageRank[i] = rank;
      this.rankKind[rank] = InfraKind.OUTAGE;
      this.rankIndex[rank] = i;
    });
    for (let e = 0; e < infraCount; e++) {
      const host = e < w.hostCount ? e : -1;
      const fixed: [number, number][] = [
        [InfraKind.SETTLE, e],
        [InfraKind.REBUILD, host],
        [InfraKind.KEY_EXCEPTION_END, host],
        [InfraKind.TABLE_EXPIRY, host * 2],
        [InfraKind.TABLE_EXPIRY, host * 2 + 1],
      ];
      fixed.forEach(([kind, index], k) => {
        const rank = this.infraBase[e] + entriesOf[e] + k;
        this.rankKind[rank] = kind;
        this.rankIndex[rank] = index;
      });
    }
    this.rankLimit = Math.max(1, infraRanks, w.layout.machineCount * MACHINE_RANKS, w.layout.clientSlots);
  }

  /** Rank of one of an infrastructure entity's fixed events (InfraSub; table expiry + pool). */
  infraRank(infra: number, sub: number): number {
    return this.infraBase[infra + 1] - INFRA_FIXED_SUBS + sub;
  }
}

/**
 * Why a world is too large to simulate exactly, or null: every event key (minute, phase, rank)
 * must fit one float64 exactly, and ranks grow with the machines (3 per machine).
 */
export function worldSizeProblem(world: World): string | null {
  const machines = world.clients.reduce((n, g) => n + g.count, 0);
  const rankLimit = Math.max(1, MACHINE_RANKS * machines, 2 * machines);
  let rankSpace = 1;
  while (rankSpace < rankLimit) rankSpace *= 2;
  const minuteLimit = Math.floor(2 ** 53 / (PHASES * rankSpace));
  if (world.durationMin <= minuteLimit) return null;
  return `${machines} machines over ${world.durationMin} minutes is too large to simulate exactly (at most ${minuteLimit} minutes for this many machines)`;
}
