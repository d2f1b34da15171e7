// Child process of the "campaign" bench section, on the compiled dist/ that `kmsim sweep` runs
// (plain JavaScript, so no transpiler sits in the measured memory). `generate DIR`: writes plan.json (10,000 points × 5 strategies × 100 replications of a
// tiny scenario) and a journal holding every one of its 5,000,000 runs (minimal records: the
// planner reads identities only). `plan DIR`: what `kmsim sweep` does before it runs anything —
// validate the file as written, read the journal's identities, walk every task computing its
// identity — and prints the wall time, the tasks missing (0) and this process's peak RSS.
import { writeFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { JournalWriter, planCampaign, readJournalIds, taskCount } from "../dist/campaign/index.js";
import { walkGroups } from "../dist/campaign/walk.js";
import { loadScenario } from "../dist/scenario/index.js";

const [mode, dir] = process.argv.slice(2);
const POINTS_A = 100;
const POINTS_B = 100;
const STRATEGIES = ["s1", "s2", "s3", "s4", "s5"];
const REPLICATIONS = 100;

function documentOf() {
  return {
    name: "plan-bench",
    duration: "1d",
    replications: REPLICATIONS,
    sites: [{ id: "hq" }],
    hosts: [{ id: "kms1", site: "hq", os: "Windows Server 2022", csvlk: "Windows Server 2022", outages: [{ random: { upTime: "exp(30d)", downTime: "exp(1h)" } }] }],
    clients: [{ id: "desk", site: "hq", count: 30, edition: "Windows 11 Enterprise" }],
    sweep: {
      parameters: {
        size: { path: "clients.desk.count", values: Array.from({ length: POINTS_A }, (_, i) => i + 1) },
        uptime: { path: "hosts.kms1.outages.0.random.upTime", values: Array.from({ length: POINTS_B }, (_, i) => `exp(${i + 1}d)`) },
      },
    },
    strategies: Object.fromEntries(STRATEGIES.map((s, i) => [s, { timers: { renewalInterval: `${i + 3}d` } }])),
  };
}

function plan(data) {
  const loaded = loadScenario(data, "plan-bench.json", "plan-bench");
  if (!loaded.ok) throw new Error("the bench scenario is invalid");
  return planCampaign(loaded.scenario, { file: "plan-bench.json", fileBaseName: "plan-bench", data }, STRATEGIES, REPLICATIONS);
}

if (mode === "generate") {
  const data = documentOf();
  writeFileSync(join(dir, "plan.json"), JSON.stringify(data));
  const p = plan(data);
  const writer = JournalWriter.open(join(dir, "campaign"));
  if (typeof writer === "string") throw new Error(writer);
  walkGroups(p, { from: 0, to: taskCount(p.shape) }, (g) => {
    writer.add(g.ids.map((id) => ({ id, record: {} })));
    writer.flush();
  });
  writer.close();
} else if (mode === "plan") {
  const t0 = performance.now();
  const data = JSON.parse(readFileSync(join(dir, "plan.json"), "utf8"));
  const p = plan(data);
  const ids = readJournalIds(join(dir, "campaign")).ids;
  const tRead = performance.now();
  let missing = 0;
  walkGroups(p, { from: 0, to: taskCount(p.shape) }, (g) => {
    for (const id of g.ids) if (!ids.has(id)) missing++;
  });
  const t1 = performance.now();
  process.stdout.write(
    `${JSON.stringify({ tasks: taskCount(p.shape), stored: ids.size, missing, readS: (tRead - t0) / 1000, wallS: (t1 - t0) / 1000, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
  );
} else {
  throw new Error("usage: campaign-child.ts generate|plan DIR");
}
