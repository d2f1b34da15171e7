// The volume Office versions (CATALOG.md "Office versions", MODEL.md §O1). Data only.

/** The canonical Office version names, oldest first (§H6a). */
export const OFFICE_VERSIONS: readonly string[] = [
  "Office 2010",
  "Office 2013",
  "Office 2016",
  "Office 2019",
  "Office LTSC 2021",
  "Office LTSC 2024",
];

/** The N-policy threshold a volume Office client sends (§C5, §O1). */
export const OFFICE_THRESHOLD = 5;
