// Campaigns (FORMAT.md "Sweeps", "Sweep folder"): plans, run identities, journals, shards and the
// folder of a finished campaign. This file only re-exports.
export { canonicalJson, RESULTS_VERSION, runIdentity, worldDigest } from "./identity.js";
export { discardJournal, journalLine, JournalWriter, parseJournal, readJournal, readJournalIds, type JournalRecord } from "./journal.js";
export { IdSet } from "./id-set.js";
export { checkCampaignFolder } from "./folder-check.js";
export { manifestText, parseManifest, planDigest, type CampaignManifest } from "./manifest.js";
export { planCampaign, worldsAt, type CampaignPlan } from "./plan.js";
export { startPool, type CampaignPool } from "./pool.js";
export { mapStore, runMissing, type Execute, type RunOptions, type RunOutcome, type RunStore } from "./run-campaign.js";
export { runAuto, type AutoOutcome, type AutoRule } from "./auto.js";
export { parseShard, shardRange, taskAt, taskCount, taskIndex, type CampaignShape, type Shard, type Task } from "./tasks.js";
export { writeCampaignFolder, type FinishResult } from "./finish.js";
export { gatherGroups, pointOf } from "./outputs.js";
export { runReplication, type ReplicationResult, type ReplicationTask } from "./replication.js";
