// Writing a complete campaign's folder (FORMAT.md "Sweep folder"): the tables and chart from the
// stored runs, then manifest.json, all renamed into place together; the journal stays beside them
// so that a later run of the same campaign reuses every run.
import { defaultRankingMetrics, writeFolderAtomic, type RankingMetric } from "../report/index.js";
import type { Diagnostic } from "../scenario/index.js";
import { campaignTables, gatherGroups } from "./outputs.js";
import type { JournalRecord } from "./journal.js";
import { manifestText, type CampaignManifest } from "./manifest.js";
import type { CampaignPlan } from "./plan.js";

export type FinishResult =
  | { readonly ok: true; readonly crossovers: readonly string[] }
  | { readonly ok: false; readonly errors: readonly Diagnostic[] }
  | { readonly ok: false; readonly missing: readonly number[] };

/** Writes the campaign folder from `stored`; refuses (listing them) when runs are missing. */
export async function writeCampaignFolder(
  plan: CampaignPlan,
  stored: ReadonlyMap<string, JournalRecord["record"]>,
  folder: string,
  manifest: Omit<CampaignManifest, "files">,
  counts?: readonly number[],
  rankBy?: readonly RankingMetric[],
): Promise<FinishResult> {
  const gathered = gatherGroups(plan, stored, counts);
  if (!gathered.ok) return gathered;
  if (gathered.missing.length > 0) return { ok: false, missing: gathered.missing };
  const ranking = rankBy ?? defaultRankingMetrics(gathered.columns);
  const tables = await campaignTables(plan, gathered.groups, gathered.columns, ranking);
  const files = { ...tables.files };
  files["manifest.json"] = manifestText({ ...manifest, files: [...Object.keys(files), "manifest.json"] });
  await writeFolderAtomic(folder, files);
  return { ok: true, crossovers: tables.crossovers };
}
