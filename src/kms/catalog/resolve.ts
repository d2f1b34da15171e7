// Turning user-written names into canonical catalogue names (CATALOG.md, MODEL.md §H6a). Every
// resolver returns a value, never throws: a failure carries a user-facing message with the
// closest canonical name as a suggestion.

import { AZURE_EDITION, EDITION_NAMES, EDITION_OSES, EDITIONS, editionInfo } from "./editions.js";
import { CSVLK_TABLE, CSVLK_GROUPS } from "./csvlk.js";
import { HOST_OSES, isHostOs } from "./host-oses.js";
import { OFFICE_VERSIONS } from "./office.js";
import { UPDATE_KBS } from "./updates.js";
import {
  type Lookup,
  closestName,
  makeLookup,
  normaliseEditionName,
  normaliseName,
  unknownNameMessage,
} from "./names.js";

/** A canonical edition name from user text, aliases "Pro" and "for Education" accepted (§H6a). */
export const resolveEdition: (input: string) => Lookup = makeLookup("edition", EDITION_NAMES, normaliseEditionName);

/** A canonical CSVLK group; the seed's long form ("Volume License for Windows Server 2022") too (§H6a). */
export const resolveCsvlk: (input: string) => Lookup = makeLookup(
  "CSVLK group",
  CSVLK_GROUPS,
  normaliseName,
  Object.fromEntries(CSVLK_TABLE.map((r) => [r.seedGroup, r.group])),
);

/** A canonical Office version (§H6a, §O1). */
export const resolveOffice: (input: string) => Lookup = makeLookup("Office version", OFFICE_VERSIONS);

/** A canonical KB id, case-insensitive ("kb5003646" → "KB5003646"), §H6a. */
export const resolveUpdate: (input: string) => Lookup = makeLookup(
  "update",
  UPDATE_KBS.map((u) => u.kb),
);

export type HostOsLookup = { ok: true; os: string } | { ok: false; message: string };

const HOST_INDEX: ReadonlyMap<string, string> = new Map(HOST_OSES.map((os) => [normaliseEditionName(os), os]));
const OS_INDEX: ReadonlyMap<string, string> = new Map(EDITION_OSES.map((os) => [normaliseEditionName(os), os]));

/** Suggestions for a host OS: the host OSes, then every edition of one (Azure Edition excepted). */
const HOST_CANDIDATES: readonly string[] = [
  ...HOST_OSES,
  ...EDITIONS.filter((e) => isHostOs(e.os) && e.name !== AZURE_EDITION && e.name !== e.os).map((e) => e.name),
];

function notAHostMessage(input: string, os: string): string {
  return `"${input}" is not a KMS host OS: ${os} cannot run a KMS host (host OSes: ${HOST_OSES.join(", ")})`;
}

/**
 * A canonical host OS from user text: a host OS, optionally followed by an edition of it
 * ("Windows Server 2022 Datacenter" → "Windows Server 2022"). Datacenter: Azure Edition and OSes
 * that are not host OSes (Windows 11, Windows Server 2008, Semi-Annual Channel) are refused (§H6).
 */
export function resolveHostOs(input: string): HostOsLookup {
  const key = normaliseEditionName(input);
  const host = HOST_INDEX.get(key);
  if (host !== undefined) return { ok: true, os: host };
  const edition = resolveEdition(input);
  if (edition.ok) {
    if (edition.name === AZURE_EDITION) {
      return { ok: false, message: `"${AZURE_EDITION}" cannot be a KMS host (Datacenter: Azure Edition cannot run KMS)` };
    }
    const { os } = editionInfo(edition.name);
    if (isHostOs(os)) return { ok: true, os };
    return { ok: false, message: notAHostMessage(input, os) };
  }
  const os = OS_INDEX.get(key);
  if (os !== undefined) return { ok: false, message: notAHostMessage(input, os) };
  return {
    ok: false,
    message: unknownNameMessage("host OS", input, closestName(input, HOST_CANDIDATES, normaliseEditionName)),
  };
}
