// readUserFile (FORMAT.md "Limits"): only regular files, a size limit checked before reading, and a
// capped read for files that lie about their size; nothing blocks and nothing grows without bound.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatBytes, readUserFile, SCENARIO_FILE_MAX_BYTES } from "../../src/scenario/read-user-file.js";

const dir = mkdtempSync(join(tmpdir(), "kmsim-read-user-file-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("readUserFile", () => {
  it("reads a regular file within the limit, byte for byte", () => {
    const path = join(dir, "ok.yaml");
    writeFileSync(path, "duration: 1d\n");
    const r = readUserFile(path, 100, "a scenario file");
    expect(r.ok && r.bytes.toString("utf8")).toBe("duration: 1d\n");
  });

  it("refuses a file larger than the limit from its size alone, naming the size found and the limit", () => {
    const path = join(dir, "big.yaml");
    writeFileSync(path, "");
    truncateSync(path, SCENARIO_FILE_MAX_BYTES + 1); // sparse: no byte is written or read
    expect(readUserFile(path, SCENARIO_FILE_MAX_BYTES, "a scenario file")).toEqual({
      ok: false,
      message: `the file is ${SCENARIO_FILE_MAX_BYTES + 1} bytes (4.0 MiB), more than the 4194304 bytes (4 MiB) a scenario file may have (FORMAT.md "Limits")`,
    });
  });

  it("refuses a directory", () => {
    const path = join(dir, "folder.yaml");
    mkdirSync(path);
    expect(readUserFile(path, 100, "a scenario file")).toEqual({ ok: false, message: "cannot read file (it is a directory)" });
  });

  it("refuses a FIFO without opening it (so without waiting for a writer)", () => {
    const path = join(dir, "pipe.yaml");
    execFileSync("mkfifo", [path]);
    expect(readUserFile(path, 100, "a scenario file")).toEqual({ ok: false, message: "cannot read file (it is a named pipe (FIFO), not a regular file)" });
  });

  it.runIf(existsSync("/dev/zero"))("refuses /dev/zero (a device) without reading from it", () => {
    expect(readUserFile("/dev/zero", 100, "a scenario file")).toEqual({ ok: false, message: "cannot read file (it is a character device, not a regular file)" });
  });

  it.runIf(existsSync("/proc/self/status"))("cuts off a file whose stat size (0 for /proc files) is below what it holds, at the limit + 1 byte", () => {
    const r = readUserFile("/proc/self/status", 16, "a scenario file");
    expect(r).toEqual({
      ok: false,
      message: 'the file is more than 16 bytes (its size was given as 0 bytes), more than the 16 bytes a scenario file may have (FORMAT.md "Limits")',
    });
  });

  it("says no such file, and permission denied, as before", () => {
    expect(readUserFile(join(dir, "missing.yaml"), 100, "a scenario file")).toEqual({ ok: false, message: "cannot read file (no such file)" });
  });

  it("formats sizes in bytes, with MiB from 1 MiB up", () => {
    expect([formatBytes(512), formatBytes(8 * 1024 * 1024), formatBytes(83_886_080 + 52_429)]).toEqual([
      "512 bytes",
      "8388608 bytes (8 MiB)",
      "83938509 bytes (80.1 MiB)",
    ]);
  });
});
