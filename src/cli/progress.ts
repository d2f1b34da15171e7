// A progress bar on stderr, only when stderr is a terminal (FORMAT.md: silent otherwise). Each frame
// says what is running, how far it is (simulated days for `run`, finished runs for `compare`) and
// an ETA from the fraction done so far: the wall time spent × (what is left / what is done). A
// run's work is close to even in simulated time, so the simulated-time fraction is a fair guide.
import cliProgress from "cli-progress";

export interface Progress {
  update(value: number): void;
  stop(): void;
}

/** What the bar counts: simulated minutes of one run, or finished runs of a comparison. */
export interface ProgressUnit {
  readonly kind: "minutes" | "runs";
  /** `--replications auto`: the total is a maximum that may not be reached. */
  readonly atMost?: boolean;
}

const SILENT: Progress = { update: () => undefined, stop: () => undefined };
const BAR_WIDTH = 24;
const LABEL_WIDTH = 40;

/** A wall-clock duration for an ETA: `45s`, `3m 05s`, `2h 07m`. */
export function formatEta(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, "0")}s`;
  const m = Math.round(s / 60);
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, "0")}m`;
}

/** The time left at this pace (ms), or null before anything is done. */
export function etaMs(done: number, total: number, elapsedMs: number): number | null {
  if (!(done > 0) || !(total > 0)) return null;
  return (elapsedMs * Math.max(0, total - done)) / done;
}

/** One frame of the bar: `LABEL [####----] 42% | day 38 of 90 | ETA 12s` or `… | 5/12 runs | ETA 1m 05s`. */
export function progressFrame(label: string, value: number, total: number, elapsedMs: number, unit: ProgressUnit): string {
  const fraction = total > 0 ? Math.min(1, Math.max(0, value / total)) : 0;
  const filled = Math.round(fraction * BAR_WIDTH);
  const name = label.length > LABEL_WIDTH ? `${label.slice(0, LABEL_WIDTH - 1)}…` : label;
  const bar = `[${"█".repeat(filled)}${"░".repeat(BAR_WIDTH - filled)}]`;
  const amount =
    unit.kind === "runs"
      ? `${value}/${unit.atMost === true ? "≤" : ""}${total} runs`
      : `day ${Math.floor(value / 1440)} of ${Math.ceil(total / 1440)}`;
  const eta = etaMs(value, total, elapsedMs);
  return `${name} ${bar} ${Math.floor(fraction * 100)}% | ${amount} | ETA ${eta === null ? "…" : formatEta(eta)}`;
}

/** A bar from 0 to `total` labelled `label`, or a silent stand-in when stderr is not a TTY. */
export function startProgress(label: string, total: number, unit: ProgressUnit = { kind: "minutes" }): Progress {
  if (!process.stderr.isTTY) return SILENT;
  const started = Date.now();
  const bar = new cliProgress.SingleBar({
    format: (_options, params) => progressFrame(label, params.value, params.total, Date.now() - started, unit),
    stream: process.stderr,
    clearOnComplete: true,
    hideCursor: true,
  });
  bar.start(total, 0);
  return { update: (v) => bar.update(v), stop: () => bar.stop() };
}
