/**
 * `@ml4t/results`: collects a backtest's orders, fills, trades and equity curve (a result sink on the engine's
 * streams), computes documented performance metrics, exports them to CSV, JSON and Parquet and renders a
 * self-contained HTML tear sheet.
 *
 * @packageDocumentation
 */

export { BacktestResults, type BacktestResultsData, type TradeQuery } from './backtest-results.js';
export type { OrderRecord } from './collector/order-record.js';
export { ResultsCollector, type ResultsCollectorOptions } from './collector/results-collector.js';
export { type AtomicContent, writeFileAtomic } from './export/atomic-write.js';
export { csvCell, csvLine, csvText, parseCsv } from './export/csv.js';
export { EQUITY_TABLE } from './export/equity-table.js';
export { FILL_TABLE } from './export/fill-table.js';
export type { JsonValue } from './export/json-format.js';
export {
  METRIC_TABLE,
  type MetricRow,
  metricsFromJson,
  metricsFromRows,
  metricsToJson,
  metricsToRows,
} from './export/metric-table.js';
export { type ReadResultsOptions, readResults, type StoredResults } from './export/read-results.js';
export { EXPORT_FORMATS, type ExportFormat, type ResultsManifest } from './export/results-manifest.js';
export type { CellReader, CellValue, Column, ColumnKind, TableSchema } from './export/table-schema.js';
export { TRADE_TABLE } from './export/trade-table.js';
export { type WriteResultsOptions, writeResults, writeTable } from './export/write-results.js';
export { alignBenchmark, type BenchmarkInput, type BenchmarkMetrics, benchmarkMetrics } from './metrics/benchmark.js';
export { statsBySide, statsBySymbol } from './metrics/breakdowns.js';
export { computeMetrics, type MetricsInput } from './metrics/compute-metrics.js';
export { type CostStats, costStats } from './metrics/costs.js';
export { type DrawdownStats, drawdownSeries, drawdownStats } from './metrics/drawdown.js';
export {
  type EquityCurve,
  type EquityPoint,
  equityCurveFromPoints,
  equityPoints,
} from './metrics/equity-curve.js';
export { type ExposureStats, exposureStats } from './metrics/exposure.js';
export { type MetricsOptions, validateMetricsOptions } from './metrics/metrics-options.js';
export { type MonthlyReturn, monthlyReturns } from './metrics/monthly-returns.js';
export type { PerformanceMetrics } from './metrics/performance-metrics.js';
export {
  DEFAULT_PERIODS_PER_YEAR,
  inferPeriodsPerYear,
  type PeriodsPerYearInput,
  resolvePeriodsPerYear,
} from './metrics/periods-per-year.js';
export { annualVolatility, cagr, periodReturns, totalReturn, YEAR_MS } from './metrics/returns.js';
export { calmarRatio, downsideDeviation, sharpeRatio, sortinoRatio } from './metrics/risk-adjusted.js';
export { type TradeStats, tradeStats } from './metrics/trade-stats.js';
export { type TurnoverStats, turnoverStats } from './metrics/turnover.js';
export { escapeHtml } from './report/escape-html.js';
export { type HtmlReportOptions, renderHtmlReport, writeHtmlReport } from './report/html-report.js';
