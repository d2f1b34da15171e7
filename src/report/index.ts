// The report layer's public API (STYLE.md: index only re-exports).
export { AsciiBuffer } from "./ascii-buffer.js";
export { removeLiveTempsSync, tempPathFor, writeFileAtomic, writeFolderAtomic } from "./atomic.js";
export { OutputFolderError, ResultStage, abortOpenStagesSync, isKmsimResult, openResultStage } from "./result-folder.js";
export type { ResultFolderOptions } from "./result-folder.js";
export { CHART_SAMPLE_ROWS, RowSample } from "./chart-sample.js";
export { FileSink } from "./file-sink.js";
export type { ByteSink } from "./file-sink.js";
export {
  AVAILABILITY_COLUMNS,
  AVAILABILITY_FILE,
  AVAILABILITY_KINDS,
  AvailabilityFormatError,
  AvailabilityLineReader,
  parseAvailabilityCsv,
} from "./availability.js";
export { AVAILABILITY_BUDGET, AVAILABILITY_CHUNK, AvailabilityRecorder } from "./availability-recorder.js";
export type { AvailabilityRecorderOptions } from "./availability-recorder.js";
export { readAvailabilitySummary } from "./availability-reader.js";
export { AvailabilitySummaryBuilder, DowntimeAccumulator, summarizeIntervals } from "./availability-summary.js";
export type { AvailabilitySummary, EntityDowntime } from "./availability-summary.js";
export type { AvailabilityKind, AvailabilitySink, DownInterval } from "./availability.js";
export { CHART_HTML, CHART_SVG, chartHtml, renderSvg } from "./chart.js";
export { redrawRunFolder, renderTimelineChart, runChartOptions, sampleTimelineFile } from "./run-chart/render.js";
export { MAX_COUNT_PANELS, PLOT_WIDTH, timelineChartSpec } from "./run-chart/spec.js";
export type { RunChartOptions } from "./run-chart/spec.js";
export { MAX_LANES, MAX_OFFLINE_LANES } from "./run-chart/lanes.js";
export type { OfflineWindow } from "./run-chart/lanes.js";
export {
  FAILED_CODES,
  LOW_COUNT_THRESHOLD,
  STATE_COLUMNS,
  SUMMARY_HOST_SUFFIXES,
  SUMMARY_LEADING_COLUMNS,
  SUMMARY_OFFICE_COLUMNS,
  SUMMARY_RISK_COLUMNS,
  dnsColumnSites,
  summaryColumnSections,
  summaryColumns,
  timelineColumns,
} from "./columns.js";
export type { ColumnLayout, ColumnWorld } from "./columns.js";
export { csvField, csvRow, recordToCsv, toCsv } from "./csv.js";
export { MAX_CSV_PROBLEMS, checkCsv, splitCsvLine } from "./csv-check.js";
export type { CellKind, ColumnRule, TableRule } from "./csv-check.js";
export { checkComparisonFolder, checkRunFolder } from "./check-results.js";
export type { FolderProblem } from "./check-results.js";
export type { CsvCell } from "./csv.js";
export { EVENTS_COLUMNS, EventsWriter } from "./events-writer.js";
export type { EventsWriterOptions } from "./events-writer.js";
export { formatNumber, formatResultCode, formatTime } from "./format.js";
export { buildManifest, canonicalJson } from "./manifest.js";
export type { JsonValue, ManifestInput } from "./manifest.js";
export { RunAggregator } from "./run-aggregator.js";
export type { RunAggregatorOptions, RunOutputs } from "./run-aggregator.js";
export { RUN_FILES, writeRunFolder } from "./run-folder.js";
export type { RunFolderContent } from "./run-folder.js";
export { percentileR7, summarize, t975, tQuantile } from "./stats.js";
export type { Summary } from "./stats.js";
export {
  COMPARISON_COLUMNS,
  comparisonCsv,
  metricSummary,
  runsColumns,
  runsCsv,
  unionColumns,
} from "./comparison.js";
export type { ComparedRun } from "./comparison.js";
export { defaultRankingMetrics, pairedDifference, parseRankBy, rankStrategies, rankableColumns, significant } from "./ranking.js";
export type { RankedStrategy, RankingMetric } from "./ranking.js";
export { AUTO_BATCH, AUTO_MAX_REPLICATIONS, metricResolution, parseTolerance, stopReason, toleranceFor } from "./stopping-rule.js";
export type { StopReason, Tolerance } from "./stopping-rule.js";
export {
  COMPARISON_CHART_HTML,
  COMPARISON_CHART_SVG,
  comparisonChartSpec,
  comparedRunsFromCsv,
  redrawComparisonFolder,
  renderComparisonChart,
  renderComparisonChartFromCsv,
} from "./comparison-chart.js";
export type { ComparisonChartOptions } from "./comparison-chart.js";
export { BASE_LABEL, MAX_OTHER_PANELS, candidateColumns, comparisonPanels, shortNumber } from "./comparison-panels.js";
export type { ComparisonPanels, Panel, PanelOptions, PanelRow } from "./comparison-panels.js";
export { OFFICE_LOW_COUNT_THRESHOLD, metricInfo } from "./metric-titles.js";
export type { MetricInfo } from "./metric-titles.js";
export { parameterColumns, pointsCsv, sweepCsv, sweepRunsCsv } from "./sweep-tables.js";
export type { SweepGroup, SweepPoint } from "./sweep-tables.js";
export { MAX_SWEEP_PANELS, SWEEP_CHART_HTML, SWEEP_CHART_SVG, renderSweepChart, sweepChartSpec } from "./sweep-chart.js";
export type { SweepChartInput, SweepChartRow } from "./sweep-chart.js";
export { crossoverLines } from "./sweep-crossover.js";
export type { CrossoverInput } from "./sweep-crossover.js";
