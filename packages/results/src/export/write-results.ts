import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '@ml4t/core';
import type { BacktestResults } from '../backtest-results.js';
import { equityPoints } from '../metrics/equity-curve.js';
import type { MetricsOptions } from '../metrics/metrics-options.js';
import { writeFileAtomic } from './atomic-write.js';
import { jsonNumber, moneyText, timestampText } from './cell-codec.js';
import { csvTableChunks } from './csv-format.js';
import { EQUITY_TABLE } from './equity-table.js';
import { FILL_TABLE } from './fill-table.js';
import { jsonTableChunks } from './json-format.js';
import { METRIC_TABLE, metricsToJson, metricsToRows } from './metric-table.js';
import { parquetTableBytes } from './parquet-format.js';
import { EXPORT_FORMATS, type ExportFormat, type ResultsManifest } from './results-manifest.js';
import type { TableSchema } from './table-schema.js';
import { TRADE_TABLE } from './trade-table.js';

/** Options of {@link writeResults}. */
export interface WriteResultsOptions {
  /** Formats to write. @defaultValue `['csv', 'json', 'parquet']` */
  readonly formats?: readonly ExportFormat[];
  /** Options of the exported metrics (see `getMetrics`). @defaultValue the collector's defaults */
  readonly metrics?: MetricsOptions;
}

/**
 * Exports a run to `dir` (created if needed): `trades`, `fills`, `equity` and `metrics` in each requested
 * format (`trades.csv`, `trades.json`, `trades.parquet`, …), then `manifest.json`.
 *
 * Trades include the positions open at the end (`isOpen: true`). Money is written as exact decimal strings,
 * timestamps as ISO-8601 UTC (Parquet: TIMESTAMP_MILLIS), CSV cells are guarded against formula injection.
 * Every file is written atomically (temporary file, fsync, rename): a failure part-way leaves the previous
 * version of that file intact and no temporary file behind. Read an export back with {@link readResults}.
 *
 * @returns the manifest written.
 * @throws ConfigError for an unknown format.
 */
export async function writeResults(
  results: BacktestResults,
  dir: string,
  options: WriteResultsOptions = {},
): Promise<ResultsManifest> {
  const formats = options.formats ?? ['csv', 'json', 'parquet'];
  formats.forEach((f, i) => {
    if (!EXPORT_FORMATS.includes(f)) {
      throw new ConfigError(
        `formats.${i}`,
        'export-format',
        `must be one of ${EXPORT_FORMATS.join(', ')}, got ${String(f)}`,
      );
    }
  });
  await mkdir(dir, { recursive: true });
  const trades = results.getTrades();
  const fills = results.getFills();
  const equity = equityPoints(results.getEquityCurve());
  const metrics = options.metrics === undefined ? results.getMetrics() : results.getMetrics(options.metrics);
  for (const format of formats) {
    await writeTable(dir, format, TRADE_TABLE, trades);
    await writeTable(dir, format, FILL_TABLE, fills);
    await writeTable(dir, format, EQUITY_TABLE, equity);
    if (format === 'json') {
      await writeFileAtomic(join(dir, 'metrics.json'), `${JSON.stringify(metricsToJson(metrics), null, 2)}\n`);
    } else {
      await writeTable(dir, format, METRIC_TABLE, metricsToRows(metrics));
    }
  }
  const manifest = manifestOf(results, formats);
  await writeFileAtomic(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Writes one table in one format, atomically. */
export async function writeTable<T>(
  dir: string,
  format: ExportFormat,
  schema: TableSchema<T>,
  rows: readonly T[],
): Promise<void> {
  const path = join(dir, `${schema.name}.${format}`);
  switch (format) {
    case 'csv':
      return writeFileAtomic(path, csvTableChunks(schema, rows));
    case 'json':
      return writeFileAtomic(path, jsonTableChunks(schema, rows));
    case 'parquet':
      return writeFileAtomic(path, parquetTableBytes(schema, rows));
  }
}

function manifestOf(results: BacktestResults, formats: readonly ExportFormat[]): ResultsManifest {
  const s = results.summary;
  const first = timestampText(s.firstTimestamp);
  const last = timestampText(s.lastTimestamp);
  return {
    format: 'ml4t-results',
    version: 1,
    formats: [...formats],
    initialCash: moneyText(s.initialCash),
    finalCash: moneyText(s.finalCash),
    dividends: moneyText(s.dividends),
    finalEquity: jsonNumber(s.finalEquity),
    slices: s.slices,
    bars: s.bars,
    fills: s.fills,
    closedTrades: s.closedTrades,
    openTrades: s.openTrades.length,
    firstTimestamp: first === '' ? null : first,
    lastTimestamp: last === '' ? null : last,
    ...(s.error ? { error: { code: s.error.code, message: s.error.message } } : {}),
    symbols: [...results.info.symbols.list()],
    config: results.info.config,
  };
}
