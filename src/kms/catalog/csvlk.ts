// The CSVLK groups (MODEL.md §H6, CATALOG.md "CSVLK groups"): the seed's "Activation versions"
// table transcribed row by row — where each CSVLK can be hosted, and which editions it activates,
// first as the seed's item strings, then expanded to canonical edition names by CATALOG.md's
// rules, read literally (so the 2019 and 2016 CSVLKs do not activate Windows 11).

import { editionsOfOs } from "./editions.js";

export interface CsvlkRow {
  /** Canonical group name (CATALOG.md). */
  readonly group: string;
  /** The seed's "CSVLK group" cell. */
  readonly seedGroup: string;
  /** The seed's "CSVLK can be hosted on" list (canonical host OS names). */
  readonly hostedOn: readonly string[];
  /** The seed's "Windows editions activated by this KMS host" list, item by item, as written. */
  readonly activatesSeedItems: readonly string[];
}

/** The seed's "Activation versions" table, row by row, in its order. */
export const CSVLK_TABLE: readonly CsvlkRow[] = [
  {
    group: "Windows Server 2022",
    seedGroup: "Volume License for Windows Server 2022",
    hostedOn: ["Windows Server 2022", "Windows Server 2019", "Windows Server 2016"],
    activatesSeedItems: [
      "Windows Server 2022 (all editions)",
      "Windows Server Semi-Annual Channel",
      "Windows Server 2019 (all editions)",
      "Windows Server 2016 (all editions)",
      "Windows 11 Enterprise/Enterprise N",
      "Windows 11 Professional/Professional N",
      "Windows 11 Professional for Workstations/Professional N for Workstations",
      "Windows 11 for Education/Education N",
      "Windows 10 Enterprise LTSC/LTSC N/LTSB",
      "Windows 10 Enterprise/Enterprise N",
      "Windows 10 Professional/Professional N",
      "Windows 10 Professional for Workstations/Professional N for Workstations",
      "Windows 10 for Education/Education N",
      "Windows Server 2012 R2 (all editions)",
      "Windows 8.1 Professional",
      "Windows 8.1 Enterprise",
      "Windows Server 2012 (all editions)",
      "Windows Server 2008 R2 (all editions)",
      "Windows Server 2008 (all editions)",
      "Windows 7 Professional",
      "Windows 7 Enterprise",
    ],
  },
  {
    group: "Windows Server 2019",
    seedGroup: "Volume License for Windows Server 2019",
    hostedOn: ["Windows Server 2019", "Windows Server 2016", "Windows Server 2012 R2"],
    activatesSeedItems: [
      "Windows Server Semi-Annual Channel",
      "Windows Server 2019 (all editions)",
      "Windows Server 2016 (all editions)",
      "Windows 10 Enterprise LTSC/LTSC N/LTSB",
      "Windows 10 Enterprise/Enterprise N",
      "Windows 10 Professional/Professional N",
      "Windows 10 Professional for Workstations/Professional N for Workstations",
      "Windows 10 for Education/Education N",
      "Windows Server 2012 R2 (all editions)",
      "Windows 8.1 Professional",
      "Windows 8.1 Enterprise",
      "Windows Server 2012 (all editions)",
      "Windows Server 2008 R2 (all editions)",
      "Windows Server 2008 (all editions)",
      "Windows 7 Professional",
      "Windows 7 Enterprise",
    ],
  },
  {
    group: "Windows Server 2016",
    seedGroup: "Volume License for Windows Server 2016",
    hostedOn: ["Windows Server 2016", "Windows Server 2012 R2", "Windows Server 2012"],
    activatesSeedItems: [
      "Windows Server Semi-Annual Channel", // the seed writes "Windows Server Semi-Annual Channel " (trailing space)
      "Windows Server 2016 (all editions)",
      "Windows 10 LTSB (2015 and 2016)",
      "Windows 10 Enterprise/Enterprise N",
      "Windows 10 Professional/Professional N",
      "Windows 10 Professional for Workstations/Professional N for Workstations",
      "Windows 10 Education/Education N",
      "Windows Server 2012 R2 (all editions)",
      "Windows 8.1 Professional",
      "Windows 8.1 Enterprise",
      "Windows Server 2012 (all editions)",
      "Windows Server 2008 R2 (all editions)",
      "Windows Server 2008 (all editions)",
      "Windows 7 Professional",
      "Windows 7 Enterprise",
    ],
  },
  {
    group: "Windows 10",
    seedGroup: "Volume license for Windows 10",
    hostedOn: ["Windows 10", "Windows 8.1", "Windows 7"],
    activatesSeedItems: [
      "Windows 10 Professional",
      "Windows 10 Professional N",
      "Windows 10 Enterprise",
      "Windows 10 Enterprise N",
      "Windows 10 Education",
      "Windows 10 Education N",
      "Windows 10 Enterprise LTSB (2015)",
      "Windows 10 Enterprise LTSB N (2015)",
      "Windows 10 Pro for Workstations",
      "Windows 8.1 Professional",
      "Windows 8.1 Enterprise",
      "Windows 7 Professional",
      "Windows 7 Enterprise",
    ],
  },
];

const LTSB_ALL = [
  "Windows 10 Enterprise LTSB 2016",
  "Windows 10 Enterprise LTSB N 2016",
  "Windows 10 Enterprise LTSB 2015",
  "Windows 10 Enterprise LTSB N 2015",
] as const;

/**
 * Each seed item string → the canonical editions it stands for (CATALOG.md's rules, read literally).
 * "X/Y" lists share the item's leading "Windows NN" and, for the LTSC item, "Enterprise".
 */
export const SEED_ITEM_EDITIONS: Readonly<Record<string, readonly string[]>> = {
  // "(all editions)" = every edition of that server OS, the bare name included.
  "Windows Server 2022 (all editions)": editionsOfOs("Windows Server 2022"),
  "Windows Server 2019 (all editions)": editionsOfOs("Windows Server 2019"),
  "Windows Server 2016 (all editions)": editionsOfOs("Windows Server 2016"),
  "Windows Server 2012 R2 (all editions)": editionsOfOs("Windows Server 2012 R2"),
  "Windows Server 2012 (all editions)": editionsOfOs("Windows Server 2012"),
  "Windows Server 2008 R2 (all editions)": editionsOfOs("Windows Server 2008 R2"),
  "Windows Server 2008 (all editions)": editionsOfOs("Windows Server 2008"),
  // No "(all editions)" in the seed, but the bare OS name stands for "any edition" of it.
  "Windows Server Semi-Annual Channel": editionsOfOs("Windows Server Semi-Annual Channel"),
  "Windows 11 Enterprise/Enterprise N": ["Windows 11 Enterprise", "Windows 11 Enterprise N"],
  "Windows 11 Professional/Professional N": ["Windows 11 Professional", "Windows 11 Professional N"],
  "Windows 11 Professional for Workstations/Professional N for Workstations": [
    "Windows 11 Professional for Workstations",
    "Windows 11 Professional N for Workstations",
  ],
  // "for Education" = Education.
  "Windows 11 for Education/Education N": ["Windows 11 Education", "Windows 11 Education N"],
  // LTSC, LTSC N, and "LTSB" = all four LTSB names (2015 and 2016, N and not N).
  "Windows 10 Enterprise LTSC/LTSC N/LTSB": ["Windows 10 Enterprise LTSC", "Windows 10 Enterprise LTSC N", ...LTSB_ALL],
  // The 2016 CSVLK's LTSB item: the four LTSB names, but not LTSC.
  "Windows 10 LTSB (2015 and 2016)": LTSB_ALL,
  "Windows 10 Enterprise/Enterprise N": ["Windows 10 Enterprise", "Windows 10 Enterprise N"],
  "Windows 10 Professional/Professional N": ["Windows 10 Professional", "Windows 10 Professional N"],
  "Windows 10 Professional for Workstations/Professional N for Workstations": [
    "Windows 10 Professional for Workstations",
    "Windows 10 Professional N for Workstations",
  ],
  "Windows 10 for Education/Education N": ["Windows 10 Education", "Windows 10 Education N"],
  "Windows 10 Education/Education N": ["Windows 10 Education", "Windows 10 Education N"],
  // The Windows 10 CSVLK's items, one edition each.
  "Windows 10 Professional": ["Windows 10 Professional"],
  "Windows 10 Professional N": ["Windows 10 Professional N"],
  "Windows 10 Enterprise": ["Windows 10 Enterprise"],
  "Windows 10 Enterprise N": ["Windows 10 Enterprise N"],
  "Windows 10 Education": ["Windows 10 Education"],
  "Windows 10 Education N": ["Windows 10 Education N"],
  "Windows 10 Enterprise LTSB (2015)": ["Windows 10 Enterprise LTSB 2015"],
  "Windows 10 Enterprise LTSB N (2015)": ["Windows 10 Enterprise LTSB N 2015"],
  // "Pro" = Professional; the seed names only this one, not "Professional N for Workstations".
  "Windows 10 Pro for Workstations": ["Windows 10 Professional for Workstations"],
  "Windows 8.1 Professional": ["Windows 8.1 Professional"],
  "Windows 8.1 Enterprise": ["Windows 8.1 Enterprise"],
  "Windows 7 Professional": ["Windows 7 Professional"],
  "Windows 7 Enterprise": ["Windows 7 Enterprise"],
};

/** The 4 canonical CSVLK group names, in the seed's order (§H6a). */
export const CSVLK_GROUPS: readonly string[] = CSVLK_TABLE.map((r) => r.group);

function expandSeedItem(item: string): readonly string[] {
  const editions = SEED_ITEM_EDITIONS[item];
  if (editions === undefined) throw new Error(`csvlk: seed item without an expansion: ${JSON.stringify(item)}`);
  return editions;
}

/** Canonical group → the canonical editions it activates, literally (§H6). */
const ACTIVATES: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  CSVLK_TABLE.map((r) => [r.group, new Set(r.activatesSeedItems.flatMap(expandSeedItem))]),
);

function rowOf(group: string): CsvlkRow {
  const row = CSVLK_TABLE.find((r) => r.group === group);
  if (row === undefined) throw new Error(`csvlk: not a canonical CSVLK group: ${JSON.stringify(group)}`);
  return row;
}

/** The canonical editions a CSVLK group activates, in the seed's order (§H6, read literally). */
export function csvlkEditions(group: string): readonly string[] {
  return rowOf(group).activatesSeedItems.flatMap(expandSeedItem);
}

/** Whether the CSVLK group lists this canonical edition (§H6, read literally). */
export function csvlkActivates(group: string, edition: string): boolean {
  const set = ACTIVATES.get(group);
  if (set === undefined) throw new Error(`csvlk: not a canonical CSVLK group: ${JSON.stringify(group)}`);
  return set.has(edition);
}

/** Whether a CSVLK group may be installed on a host OS (§H6; otherwise the scenario is invalid, 0xC004F050). */
export function csvlkInstallableOn(group: string, hostOs: string): boolean {
  return rowOf(group).hostedOn.includes(hostOs);
}
