import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError, DataValidationError, type FillEvent, type Trade } from '@ml4t/core';
import { type EquityCurve, equityCurveFromPoints } from '../metrics/equity-curve.js';
import type { PerformanceMetrics } from '../metrics/performance-metrics.js';
import { readCsvTable } from './csv-format.js';
import { EQUITY_TABLE } from './equity-table.js';
import { FILL_TABLE } from './fill-table.js';
import { readJsonTable } from './json-format.js';
import { METRIC_TABLE, metricsFromJson, metricsFromRows } from './metric-table.js';
import { readParquetTable } from './parquet-format.js';
import { EXPORT_FORMATS, type ExportFormat, type ResultsManifest } from './results-manifest.js';
import type { TableSchema } from './table-schema.js';
import { TRADE_TABLE } from './trade-table.js';

/** What {@link readResults} restores from an export directory. */
export interface StoredResults {
  readonly manifest: ResultsManifest;
  /** The format the tables were read from. */
  readonly format: ExportFormat;
  /** Trade records, closed then open-at-end, equal to `results.getTrades()` (Decimals restored). */
  readonly trades: readonly Trade[];
  readonly fills: readonly FillEvent[];
  readonly equity: EquityCurve;
  readonly metrics: PerformanceMetrics;
}

/** Options of {@link readResults}. */
export interface ReadResultsOptions {
  /** Which format to read. @defaultValue the first of json, parquet, csv listed in the manifest */
  readonly format?: ExportFormat;
}

/**
 * Reads an export written by {@link writeResults} back into objects equal to the originals: money as
 * `Decimal`, timestamps as epoch ms, `NaN`/`-0` preserved. (CSV cannot tell an empty optional string from an
 * absent one; both read back as absent.)
 *
 * @throws DataValidationError naming the file, row and column of a malformed cell.
 * @throws ConfigError when the requested format was not exported.
 */
export async function readResults(dir: string, options: ReadResultsOptions = {}): Promise<StoredResults> {
  const manifestFile = join(dir, 'manifest.json');
  const manifest = parseManifest(await readFile(manifestFile, 'utf8'), manifestFile);
  const format = options.format ?? EXPORT_FORMATS.find((f) => manifest.formats.includes(f));
  if (format === undefined || !manifest.formats.includes(format)) {
    throw new ConfigError(
      'format',
      'exported-format',
      `${String(format)} was not exported; available: ${manifest.formats.join(', ')}`,
    );
  }
  const trades = await readTable(dir, format, TRADE_TABLE);
  const fills = await readTable(dir, format, FILL_TABLE);
  const equity = equityCurveFromPoints(await readTable(dir, format, EQUITY_TABLE));
  let metrics: PerformanceMetrics;
  if (format === 'json') {
    const file = join(dir, 'metrics.json');
    metrics = metricsFromJson(parseJson(await readFile(file, 'utf8'), file), file);
  } else {
    metrics = metricsFromRows(await readTable(dir, format, METRIC_TABLE), join(dir, `metrics.${format}`));
  }
  return { manifest, format, trades, fills, equity, metrics };
}

async function readTable<T>(dir: string, format: ExportFormat, schema: TableSchema<T>): Promise<T[]> {
  const file = join(dir, `${schema.name}.${format}`);
  switch (format) {
    case 'csv':
      return readCsvTable(schema, await readFile(file, 'utf8'), file);
    case 'json':
      return readJsonTable(schema, await readFile(file, 'utf8'), file);
    case 'parquet':
      return readParquetTable(schema, await readFile(file), file);
  }
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new DataValidationError({ file, rule: 'json-syntax', message: (err as Error).message });
  }
}

function parseManifest(text: string, file: string): ResultsManifest {
  const value = parseJson(text, file) as Partial<ResultsManifest> | null;
  if (value === null || typeof value !== 'object' || value.format !== 'ml4t-results' || value.version !== 1) {
    throw new DataValidationError({ file, rule: 'manifest', message: 'not an ml4t-results manifest (version 1)' });
  }
  if (!Array.isArray(value.formats)) {
    throw new DataValidationError({ file, column: 'formats', rule: 'manifest', message: 'formats must be a list' });
  }
  return value as ResultsManifest;
}
