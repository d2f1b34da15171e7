// What a KMS host can activate (MODEL.md §H6) and the thresholds clients send (§C5): the rules
// read off the catalogue's tables. Pure functions over canonical names; a non-canonical name is a
// bug and throws.

import type { PatchSpec } from "../world.js";
import { HOST_OSES, isClientHostOs } from "./host-oses.js";
import { EDITION_OSES, editionInfo } from "./editions.js";
import { csvlkActivates } from "./csvlk.js";
import { type UpdateRequirement, requiredUpdateFor } from "./updates.js";

/** The N-policy threshold an edition's client sends: 25 for the client kind, 5 for the server kind (§C5). */
export function thresholdOf(edition: string): 25 | 5 {
  return editionInfo(edition).kind === "client" ? 25 : 5;
}

/** requiredUpdateFor for every (host OS, OS version) pair, computed once. */
const REQUIREMENTS: ReadonlyMap<string, UpdateRequirement | null> = new Map(
  HOST_OSES.flatMap((hostOs) =>
    EDITION_OSES.map((os): [string, UpdateRequirement | null] => [`${hostOs}|${os}`, requiredUpdateFor(hostOs, os)]),
  ),
);

/** Whether a host's patch level meets an update requirement (§H6): full, a date on/after the earliest, or any listed KB. */
export function patchMeets(patch: PatchSpec, requirement: UpdateRequirement): boolean {
  switch (patch.kind) {
    case "full":
      return true;
    case "date":
      return patch.date >= requirement.earliestDate;
    case "updates":
      return patch.kbs.some((kb) => requirement.kbs.includes(kb));
    default: {
      const unreachable: never = patch;
      throw new Error(`patchMeets: unknown patch kind ${JSON.stringify(unreachable)}`);
    }
  }
}

/**
 * Why a host does not activate a Windows edition (§H6): its CSVLK does not list it; it runs on a
 * Windows client OS and the edition is a server one; or it lacks the update the (host OS, edition
 * OS) pair needs. Null when it does activate it. The first reason that applies, in that order.
 */
export type EditionRefusal =
  | { readonly kind: "csvlk" }
  | { readonly kind: "client-os-host" }
  | { readonly kind: "update"; readonly requirement: UpdateRequirement };

/**
 * The reason a host does not activate a Windows edition, or null when it does (§H6): its CSVLK
 * lists the edition (read literally), a host on a Windows client OS activates only client
 * editions, and if the update table has rows for (host OS, the edition's OS version) the host's
 * patch level meets them. All names canonical; whether the CSVLK may be installed on the host OS
 * at all is checked separately (csvlkInstallableOn).
 */
export function editionRefusal(
  host: { readonly os: string; readonly csvlk: string; readonly patch: PatchSpec },
  edition: string,
): EditionRefusal | null {
  if (!csvlkActivates(host.csvlk, edition)) return { kind: "csvlk" };
  const info = editionInfo(edition);
  if (isClientHostOs(host.os) && info.kind !== "client") return { kind: "client-os-host" };
  const requirement = REQUIREMENTS.get(`${host.os}|${info.os}`);
  if (requirement === undefined) throw new Error(`editionRefusal: not a canonical host OS: ${JSON.stringify(host.os)}`);
  return requirement === null || patchMeets(host.patch, requirement) ? null : { kind: "update", requirement };
}

/** Whether a host activates a Windows edition (§H6): editionRefusal finds no reason against it. */
export function hostServesEdition(
  host: { readonly os: string; readonly csvlk: string; readonly patch: PatchSpec },
  edition: string,
): boolean {
  return editionRefusal(host, edition) === null;
}

/** Whether a host holding these Office keys activates an Office version: only that exact version (§H6, §O1). */
export function hostServesOffice(officeKeys: readonly string[], version: string): boolean {
  return officeKeys.includes(version);
}
