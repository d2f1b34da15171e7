// The canonical Windows editions (CATALOG.md "Editions", MODEL.md §H6a): each with its kind
// (client or server, which sets the N-policy threshold, §C5) and the OS version the update
// table speaks of (§H6). Data only: one row per CATALOG.md table row.

export type EditionKind = "client" | "server";

export interface EditionInfo {
  readonly name: string;
  readonly kind: EditionKind;
  /** The OS version column of CATALOG.md, as used by the seed's "KMS host required updates" table. */
  readonly os: string;
}

interface EditionRow {
  readonly os: string;
  readonly kind: EditionKind;
  readonly names: readonly string[];
}

/** CATALOG.md's "Editions" table, row by row. A bare server OS name is an edition ("any edition"). */
const EDITION_ROWS: readonly EditionRow[] = [
  {
    os: "Windows 11",
    kind: "client",
    names: [
      "Windows 11 Enterprise",
      "Windows 11 Enterprise N",
      "Windows 11 Professional",
      "Windows 11 Professional N",
      "Windows 11 Professional for Workstations",
      "Windows 11 Professional N for Workstations",
      "Windows 11 Education",
      "Windows 11 Education N",
    ],
  },
  {
    os: "Windows 10",
    kind: "client",
    names: [
      "Windows 10 Enterprise",
      "Windows 10 Enterprise N",
      "Windows 10 Professional",
      "Windows 10 Professional N",
      "Windows 10 Professional for Workstations",
      "Windows 10 Professional N for Workstations",
      "Windows 10 Education",
      "Windows 10 Education N",
      "Windows 10 Enterprise LTSC",
      "Windows 10 Enterprise LTSC N",
      "Windows 10 Enterprise LTSB 2016",
      "Windows 10 Enterprise LTSB N 2016",
      "Windows 10 Enterprise LTSB 2015",
      "Windows 10 Enterprise LTSB N 2015",
    ],
  },
  { os: "Windows 8.1", kind: "client", names: ["Windows 8.1 Professional", "Windows 8.1 Enterprise"] },
  { os: "Windows 7", kind: "client", names: ["Windows 7 Professional", "Windows 7 Enterprise"] },
  {
    os: "Windows Server 2022",
    kind: "server",
    names: [
      "Windows Server 2022",
      "Windows Server 2022 Standard",
      "Windows Server 2022 Datacenter",
      "Windows Server 2022 Datacenter: Azure Edition",
    ],
  },
  {
    os: "Windows Server 2019",
    kind: "server",
    names: ["Windows Server 2019", "Windows Server 2019 Standard", "Windows Server 2019 Datacenter"],
  },
  {
    os: "Windows Server 2016",
    kind: "server",
    names: ["Windows Server 2016", "Windows Server 2016 Standard", "Windows Server 2016 Datacenter"],
  },
  {
    os: "Windows Server Semi-Annual Channel",
    kind: "server",
    names: [
      "Windows Server Semi-Annual Channel",
      "Windows Server Semi-Annual Channel Standard",
      "Windows Server Semi-Annual Channel Datacenter",
    ],
  },
  {
    os: "Windows Server 2012 R2",
    kind: "server",
    names: ["Windows Server 2012 R2", "Windows Server 2012 R2 Standard", "Windows Server 2012 R2 Datacenter"],
  },
  {
    os: "Windows Server 2012",
    kind: "server",
    names: ["Windows Server 2012", "Windows Server 2012 Standard", "Windows Server 2012 Datacenter"],
  },
  {
    os: "Windows Server 2008 R2",
    kind: "server",
    names: [
      "Windows Server 2008 R2",
      "Windows Server 2008 R2 Standard",
      "Windows Server 2008 R2 Enterprise",
      "Windows Server 2008 R2 Datacenter",
    ],
  },
  {
    os: "Windows Server 2008",
    kind: "server",
    names: [
      "Windows Server 2008",
      "Windows Server 2008 Standard",
      "Windows Server 2008 Enterprise",
      "Windows Server 2008 Datacenter",
    ],
  },
];

/** Every canonical edition with its kind and OS version, in CATALOG.md order (§H6a). */
export const EDITIONS: readonly EditionInfo[] = EDITION_ROWS.flatMap((row) =>
  row.names.map((name) => ({ name, kind: row.kind, os: row.os })),
);

/** Every canonical edition name, in CATALOG.md order (§H6a). */
export const EDITION_NAMES: readonly string[] = EDITIONS.map((e) => e.name);

/** The OS versions of CATALOG.md's "Editions" table, in its order (§H6a). */
export const EDITION_OSES: readonly string[] = EDITION_ROWS.map((row) => row.os);

/** The one edition a host OS can never be, though it is an edition of a host OS (§H6). */
export const AZURE_EDITION = "Windows Server 2022 Datacenter: Azure Edition";

const BY_NAME: ReadonlyMap<string, EditionInfo> = new Map(EDITIONS.map((e) => [e.name, e]));

/** Whether `name` is a canonical edition name (exact spelling). */
export function isEditionName(name: string): boolean {
  return BY_NAME.has(name);
}

/** Kind and OS version of a canonical edition (§H6a); throws on a non-canonical name (a bug). */
export function editionInfo(name: string): EditionInfo {
  const info = BY_NAME.get(name);
  if (info === undefined) throw new Error(`editionInfo: not a canonical edition name: ${JSON.stringify(name)}`);
  return info;
}

/** Every canonical edition of one OS version, bare name included (CATALOG.md "(all editions)"). */
export function editionsOfOs(os: string): readonly string[] {
  const row = EDITION_ROWS.find((r) => r.os === os);
  if (row === undefined) throw new Error(`editionsOfOs: not an OS version of the catalogue: ${JSON.stringify(os)}`);
  return row.names;
}
