// Preloaded (`node -r bench/peak-rss.cjs …`) into a `kmsim run` child by the estate section:
// writes the process's peak RSS in KB to $KMSIM_BENCH_RSS_FILE when it exits.
"use strict";
const { writeFileSync } = require("node:fs");

process.on("exit", () => {
  const file = process.env.KMSIM_BENCH_RSS_FILE;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS));
});
