// kmsim completion (FORMAT.md Commands; issue 9 item 12d): prints a shell completion script, and the
// completions it asks for name kmsim's commands and the flags of the command being typed.
import { describe, expect, it } from "vitest";
import { lines, runCli } from "./helpers.js";

describe("kmsim completion", () => {
  it("prints a bash completion script that asks kmsim for completions: exit 0", async () => {
    const r = await runCli(["completion"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("kmsim --get-yargs-completions");
    expect(r.stdout).toContain("complete -o bashdefault -o default -F _kmsim_yargs_completions kmsim");
  });

  it("completes command names, and a command's own flags", async () => {
    const commands = lines((await runCli(["--get-yargs-completions", "kmsim", ""])).stdout);
    expect(commands).toEqual(expect.arrayContaining(["run", "compare", "validate", "report", "init", "completion"]));
    const flags = lines((await runCli(["--get-yargs-completions", "kmsim", "compare", "s.yaml", "--"])).stdout);
    expect(flags).toEqual(expect.arrayContaining(["--replications", "--workers", "--rank-by", "--json"]));
  });
});
