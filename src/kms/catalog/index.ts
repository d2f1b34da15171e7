// The catalogue of editions, host OSes, CSVLK groups, updates and Office versions (CATALOG.md,
// MODEL.md §H6, §H6a, §C5, §O1). This file only re-exports.

export {
  type EditionKind,
  type EditionInfo,
  EDITIONS,
  EDITION_NAMES,
  EDITION_OSES,
  AZURE_EDITION,
  isEditionName,
  editionInfo,
  editionsOfOs,
} from "./editions.js";
export { type HostOsInfo, HOST_OS_TABLE, HOST_OSES, isHostOs, isClientHostOs } from "./host-oses.js";
export {
  type CsvlkRow,
  CSVLK_TABLE,
  CSVLK_GROUPS,
  SEED_ITEM_EDITIONS,
  csvlkEditions,
  csvlkActivates,
  csvlkInstallableOn,
} from "./csvlk.js";
export {
  type UpdateInfo,
  type UpdateRow,
  type UpdateRequirement,
  UPDATE_KBS,
  UPDATE_TABLE,
  releaseDateOf,
  requiredUpdateFor,
} from "./updates.js";
export { OFFICE_VERSIONS, OFFICE_THRESHOLD } from "./office.js";
export { type Lookup, normaliseName, normaliseEditionName, levenshtein, closestName } from "./names.js";
export { type HostOsLookup, resolveEdition, resolveHostOs, resolveCsvlk, resolveOffice, resolveUpdate } from "./resolve.js";
export { type EditionRefusal, thresholdOf, patchMeets, editionRefusal, hostServesEdition, hostServesOffice } from "./rules.js";
