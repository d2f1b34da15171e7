// The commented starter scenario `kmsim init` writes (FORMAT.md "Scenario file"): small, valid,
// without warnings, and showing the parts a new user edits first — sites, hosts, client groups,
// an outage and two strategies to compare. test/cli/init.test.ts validates it.

/** The text of the starter scenario, named `name`, to be saved as `fileName` (quoted in its comments). */
export function starterScenario(name: string, fileName: string): string {
  const file = /\s/.test(fileName) ? `"${fileName}"` : fileName;
  return `# ${name} — a starter kmsim scenario (written by \`kmsim init\`; edit freely)
#
#   kmsim validate ${file}    check it (every error and warning, nothing written)
#   kmsim run ${file}         one simulation into results/${name}/
#   kmsim compare ${file}     every strategy below × replications, ranked
#
# Every key is described in docs/spec/FORMAT.md; the rules (§…) in docs/spec/MODEL.md; names of
# editions, OSes and CSVLK groups in docs/spec/CATALOG.md (or \`kmsim editions\`).
# Durations: minutes, or 30m, 12h, 7d, 2w, 1y; distributions: exp(90d), lognormal(6h, 1.0), …
name: ${name}
description: Two KMS hosts at the head office, a branch office on a WAN link
duration: 1y                    # simulated time
seed: 1
replications: 10                # per strategy, for \`kmsim compare\`

sites:
  - id: hq
  - id: branch

links:
  - id: wan                     # the branch reaches hq over this link
    between: [hq, branch]
    outages:
      - random: { upTime: exp(60d), downTime: "lognormal(6h, 1.0)" }   # a failure every ~2 months

hosts:                          # KMS hosts, published in DNS (SRV) unless \`srv: false\`
  - &kms1
    id: kms1
    site: hq
    os: Windows Server 2022
    csvlk: Windows Server 2022  # the CSVLK installed: decides what the host can activate (§H6)
    outages:
      - { start: 100d, duration: 3d }   # a scheduled outage: days 100 … 103
  - id: kms2
    site: hq
    os: Windows Server 2022
    csvlk: Windows Server 2022

clients:                        # groups of licensing clients
  - id: hq-desktops
    site: hq
    count: 200
    edition: Windows 11 Enterprise
    join: { at: 0, over: 14d }  # rolled out over two weeks
    online: office-hours        # always | office-hours | intermittent(exp(9h), exp(15h))
  - id: branch-laptops
    site: branch
    count: 30
    edition: Windows 11 Enterprise
    online: intermittent(exp(9h), exp(15h))

strategies:                     # variants for \`kmsim compare\`; each replaces whole top-level keys
  two-hosts: {}                 # the scenario as written
  one-host:
    hosts: [ *kms1 ]            # kms1 exactly as above, kms2 gone
`;
}
