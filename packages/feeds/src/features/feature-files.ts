import { DataValidationError } from '@ml4t/core';
import { readCsvFile } from '../csv/csv-parser.js';
import { checkUniqueHeader, findColumn, missingColumn, resolveSymbolColumn } from '../io/column-names.js';
import type { TimestampFormat } from '../io/timestamp-format.js';
import { columnTypeError, isNumericColumn, isTemporalColumn, openParquetSource } from '../parquet/parquet-table.js';
import type { FeatureTable } from './feature-table.js';
import { FeatureTableBuilder, type Layout } from './feature-table-builder.js';

/** Options of {@link readFeatureCsv} and {@link readFeatureParquet}. */
export interface FeatureFileOptions {
  /**
   * Key columns. Unset: timestamp among timestamp/datetime/date/time, symbol among symbol/asset/ticker (none →
   * market-wide features), availableAt among available_at/availableAt (optional).
   */
  readonly columns?: { readonly timestamp?: string; readonly symbol?: string; readonly availableAt?: string };
  /** Feature columns to load. @defaultValue every other column */
  readonly features?: readonly string[];
  /** @defaultValue `'auto'` */
  readonly timestampFormat?: TimestampFormat;
  /** CSV only. @defaultValue `','` */
  readonly delimiter?: string;
}

/**
 * Reads a features file in CSV (scores `timestamp,symbol,score,…` or market-wide `timestamp,vix,…`) into a
 * {@link FeatureTable} for {@link PrecomputedFeatureProvider}. Empty cells are `NaN` (no value).
 *
 * @throws DataValidationError `missing-column`, `bad-timestamp`, `not-a-number`, `missing-value` (symbol),
 * `csv-syntax`, `field-count` — with file, 1-based row and column.
 */
export function readFeatureCsv(path: string, options: FeatureFileOptions = {}): FeatureTable {
  let builder: FeatureTableBuilder | undefined;
  let width = 0;
  let current: readonly string[] = [];
  const cell = (c: number): string | undefined => current[c];
  readCsvFile(
    path,
    (fields, record) => {
      if (record === 0) {
        const header = [...fields];
        width = header.length;
        builder = new FeatureTableBuilder(path, header, layout(path, header, options), options.timestampFormat);
        return;
      }
      const b = builder as FeatureTableBuilder;
      if (fields.length !== width) {
        b.malformed(record, fields.length, width);
        return;
      }
      current = fields;
      b.add(cell);
    },
    options.delimiter !== undefined ? { delimiter: options.delimiter } : {},
  );
  if (builder === undefined) {
    throw new DataValidationError({ file: path, rule: 'empty-file', message: 'the file has no header line' });
  }
  return builder.build();
}

/**
 * Reads a features file in Parquet (see {@link readFeatureCsv}); feature columns must be numeric
 * (`column-type` otherwise).
 */
export async function readFeatureParquet(path: string, options: FeatureFileOptions = {}): Promise<FeatureTable> {
  const table = await openParquetSource(path);
  const { header, elements } = table;
  const lay = layout(path, header, options);
  for (const at of lay.features) {
    const el = elements[at];
    if (el !== undefined && !isNumericColumn(el)) throw columnTypeError(path, el, 'numbers');
  }
  const tsEl = elements[lay.timestamp];
  const native = tsEl !== undefined && isTemporalColumn(tsEl);
  const format = native ? 'epoch-ms' : options.timestampFormat;
  const builder = new FeatureTableBuilder(path, header, lay, format, table.rowCount);
  const used = [lay.timestamp, lay.symbol, lay.availableAt, ...lay.features].filter((i) => i >= 0);
  const columns: (ArrayLike<unknown> | undefined)[] = header.map(() => undefined);
  await table.readReusingBuffers(
    used.map((i) => header[i] as string),
    (batch) => {
      for (const i of used) columns[i] = batch.columns.get(header[i] as string);
      builder.addColumns(columns, batch.rowEnd - batch.rowStart);
    },
  );
  return builder.build();
}

function layout(file: string, header: readonly string[], options: FeatureFileOptions): Layout {
  checkUniqueHeader(header, file);
  const cols = options.columns ?? {};
  const timestamp =
    cols.timestamp !== undefined
      ? findColumn(header, [cols.timestamp])
      : findColumn(header, ['timestamp', 'datetime', 'date', 'time']);
  if (timestamp < 0) throw missingColumn(file, cols.timestamp ?? 'timestamp', header);
  const symbol = resolveSymbolColumn(header, cols.symbol, file);
  const availableAt = findColumn(
    header,
    cols.availableAt !== undefined ? [cols.availableAt] : ['available_at', 'availableAt'],
  );
  if (availableAt < 0 && cols.availableAt !== undefined) throw missingColumn(file, cols.availableAt, header);
  let features: number[];
  if (options.features !== undefined) {
    features = options.features.map((name) => {
      const at = findColumn(header, [name]);
      if (at < 0) throw missingColumn(file, name, header);
      return at;
    });
  } else {
    features = header.map((_, i) => i).filter((i) => i !== timestamp && i !== symbol && i !== availableAt);
  }
  if (features.length === 0) throw missingColumn(file, '<feature>', header);
  return { timestamp, symbol, availableAt, features };
}
