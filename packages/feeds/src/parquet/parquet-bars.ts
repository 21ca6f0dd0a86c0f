import { basename, extname } from 'node:path';
import { ColumnarFeed } from '../columnar/columnar-feed.js';
import { type BarColumnNames, type BarField, columnNames, resolveBarColumns } from '../io/column-names.js';
import { RawBarsBuilder } from '../io/raw-bars-builder.js';
import type { TimestampFormat } from '../io/timestamp-format.js';
import { type ValidatedBars, validateBars } from '../validation/validate-bars.js';
import type { ValidationOptions } from '../validation/validation-options.js';
import { columnTypeError, isNumericColumn, isTemporalColumn, openParquetSource } from './parquet-table.js';

/** Options of {@link readParquetBars} and {@link parquetFeed}. */
export interface ParquetBarsOptions {
  /** Column names in the file (see {@link BarColumnNames} for the automatic matching). */
  readonly columns?: BarColumnNames;
  /**
   * How to read a timestamp column stored as text or plain numbers; TIMESTAMP and DATE columns are read
   * exactly whatever this says.
   * @defaultValue `'auto'`
   */
  readonly timestampFormat?: TimestampFormat;
  /** @defaultValue the file name without its extension, when the file has no symbol column */
  readonly symbol?: string;
  readonly validation?: ValidationOptions;
}

/** Options of {@link parquetFeed}. */
export interface ParquetFeedOptions extends ParquetBarsOptions {
  /** @defaultValue the file path */
  readonly name?: string;
}

const NUMERIC_FIELDS: readonly BarField[] = [
  'open',
  'high',
  'low',
  'close',
  'volume',
  'bid',
  'ask',
  'bidSize',
  'askSize',
];

/**
 * Reads bars from a Parquet file (long format, BENCHMARKS.md export layout or any column names), validates
 * them and returns them sorted by (timestamp, symbol).
 *
 * The file is decoded one row group at a time into typed-array columns, so peak memory is the columns plus
 * one row group (its pages are decompressed into buffers reused by the next one, and numbers are copied without
 * a conversion per cell). Numeric fields must be float or integer columns (`column-type` otherwise); the
 * timestamp may be a TIMESTAMP (ms, µs or ns), a DATE, epoch numbers or ISO text.
 *
 * @throws DataValidationError `unreadable`, `missing-column`, `column-type`, and under the default `'error'`
 * policy any invalid row (row = 1-based row in the file).
 */
export async function readParquetBars(path: string, options: ParquetBarsOptions = {}): Promise<ValidatedBars> {
  const table = await openParquetSource(path);
  const { header, elements } = table;
  const index = resolveBarColumns(header, options.columns ?? {}, path);
  for (const field of NUMERIC_FIELDS) {
    const at = index[field];
    const el = at >= 0 ? elements[at] : undefined;
    if (el !== undefined && !isNumericColumn(el)) throw columnTypeError(path, el, 'numbers');
  }
  const tsElement = elements[index.timestamp];
  const native = tsElement !== undefined && isTemporalColumn(tsElement);
  const symbol = index.symbol < 0 ? (options.symbol ?? basename(path, extname(path))) : undefined;
  const format: TimestampFormat = native ? 'epoch-ms' : (options.timestampFormat ?? 'auto');
  const builder = new RawBarsBuilder(path, index, header, {
    timestampFormat: format,
    capacity: table.rowCount,
    ...(symbol !== undefined ? { symbol } : {}),
  });
  const used = header.filter((_, i) => Object.values(index).includes(i));
  const columns: (ArrayLike<unknown> | undefined)[] = header.map(() => undefined);
  await table.readReusingBuffers(used, (batch) => {
    for (let c = 0; c < header.length; c++) columns[c] = batch.columns.get(header[c] as string);
    builder.addColumns(columns, batch.rowEnd - batch.rowStart);
  });
  return validateBars(builder.build(), {
    ...options.validation,
    file: path,
    columnNames: columnNames(index, header),
  });
}

/**
 * A {@link ColumnarFeed} over a Parquet file (see {@link readParquetBars}).
 *
 * @example
 * ```ts
 * const feed = await parquetFeed('export/prices.parquet');
 * ```
 */
export async function parquetFeed(path: string, options: ParquetFeedOptions = {}): Promise<ColumnarFeed> {
  const { bars } = await readParquetBars(path, options);
  return new ColumnarFeed(bars, { name: options.name ?? path });
}
