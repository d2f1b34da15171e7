// Redraws the charts of an existing results folder (kmsim report).
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import {
  AvailabilityFormatError,
  COMPARISON_CHART_HTML,
  COMPARISON_CHART_SVG,
  RUN_FILES,
  checkComparisonFolder,
  checkRunFolder,
  redrawComparisonFolder,
  redrawRunFolder,
  type FolderProblem,
  type RankingMetric,
} from "../report/index.js";
import { InputError } from "./errors.js";
import { testPause } from "./test-pause.js";

/** The new chart files exist under temp names: the report's pause point (docs/testing.md). */
async function beforeCommit(): Promise<void> {
  await testPause("write");
  await testPause("swap");
}

/** Redraws a run folder's chart from timeline.csv (and availability.csv, manifest.json when present), or a comparison folder's from runs.csv; bad folders are bad input. */
export async function redrawFolder(folder: string): Promise<void> {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new InputError([`${folder}: no such folder`]);
  if (existsSync(join(folder, RUN_FILES.timeline))) {
    refuseProblems(folder, await checkRunFolder(folder));
    try {
      await redrawRunFolder(folder, beforeCommit);
    } catch (err) {
      if (err instanceof AvailabilityFormatError) throw new InputError([`${join(folder, RUN_FILES.availability)}: ${err.message}`]);
      throw err;
    }
    process.stdout.write(`${folder}: redrew ${RUN_FILES.chartSvg} and ${RUN_FILES.chartHtml}\n`);
    return;
  }
  if (existsSync(join(folder, "runs.csv"))) {
    refuseProblems(folder, await checkComparisonFolder(folder));
    await redrawComparisonFolder(folder, rankByOf(folder), beforeCommit);
    process.stdout.write(`${folder}: redrew ${COMPARISON_CHART_SVG} and ${COMPARISON_CHART_HTML}\n`);
    return;
  }
  throw new InputError([`${folder}: neither a run folder (no ${RUN_FILES.timeline}) nor a comparison folder (no runs.csv)`]);
}

/** A folder whose CSVs do not match its manifest.json is bad input: every problem, `FOLDER/FILE: line N: message`. */
function refuseProblems(folder: string, problems: readonly FolderProblem[]): void {
  if (problems.length > 0) throw new InputError(problems.map((p) => `${join(folder, p.file)}: ${p.message}`));
}

/**
 * The ranking a comparison was made with (`--rank-by`, manifest.json `world.rankBy`), so that the
 * redrawn chart keeps its order; undefined (the default ranking) when the manifest lacks it.
 */
function rankByOf(folder: string): RankingMetric[] | undefined {
  const path = join(folder, "manifest.json");
  if (!existsSync(path)) return undefined;
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(path, "utf8"));
  } catch {
    throw new InputError([`${path}: not valid JSON`]);
  }
  const rankBy = (manifest as { world?: { rankBy?: unknown } } | null)?.world?.rankBy;
  if (rankBy === undefined) return undefined;
  const valid =
    Array.isArray(rankBy) &&
    rankBy.every((m: unknown) => typeof m === "object" && m !== null && typeof (m as RankingMetric).column === "string" && typeof (m as RankingMetric).higherIsBetter === "boolean");
  if (!valid) throw new InputError([`${path}: world.rankBy: expected a list of { column, higherIsBetter }`]);
  return rankBy as RankingMetric[];
}
