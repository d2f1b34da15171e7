// The run loop: pops events in (minute, phase, rank) order and hands each to one handler.
import type { EventQueue } from "./queue.js";

/** Reacts to the event the queue currently holds (queue.at, .phase, .rank). */
export type EventHandler = (queue: EventQueue) => void;

/**
 * Runs every event whose minute is below `horizon` (MODEL.md §T1: nothing happens at the
 * horizon itself) and returns how many ran. Events the handler schedules are run too.
 */
export function runUntil(queue: EventQueue, horizon: number, handle: EventHandler): number {
  let processed = 0;
  while (queue.next(horizon)) {
    handle(queue);
    processed++;
  }
  return processed;
}
