// The compiled CLI answers string-width's question for printable ASCII itself, without loading
// string-width, which builds an ICU segmenter and Unicode regular expressions as it loads
// (scripts/bundle-cli.js, issue 10 item 3). The stand-in's premise is checked here on every copy
// of string-width that yargs, cliui and wrap-ansi import: a printable ASCII string is as wide as
// it is long. And its effect is checked whole: every command's help from the compiled CLI is the
// same text as from the source, which imports the packages themselves (the help text has
// non-ASCII characters too, so the stand-in's hand-over to the real module is covered).
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ROOT, runCli } from "./helpers.js";

type StringWidth = (text: string) => number;

const COPIES = ["cliui", "wrap-ansi", "yargs"];

async function stringWidthOf(importer: string): Promise<StringWidth> {
  const file = join(ROOT, "node_modules", importer, "node_modules", "string-width", "index.js");
  return ((await import(pathToFileURL(file).href)) as { default: StringWidth }).default;
}

const printableAscii = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 80 });

describe("string-width stand-in of the compiled CLI (issue 10 item 3)", () => {
  for (const importer of COPIES) {
    it(`${importer}'s string-width: a printable ASCII string is as wide as it is long`, async () => {
      const stringWidth = await stringWidthOf(importer);
      for (let c = 0x20; c <= 0x7e; c++) expect(stringWidth(String.fromCharCode(c))).toBe(1);
      fc.assert(fc.property(printableAscii, (text) => stringWidth(text) === text.length));
    });
  }

  it("is no printable-ASCII shortcut for other text: a CJK character, an emoji and a combining mark are measured by string-width", async () => {
    const stringWidth = await stringWidthOf("cliui");
    expect(stringWidth("日本")).toBe(4);
    expect(stringWidth("a\u0301")).toBe(1);
    expect(stringWidth("🙂")).toBe(2);
  });

  for (const command of [[], ["run"], ["compare"], ["sweep"], ["validate"], ["report"], ["merge"], ["import"], ["campaign"]]) {
    it(`kmsim ${[...command, "--help"].join(" ")}: the compiled CLI prints the source's text`, async () => {
      const compiled = execFileSync(process.execPath, [join(ROOT, "bin", "kmsim.js"), ...command, "--help"], { encoding: "utf8" });
      const source = await runCli([...command, "--help"]);
      expect(source.code).toBe(0);
      expect(compiled).toBe(source.stdout);
    });
  }
});
