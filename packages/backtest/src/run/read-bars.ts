import { extname, resolve } from 'node:path';
import { type CsvBarsOptions, readCsvBars, readParquetBars, type ValidatedBars } from '@ml4t/feeds';
import type { DataSection } from '../config/data-schema.js';
import { compact } from './compact.js';

/** Whether a data file is read as Parquet (by `format`, else by its extension `.parquet` / `.pq`) or as CSV. */
export function isParquet(path: string, format: DataSection['format'] = 'auto'): boolean {
  if (format !== 'auto') return format === 'parquet';
  const ext = extname(path).toLowerCase();
  return ext === '.parquet' || ext === '.pq';
}

/** The `@ml4t/feeds` reader options a `data` section sets (columns, timestamp format, symbol, validation). */
function readerOptions(data: Partial<DataSection>): CsvBarsOptions {
  return compact({
    columns: data.columns === undefined ? undefined : compact(data.columns),
    timestampFormat: data.timestampFormat,
    symbol: data.symbol,
    delimiter: data.delimiter,
    validation: data.validation === undefined ? undefined : compact(data.validation),
  });
}

/**
 * Reads and validates one price file with `@ml4t/feeds` (CSV or Parquet, see {@link isParquet}), resolving a
 * relative path against `baseDir`.
 *
 * @throws DataValidationError listing the issues (file, row, column, rule) under the `error` policy.
 */
export async function readBarsFile(
  path: string,
  baseDir: string,
  data: Partial<DataSection> = {},
): Promise<ValidatedBars> {
  const file = resolve(baseDir, path);
  const options = readerOptions(data);
  if (isParquet(file, data.format)) {
    const { delimiter: _delimiter, ...parquetOptions } = options;
    return readParquetBars(file, parquetOptions);
  }
  return readCsvBars(file, options);
}
