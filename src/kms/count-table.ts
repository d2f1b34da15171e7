// A KMS host's count table for one pool (MODEL.md §H1–§H5): the most recent CMIDs with the
// minute each was last seen, kept in least-recently-seen order. A table never holds more than
// 2 × 25 = 50 entries (§H4), so two small typed arrays scanned linearly beat a Map: no
// allocation per request, and expiry (§H3) and eviction (§H4) both take from the front.

/** How long a CMID stays counted after its last request: 30 days (§H3). */
export const COUNT_ENTRY_LIFETIME_MIN = 43_200;

export class CountTable {
  private cmids = new Int32Array(64);
  /** Last-seen minutes, ascending (ties: the one refreshed earliest comes first). */
  private lastSeen = new Int32Array(64);
  private size = 0;
  /** Largest N-policy among the valid requests counted since the last (re)build (§H4). */
  private largestPolicy = 0;

  /** Live entries: the count the host returns (§H2). */
  get count(): number {
    return this.size;
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
    if (policy > this.largestPolicy) {
      this.largestPolicy = policy;
      if (2 * policy > this.cmids.length) this.grow(2 * policy);
    }
    const cmids = this.cmids;
    const seen = this.lastSeen;
    let size = this.size;
    for (let i = size - 1; i >= 0; i--) {
      if (cmids[i] === cmid) {
        cmids.copyWithin(i, i + 1, size);
        seen.copyWithin(i, i + 1, size);
        size--;
        break;
      }
    }
    const capacity = 2 * this.largestPolicy;
    if (size >= capacity) {
      const drop = size - capacity + 1;
      if (drop > size) {
        this.size = 0; // capacity 0: nothing can be stored
        return 0;
      }
      cmids.copyWithin(0, drop, size);
      seen.copyWithin(0, drop, size);
      size -= drop;
    }
    cmids[size] = cmid;
    seen[size] = now;
    this.size = size + 1;
    return this.size;
  }

  /** Drops the entries last seen 30 days or more before `now` (§H3, §T1); returns how many. */
  expire(now: number): number {
    const seen = this.lastSeen;
    let drop = 0;
    while (drop < this.size && seen[drop] + COUNT_ENTRY_LIFETIME_MIN <= now) drop++;
    if (drop > 0) {
      this.cmids.copyWithin(0, drop, this.size);
      seen.copyWithin(0, drop, this.size);
      this.size -= drop;
    }
    return drop;
  }

  /** The minute the oldest entry expires, or -1 for an empty table. */
  nextExpiryAt(): number {
    return this.size > 0 ? this.lastSeen[0] + COUNT_ENTRY_LIFETIME_MIN : -1;
  }

  /** Empties the table; `rebuilt` also forgets the largest N-policy (§H4, §H5). */
  clear(rebuilt: boolean): void {
    this.size = 0;
    if (rebuilt) this.largestPolicy = 0;
  }

  private grow(capacity: number): void {
    const cmids = new Int32Array(capacity);
    cmids.set(this.cmids.subarray(0, this.size));
    this.cmids = cmids;
    const seen = new Int32Array(capacity);
    seen.set(this.lastSeen.subarray(0, this.size));
    this.lastSeen = seen;
  }
}
