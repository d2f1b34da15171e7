// The OSes a KMS host may run (CATALOG.md "Host OSes", MODEL.md §H6). A host on a Windows client
// OS activates only client editions (§H6). Windows 11 is not a host OS. Data only.

import type { EditionKind } from "./editions.js";

export interface HostOsInfo {
  readonly os: string;
  readonly kind: EditionKind;
}

/** CATALOG.md's host OS list, in its order, with the kind of OS each one is. */
export const HOST_OS_TABLE: readonly HostOsInfo[] = [
  { os: "Windows Server 2022", kind: "server" },
  { os: "Windows Server 2019", kind: "server" },
  { os: "Windows Server 2016", kind: "server" },
  { os: "Windows Server 2012 R2", kind: "server" },
  { os: "Windows Server 2012", kind: "server" },
  { os: "Windows Server 2008 R2", kind: "server" },
  { os: "Windows 10", kind: "client" },
  { os: "Windows 8.1", kind: "client" },
  { os: "Windows 7", kind: "client" },
];

/** The 9 canonical host OS names (§H6a). */
export const HOST_OSES: readonly string[] = HOST_OS_TABLE.map((h) => h.os);

/** Whether `os` is a canonical host OS name (exact spelling). */
export function isHostOs(os: string): boolean {
  return HOST_OS_TABLE.some((h) => h.os === os);
}

/** Whether a canonical host OS is a Windows client OS (Windows 10, 8.1, 7), §H6. */
export function isClientHostOs(os: string): boolean {
  const info = HOST_OS_TABLE.find((h) => h.os === os);
  if (info === undefined) throw new Error(`isClientHostOs: not a canonical host OS: ${JSON.stringify(os)}`);
  return info.kind === "client";
}
