// The planning warnings the bundled scenarios give on purpose (FORMAT.md "Warnings"): each one
// teaches the trap it warns about and says so in its description. Every other bundled scenario
// must validate without a warning. Lines as `PATH: warning: message`, without the file.
//
// Derived from the scenario files, not copied from kmsim's output:
// - office-and-windows: group design (clients[2]) runs Office LTSC 2024; the only host, kms1,
//   holds only the Office LTSC 2021 key (§H6, §O1).
// - patch-level-upgrade: group servers-2022 (clients[2]) runs Windows Server 2022 Datacenter;
//   kms1 runs Windows Server 2016 at patch level 2021-05-11, and the seed's update table asks a
//   2016 host for KB5003638 (2021-06-08) for Windows Server 2022 clients (§H6, CATALOG.md).
export const BUNDLED_WARNINGS: Readonly<Record<string, readonly string[]>> = {
  "office-and-windows": [
    "clients[2].office: warning: no host that group design can use activates Office LTSC 2024 (kms1: no Office LTSC 2024 key)",
  ],
  "patch-level-upgrade": [
    "clients[2].edition: warning: no host that group servers-2022 can use activates Windows Server 2022 Datacenter (kms1: needs KB5003638 or a patch level from 2021-06-08, has 2021-05-11)",
  ],
};

/** What a command that reads bundled scenario `name` (as `file`) prints on stderr: its warnings, if any. */
export function bundledWarningText(file: string, name: string): string {
  return (BUNDLED_WARNINGS[name] ?? []).map((w) => `${file}: ${w}\n`).join("");
}
