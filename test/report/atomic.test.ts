import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { removeLiveTempsSync, tempPathFor, writeFileAtomic, writeFolderAtomic } from "../../src/report/atomic.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "kmsim-atomic-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("atomic writes (FORMAT.md Commands: a failed run leaves no partial output files)", () => {
  it("writeFileAtomic creates the folder, replaces the file whole and leaves no temp file", async () => {
    const path = join(dir, "sub", "summary.csv");
    await writeFileAtomic(path, "a\n1\n");
    await writeFileAtomic(path, "a\n2\n");
    expect(readFileSync(path, "utf8")).toBe("a\n2\n");
    expect(readdirSync(join(dir, "sub"))).toEqual(["summary.csv"]);
  });

  it("temp files sit in the target's folder, are hidden, unique, and end in .tmp", () => {
    const a = tempPathFor(join(dir, "timeline.csv"));
    const b = tempPathFor(join(dir, "timeline.csv"));
    expect(a).not.toBe(b);
    expect(a.startsWith(join(dir, ".timeline.csv."))).toBe(true);
    expect(a.endsWith(".tmp")).toBe(true);
  });

  it("writeFolderAtomic writes every file", async () => {
    await writeFolderAtomic(dir, { "summary.csv": "s\n", "timeline.csv": "t\n" });
    expect(readdirSync(dir).sort()).toEqual(["summary.csv", "timeline.csv"]);
    expect(readFileSync(join(dir, "timeline.csv"), "utf8")).toBe("t\n");
  });

  it("on failure writes none of the set and removes every temp file", async () => {
    // "missing/x.csv" cannot be written: its folder does not exist.
    await expect(writeFolderAtomic(dir, { "summary.csv": "s\n", "missing/x.csv": "x\n" })).rejects.toThrow();
    expect(readdirSync(dir)).toEqual([]);
  });

  it("removeLiveTempsSync removes the temp files of a write still waiting to commit (the interrupt handler)", async () => {
    let paused: () => void = () => undefined;
    const reached = new Promise<void>((resolve) => (paused = resolve));
    const writing = writeFolderAtomic(dir, { "summary.csv": "s\n" }, () => {
      paused();
      return new Promise<void>(() => undefined); // never commits
    });
    void writing;
    await reached;
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toHaveLength(1);
    removeLiveTempsSync();
    expect(readdirSync(dir)).toEqual([]);
  });

  it("on a failed rename, removes the files this call already put in place", async () => {
    // A folder where a file should go makes its rename fail after summary.csv was renamed.
    const blocker = join(dir, "timeline.csv");
    writeFileSync(join(dir, "keep.txt"), "k");
    mkdirSync(join(blocker, "inner"), { recursive: true });
    await expect(writeFolderAtomic(dir, { "summary.csv": "s\n", "timeline.csv": "t\n" })).rejects.toThrow();
    expect(existsSync(join(dir, "summary.csv"))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(["keep.txt", "timeline.csv"]);
  });
});
