import { ColumnarFeed } from '../columnar/columnar-feed.js';
import { type BarColumnNames, columnNames, resolveBarColumns } from '../io/column-names.js';
import { RawBarsBuilder } from '../io/raw-bars-builder.js';
import type { TimestampFormat } from '../io/timestamp-format.js';
import { type ValidatedBars, validateBars } from '../validation/validate-bars.js';
import type { ValidationOptions } from '../validation/validation-options.js';

/** The part of an `apache-arrow` `Vector` this package reads. */
export interface ArrowVectorLike {
  readonly length: number;
  /** The value at `index`; `null` when missing. Timestamps may come as numbers (ms), bigints or Dates. */
  get(index: number): unknown;
}

/**
 * The part of an `apache-arrow` `Table` this package reads, so `@ml4t/feeds` works without `apache-arrow`
 * installed: any `Table` from `apache-arrow` (an optional peer dependency) satisfies it.
 */
export interface ArrowTableLike {
  readonly numRows: number;
  readonly schema: { readonly fields: readonly { readonly name: string }[] };
  getChild(name: string): ArrowVectorLike | null;
}

/** Options of {@link readArrowBars} and {@link arrowFeed}. */
export interface ArrowBarsOptions {
  /** Column names in the table (see {@link BarColumnNames} for the automatic matching). */
  readonly columns?: BarColumnNames;
  /**
   * How to read timestamps given as text or numbers (Arrow timestamp columns arrive as epoch ms).
   * @defaultValue `'epoch-ms'`
   */
  readonly timestampFormat?: TimestampFormat;
  /** The symbol of every row, when the table has no symbol column. @defaultValue `'arrow'` */
  readonly symbol?: string;
  readonly validation?: ValidationOptions;
  /** Name in issues and of the feed. @defaultValue `'arrow'` */
  readonly name?: string;
}

/**
 * Reads and validates bars from an Apache Arrow table (long format), sorted by (timestamp, symbol).
 *
 * @throws DataValidationError as for CSV: `missing-column`, `ambiguous-column`, and under the default
 * `'error'` policy any invalid row (row = 1-based row of the table).
 */
export function readArrowBars(table: ArrowTableLike, options: ArrowBarsOptions = {}): ValidatedBars {
  const name = options.name ?? 'arrow';
  const header = table.schema.fields.map((f) => f.name);
  const index = resolveBarColumns(header, options.columns ?? {}, name);
  const vectors = header.map((h) => table.getChild(h));
  const symbol = index.symbol < 0 ? (options.symbol ?? name) : undefined;
  const builder = new RawBarsBuilder(name, index, header, {
    timestampFormat: options.timestampFormat ?? 'epoch-ms',
    capacity: table.numRows,
    ...(symbol !== undefined ? { symbol } : {}),
  });
  let row = 0;
  const cell = (column: number): unknown => vectors[column]?.get(row) ?? null;
  for (; row < table.numRows; row++) builder.add(cell);
  return validateBars(builder.build(), {
    ...options.validation,
    file: name,
    columnNames: columnNames(index, header),
  });
}

/**
 * A {@link ColumnarFeed} over an Apache Arrow table (see {@link readArrowBars}).
 *
 * @example
 * ```ts
 * import { tableFromArrays } from 'apache-arrow';
 * const feed = arrowFeed(tableFromArrays({ timestamp, symbol, open, high, low, close, volume }));
 * ```
 */
export function arrowFeed(table: ArrowTableLike, options: ArrowBarsOptions = {}): ColumnarFeed {
  return new ColumnarFeed(readArrowBars(table, options).bars, { name: options.name ?? 'arrow' });
}
