// Result folders (FORMAT.md "Result folders"; issue 9 items 7 and 8): a result is built in a temp
// sibling folder and swapped in whole; a failure at any step keeps the previous result whole;
// the interrupt handler's clean-up removes every temp folder; leftovers of a killed process go.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { OutputFolderError, abortOpenStagesSync, isKmsimResult, openResultStage } from "../../src/report/result-folder.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "kmsim-result-folder-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const MANIFEST = '{\n  "kmsim": "0.1.0",\n  "scenario": "s"\n}\n';

function oldResult(): string {
  const target = join(dir, "r");
  mkdirSync(target);
  writeFileSync(join(target, "manifest.json"), MANIFEST);
  writeFileSync(join(target, "events.csv"), "old events\n");
  return target;
}

describe("ResultStage (result-folder.ts)", () => {
  it("builds in a hidden sibling and swaps in whole: no file of the old result survives, nothing left beside", () => {
    const target = oldResult();
    const stage = openResultStage(target, { inputs: [], createParents: false });
    expect(readdirSync(dir).filter((f) => f.startsWith(".r.kmsim-new-"))).toHaveLength(1);
    stage.writeFile("manifest.json", MANIFEST);
    stage.writeFile("summary.csv", "new\n");
    stage.commit();
    expect(readdirSync(target).sort()).toEqual(["manifest.json", "summary.csv"]);
    expect(readdirSync(dir)).toEqual(["r"]);
  });

  it("a swap that fails part-way (the new folder cannot be renamed in) puts the previous result back whole", () => {
    const target = oldResult();
    const stage = openResultStage(target, { inputs: [], createParents: false });
    rmSync(stage.dir, { recursive: true }); // the rename of the new folder will fail
    expect(() => stage.commit()).toThrow();
    expect(readdirSync(target).sort()).toEqual(["events.csv", "manifest.json"]);
    expect(readFileSync(join(target, "events.csv"), "utf8")).toBe("old events\n");
    expect(readdirSync(dir)).toEqual(["r"]);
  });

  it("abortOpenStagesSync (the interrupt handler) removes every open temp folder and keeps the previous result", () => {
    const target = oldResult();
    const a = openResultStage(target, { inputs: [], createParents: false });
    a.writeFile("timeline.csv", "partial\n");
    openResultStage(join(dir, "other"), { inputs: [], createParents: false });
    abortOpenStagesSync();
    expect(readdirSync(dir)).toEqual(["r"]);
    expect(readdirSync(target).sort()).toEqual(["events.csv", "manifest.json"]);
  });

  it("removes the temp folders of a kmsim process that no longer exists", () => {
    const target = oldResult();
    const dead = join(dir, ".r.kmsim-new-999999999-abcd1234.tmp");
    mkdirSync(dead);
    openResultStage(target, { inputs: [], createParents: false }).abort();
    expect(readdirSync(dir)).toEqual(["r"]);
  });

  it("refuses a non-empty folder whose manifest.json kmsim did not write", () => {
    const target = join(dir, "mine");
    mkdirSync(target);
    writeFileSync(join(target, "manifest.json"), '{ "name": "my app" }\n');
    expect(isKmsimResult(target)).toBe(false);
    expect(() => openResultStage(target, { inputs: [], createParents: false })).toThrow(OutputFolderError);
    expect(readdirSync(dir)).toEqual(["mine"]);
  });
});
