// Bench section "import" (issue 12): `kmsim import ad` on a 200 000-row computers.csv (the
// examples/ad estate generator at 200 000 machines, PowerShell 7's shape), with the sample
// subnets and SRV records, end to end in a child process: wall time and that process's peak RSS
// (targets ≤ 5 s and ≤ 500 MB). The RSS is read by a tiny exit hook loaded with --import, so the
// measured process is exactly `node bin/kmsim.js import ad …` on the compiled dist/.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { COMPUTER_HEADER, SRV_HEADER, SUBNET_HEADER, sampleComputers, sampleSrv, sampleSubnets, toCsv, type Shape } from "../examples/ad/estate-generator.js";
import { median, table, type BenchSection } from "./section.js";

const KMSIM = fileURLToPath(new URL("../bin/kmsim.js", import.meta.url));
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const ROWS = 200_000;
const PS7: Shape = { encoding: "utf8", newline: "\r\n", quoting: "all", dates: "en-US" };
const RSS_HOOK = `data:text/javascript,process.on("exit",()=>process.stderr.write("\\nmaxRSS "+process.resourceUsage().maxRSS+"\\n"))`;

interface ImportRun {
  wallS: number;
  peakRssMb: number;
}

function importRun(dir: string): ImportRun {
  const args = ["--import", RSS_HOOK, KMSIM, "import", "ad", "--computers", join(dir, "computers.csv"), "--subnets", join(dir, "subnets.csv"), "--srv", join(dir, "srv.csv"), "--out", join(dir, "estate.yaml"), "--force"];
  const t0 = performance.now();
  const child = spawnSync(process.execPath, args, { encoding: "utf8", stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 24 });
  const wallS = (performance.now() - t0) / 1000;
  if (child.status !== 0) throw new Error(`kmsim import ad failed (exit ${String(child.status)}):\n${child.stderr}`);
  const kb = Number(/maxRSS (\d+)/.exec(child.stderr)?.[1] ?? NaN);
  return { wallS, peakRssMb: kb / 1024 };
}

export const importSection: BenchSection = {
  name: "import",
  description: `\`kmsim import ad\` on a ${ROWS.toLocaleString("en-US")}-row computers.csv, end to end in a child process (target ≤ 5 s, ≤ 500 MB)`,
  run(out) {
    const dir = mkdtempSync(join(tmpdir(), "kmsim-bench-import-"));
    try {
      const t0 = performance.now();
      writeFileSync(join(dir, "computers.csv"), toCsv(COMPUTER_HEADER, sampleComputers(ROWS, "kmsim-bench-import"), PS7, ["LastLogonDate"]));
      writeFileSync(join(dir, "subnets.csv"), toCsv(SUBNET_HEADER, sampleSubnets(), PS7));
      writeFileSync(join(dir, "srv.csv"), toCsv(SRV_HEADER, sampleSrv(), PS7));
      const sizeMb = statSync(join(dir, "computers.csv")).size / 1_048_576;
      out(`generated computers.csv: ${ROWS.toLocaleString("en-US")} rows, ${sizeMb.toFixed(0)} MB, in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      const runs = Array.from({ length: REPEATS }, () => importRun(dir));
      const rows = [
        ["rows", "wall time", "rows/s", "peak RSS"],
        [
          ROWS.toLocaleString("en-US"),
          `${median(runs.map((r) => r.wallS)).toFixed(2)} s`,
          `${Math.round(ROWS / median(runs.map((r) => r.wallS))).toLocaleString("en-US")}`,
          `${Math.max(...runs.map((r) => r.peakRssMb)).toFixed(0)} MB`,
        ],
      ];
      for (const line of table(rows)) out(line);
      out(`median of ${REPEATS} runs (wall includes node start-up); peak RSS is the largest of the runs`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
