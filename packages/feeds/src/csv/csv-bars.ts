import { basename, extname } from 'node:path';
import { DataValidationError } from '@ml4t/core';
import { ColumnarFeed } from '../columnar/columnar-feed.js';
import { mergeBars } from '../columnar/order-bars.js';
import { type BarColumnIndex, type BarColumnNames, columnNames, resolveBarColumns } from '../io/column-names.js';
import { RawBarsBuilder } from '../io/raw-bars-builder.js';
import type { TimestampFormat } from '../io/timestamp-format.js';
import { combineReports } from '../validation/combine-reports.js';
import { type ValidatedBars, validateBars } from '../validation/validate-bars.js';
import type { ValidationOptions } from '../validation/validation-options.js';
import { readCsvFile } from './csv-parser.js';

/** Options of {@link readCsvBars} and {@link csvFeed}. */
export interface CsvBarsOptions {
  /** Column names in the file (see {@link BarColumnNames} for the automatic matching). */
  readonly columns?: BarColumnNames;
  /** @defaultValue `'auto'` */
  readonly timestampFormat?: TimestampFormat;
  /**
   * The symbol of every row when the file has no symbol column.
   * @defaultValue the file name without its extension (`data/AAPL.csv` → `AAPL`)
   */
  readonly symbol?: string;
  /** @defaultValue `','` */
  readonly delimiter?: string;
  /** Data validation (policy, gap and jump thresholds). */
  readonly validation?: ValidationOptions;
}

/** Options of {@link csvFeed}. */
export interface CsvFeedOptions extends CsvBarsOptions {
  /** @defaultValue the file path (or the paths joined with `+`) */
  readonly name?: string;
}

/**
 * Reads bars from one or more CSV files, validates them and returns them sorted by (timestamp, symbol).
 *
 * Each file is either long format (a symbol column, found among symbol/asset/ticker) or one symbol per file
 * (no symbol column: the symbol is the file name, e.g. `AAPL.csv`). Files are streamed in chunks; memory is
 * the resulting columns. Each file is validated on its own (issues name that file and its 1-based data
 * row); the files are then merged.
 *
 * @throws DataValidationError for unreadable files, CSV syntax errors, missing columns and, under the default
 * `'error'` policy, any invalid row — nothing is returned then.
 */
export function readCsvBars(paths: string | readonly string[], options: CsvBarsOptions = {}): ValidatedBars {
  const list = typeof paths === 'string' ? [paths] : paths;
  if (list.length === 0) {
    throw new DataValidationError({ rule: 'no-files', message: 'no CSV file given' });
  }
  const parts = list.map((path) => readOneCsv(path, options));
  if (parts.length === 1) return parts[0] as ValidatedBars;
  return { bars: mergeBars(parts.map((p) => p.bars)), report: combineReports(parts.map((p) => p.report)) };
}

/**
 * A {@link ColumnarFeed} over CSV files (see {@link readCsvBars} for formats and validation).
 *
 * @example
 * ```ts
 * const feed = csvFeed(['data/AAPL.csv', 'data/MSFT.csv'], { timestampFormat: 'iso-date' });
 * ```
 */
export function csvFeed(paths: string | readonly string[], options: CsvFeedOptions = {}): ColumnarFeed {
  const { bars } = readCsvBars(paths, options);
  const name = options.name ?? (typeof paths === 'string' ? paths : paths.join('+'));
  return new ColumnarFeed(bars, { name });
}

function readOneCsv(path: string, options: CsvBarsOptions): ValidatedBars {
  let builder: RawBarsBuilder | undefined;
  let width = 0;
  let index: BarColumnIndex | undefined;
  let header: readonly string[] = [];
  let current: readonly string[] = [];
  const cell = (column: number): string | undefined => current[column];
  readCsvFile(
    path,
    (fields, record) => {
      if (record === 0) {
        header = [...fields];
        width = header.length;
        index = resolveBarColumns(header, options.columns ?? {}, path);
        const symbol = index.symbol < 0 ? (options.symbol ?? basename(path, extname(path))) : undefined;
        builder = new RawBarsBuilder(path, index, header, {
          ...(options.timestampFormat !== undefined ? { timestampFormat: options.timestampFormat } : {}),
          ...(symbol !== undefined ? { symbol } : {}),
        });
        return;
      }
      const b = builder as RawBarsBuilder;
      if (fields.length !== width) {
        b.addMalformed(fields.length);
        return;
      }
      current = fields;
      b.add(cell);
    },
    options.delimiter !== undefined ? { delimiter: options.delimiter } : {},
  );
  if (builder === undefined || index === undefined) {
    throw new DataValidationError({ file: path, rule: 'empty-file', message: 'the file has no header line' });
  }
  return validateBars(builder.build(), {
    ...options.validation,
    file: path,
    columnNames: columnNames(index, header),
  });
}
