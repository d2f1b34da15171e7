// The planning warnings the bundled scenarios give on purpose (FORMAT.md "Warnings"): each one
// teaches the trap it warns about and says so in its description. Every other bundled scenario
// must validate without a warning. Also the two of FORMAT.md's own example (format-example.yaml,
// copied verbatim, so not fixed). Lines as `PATH: warning: message`, without the file.
//
// Derived from the scenario files, not copied from kmsim's output:
// - office-and-windows: group design (clients[2]) runs Office LTSC 2024; the only host, kms1,
//   holds only the Office LTSC 2021 key (§H6, §O1).
// - patch-level-upgrade: group servers-2022 (clients[2]) runs Windows Server 2022 Datacenter;
//   kms1 runs Windows Server 2016 at patch level 2021-05-11, and the seed's update table asks a
//   2016 host for KB5003638 (2021-06-08) for Windows Server 2022 clients (§H6, CATALOG.md).
// - branch-office-estate: every host is published at priority 0 with no site overrides in the
//   base, so DNS clients at hq (sites[0]) see the remote kms-branch-a next to kms-hq1 and
//   kms-hq2, and those at branch-a (sites[1]) see both HQ hosts next to their local one (§N2).
//   Branches b and c have no host of their own: nothing local to prefer, no warning.
export const BUNDLED_WARNINGS: Readonly<Record<string, readonly string[]>> = {
  "branch-office-estate": [
    "sites[0]: warning: DNS clients at hq may pick a remote host before the local one: kms-branch-a (site branch-a) has SRV priority 0, like local kms-hq1, kms-hq2; give remote hosts a higher priority number in this site's srv (§N2)",
    "sites[1]: warning: DNS clients at branch-a may pick a remote host before the local one: kms-hq1 (site hq), kms-hq2 (site hq) have SRV priority 0, like local kms-branch-a; give remote hosts a higher priority number in this site's srv (§N2)",
  ],
  "office-and-windows": [
    "clients[2].office: warning: no host that group design can use activates Office LTSC 2024 (kms1: no Office LTSC 2024 key)",
  ],
  "patch-level-upgrade": [
    "clients[2].edition: warning: no host that group servers-2022 can use activates Windows Server 2022 Datacenter (kms1: needs KB5003638 or a patch level from 2021-06-08, has 2021-05-11)",
  ],
};

/** What a command that reads bundled scenario `name` (as `file`) prints on stderr: its warnings, if any. */
export function bundledWarningText(file: string, name: string): string {
  return warningText(file, BUNDLED_WARNINGS[name] ?? []);
}

/**
 * FORMAT.md's example: site hq has no SRV overrides, so its DNS clients see kms1 and the remote
 * kms-branch both at priority 0, weight 0 (§N2, §C6.3); the strategy no-branch-host leaves only
 * kms1, whose Windows Server 2019 CSVLK does not list the branch laptops' Windows 11 (§H6).
 */
export const FORMAT_EXAMPLE_WARNINGS: readonly string[] = [
  "sites[0]: warning: DNS clients at hq may pick a remote host before the local one: kms-branch (site branch) has SRV priority 0, like local kms1; give remote hosts a higher priority number in this site's srv (§N2)",
  "strategies.no-branch-host.clients[1].edition: warning: no host that group branch-laptops can use activates Windows 11 Enterprise (kms1: Windows Server 2019 CSVLK does not cover it)",
];

/** The stderr text of these warning lines for `file` as typed. */
export function warningText(file: string, warnings: readonly string[]): string {
  return warnings.map((w) => `${file}: ${w}\n`).join("");
}
