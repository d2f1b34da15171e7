// The command line itself (FORMAT.md Commands; issue 9 item 12b, 12f): a mistyped flag exits 2 with
// a "did you mean" hint; number flags are numbers in help, and a word where a number belongs exits 2
// naming the flag and the word (yargs alone would run with NaN, or 0 for an empty word).
import { describe, expect, it } from "vitest";
import { SCENARIOS, lines, runCli, stackLines } from "./helpers.js";
import { join } from "node:path";

const QUICKSTART = join(SCENARIOS, "quickstart.yaml");

async function refused(argv: string[]): Promise<string[]> {
  const r = await runCli(argv);
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe("");
  expect(stackLines(r.stderr)).toEqual([]);
  return lines(r.stderr);
}

describe("a mistyped flag gets a hint (did you mean)", () => {
  it("run --strategie → did you mean --strategy?", async () => {
    expect(await refused(["run", QUICKSTART, "--strategie", "x"])).toEqual(["kmsim: unknown argument: --strategie (did you mean --strategy?)"]);
  });
  it("compare --replication → did you mean --replications? (the hint comes from compare's own flags)", async () => {
    expect(await refused(["compare", QUICKSTART, "--replication", "2"])).toEqual(["kmsim: unknown argument: --replication (did you mean --replications?)"]);
  });
  it("an extra word that is not a flag is named as typed, without dashes or a hint", async () => {
    expect(await refused(["run", QUICKSTART, "extra"])).toEqual(['kmsim: unknown argument: "extra"']);
  });
  it("several unknown flags each get their hint; a flag like nothing known gets none", async () => {
    expect(await refused(["run", QUICKSTART, "--sed", "3", "--zzzzzz"])).toEqual(["kmsim: unknown arguments: --sed (did you mean --seed?), --zzzzzz"]);
  });
});

describe("number flags", () => {
  it("are shown as [number] in help, --replications (a number or auto) as a string", async () => {
    /** The [type] yargs shows for a flag (its entry runs up to the next flag's). */
    const typeIn = (help: string, flag: string): string | undefined => {
      const entry = help.slice(help.indexOf(`--${flag} `) + 2).split(/\n\s+(?:-\w, )?--[a-z]/)[0];
      return /\[(boolean|number|string|array)\]/.exec(entry)?.[1];
    };
    const run = (await runCli(["run", "--help"])).stdout;
    expect(typeIn(run, "seed")).toBe("number");
    expect(typeIn(run, "replication")).toBe("number");
    const compare = (await runCli(["compare", "--help"])).stdout;
    expect(typeIn(compare, "workers")).toBe("number");
    expect(typeIn(compare, "max-replications")).toBe("number");
    expect(typeIn(compare, "replications")).toBe("string");
  });
  it("a word, an empty value, hex or nothing at all: exit 2 naming the flag and what was given, before anything runs", async () => {
    expect(await refused(["run", QUICKSTART, "--seed", "abc"])).toEqual(['kmsim: --seed expects a number, got "abc"']);
    expect(await refused(["run", QUICKSTART, "--seed="])).toEqual(['kmsim: --seed expects a number, got ""']);
    expect(await refused(["run", QUICKSTART, "--replication"])).toEqual(["kmsim: --replication expects a number, got nothing"]);
    expect(await refused(["compare", QUICKSTART, "--workers", "0x2"])).toEqual(['kmsim: --workers expects a number, got "0x2"']);
  });
  it("a number out of range is still refused by its own rule", async () => {
    expect(await refused(["run", QUICKSTART, "--seed", "1.5"])).toEqual(["kmsim: --seed expects a whole number ≥ 0, got 1.5"]);
  });
  it("--replications auto is still a word compare takes", async () => {
    expect(await refused(["compare", QUICKSTART, "--replications", "many"])).toEqual(['kmsim: --replications expects a whole number ≥ 1, got "many"']);
  });
});
