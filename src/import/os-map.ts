// Active Directory's OperatingSystem (+ OperatingSystemVersion) → a catalogue edition
// (CATALOG.md), an edition KMS cannot activate, or a name the catalogue lacks with the closest
// catalogue name (docs/import.md "Editions", whose table lists every rule below in this order).
import { EDITION_NAMES, closestName, normaliseEditionName, resolveEdition } from "../kms/catalog/index.js";

/** What an OperatingSystem string is, for the importer. `label` is the cleaned AD name (counted in the summary). */
export type OsOutcome =
  | { readonly kind: "edition"; readonly edition: string }
  | { readonly kind: "not-kms"; readonly label: string }
  | { readonly kind: "unknown"; readonly label: string; readonly closest: string };

/** The first build of Windows 11: AD shows early Windows 11 machines as "Windows 10 …" (10.0 (22000)). */
export const WINDOWS_11_FIRST_BUILD = 22000;

/** Editions without a KMS client key (retail, consumer and trial editions), matched as whole words. */
const NOT_KMS_WORDS = /\b(home|starter|ultimate|evaluation)\b/i;

/**
 * Drops trademark marks (`®`, `™`, `(R)`, `(TM)`, and the `?` an ASCII export leaves where a
 * mark was: "Windows Server? 2008 Standard"), folds spaces and trims.
 */
export function cleanOsName(adName: string): string {
  return adName
    .replace(/[®™]/g, " ")
    .replace(/\((?:R|TM)\)/gi, " ")
    .replace(/(?<=[A-Za-z])\?(?=\s|$)/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The build number of an OperatingSystemVersion such as `10.0 (19045)`, or undefined. */
export function buildOf(version: string): number | undefined {
  const m = /\((\d+)\)/.exec(version);
  return m === null ? undefined : Number(m[1]);
}

/** The LTSB release a build number is: 10240 was LTSB 2015, 14393 LTSB 2016. */
const LTSB_BUILDS: Readonly<Record<number, string>> = { 10240: "2015", 14393: "2016" };

/**
 * Rewrites AD's spellings into the catalogue's: LTSB/LTSC word order, Semi-Annual Channel
 * servers (AD writes "Windows Server Standard", without a year), "without Hyper-V".
 * Works on normalised (lower-case) text; returns the text unchanged when no rule applies.
 */
function catalogueSpelling(key: string, build: number | undefined): string {
  const ltsb = /^windows 10 enterprise( n)?(?: (2015|2016))? ltsb(?: (2015|2016))?$/.exec(key);
  if (ltsb !== null) {
    const year = ltsb[2] ?? ltsb[3] ?? (build === undefined ? undefined : LTSB_BUILDS[build]);
    return year === undefined ? key : `windows 10 enterprise ltsb${ltsb[1] ?? ""} ${year}`;
  }
  const ltsc = /^windows 10 enterprise( n)? ltsc(?: \d{4})?$/.exec(key);
  if (ltsc !== null) return `windows 10 enterprise ltsc${ltsc[1] ?? ""}`;
  const sac = /^windows server (standard|datacenter)$/.exec(key);
  if (sac !== null) return `windows server semi-annual channel ${sac[1]}`;
  return key.replace(/ without hyper-v$/, "");
}

/**
 * Maps one computer's OperatingSystem and OperatingSystemVersion, in this order: marks dropped;
 * empty or not Windows → not KMS; Home, Starter, Ultimate, Evaluation → not KMS; a "Windows 10"
 * name with build ≥ 22000 → the same name as Windows 11; AD's LTSB/LTSC/Semi-Annual Channel
 * spellings; then the catalogue's own lookup ("Pro" = Professional, case and spaces ignored);
 * anything else is unknown, with the closest catalogue name.
 */
export function mapOperatingSystem(adName: string, version: string): OsOutcome {
  const clean = cleanOsName(adName);
  if (clean === "") return { kind: "not-kms", label: "(no OperatingSystem)" };
  if (!/^windows\b/i.test(clean) || NOT_KMS_WORDS.test(clean)) return { kind: "not-kms", label: clean };
  const build = buildOf(version);
  const label = build !== undefined && build >= WINDOWS_11_FIRST_BUILD ? clean.replace(/^windows 10\b/i, "Windows 11") : clean;
  const lookup = resolveEdition(catalogueSpelling(normaliseEditionName(label), build));
  if (lookup.ok) return { kind: "edition", edition: lookup.name };
  return { kind: "unknown", label, closest: closestCatalogueName(label) };
}

const NORMALISED_EDITIONS = EDITION_NAMES.map((name) => ({ name, key: normaliseEditionName(name) }));

/**
 * The catalogue name to suggest for a name the catalogue lacks: the longest catalogue name the
 * AD name starts with, word by word ("Windows 10 Enterprise multi-session" → Windows 10
 * Enterprise), else the nearest by edit distance among the names with the same numbers, as
 * `kmsim validate` suggests ("Windows Server 2025 Standard" → Windows Server 2022 Standard).
 */
export function closestCatalogueName(label: string): string {
  const key = normaliseEditionName(label);
  let best: string | undefined;
  let bestLength = 0;
  for (const e of NORMALISED_EDITIONS) {
    if (key.startsWith(`${e.key} `) && e.key.length > bestLength) {
      best = e.name;
      bestLength = e.key.length;
    }
  }
  return best ?? closestName(label, EDITION_NAMES, normaliseEditionName) ?? EDITION_NAMES[0];
}
