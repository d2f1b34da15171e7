// What the model reports as it runs (MODEL.md "Outputs the model must make possible"). Facts go
// to a sink the caller supplies, one method call each, so that a million clients never need the
// facts held in memory. Clients are licensing-client indices (see layout.ts), hosts, links and
// sites are indices in the World's lists.

/** License states (§C4); NONE = not joined yet, or retired. */
export const LicenseState = {
  NONE: 0,
  OOB_GRACE: 1,
  LICENSED: 2,
  OOT_GRACE: 3,
  NOTIFICATION: 4,
} as const;
export type LicenseState = (typeof LicenseState)[keyof typeof LicenseState];

/** The names FORMAT.md uses for the states, indexed by LicenseState. */
export const LICENSE_STATE_NAMES = ["", "oob_grace", "licensed", "oot_grace", "notification"] as const;

/** Result codes (MODEL.md "Outputs"). NO_ANSWER marks a request that got no answer (§C6.6). */
export const ResultCode = {
  SUCCESS: 0x0,
  COUNT_TOO_LOW: 0xc004f038,
  HOST_NOT_ACTIVATED: 0xc004f041,
  PRODUCT_NOT_SERVED: 0xc004f042,
  NO_HOST: 0xc004f074,
  NO_ANSWER: -1,
} as const;
export type ResultCode = (typeof ResultCode)[keyof typeof ResultCode];

/** Count pools of a host (§H1). */
export const Pool = { WINDOWS: 0, OFFICE: 1 } as const;
export type Pool = (typeof Pool)[keyof typeof Pool];

/** Receives every fact of a run, in time order (then §T2 order). */
export interface FactSink {
  /** A licensing client joined (§C8); a stateChanged(NONE → …) follows. */
  joined(at: number, client: number): void;
  /** A licensing client was retired while in `from` (§C8); it leaves every state count. */
  retired(at: number, client: number, from: LicenseState): void;
  /**
   * A licensing client's validity ran out (§C4 "lapses"); the stateChanged(LICENSED → OOT_GRACE or
   * NOTIFICATION) follows. Re-imaging (§C7) also leaves LICENSED but is not a lapse and has no such fact.
   */
  lapsed(at: number, client: number): void;
  /** A licensing client changed state (§C4). */
  stateChanged(at: number, client: number, from: LicenseState, to: LicenseState): void;
  /**
   * One request to one host (§C6.6): `result` is the host's answer (NO_ANSWER if it gave none),
   * `count` the count it returned (-1 when it returned none), `cmid` the requester's CMID.
   */
  request(at: number, client: number, cmid: number, host: number, pool: Pool, result: ResultCode, count: number): void;
  /** An activation attempt ended with this final result (§C6.4): SUCCESS or a failure code. */
  attemptEnded(at: number, client: number, result: ResultCode): void;
  /**
   * A spell without any reachable host ended: it began with an attempt that ended NO_HOST
   * (0xC004F074) and lasted until the client's next attempt with another result, its retirement
   * or the end of the run. `onlineMin` is the minutes the client's machine was online (§R2) in it.
   * Reported at the minute `at` the spell ends, after that minute's other facts of the client;
   * spells still open at the end of the run are reported after the last event, with `at` = the
   * run's duration (the one fact that may carry that minute, §T1).
   */
  unreachableEnded(at: number, client: number, onlineMin: number): void;
  /** The live entries of a host's pool table changed (§H2–§H5). */
  hostCount(at: number, host: number, pool: Pool, count: number): void;
  /** A host went down (up = false) or came back (§H5, §T3). */
  hostUp(at: number, host: number, up: boolean): void;
  /** A host was rebuilt (§H5); hostCount facts for the emptied tables follow. */
  hostRebuilt(at: number, host: number): void;
  /** A link went down or came back (§N1). */
  linkUp(at: number, link: number, up: boolean): void;
  /** A site's DNS went down or came back (§N3). */
  dnsUp(at: number, site: number, up: boolean): void;
}
