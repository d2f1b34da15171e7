// `kmsim merge OUT SHARD_DIR…`: the shards of one campaign joined into its folder (FORMAT.md
// "Shards and merge"), byte-identical to the unsharded command's, manifest.json excepted. Every
// shard must come from the same scenario and options, and the shards must cover every task once.
import { existsSync } from "node:fs";
import { join } from "node:path";
import {
  JournalWriter,
  checkCampaignFolder,
  gatherGroups,
  parseManifest,
  planCampaign,
  readJournal,
  shardRange,
  writeCampaignFolder,
  RESULTS_VERSION,
  type CampaignManifest,
} from "../campaign/index.js";
import { formatDiagnostic, readUserFile, SCENARIO_FILE_MAX_BYTES } from "../scenario/index.js";
import { InputError } from "./errors.js";
import { loadValidScenario } from "./scenario-input.js";
import { kmsimVersion } from "./version.js";

export interface MergeArgs {
  readonly out: string;
  readonly shards: readonly string[];
}

/** Checks the shards, joins their runs and writes OUT; returns OUT. */
export async function mergeJob(args: MergeArgs): Promise<string> {
  const started = performance.now();
  const shards = args.shards.map((dir) => ({ dir, manifest: readShardManifest(dir) }));
  if (shards.length === 0) throw new InputError(["kmsim merge: name the shard folders to merge"]);
  const first = shards[0];
  const problems: string[] = [];
  for (const s of shards.slice(1)) {
    if (s.manifest.plan !== first.manifest.plan || s.manifest.kind !== first.manifest.kind || JSON.stringify(s.manifest.compare ?? null) !== JSON.stringify(first.manifest.compare ?? null)) problems.push(`${s.dir}: from another campaign than ${first.dir} (scenario, strategies, replications, command options or kmsim's results version differ)`);
    else if (s.manifest.shard?.count !== first.manifest.shard?.count) problems.push(`${s.dir}: shard ${s.manifest.shard?.index}/${s.manifest.shard?.count}, but ${first.dir} is one of ${first.manifest.shard?.count}`);
  }
  if (problems.length > 0) throw new InputError(problems);
  const count = first.manifest.shard?.count ?? 1;
  const byIndex = new Map<number, string[]>();
  for (const s of shards) byIndex.set(s.manifest.shard?.index ?? 0, [...(byIndex.get(s.manifest.shard?.index ?? 0) ?? []), s.dir]);
  for (let k = 1; k <= count; k++) {
    const dirs = byIndex.get(k) ?? [];
    const range = shardRange({ index: k, count }, first.manifest.tasks);
    if (dirs.length === 0) problems.push(`kmsim merge: shard ${k}/${count} (tasks ${range.from}…${range.to - 1}) is missing`);
    if (dirs.length > 1) problems.push(`kmsim merge: shard ${k}/${count} is given twice: ${dirs.join(", ")}`);
  }
  if (problems.length > 0) throw new InputError(problems);

  const m = first.manifest;
  const scenario = loadValidScenario(m.file, m.document);
  const plan = planCampaign(scenario, { file: m.file, fileBaseName: m.fileBaseName, data: m.document }, m.strategies, m.replications);
  const stored = new Map<string, Readonly<Record<string, number | string>>>();
  for (const s of shards) for (const [id, record] of readJournal(s.dir).runs) stored.set(id, record);
  const lacking = (missing: readonly number[]): string[] =>
    shards
      .map((s) => ({ s, n: missing.filter((t) => t >= (s.manifest.shard?.from ?? 0) && t < (s.manifest.shard?.to ?? 0)).length }))
      .filter((x) => x.n > 0)
      .map((x) => `${x.s.dir}: shard ${x.s.manifest.shard?.index}/${count} lacks ${x.n} of its runs (was it interrupted? run it again to finish it)`);

  if (m.kind === "compare-shard") {
    // Shards of `compare --shard`: the comparison folder, as the unsharded compare writes it.
    const gathered = gatherGroups(plan, stored);
    if (!gathered.ok) throw new InputError(gathered.errors.map(formatDiagnostic));
    if (gathered.missing.length > 0) throw new InputError(lacking(gathered.missing));
    const runs = gathered.groups.flatMap((g) => g.runs);
    const { writeMergedComparison } = await import("./compare-job.js");
    return writeMergedComparison(args.out, shards.map((s) => join(s.dir, "manifest.json")), scenario, m.strategies, runs, m.compare?.rankBy ?? null, {
      replications: m.replications,
      eventsProcessed: shards.reduce((sum, s) => sum + s.manifest.eventsProcessed, 0),
      wallTimeMs: performance.now() - started,
    });
  }

  const refusal = checkCampaignFolder(args.out, args.shards.map((d) => join(d, "manifest.json")));
  if (refusal !== null) throw new InputError([`${args.out === "" ? "--out" : args.out}: ${refusal}`]);
  const writer = JournalWriter.open(args.out);
  if (typeof writer === "string") throw new InputError([`kmsim: ${args.out}: ${writer}`]);
  try {
    writer.add([...stored].map(([id, record]) => ({ id, record })));
  } finally {
    writer.close();
  }
  const manifest: Omit<CampaignManifest, "files"> = {
    ...m,
    kmsim: kmsimVersion(),
    kind: "sweep",
    resultsVersion: RESULTS_VERSION,
    shard: null,
    runs: { reused: stored.size, computed: 0 },
    eventsProcessed: shards.reduce((sum, s) => sum + s.manifest.eventsProcessed, 0),
    wallTimeMs: Math.round(performance.now() - started),
  };
  const r = await writeCampaignFolder(plan, stored, args.out, manifest);
  if (!r.ok && "errors" in r) throw new InputError(r.errors.map(formatDiagnostic));
  if (!r.ok) throw new InputError(lacking(r.missing));
  process.stdout.write([`kmsim merge: ${shards.length} shards, ${stored.size} runs`, ...r.crossovers.map((l) => `  ${l}`), args.out, ""].join("\n"));
  return args.out;
}

function readShardManifest(dir: string): CampaignManifest {
  const path = join(dir, "manifest.json");
  if (!existsSync(path)) throw new InputError([`${path}: not found: is ${dir} a shard folder of kmsim sweep --shard?`]);
  // The manifest holds the scenario document: the scenario file's limit, with room for JSON's quoting.
  const read = readUserFile(path, 4 * SCENARIO_FILE_MAX_BYTES, "a shard manifest");
  if (!read.ok) throw new InputError([read.message]);
  const text = read.bytes.toString("utf8");
  const m = parseManifest(text);
  if (typeof m === "string") throw new InputError([`${path}: ${m}`]);
  if ((m.kind !== "sweep-shard" && m.kind !== "compare-shard") || m.shard === null) {
    throw new InputError([`${path}: not a shard (kmsim sweep --shard K/N and kmsim compare --shard K/N write shard folders)`]);
  }
  return m;
}
