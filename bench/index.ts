// Benchmark runner (`npm run bench`, or `npm run bench -- engine` for one section). Each section
// lives in its own file and is listed below; add new ones (model, CLI end-to-end, compare
// speed-up) to SECTIONS. Figures are printed, never asserted: see bench/README.md.
import { cpus } from "node:os";
import { compareSection } from "./compare.js";
import { engineSection } from "./engine.js";
import { estateSection } from "./estate.js";
import { importSection } from "./import.js";
import { campaignSection } from "./campaign.js";
import { cliSection, modelSection } from "./model.js";
import { peakRssMb, type BenchSection } from "./section.js";
import { startupSection } from "./startup.js";

const SECTIONS: readonly BenchSection[] = [engineSection, modelSection, cliSection, estateSection, startupSection, compareSection, importSection, campaignSection];

async function main(args: readonly string[]): Promise<number> {
  const unknown = args.filter((a) => !SECTIONS.some((s) => s.name === a));
  if (unknown.length > 0) {
    process.stderr.write(`unknown bench section ${unknown.join(", ")}; sections: ${SECTIONS.map((s) => s.name).join(", ")}\n`);
    return 2;
  }
  const chosen = args.length === 0 ? SECTIONS : SECTIONS.filter((s) => args.includes(s.name));
  const cpu = cpus();
  const gc = typeof (globalThis as { gc?: unknown }).gc === "function" ? "gc exposed" : "gc NOT exposed (run with --expose-gc)";
  process.stdout.write(`kmsim bench — node ${process.version}, ${cpu.length} × ${cpu[0]?.model ?? "unknown CPU"}, ${gc}\n`);
  for (const section of chosen) {
    process.stdout.write(`\n## ${section.name}: ${section.description}\n\n`);
    const t0 = performance.now();
    await section.run((line) => process.stdout.write(`${line}\n`));
    process.stdout.write(`(${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
  }
  process.stdout.write(`\npeak RSS of the whole run: ${peakRssMb().toFixed(0)} MB\n`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
