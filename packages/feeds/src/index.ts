/**
 * `@ml4t/feeds`: market data for ml4t-backtest — columnar, CSV, Parquet, Arrow and multi-symbol feeds, point-in-time
 * ML features, data validation, trading calendars, corporate actions and a synthetic market generator.
 *
 * @packageDocumentation
 */

export {
  type ArrowBarsOptions,
  type ArrowTableLike,
  type ArrowVectorLike,
  arrowFeed,
  readArrowBars,
} from './arrow/arrow-feed.js';
export { cryptoCalendar } from './calendars/crypto-calendar.js';
export { type NyseCalendarOptions, nyseCalendar } from './calendars/nyse-calendar.js';
export { NYSE_SPECIAL_CLOSURES, nyseEarlyCloses, nyseHolidays } from './calendars/nyse-holidays.js';
export { SessionCalendar, type SessionRules, type TradingCalendar } from './calendars/trading-calendar.js';
export { easternOffsetMinutes, isUsDst } from './calendars/us-eastern.js';
export {
  type BarColumns,
  barCount,
  PRICE_FIELDS,
  QUOTE_FIELDS,
  type QuoteField,
  type QuoteFlags,
  quoteFlags,
} from './columnar/bar-columns.js';
export { BarColumnsBuilder } from './columnar/bar-columns-builder.js';
export { ColumnarFeed, type ColumnarFeedOptions, columnarFeed } from './columnar/columnar-feed.js';
export { compactSymbols, mergeBars, sortOrder, takeRows } from './columnar/order-bars.js';
export { adjustForSplits } from './corporate-actions/adjust-for-splits.js';
export {
  type CorporateActionOptions,
  type CorporateActionRecord,
  corporateActionsFromRecords,
  readCorporateActionsCsv,
} from './corporate-actions/corporate-actions.js';
export { type CsvBarsOptions, type CsvFeedOptions, csvFeed, readCsvBars } from './csv/csv-bars.js';
export { CsvParser, type CsvParserOptions, type CsvRecordHandler, readCsvFile } from './csv/csv-parser.js';
export { type CsvWriteOptions, quote, writeCsv } from './csv/csv-writer.js';
export { formatNumber, writeBarsCsv } from './csv/write-bars-csv.js';
export { type FeatureFileOptions, readFeatureCsv, readFeatureParquet } from './features/feature-files.js';
export type { FeatureRecord, FeatureTable, MarketFeatureTable, SymbolFeatureTable } from './features/feature-table.js';
export {
  type FeatureProviderOptions,
  type PointInTimeCheckOptions,
  PrecomputedFeatureProvider,
} from './features/precomputed-feature-provider.js';
export { type BarColumnIndex, type BarColumnNames, type BarField, SYMBOL_COLUMNS } from './io/column-names.js';
export {
  parseIsoTimestamp,
  type TimestampFormat,
  type TimestampParser,
  timestampParser,
} from './io/timestamp-format.js';
export { type LoadedMarket, loadMarketDirectory, type MarketDirectoryOptions } from './market-directory.js';
export {
  MultiSymbolDataFeed,
  type MultiSymbolFeedOptions,
  type SeriesBar,
  type SymbolSeries,
} from './multi-symbol/multi-symbol-feed.js';
export {
  type ParquetBarsOptions,
  type ParquetFeedOptions,
  parquetFeed,
  readParquetBars,
} from './parquet/parquet-bars.js';
export { openParquetTable, type ParquetBatch, type ParquetTable } from './parquet/parquet-table.js';
export { writeParquet } from './parquet/parquet-writer.js';
export { writeBarsParquet } from './parquet/write-bars-parquet.js';
export { generateMarket } from './synthetic/generate-market.js';
export { type MarketOptions, type ResolvedMarketOptions, resolveMarketOptions } from './synthetic/market-options.js';
export { SyntheticMarket } from './synthetic/synthetic-market.js';
export { writeMarketCsv, writeMarketParquet } from './synthetic/write-market.js';
export { Xoshiro128 } from './synthetic/xoshiro128.js';
export { combineReports } from './validation/combine-reports.js';
export {
  type ColumnNames,
  type RawBars,
  type ValidateBarsOptions,
  type ValidatedBars,
  validateBars,
} from './validation/validate-bars.js';
export {
  type ResolvedValidationOptions,
  resolveValidationOptions,
  type SuspiciousPolicy,
  type ValidationOptions,
  type ValidationPolicy,
  type ValidationReport,
} from './validation/validation-options.js';
