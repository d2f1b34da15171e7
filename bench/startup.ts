// Bench section "startup" (issue 10 item 3): wall time of the compiled CLI from process start to
// exit, for `kmsim --help`, `kmsim validate scenarios/quickstart.yaml` and `kmsim run
// scenarios/quickstart.yaml` (40 clients, into a temp folder). Each repeat runs the three in turn
// (interleaved, so that a change of load hits all alike); the figure is the median of REPEATS,
// with the range. Targets: --help ≤ 0.25 s, run quickstart ≤ 0.8 s. Plain `node -e 0` is shown as
// the floor no command can go below.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { median, table, type BenchSection } from "./section.js";

/** Repeats of each command; BENCH_STARTUP_REPEATS overrides. */
const REPEATS = Number(process.env.BENCH_STARTUP_REPEATS ?? 5);
const KMSIM = fileURLToPath(new URL("../bin/kmsim.js", import.meta.url));
const QUICKSTART = fileURLToPath(new URL("../scenarios/quickstart.yaml", import.meta.url));

interface Command {
  readonly label: string;
  readonly target?: number;
  args(folder: string): string[];
}

const COMMANDS: readonly Command[] = [
  { label: "node -e 0 (floor)", args: () => ["-e", "0"] },
  { label: "kmsim --help", target: 0.25, args: () => [KMSIM, "--help"] },
  { label: "kmsim validate quickstart.yaml", args: () => [KMSIM, "validate", QUICKSTART] },
  { label: "kmsim run quickstart.yaml", target: 0.8, args: (folder) => [KMSIM, "run", QUICKSTART, "--out", join(folder, "qs")] },
];

/** Seconds from spawning `node <args>` to its exit (plain node: no tsx, no bench flags). */
function wallSeconds(args: string[]): number {
  const t0 = performance.now();
  execFileSync(process.execPath, args, { stdio: "ignore" });
  return (performance.now() - t0) / 1000;
}

export const startupSection: BenchSection = {
  name: "startup",
  description: "wall time of `kmsim --help`, `kmsim validate` and `kmsim run` on scenarios/quickstart.yaml (targets ≤ 0.25 s and ≤ 0.8 s)",
  run(out) {
    const folder = mkdtempSync(join(tmpdir(), "kmsim-bench-startup-"));
    try {
      const times = COMMANDS.map(() => [] as number[]);
      for (const c of COMMANDS) wallSeconds(c.args(folder)); // warm the file cache
      for (let r = 0; r < REPEATS; r++) COMMANDS.forEach((c, i) => times[i].push(wallSeconds(c.args(folder))));
      const rows = [["command", "wall (median)", "range", "target"]];
      COMMANDS.forEach((c, i) => {
        rows.push([
          c.label,
          `${median(times[i]).toFixed(3)} s`,
          `${Math.min(...times[i]).toFixed(3)}–${Math.max(...times[i]).toFixed(3)} s`,
          c.target === undefined ? "" : `≤ ${c.target} s`,
        ]);
      });
      for (const line of table(rows)) out(line);
      out(`median of ${REPEATS} interleaved runs each, compiled CLI (dist/) under plain node`);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  },
};
