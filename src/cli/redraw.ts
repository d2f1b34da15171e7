// Redraws the charts of an existing results folder (kmsim report).
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { RUN_FILES, redrawRunFolder } from "../report/index.js";
import { InputError } from "./errors.js";

/** Redraws a run folder's chart from timeline.csv; bad folders are bad input. */
export async function redrawFolder(folder: string): Promise<void> {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new InputError([`${folder}: no such folder`]);
  if (existsSync(join(folder, RUN_FILES.timeline))) {
    await redrawRunFolder(folder);
    process.stdout.write(`${folder}: redrew ${RUN_FILES.chartSvg} and ${RUN_FILES.chartHtml}\n`);
    return;
  }
  throw new InputError([`${folder}: not a run folder (no ${RUN_FILES.timeline})`]);
}
