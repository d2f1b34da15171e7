// An append-only byte buffer for CSV rows built in hot paths (timeline and events rows): integers
// and calendar times are written as bytes without creating strings, so a run with a row per
// minute costs neither string ropes nor number-to-string allocations. Text is UTF-8 (ids are
// ASCII in practice, which takes the fast path).

const DAY_MS = 86_400_000;

/** Growable buffer of UTF-8 bytes, read back as a string or flushed as bytes. */
export class AsciiBuffer {
  private buf: Uint8Array;
  private len = 0;
  private dayIndex = Number.NaN;
  private readonly dayPrefix = new Uint8Array(11); // "YYYY-MM-DDT"

  constructor(initialBytes = 1 << 16) {
    this.buf = new Uint8Array(initialBytes);
  }

  /** Bytes written so far. */
  get length(): number {
    return this.len;
  }

  private reserve(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const bigger = new Uint8Array(size);
    bigger.set(this.buf.subarray(0, this.len));
    this.buf = bigger;
  }

  /** Appends one byte (a character code below 128). */
  byte(code: number): void {
    this.reserve(1);
    this.buf[this.len++] = code;
  }

  /** Appends a string as UTF-8 (a byte per character while it is ASCII). */
  ascii(s: string): void {
    this.reserve(s.length);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 128) {
        const rest = Buffer.from(s.slice(i), "utf8");
        this.reserve(rest.length);
        this.buf.set(rest, this.len);
        this.len += rest.length;
        return;
      }
      this.buf[this.len++] = c;
    }
  }

  /** Appends a number: safe integers digit by digit, anything else through `fallback` (e.g. formatNumber). */
  number(x: number, fallback: (x: number) => string): void {
    if (!Number.isSafeInteger(x)) {
      this.ascii(fallback(x));
      return;
    }
    this.reserve(17);
    let v = x;
    if (v < 0) {
      this.buf[this.len++] = 45; // -
      v = -v;
    }
    if (v < 10) {
      this.buf[this.len++] = 48 + v;
      return;
    }
    let digits = 0;
    for (let t = v; t > 0; t = Math.floor(t / 10)) digits++;
    let pos = this.len + digits;
    this.len = pos;
    while (v > 0) {
      const q = Math.floor(v / 10);
      this.buf[--pos] = 48 + (v - q * 10);
      v = q;
    }
  }

  private two(n: number): void {
    this.buf[this.len++] = 48 + Math.floor(n / 10);
    this.buf[this.len++] = 48 + (n % 10);
  }

  /** Appends `epochMs` as `YYYY-MM-DDTHH:MM:SSZ` (UTC), like formatTime; the date part is cached per day. */
  utcTime(epochMs: number): void {
    const day = Math.floor(epochMs / DAY_MS);
    if (day !== this.dayIndex) {
      this.dayIndex = day;
      const iso = new Date(day * DAY_MS).toISOString();
      if (iso.length !== 24) {
        // years outside 0…9999: no fast path
        this.dayIndex = Number.NaN;
        this.ascii(iso.slice(0, 19) + "Z");
        return;
      }
      for (let i = 0; i < 11; i++) this.dayPrefix[i] = iso.charCodeAt(i);
    }
    this.reserve(20);
    this.buf.set(this.dayPrefix, this.len);
    this.len += 11;
    const secOfDay = Math.floor((epochMs - day * DAY_MS) / 1000);
    this.two(Math.floor(secOfDay / 3600));
    this.buf[this.len++] = 58; // :
    this.two(Math.floor(secOfDay / 60) % 60);
    this.buf[this.len++] = 58;
    this.two(secOfDay % 60);
    this.buf[this.len++] = 90; // Z
  }

  /** The text written so far. */
  text(): string {
    return Buffer.from(this.buf.buffer, this.buf.byteOffset, this.len).toString("utf8");
  }

  /** The text of bytes [start, end) written so far. */
  textRange(start: number, end: number): string {
    return Buffer.from(this.buf.buffer, this.buf.byteOffset + start, end - start).toString("utf8");
  }

  /** The bytes written so far (a view, valid until the next write or clear). */
  bytes(): Uint8Array {
    return this.buf.subarray(0, this.len);
  }

  /** Forgets the content, keeping the memory. */
  clear(): void {
    this.len = 0;
  }
}
