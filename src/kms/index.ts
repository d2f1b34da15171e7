// The KMS model's public surface (MODEL.md). This file only re-exports.
export { worldSizeProblem } from "./event-ranks.js";
export { estimateEvents, estimateWork, meanMinutes } from "./event-estimate.js";
export { simulate, simulateCompiled, type RunIdentity, type RunStats, type SimulateOptions } from "./simulation.js";
export { compileWorld, type CompiledWorld } from "./compiled-world.js";
export * from "./facts.js";
export * from "./layout.js";
export * from "./world.js";
export { COUNT_ENTRY_LIFETIME_MIN } from "./count-table.js";
