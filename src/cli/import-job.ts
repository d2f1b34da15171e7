// The work of `kmsim import ad`: flags checked, the import run, the scenario written (to stdout,
// or atomically to --out, never over an existing file without --force) and the summary printed
// on stderr (docs/import.md). Bad input exits 2 with nothing written.
import { existsSync } from "node:fs";
import { parseAsOf } from "../import/dates.js";
import { importAd } from "../import/index.js";
import { writeFileAtomic } from "../report/atomic.js";
import { ID_PATTERN, escapeControls, fileBaseName } from "../scenario/index.js";
import { parseOnline } from "../scenario/values.js";
import type { ImportAdArgs } from "./commands/import.js";
import { InputError } from "./errors.js";
import { durationFlag } from "./options.js";

/** `KEY=VALUE` flags split at the first "=". */
function pairs(flag: string, values: readonly string[] | undefined, shape: string, errors: string[]): { key: string; value: string }[] {
  const out: { key: string; value: string }[] = [];
  for (const v of values ?? []) {
    const at = v.indexOf("=");
    if (at <= 0 || at === v.length - 1) errors.push(`kmsim: --${flag} expects ${shape}, got ${JSON.stringify(v)}`);
    else out.push({ key: v.slice(0, at).trim(), value: v.slice(at + 1).trim() });
  }
  return out;
}

function onlineFlag(flag: string, value: string, errors: string[]): string {
  const r = parseOnline(value);
  if (!r.ok) errors.push(`kmsim: --${flag}: ${r.message}`);
  return value.trim();
}

/** The scenario name to write: --name, or (for an --out file whose name is not an id) the file name made valid. */
function scenarioName(args: ImportAdArgs, errors: string[]): string | undefined {
  if (args.name !== undefined) {
    if (!ID_PATTERN.test(args.name)) errors.push(`kmsim: --name must be made of letters, digits, "_" and "-", got ${JSON.stringify(args.name)}`);
    return args.name;
  }
  if (args.out === undefined) return undefined;
  const base = fileBaseName(args.out);
  if (ID_PATTERN.test(base)) return undefined;
  const made = base.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "");
  return made === "" ? "estate" : made;
}

export async function importAdJob(args: ImportAdArgs): Promise<void> {
  const errors: string[] = [];
  if (args.out !== undefined && existsSync(args.out) && args.force !== true) {
    throw new InputError([`kmsim: ${args.out} exists: use --force to overwrite it`]);
  }
  let activeWithinMin = 0;
  try {
    activeWithinMin = durationFlag("active-within", args["active-within"]);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    errors.push(...e.lines);
  }
  let asOfMs: number | undefined;
  if (args["as-of"] !== undefined) {
    const r = parseAsOf(args["as-of"]);
    if (r.ok) asOfMs = r.ms;
    else errors.push(`kmsim: ${r.message}`);
  }
  const siteSrv = pairs("site-srv", args["site-srv"], "SITE=FILE", errors).map((p) => ({ site: p.key, file: p.value }));
  const csvlk = pairs("csvlk", args.csvlk, "HOST=GROUP", errors).map((p) => ({ host: p.key, group: p.value }));
  const clientsOnline = onlineFlag("clients-online", args["clients-online"], errors);
  const serversOnline = onlineFlag("servers-online", args["servers-online"], errors);
  const name = scenarioName(args, errors);
  if (errors.length > 0) throw new InputError(errors);

  const result = importAd({
    computers: args.computers,
    subnets: args.subnets,
    srv: args.srv,
    siteSrv,
    activeWithinMin,
    asOfMs,
    csvlk,
    clientsOnline,
    serversOnline,
    name,
  });
  if (!result.ok) throw new InputError(result.errors);
  if (args.out === undefined) process.stdout.write(result.text);
  else await writeFileAtomic(args.out, result.text);
  for (const line of result.summary) process.stderr.write(`${escapeControls(line)}\n`);
  if (args.out !== undefined) process.stderr.write(`  wrote ${args.out}\n`);
}
