// Worker-thread entry of `kmsim run` (loaded as the compiled dist/cli/run-worker.js): runs the
// simulation off the main thread, posting progress, then the result or the error.
// At KMSIM_TEST_PAUSE=simulate it stops at the first progress step, mid-run, and tells the main
// thread, which prints the marker and waits for the signal (docs/testing.md).
import { parentPort, workerData } from "node:worker_threads";
import { pauseRequested } from "./test-pause.js";
import { runSimulation, type RunTask } from "./run-simulation.js";

/** Messages from the worker to the main thread. */
export type RunWorkerMessage =
  | { readonly kind: "progress"; readonly minute: number }
  | { readonly kind: "pause" }
  | { readonly kind: "done"; readonly result: ReturnType<typeof runSimulation> }
  | { readonly kind: "failed"; readonly message: string; readonly stack?: string };

const port = parentPort;
if (port === null) throw new Error("run-worker.ts runs as a worker thread");
const post = (m: RunWorkerMessage): void => port.postMessage(m);

let paused = false;
try {
  const result = runSimulation(workerData as RunTask, (minute) => {
    post({ kind: "progress", minute });
    if (!paused && pauseRequested("simulate")) {
      paused = true;
      post({ kind: "pause" });
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0); // until the process exits
    }
  });
  post({ kind: "done", result });
} catch (err) {
  post({ kind: "failed", message: err instanceof Error ? err.message : String(err), ...(err instanceof Error && err.stack ? { stack: err.stack } : {}) });
}
