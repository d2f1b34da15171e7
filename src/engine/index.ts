// The engine's public surface: a clock-and-queue kernel that knows nothing of KMS.
export { EventQueue, type EventHandle } from "./queue.js";
export { runUntil, type EventHandler } from "./run.js";
export { createStream, STREAM_SCHEME, type Stream } from "./streams.js";
export * from "./draws.js";
export type { Distribution } from "./distribution.js";
