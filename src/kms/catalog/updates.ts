// The updates a KMS host needs to activate newer Windows versions (MODEL.md §H6): the seed's
// "KMS host required updates" table transcribed row by row, and the release date used for each
// KB (CATALOG.md "Updates").

export interface UpdateInfo {
  readonly kb: string;
  /** YYYY-MM-DD, as CATALOG.md gives it. */
  readonly releaseDate: string;
  /** Where the date comes from. */
  readonly dateNote: string;
}

/** The KBs the table names, with the release dates used (CATALOG.md "Updates", §H6). */
export const UPDATE_KBS: readonly UpdateInfo[] = [
  { kb: "KB5003646", releaseDate: "2021-06-08", dateNote: "seed: June 8, 2021" },
  { kb: "KB5003638", releaseDate: "2021-06-08", dateNote: "seed: June 8, 2021" },
  { kb: "KB4478877", releaseDate: "2018-12-03", dateNote: "seed: December 3, 2018" },
  { kb: "KB4467695", releaseDate: "2018-11-27", dateNote: "seed: November 27, 2018" },
  { kb: "KB3172614", releaseDate: "2016-07-01", dateNote: 'seed: "July 2016 update rollup"' },
  { kb: "KB3172615", releaseDate: "2016-07-01", dateNote: 'seed: "July 2016 update rollup"' },
  { kb: "KB3079821", releaseDate: "2015-07-29", dateNote: "no date in the seed; CATALOG.md" },
];

export interface UpdateRow {
  /** "KMS host OS version" (canonical host OS). */
  readonly hostOs: string;
  /** "KMS client OS version(s) to activate" (canonical OS versions, CATALOG.md's OS column). */
  readonly clientOses: readonly string[];
  /** The KB(s) of the "Required update" cell. */
  readonly kbs: readonly string[];
  /** The seed's "Required update" cell, verbatim. */
  readonly seedText: string;
}

/** The seed's "KMS host required updates" table, row by row, in its order. */
export const UPDATE_TABLE: readonly UpdateRow[] = [
  {
    hostOs: "Windows Server 2019",
    clientOses: ["Windows Server 2022"],
    kbs: ["KB5003646"],
    seedText: "[June 8, 2021—KB5003646](https://support.microsoft.com/help/5003646) or later cumulative update",
  },
  {
    hostOs: "Windows Server 2016",
    clientOses: ["Windows Server 2022", "Windows Server 2019"],
    kbs: ["KB5003638"],
    seedText: "[June 8, 2021—KB5003638](https://support.microsoft.com/help/5003638) or later cumulative update",
  },
  {
    hostOs: "Windows Server 2016",
    clientOses: ["Windows Server 2019"],
    kbs: ["KB4478877"],
    seedText: "[December 3, 2018—KB4478877](https://support.microsoft.com/help/4478877/) or later cumulative update",
  },
  {
    hostOs: "Windows Server 2012 R2",
    clientOses: ["Windows Server 2019", "Windows Server 2016", "Windows 10"],
    kbs: ["KB4467695"],
    seedText: "[November 27, 2018—KB4467695 (Preview of Monthly Rollup)](https://support.microsoft.com/help/4467695/) or later monthly rollup",
  },
  {
    hostOs: "Windows Server 2012 R2",
    clientOses: ["Windows Server 2016", "Windows 10"],
    kbs: ["KB3172614"],
    seedText: "[July 2016 update rollup for Windows 8.1 and Windows Server 2012 R2](https://support.microsoft.com/help/3172614) or later monthly rollup",
  },
  {
    hostOs: "Windows Server 2012",
    clientOses: ["Windows Server 2016", "Windows Server 2012 R2", "Windows 10"],
    kbs: ["KB3172615"],
    seedText: "[July 2016 update rollup for Windows Server 2012](https://support.microsoft.com/help/3172615) or later monthly rollup",
  },
  {
    hostOs: "Windows Server 2008 R2",
    clientOses: ["Windows Server 2012 R2", "Windows Server 2012", "Windows 10"],
    kbs: ["KB3079821"],
    seedText: "[Update that enables Windows 7 and Windows Server 2008 R2 KMS hosts to activate Windows 10](https://support.microsoft.com/help/3079821)",
  },
  {
    hostOs: "Windows 8.1",
    clientOses: ["Windows 10"],
    kbs: ["KB3172614"],
    seedText: "[July 2016 update rollup for Windows 8.1 and Windows Server 2012 R2](https://support.microsoft.com/help/3172614) or later monthly rollup",
  },
  {
    hostOs: "Windows 7",
    clientOses: ["Windows 10"],
    kbs: ["KB3079821"],
    seedText: "[Update that enables Windows 7 and Windows Server 2008 R2 KMS hosts to activate Windows 10](https://support.microsoft.com/help/3079821)",
  },
];

/** Release date used for a canonical KB (§H6); throws on an unknown KB (a bug). */
export function releaseDateOf(kb: string): string {
  const info = UPDATE_KBS.find((u) => u.kb === kb);
  if (info === undefined) throw new Error(`updates: not a canonical KB: ${JSON.stringify(kb)}`);
  return info.releaseDate;
}

export interface UpdateRequirement {
  /** Every KB of the rows listing the pair, in table order, without repeats; any one meets it. */
  kbs: string[];
  /** The earliest release date among those rows' KBs (YYYY-MM-DD); a patch level on or after it meets it. */
  earliestDate: string;
}

/** The update a host OS needs to activate a client OS version, or null if the table has no row for the pair (§H6). */
export function requiredUpdateFor(hostOs: string, clientOs: string): UpdateRequirement | null {
  const kbs: string[] = [];
  for (const row of UPDATE_TABLE) {
    if (row.hostOs !== hostOs || !row.clientOses.includes(clientOs)) continue;
    for (const kb of row.kbs) if (!kbs.includes(kb)) kbs.push(kb);
  }
  if (kbs.length === 0) return null;
  const earliestDate = kbs.map(releaseDateOf).reduce((a, b) => (b < a ? b : a));
  return { kbs, earliestDate };
}
