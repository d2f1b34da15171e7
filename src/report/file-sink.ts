// A CSV file written as it is produced (timeline.csv, events.csv, a comparison's timelines): bytes
// go straight to the file, so memory does not grow with the rows (FORMAT.md "Result folders":
// files are written inside the result's temp folder, which is swapped in at the end).
import { closeSync, fsyncSync, openSync, unlinkSync, writeSync } from "node:fs";

/** Writes all of `bytes` to the open file `fd` (writeSync may take fewer than it is given). */
export function writeAll(fd: number, bytes: Uint8Array): void {
  let off = 0;
  while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
}

/** Where rows go: a file, or memory in tests. */
export interface ByteSink {
  write(bytes: Uint8Array): void;
}

/** A new file (never over an existing one) taking bytes as they come; close() syncs it. */
export class FileSink implements ByteSink {
  private fd: number;
  private written = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, "wx");
  }

  /** Bytes written so far. */
  get bytesWritten(): number {
    return this.written;
  }

  write(bytes: Uint8Array): void {
    if (this.fd < 0) throw new Error(`FileSink: write after close (${this.path})`);
    writeAll(this.fd, bytes);
    this.written += bytes.length;
  }

  /** Syncs and closes the file (idempotent). */
  close(): void {
    if (this.fd < 0) return;
    try {
      fsyncSync(this.fd);
    } finally {
      closeSync(this.fd);
      this.fd = -1;
    }
  }

  /** Closes and deletes the file (the run failed). */
  abort(): void {
    try {
      if (this.fd >= 0) closeSync(this.fd);
    } catch {
      // already unusable; removed below
    }
    this.fd = -1;
    try {
      unlinkSync(this.path);
    } catch {
      // already gone
    }
  }
}
