import { DataValidationError } from '@ml4t/core';
import {
  type FileMetaData,
  type ParquetParsers,
  parquetMetadataAsync,
  parquetScan,
  parquetSchema,
  type SchemaElement,
} from 'hyparquet';
import { openFileBuffer } from './file-buffer.js';
import { PageBuffers } from './page-buffers.js';

/** The columns of one Parquet row range (a row group), as decoded arrays; `null` marks a missing value. */
export interface ParquetBatch {
  /** First row of the batch (0-based, in file order). */
  readonly rowStart: number;
  readonly rowEnd: number;
  /** Decoded values per requested column name. */
  readonly columns: ReadonlyMap<string, ArrayLike<unknown>>;
}

/** An opened Parquet file: its header and column types, readable row group by row group. */
export interface ParquetTable {
  readonly path: string;
  /** Top-level column names, in file order. */
  readonly header: readonly string[];
  /** Schema element of each top-level column, by position in {@link ParquetTable.header}. */
  readonly elements: readonly SchemaElement[];
  readonly rowCount: number;
  /** Reads `columns` one row range at a time (memory: one row group's worth of decoded columns). */
  read(columns: readonly string[], onBatch: (batch: ParquetBatch) => void): Promise<void>;
}

// Timestamps and dates decode to epoch milliseconds as plain numbers, not Date objects.
const PARSERS: Partial<ParquetParsers> = {
  timestampFromMilliseconds: (ms: bigint) => Number(ms),
  timestampFromMicroseconds: (us: bigint) => Number(us / 1000n) + Number(us % 1000n) / 1000,
  timestampFromNanoseconds: (ns: bigint) => Number(ns / 1_000_000n) + Number(ns % 1_000_000n) / 1e6,
  dateFromDays: (days: number) => days * 86_400_000,
};

/**
 * A {@link ParquetTable} that can also decode into reused buffers: what the loaders of this package read
 * through (not exported from the package).
 */
export interface ParquetSource extends ParquetTable {
  /**
   * Like {@link ParquetTable.read}, but Snappy pages are decompressed into buffers reused from one batch to
   * the next, so a batch's arrays are valid only until `onBatch` returns: for callers that copy each batch
   * out (e.g. into typed columns), it spares a fresh buffer per page.
   */
  readReusingBuffers(columns: readonly string[], onBatch: (batch: ParquetBatch) => void): Promise<void>;
}

/**
 * Opens a Parquet file with hyparquet (pure JavaScript; uncompressed and Snappy pages).
 *
 * @throws DataValidationError `unreadable` when the file cannot be opened or is not Parquet.
 */
export function openParquetTable(path: string): Promise<ParquetTable> {
  return openParquetSource(path);
}

/**
 * Opens a Parquet file as a {@link ParquetSource}; see {@link openParquetTable}.
 *
 * @throws DataValidationError `unreadable` when the file cannot be opened or is not Parquet.
 */
export async function openParquetSource(path: string): Promise<ParquetSource> {
  let metadata: FileMetaData;
  try {
    const file = await openFileBuffer(path);
    try {
      metadata = await parquetMetadataAsync(file);
    } finally {
      await file.close();
    }
  } catch (cause) {
    throw new DataValidationError({
      file: path,
      rule: 'unreadable',
      message: `not a readable Parquet file: ${cause instanceof Error ? cause.message : String(cause)}`,
    });
  }
  const children = parquetSchema(metadata).children;
  return {
    path,
    header: children.map((c) => c.element.name),
    elements: children.map((c) => c.element),
    rowCount: Number(metadata.num_rows),
    read: (columns, onBatch) => readBatches(path, metadata, columns, onBatch, undefined),
    readReusingBuffers: (columns, onBatch) => readBatches(path, metadata, columns, onBatch, new PageBuffers()),
  };
}

/** Reads `columns` row range by row range, decompressing into `pages` when given. */
async function readBatches(
  path: string,
  metadata: FileMetaData,
  columns: readonly string[],
  onBatch: (batch: ParquetBatch) => void,
  pages: PageBuffers | undefined,
): Promise<void> {
  try {
    const file = await openFileBuffer(path);
    try {
      const compressors = pages ? { compressors: pages.compressors } : {};
      const scan = await parquetScan({ file, metadata, columns: [...columns], parsers: PARSERS, ...compressors });
      for (const { rowStart, rowEnd } of scan.ranges) {
        pages?.reset();
        const data = new Map<string, ArrayLike<unknown>>();
        for (const column of columns) data.set(column, await scan.readColumn({ column, rowStart, rowEnd }));
        onBatch({ rowStart, rowEnd, columns: data });
      }
    } finally {
      await file.close();
    }
  } catch (cause) {
    if (cause instanceof DataValidationError) throw cause;
    throw new DataValidationError({
      file: path,
      rule: 'unreadable',
      message: `cannot decode Parquet data: ${cause instanceof Error ? cause.message : String(cause)}`,
    });
  }
}

/** Whether a column holds numbers (integer or floating point, not a date or timestamp). */
export function isNumericColumn(element: SchemaElement): boolean {
  const t = element.type;
  if (t === 'DOUBLE' || t === 'FLOAT') return true;
  if (t !== 'INT32' && t !== 'INT64') return false;
  return !isTemporalColumn(element) && element.converted_type !== 'DECIMAL';
}

/** Whether a column is a Parquet DATE or TIMESTAMP (decoded to epoch milliseconds). */
export function isTemporalColumn(element: SchemaElement): boolean {
  const c = element.converted_type;
  if (c === 'DATE' || c === 'TIMESTAMP_MILLIS' || c === 'TIMESTAMP_MICROS') return true;
  const l = element.logical_type?.type;
  return l === 'DATE' || l === 'TIMESTAMP';
}

/** A `column-type` error: `column` does not hold the `expected` kind of value. */
export function columnTypeError(path: string, element: SchemaElement, expected: string): DataValidationError {
  const actual = element.logical_type?.type ?? element.converted_type ?? element.type ?? 'group';
  return new DataValidationError({
    file: path,
    column: element.name,
    rule: 'column-type',
    value: String(actual),
    message: `column ${element.name} holds ${actual}, expected ${expected}`,
  });
}
