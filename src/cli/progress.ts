// A progress bar on stderr, only when stderr is a terminal (FORMAT.md: silent otherwise).
import cliProgress from "cli-progress";

export interface Progress {
  update(value: number): void;
  stop(): void;
}

const SILENT: Progress = { update: () => undefined, stop: () => undefined };

/** A bar from 0 to `total` labelled `label`, or a silent stand-in when stderr is not a TTY. */
export function startProgress(label: string, total: number): Progress {
  if (!process.stderr.isTTY) return SILENT;
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | ETA {eta_value}s`, stream: process.stderr, clearOnComplete: true, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return { update: (v) => bar.update(v), stop: () => bar.stop() };
}
