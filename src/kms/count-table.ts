// A KMS host's count table for one pool (MODEL.md §H1–§H5): the most recent CMIDs with the
// minute each was last seen. A JS Map keeps insertion order, and every upsert re-inserts its CMID
// with the current (never decreasing) minute, so the Map's order is least-recently-seen first —
// exactly the order that expiry (§H3) and eviction (§H4) consume.

/** How long a CMID stays counted after its last request: 30 days (§H3). */
export const COUNT_ENTRY_LIFETIME_MIN = 43_200;

export class CountTable {
  private readonly entries = new Map<number, number>();
  /** Largest N-policy among the valid requests counted since the last (re)build (§H4). */
  private largestPolicy = 0;

  /** Live entries: the count the host returns (§H2). */
  get count(): number {
    return this.entries.size;
  }

  /** 2 × the largest N-policy of the valid requests counted since the last (re)build (§H4). */
  get capacity(): number {
    return 2 * this.largestPolicy;
  }

  /**
   * Records a request from `cmid` at `now` and returns the new count (§H2). A valid request
   * passes its N-policy, which may raise the capacity first; a rejected request counted under
   * `assumptions.rejectedRequestsCounted` passes 0 and never raises it (§H4). When full, the
   * least recently seen entry is evicted (§H4).
   */
  upsert(cmid: number, now: number, policy: number): number {
    if (policy > this.largestPolicy) this.largestPolicy = policy;
    const entries = this.entries;
    if (entries.has(cmid)) entries.delete(cmid);
    entries.set(cmid, now);
    const capacity = 2 * this.largestPolicy;
    if (entries.size > capacity) {
      for (const oldest of entries.keys()) {
        entries.delete(oldest);
        if (entries.size <= capacity) break;
      }
    }
    return entries.size;
  }

  /** Drops the entries last seen 30 days or more before `now` (§H3, §T1); returns how many. */
  expire(now: number): number {
    let dropped = 0;
    for (const [cmid, lastSeen] of this.entries) {
      if (lastSeen + COUNT_ENTRY_LIFETIME_MIN > now) break;
      this.entries.delete(cmid);
      dropped++;
    }
    return dropped;
  }

  /** The minute the oldest entry expires, or -1 for an empty table. */
  nextExpiryAt(): number {
    for (const lastSeen of this.entries.values()) return lastSeen + COUNT_ENTRY_LIFETIME_MIN;
    return -1;
  }

  /** Empties the table; `rebuilt` also forgets the largest N-policy (§H4, §H5). */
  clear(rebuilt: boolean): void {
    this.entries.clear();
    if (rebuilt) this.largestPolicy = 0;
  }
}
