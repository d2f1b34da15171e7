// Redraws the charts of an existing results folder (kmsim report).
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import {
  AvailabilityFormatError,
  COMPARISON_CHART_SVG,
  COMPARISON_CHART_HTML,
  RUN_FILES,
  redrawComparisonFolder,
  redrawRunFolder,
} from "../report/index.js";
import { InputError } from "./errors.js";

/** Redraws a run folder's chart from timeline.csv (and availability.csv, manifest.json when present), or a comparison folder's from runs.csv; bad folders are bad input. */
export async function redrawFolder(folder: string): Promise<void> {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new InputError([`${folder}: no such folder`]);
  if (existsSync(join(folder, RUN_FILES.timeline))) {
    try {
      await redrawRunFolder(folder);
    } catch (err) {
      if (err instanceof AvailabilityFormatError) throw new InputError([`${join(folder, RUN_FILES.availability)}: ${err.message}`]);
      throw err;
    }
    process.stdout.write(`${folder}: redrew ${RUN_FILES.chartSvg} and ${RUN_FILES.chartHtml}\n`);
    return;
  }
  if (existsSync(join(folder, "runs.csv"))) {
    await redrawComparisonFolder(folder);
    process.stdout.write(`${folder}: redrew ${COMPARISON_CHART_SVG} and ${COMPARISON_CHART_HTML}\n`);
    return;
  }
  throw new InputError([`${folder}: neither a run folder (no ${RUN_FILES.timeline}) nor a comparison folder (no runs.csv)`]);
}
