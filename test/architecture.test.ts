// The architecture test (STYLE.md "Our layout"): imports flow cli → campaign → report → scenario → kms → engine
// (with import, the Active Directory importer, between cli and report),
// the engine and the model are pure, and Math.random appears nowhere in src. The scanner itself
// is tested first on synthetic sources, so a broken rule is known to fail the real scan.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  checkFile,
  findGlobal,
  findImports,
  formatViolations,
  packageOf,
  stripComments,
} from "./support/architecture-scan.js";

const SRC = join(dirname(fileURLToPath(import.meta.url)), "..", "src");

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (entry.name.endsWith(".ts")) out.push(full);
  }
  return out.sort();
}

/** The messages of checkFile, for short assertions. */
function messages(path: string, source: string): string[] {
  return checkFile(path, source).map((v) => `${v.line}: ${v.message}`);
}

function specifiers(source: string): (string | null)[] {
  return findImports(stripComments(source)).map((r) => r.specifier);
}

describe("the architecture scanner (on synthetic sources)", () => {
  it("strips line and block comments but keeps offsets, line breaks and strings containing //", () => {
    const src = 'const a = "http://x"; // import "y"\n/* import "z"\n */ const b = 1;';
    const { code } = stripComments(src);
    expect(code.length).toBe(src.length);
    expect(code).toContain('"http://x"');
    expect(code).not.toContain("import");
    expect(code.split("\n")).toHaveLength(3);
  });

  it("does not take a regex literal or a string containing /* for a comment", () => {
    const src = 'const r = /\\/\\*/g; const s = "/*"; import x from "./a.js";';
    expect(specifiers(src)).toEqual(["./a.js"]);
  });

  it("finds static, multi-line, type-only, re-export, side-effect, dynamic and require imports", () => {
    const src = [
      'import a from "./a.js";',
      "import {",
      "  b,",
      "  type C,",
      '} from "../b.js";',
      'import type { D } from "./d.js";',
      'export * from "./e.js";',
      'export { f } from "./f.js";',
      'import "./side.js";',
      'const g = await import("./g.js");',
      "const h = require('h');",
      "type T = import(`./t.js`).T;",
    ].join("\n");
    expect(specifiers(src)).toEqual(["./a.js", "../b.js", "./d.js", "./e.js", "./f.js", "./side.js", "./g.js", "h", "./t.js"]);
  });

  it("ignores imports in comments and strings, and marks computed specifiers", () => {
    const src = '// import x from "../scenario/x.js";\nconst s = \'import y from "../report/y.js"\';\nawait import(name);\nawait import(`./${n}.js`);';
    expect(specifiers(src)).toEqual([null, null]);
  });

  it("finds globals used in code, including inside template expressions, but not in text, comments or as properties", () => {
    const at = (src: string, name: string): number => findGlobal(stripComments(src), name).length;
    expect(at("const t = Date.now();", "Date")).toBe(1);
    expect(at("let d: Date;", "Date")).toBe(1);
    expect(at("const e = globalThis.process.env;", "process")).toBe(1);
    expect(at("const s = `${process.env.HOME}`;", "process")).toBe(1);
    expect(at("const x = Math . random();", "Math.random")).toBe(1);
    expect(at('const s = "Date and process"; // Date.now()', "Date")).toBe(0);
    expect(at("const s = `the Date is ${x}`;", "Date")).toBe(0);
    expect(at("const u = updateDate + DateLike + a.Date + r.process;", "Date")).toBe(0);
    expect(at("const o = { process: 1 }; interface I { Date?: number }", "process")).toBe(0);
    expect(at("const o = { process: 1 }; interface I { Date?: number }", "Date")).toBe(0);
    expect(at("const r = rng.random(); const m = Math.randomish;", "Math.random")).toBe(0);
  });

  it("names the package of a bare specifier", () => {
    expect(["node:fs/promises", "fs", "@scope/pkg/sub", "yaml", "seedrandom"].map(packageOf)).toEqual([
      "fs",
      "fs",
      "@scope/pkg",
      "yaml",
      "seedrandom",
    ]);
  });

  it("fails when a folder imports a folder to its left (kms → scenario, scenario → report, report → cli, engine → kms)", () => {
    expect(messages("kms/world.ts", 'import { x } from "../scenario/build.js";')).toEqual([
      "1: imports ../scenario/build.js: kms must not import scenario (imports flow cli → campaign → import → report → scenario → kms → engine)",
    ]);
    expect(messages("kms/catalog/rules.ts", 'import type { R } from "../../report/csv.js";')).toHaveLength(1);
    expect(messages("scenario/load.ts", 'import { w } from "../report/write.js";')).toHaveLength(1);
    expect(messages("scenario/load.ts", 'import { c } from "../cli/main.js";')).toHaveLength(1);
    expect(messages("report/csv.ts", 'import { c } from "../cli/main.js";')).toHaveLength(1);
    expect(messages("engine/queue.ts", '\n\nimport { w } from "../kms/world.js";')).toEqual([
      "3: imports ../kms/world.js: engine must not import kms (imports flow cli → campaign → import → report → scenario → kms → engine)",
    ]);
    expect(messages("engine/queue.ts", 'export * from "../scenario/x.js";')).toHaveLength(1);
  });

  it("passes imports that flow rightwards or stay within a folder", () => {
    expect(messages("cli/main.ts", 'import "../report/csv.js"; import "../scenario/a.js"; import "../kms/b.js"; import "../engine/c.js";')).toEqual([]);
    expect(messages("report/csv.ts", 'import Papa from "papaparse"; import { f } from "./format.js"; import "../kms/facts.js";')).toEqual([]);
    expect(messages("kms/catalog/rules.ts", 'import type { W } from "../world.js"; import { q } from "../../engine/index.js";')).toEqual([]);
    expect(messages("engine/queue.ts", 'import FastPriorityQueue from "fastpriorityqueue"; import seedrandom from "seedrandom"; import "./run.js";')).toEqual([]);
  });

  it("places import (the Active Directory importer) between cli and report: only cli imports it; it may import scenario, kms and packages", () => {
    expect(messages("cli/commands/import.ts", 'import { x } from "../../import/index.js";')).toEqual([]);
    expect(messages("import/estate.ts", 'import { s } from "../scenario/index.js"; import { k } from "../kms/catalog/index.js"; import Papa from "papaparse"; import { readFileSync } from "node:fs";')).toEqual([]);
    expect(messages("report/csv.ts", 'import { i } from "../import/index.js";')).toEqual([
      "1: imports ../import/index.js: report must not import import (imports flow cli → campaign → import → report → scenario → kms → engine)",
    ]);
    expect(messages("scenario/load.ts", 'import { i } from "../import/index.js";')).toHaveLength(1);
    expect(messages("kms/world.ts", 'import { i } from "../import/index.js";')).toHaveLength(1);
    expect(messages("import/estate.ts", 'import { c } from "../cli/main.js";')).toHaveLength(1);
  });

  it("fails when the engine imports a package other than fastpriorityqueue and seedrandom, or any Node built-in", () => {
    expect(messages("engine/run.ts", 'import YAML from "yaml";')).toEqual(["1: imports the package yaml: engine may import only fastpriorityqueue, seedrandom"]);
    expect(messages("engine/run.ts", 'import { readFileSync } from "node:fs";')).toEqual([
      "1: imports the Node built-in node:fs (uses fs): engine may import only fastpriorityqueue, seedrandom",
    ]);
    expect(messages("engine/run.ts", 'import { readFile } from "fs/promises";')).toHaveLength(1);
    expect(messages("engine/run.ts", 'const fs = require("fs");')).toHaveLength(1);
  });

  it("fails when kms imports any package (papaparse, yargs, fs …)", () => {
    for (const pkg of ["papaparse", "yargs", "node:fs", "fs", "seedrandom", "zod", "node:path"]) {
      expect(messages("kms/world.ts", `import x from "${pkg}";`)).toHaveLength(1);
    }
  });

  it("fails when engine or kms uses process, Date or Math.random, and when any folder uses Math.random", () => {
    expect(messages("engine/run.ts", "const t = Date.now();")).toEqual(["1: uses Date (engine must not)"]);
    expect(messages("kms/world.ts", "if (process.env.DEBUG) log();")).toEqual(["1: uses process (kms must not)"]);
    expect(messages("kms/world.ts", "const u = Math.random();")).toEqual(["1: uses Math.random (kms must not)"]);
    expect(messages("report/stats.ts", "const u = Math.random();")).toEqual(["1: uses Math.random (nowhere in src)"]);
    expect(messages("cli/main.ts", "const u = Math.random(); process.exitCode = 1; new Date();")).toEqual(["1: uses Math.random (nowhere in src)"]);
  });

  it("fails on computed import specifiers, imports leaving src and files outside the known folders", () => {
    expect(messages("cli/main.ts", "await import(commandFile);")).toHaveLength(1);
    expect(messages("kms/world.ts", 'import { t } from "../../test/helpers.js";')).toEqual(["1: imports ../../test/helpers.js, outside src"]);
    expect(messages("util/misc.ts", "")).toHaveLength(1);
    expect(messages("index.ts", "")).toHaveLength(1);
    expect(messages("kms/world.ts", 'import { u } from "../util/misc.js";')).toHaveLength(1);
  });

  it("reports nothing for code that only mentions forbidden names in comments and strings", () => {
    const src = [
      "// Uses no Date, no process, no Math.random; imports nothing from ../scenario.",
      "/** See src/report/csv.ts: import Papa from \"papaparse\". */",
      'export const NOTE = "Math.random() and Date.now() are banned; process.env too";',
      "export const RE = /process|Date/;",
    ].join("\n");
    expect(messages("kms/notes.ts", src)).toEqual([]);
    expect(messages("engine/notes.ts", src)).toEqual([]);
  });
});

describe("the architecture of src (STYLE.md: imports flow cli → report → scenario → kms → engine)", () => {
  const files = sourceFiles(SRC).map((full) => ({
    path: relative(SRC, full).split(sep).join("/"),
    source: readFileSync(full, "utf8"),
  }));

  it("src has TypeScript files in engine (the scan is looking at the right place)", () => {
    expect(files.some((f) => f.path.startsWith("engine/"))).toBe(true);
  });

  it("no folder imports a folder to its left; engine imports only fastpriorityqueue and seedrandom, kms no package; engine and kms use no fs, process, Date or Math.random; Math.random appears nowhere", () => {
    const violations = files.flatMap((f) => checkFile(f.path, f.source));
    expect(formatViolations(violations)).toBe("");
  });
});
