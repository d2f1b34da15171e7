// Small helpers shared by the per-rule model tests in test/kms: run a World into a FactRecorder
// and name licensing clients by (group, member) the way layout.ts numbers them.
import { buildLayout } from "../../src/kms/layout.js";
import { simulate } from "../../src/kms/simulation.js";
import type { World } from "../../src/kms/world.js";
import { DEFAULT_TIMERS } from "../../src/kms/world.js";
import { FactRecorder, type Fact } from "../support/fact-recorder.js";

export const DAY = 1440;

export type RequestFact = Extract<Fact, { kind: "request" }>;
export type StateFact = Extract<Fact, { kind: "state" }>;
export type AttemptFact = Extract<Fact, { kind: "attempt" }>;

/** Runs replication `replication` of seed `seed` of a world and keeps every fact. */
export function run(w: World, seed = 1, replication = 0): FactRecorder {
  const recorder = new FactRecorder();
  simulate(w, { seed, replication }, recorder);
  return recorder;
}

/** The licensing-client number of member `index` of group `groupId` (its Office install with `office`). */
export function clientOf(w: World, groupId: string, index: number, office = false): number {
  const layout = buildLayout(w);
  const g = w.clients.findIndex((x) => x.id === groupId);
  if (g < 0) throw new Error(`no group ${groupId}`);
  const machine = layout.groupFirstMachine[g] + index;
  return machine * layout.stride + (office ? 1 : 0);
}

/** Requests sent by one licensing client, in order. */
export function requestsOf(r: FactRecorder, client: number): RequestFact[] {
  return r.of("request").filter((f) => f.client === client);
}

/** Attempts (final results) of one licensing client, in order. */
export function attemptsOf(r: FactRecorder, client: number): AttemptFact[] {
  return r.of("attempt").filter((f) => f.client === client);
}

/** State changes of one licensing client, in order. */
export function statesOf(r: FactRecorder, client: number): StateFact[] {
  return r.of("state").filter((f) => f.client === client);
}

/** Timers with some values changed. */
export function timers(extra: Partial<typeof DEFAULT_TIMERS>): typeof DEFAULT_TIMERS {
  return { ...DEFAULT_TIMERS, ...extra };
}
