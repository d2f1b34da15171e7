// Checks a result folder's CSVs against its manifest.json before `kmsim report` draws from them
// (FORMAT.md "Commands": report): a run folder's timeline.csv, summary.csv and availability.csv; a
// comparison folder's runs.csv, comparison.csv and any timeline-<strategy>-r<R>.csv. events.csv is
// not read by `report` and is not checked (it may be gigabytes). A file may be absent only where
// an older kmsim did not write it (availability.csv) or the chart does not need it.
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { CsvChecker, type TableRule } from "./csv-check.js";
import {
  ManifestProblem,
  availabilityRule,
  comparisonRule,
  parseComparisonManifest,
  parseRunManifest,
  runsRule,
  summaryRule,
  timelineRule,
} from "./result-contract.js";
import { isMissingFile, readLines } from "./line-reader.js";
import { readOptional } from "./optional-file.js";

/** One problem: the file (name inside the folder) and `line N: message` or `PATH: message`. */
export interface FolderProblem {
  readonly file: string;
  readonly message: string;
}

const MANIFEST = "manifest.json";

/** The manifest's text, or a problem saying why the CSVs cannot be checked. */
async function manifestText(folder: string): Promise<string | FolderProblem> {
  const text = await readOptional(join(folder, MANIFEST));
  return text ?? { file: MANIFEST, message: "missing: kmsim report checks the CSVs against the columns it implies" };
}

function parsed<T>(parse: (text: string) => T, text: string): T | FolderProblem {
  try {
    return parse(text);
  } catch (err) {
    if (err instanceof ManifestProblem) return { file: MANIFEST, message: err.message };
    throw err;
  }
}

function isProblem(v: unknown): v is FolderProblem {
  return typeof v === "object" && v !== null && "file" in v && "message" in v;
}

async function check(folder: string, file: string, rule: TableRule, required: boolean): Promise<FolderProblem[]> {
  // Line by line: a timeline of a long run with a fine `sample` is gigabytes (FORMAT.md: memory
  // does not grow with rows), more than one string can hold.
  const checker = new CsvChecker(rule);
  let ended: boolean;
  try {
    ended = await readLines(join(folder, file), (line) => checker.line(line));
  } catch (err) {
    if (isMissingFile(err)) return required ? [{ file, message: "missing" }] : [];
    throw err;
  }
  return checker.finish(ended).map((message) => ({ file, message }));
}

/** Every problem of a run folder's CSVs against its manifest.json (empty: fit to draw). */
export async function checkRunFolder(folder: string): Promise<FolderProblem[]> {
  const text = await manifestText(folder);
  if (isProblem(text)) return [text];
  const manifest = parsed(parseRunManifest, text);
  if (isProblem(manifest)) return [manifest];
  return [
    ...(await check(folder, "timeline.csv", timelineRule(manifest.world, manifest, "manifest.json's scenario"), true)),
    ...(await check(folder, "summary.csv", summaryRule(manifest), true)),
    ...(await check(folder, "availability.csv", availabilityRule(manifest), false)),
  ];
}

/** Every problem of a comparison folder's CSVs against its manifest.json (empty: fit to draw). */
export async function checkComparisonFolder(folder: string): Promise<FolderProblem[]> {
  const text = await manifestText(folder);
  if (isProblem(text)) return [text];
  const manifest = parsed(parseComparisonManifest, text);
  if (isProblem(manifest)) return [manifest];
  const out = [...(await check(folder, "runs.csv", runsRule(manifest), true)), ...(await check(folder, "comparison.csv", comparisonRule(manifest), false))];
  // compare --timelines: timeline-<strategy or base>-r<R>.csv, each with its strategy's columns.
  for (const file of (await readdir(folder)).sort()) {
    const m = /^timeline-(.+)-r(\d+)\.csv$/.exec(file);
    if (m === null) continue;
    const strategy = manifest.strategies.find((s) => (s.name === "" ? "base" : s.name) === m[1]);
    if (strategy === undefined) {
      out.push({ file, message: `not a timeline of one of manifest.json's strategies` });
      continue;
    }
    out.push(...(await check(folder, file, timelineRule(strategy.world, manifest, "manifest.json's strategy"), true)));
  }
  return out;
}
