// The rows of a timeline the run chart is drawn from (FORMAT.md "Run folder", chart): all of them
// up to CHART_SAMPLE_ROWS, else a deterministic thinning, so that drawing a run costs bounded
// memory however many rows timeline.csv holds. Data row i (0-based) is kept when i is a multiple
// of the step; the step starts at 1 and doubles (dropping every other kept row) whenever more than
// CHART_SAMPLE_ROWS rows are kept. The last row is always kept (the final values). `kmsim run`
// feeds the rows as it writes them and `kmsim report` as it reads them back, so a redraw draws
// the same chart.

/** Timeline rows drawn at most before thinning (every bundled scenario and test fixture has far fewer). */
export const CHART_SAMPLE_ROWS = 8192;

/** A bounded, deterministic sample of a timeline's data rows. */
export class RowSample {
  private step = 1;
  private rows = 0;
  private index: number[] = [];
  private lines: string[] = [];
  private last: string | null = null;
  private lastKept = false;

  constructor(
    /** The header line, without its line end. */
    readonly header: string,
    private readonly cap = CHART_SAMPLE_ROWS,
  ) {
    if (!(cap >= 2 && Number.isInteger(cap))) throw new RangeError(`RowSample: cap must be a whole number ≥ 2, got ${cap}`);
  }

  /** Data rows offered so far. */
  get rowCount(): number {
    return this.rows;
  }

  /** Rows kept now (at most the cap). */
  get keptCount(): number {
    return this.lines.length;
  }

  /** Whether the next row is kept: only then does the caller need its text (push), else skip(). */
  wantsNext(): boolean {
    return this.rows % this.step === 0;
  }

  /** The next row, kept (its text without the line end). */
  push(line: string): void {
    this.index.push(this.rows);
    this.lines.push(line);
    this.rows++;
    this.last = line;
    this.lastKept = true;
    if (this.lines.length > this.cap) this.thin();
  }

  /** The next row, not kept; its text is given later through setLast if it turns out to be the last. */
  skip(): void {
    this.rows++;
    this.lastKept = false;
  }

  /** The text of the row offered last (when it was skipped). */
  setLast(line: string): void {
    this.last = line;
  }

  /** Every row in turn: for readers that have each row's text anyway (kmsim report). */
  offer(line: string): void {
    if (this.wantsNext()) this.push(line);
    else {
      this.skip();
      this.last = line;
    }
  }

  private thin(): void {
    this.step *= 2;
    const index: number[] = [];
    const lines: string[] = [];
    for (let k = 0; k < this.index.length; k++) {
      if (this.index[k] % this.step === 0) {
        index.push(this.index[k]);
        lines.push(this.lines[k]);
      }
    }
    this.index = index;
    this.lines = lines;
    this.lastKept = this.index.length > 0 && this.index[this.index.length - 1] === this.rows - 1;
  }

  /** The sample as CSV text: the header, the kept rows and the last row, each line ending in `\n`. */
  text(): string {
    const lines = [this.header, ...this.lines];
    if (!this.lastKept && this.last !== null && this.rows > 0) lines.push(this.last);
    return lines.join("\n") + "\n";
  }
}
