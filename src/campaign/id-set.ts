// A compact set of run identities for planning a campaign: 64 bits of each 128-bit identity in an
// open-addressing table of two Uint32Arrays (8 bytes a slot, at most 3/4 full), so that a
// journal of millions of runs is checked without holding its records (FORMAT.md "Campaigns":
// planning 10,000 points × 5 strategies × 100 replications fits in 200 MB). Two identities that
// share 64 bits in one campaign are as likely as a 1 in 10^7 chance at 5 million runs.

/** Linear probing stays short up to about 3/4 full. */
const MAX_LOAD = 0.75;

export class IdSet {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private used = 0;

  /** `expected`: how many identities will be added (sized once, so the table never grows and copies). */
  constructor(expected = 768) {
    let capacity = 1024;
    while (capacity * MAX_LOAD < expected) capacity *= 2;
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
  }

  get size(): number {
    return this.used;
  }

  /** Adds an identity (hex, at least 16 digits). */
  add(id: string): void {
    if (this.used + 1 > this.hi.length * MAX_LOAD) this.grow();
    const [h, l] = key(id);
    this.insert(h, l);
  }

  /** Adds the identity whose hex digits start at `offset` of `bytes` (a journal line, read as bytes). */
  addBytes(bytes: Uint8Array, offset: number): void {
    if (this.used + 1 > this.hi.length * MAX_LOAD) this.grow();
    let h = 0;
    let l = 0;
    for (let i = 0; i < 8; i++) h = h * 16 + hexDigit(bytes[offset + i]);
    for (let i = 8; i < 16; i++) l = l * 16 + hexDigit(bytes[offset + i]);
    if (h === 0 && l === 0) l = 1;
    this.insert(h >>> 0, l >>> 0);
  }

  has(id: string): boolean {
    const [h, l] = key(id);
    const mask = this.hi.length - 1;
    for (let i = l & mask; ; i = (i + 1) & mask) {
      if (this.hi[i] === 0 && this.lo[i] === 0) return false;
      if (this.hi[i] === h && this.lo[i] === l) return true;
    }
  }

  private insert(h: number, l: number): void {
    const mask = this.hi.length - 1;
    for (let i = l & mask; ; i = (i + 1) & mask) {
      if (this.hi[i] === 0 && this.lo[i] === 0) {
        this.hi[i] = h;
        this.lo[i] = l;
        this.used++;
        return;
      }
      if (this.hi[i] === h && this.lo[i] === l) return;
    }
  }

  private grow(): void {
    const { hi, lo } = this;
    this.hi = new Uint32Array(hi.length * 2);
    this.lo = new Uint32Array(lo.length * 2);
    this.used = 0;
    for (let i = 0; i < hi.length; i++) if (hi[i] !== 0 || lo[i] !== 0) this.insert(hi[i], lo[i]);
  }
}

/** The table key of an identity; (0, 0) marks an empty slot, so it is moved to (0, 1). */
function key(id: string): [number, number] {
  const h = parseInt(id.slice(0, 8), 16) >>> 0;
  const l = parseInt(id.slice(8, 16), 16) >>> 0;
  return h === 0 && l === 0 ? [0, 1] : [h, l];
}

function hexDigit(c: number): number {
  return c <= 57 ? c - 48 : c - 87;
}
