// Reads a run folder's availability.csv back for the chart (`kmsim report`, FORMAT.md "Run
// folder"), line by line into the chart's bounded summary (availability-summary.ts): a file of any
// length is read in memory bounded by its entities and the plot's width. A malformed file throws
// an AvailabilityFormatError naming the line.
import { AvailabilityLineReader } from "./availability.js";
import { AvailabilitySummaryBuilder, type AvailabilitySummary } from "./availability-summary.js";
import { isMissingFile, readLines } from "./line-reader.js";

/** The chart's summary of availability.csv at `path`, drawn for this axis and width; null when the file is absent. */
export async function readAvailabilitySummary(path: string, endMinute: number, widthPx: number): Promise<AvailabilitySummary | null> {
  const builder = new AvailabilitySummaryBuilder(endMinute, widthPx);
  const reader = new AvailabilityLineReader((kind, id, start, end) => builder.add(kind, id, start, end));
  try {
    await readLines(path, (line) => reader.line(line));
  } catch (err) {
    if (isMissingFile(err)) return null;
    throw err;
  }
  reader.finish();
  return builder.summary();
}
