// The campaign folder a sweep writes (FORMAT.md "Result folders", "Sweep folder"): kmsim never
// writes into a folder it did not make. Unlike a run or comparison it is not swapped whole — its
// journal must survive — so it is checked here and its outputs are renamed into place one set at
// a time.
import { existsSync, lstatSync, readdirSync, realpathSync } from "node:fs";
import { join, relative, resolve, isAbsolute } from "node:path";
import { isKmsimResult } from "../report/index.js";
import { JOURNAL_DIR } from "./journal.js";

/** Why `folder` cannot be a campaign folder for these inputs, or null when it can. */
export function checkCampaignFolder(folder: string, inputs: readonly string[]): string | null {
  if (folder.trim() === "") return "is empty: name a folder";
  const abs = resolve(folder);
  if (!existsSync(abs)) return null;
  if (!lstatSync(abs).isDirectory()) return "exists and is not a folder";
  const real = realpathSync(abs);
  for (const input of inputs) {
    if (!existsSync(input)) continue;
    const rel = relative(real, realpathSync(input));
    if (rel === "" || (!rel.startsWith("..") && !isAbsolute(rel))) return `holds the input ${input}, which the campaign would write beside; choose another folder`;
  }
  const entries = readdirSync(abs);
  if (entries.length === 0 || isKmsimResult(abs) || existsSync(join(abs, JOURNAL_DIR))) return null;
  return "not empty and not a kmsim campaign (no kmsim manifest.json or journal/); kmsim writes only into folders it made";
}
