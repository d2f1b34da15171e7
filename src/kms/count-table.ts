// A KMS host's count table for one pool (MODEL.md §H1–§H5): the most recent CMIDs with the
// minute each was last seen, kept in least-recently-seen order. A table never holds more than
// 2 × 25 = 50 entries (§H4), so a small ring of typed arrays scanned linearly beats a Map: no
// allocation per request, and expiry (§H3) and eviction (§H4) both take from the front in O(1).
// On a large estate almost every request comes from a CMID the table does not hold, so a small
// array of counters by CMID bucket says "not here" without the 50-entry scan.

const BUCKET_MASK = 255;

/** How long a CMID stays counted after its last request: 30 days (§H3). */
export const COUNT_ENTRY_LIFETIME_MIN = 43_200;

export class CountTable {
  // A ring: entry k (0 = least recently seen) lives at (head + k) & mask.
  private cmids = new Int32Array(64);
  private lastSeen = new Int32Array(64);
  private mask = 63;
  private head = 0;
  private size = 0;
  /** Entries per CMID bucket (cmid & BUCKET_MASK): a zero means the CMID is not in the table. */
  private readonly inBucket = new Int32Array(BUCKET_MASK + 1);
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
    const { cmids, lastSeen, mask, inBucket } = this;
    let size = this.size;
    const bucket = cmid & BUCKET_MASK;
    // A refresh moves the CMID to the back: close the gap it leaves (entries after it move forward).
    if (inBucket[bucket] !== 0) {
      for (let k = size - 1; k >= 0; k--) {
        let at = (this.head + k) & mask;
        if (cmids[at] !== cmid) continue;
        for (let j = k + 1; j < size; j++) {
          const next = (this.head + j) & mask;
          cmids[at] = cmids[next];
          lastSeen[at] = lastSeen[next];
          at = next;
        }
        size--;
        inBucket[bucket]--;
        break;
      }
    }
    const capacity = 2 * this.largestPolicy;
    if (capacity === 0) {
      // Nothing can be stored before a valid request has set a capacity (the table is empty).
      if (this.size > 0) this.clear(false);
      return 0;
    }
    while (size >= capacity) {
      this.dropOldest(); // evict the least recently seen
      size--;
    }
    const tail = (this.head + size) & mask;
    cmids[tail] = cmid;
    lastSeen[tail] = now;
    inBucket[bucket]++;
    this.size = size + 1;
    return this.size;
  }

  /** Removes the least recently seen entry (the caller keeps `size`). */
  private dropOldest(): void {
    this.inBucket[this.cmids[this.head] & BUCKET_MASK]--;
    this.head = (this.head + 1) & this.mask;
  }

  /** Drops the entries last seen 30 days or more before `now` (§H3, §T1); returns how many. */
  expire(now: number): number {
    let dropped = 0;
    while (this.size > 0 && this.lastSeen[this.head] + COUNT_ENTRY_LIFETIME_MIN <= now) {
      this.dropOldest();
      this.size--;
      dropped++;
    }
    return dropped;
  }

  /** The minute the oldest entry expires, or -1 for an empty table. */
  nextExpiryAt(): number {
    return this.size > 0 ? this.lastSeen[this.head] + COUNT_ENTRY_LIFETIME_MIN : -1;
  }

  /** Empties the table; `rebuilt` also forgets the largest N-policy (§H4, §H5). */
  clear(rebuilt: boolean): void {
    this.size = 0;
    this.head = 0;
    this.inBucket.fill(0);
    if (rebuilt) this.largestPolicy = 0;
  }

  private grow(capacity: number): void {
    let length = this.cmids.length;
    while (length < capacity) length *= 2;
    const cmids = new Int32Array(length);
    const lastSeen = new Int32Array(length);
    for (let k = 0; k < this.size; k++) {
      const at = (this.head + k) & this.mask;
      cmids[k] = this.cmids[at];
      lastSeen[k] = this.lastSeen[at];
    }
    this.cmids = cmids;
    this.lastSeen = lastSeen;
    this.mask = length - 1;
    this.head = 0;
  }
}
