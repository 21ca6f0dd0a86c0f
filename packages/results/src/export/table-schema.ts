import type { Money } from '@ml4t/core';

/**
 * How a column's values are typed, which decides their encoding in each format: `money` is an exact decimal
 * string everywhere; `timestamp` is ISO-8601 text in CSV and JSON and a millisecond timestamp in Parquet;
 * `number` keeps `NaN`, `±Infinity` and `-0`; `stringList` and `numberRecord` are JSON text in CSV and
 * Parquet.
 */
export type ColumnKind =
  | 'string'
  | 'optionalString'
  | 'number'
  | 'int'
  | 'boolean'
  | 'money'
  | 'timestamp'
  | 'optionalTimestamp'
  | 'stringList'
  | 'numberRecord';

/** A value as a column getter returns it, to be encoded according to the column's {@link ColumnKind}. */
export type CellValue =
  | string
  | number
  | boolean
  | Money
  | undefined
  | readonly string[]
  | Readonly<Record<string, number>>;

/** One column of an exported table: its name, kind and how to read it from a row object. */
export interface Column<T> {
  readonly name: string;
  readonly kind: ColumnKind;
  readonly get: (row: T) => CellValue;
}

/** Typed access to the cells of one stored row, whatever the file format. Throws on a missing or bad cell. */
export interface CellReader {
  string(name: string): string;
  optionalString(name: string): string | undefined;
  number(name: string): number;
  int(name: string): number;
  boolean(name: string): boolean;
  money(name: string): Money;
  timestamp(name: string): number;
  optionalTimestamp(name: string): number | undefined;
  stringList(name: string): string[];
  numberRecord(name: string): Record<string, number>;
  /** A string that must be one of `allowed`. */
  oneOf<V extends string>(name: string, allowed: readonly V[]): V;
}

/** An exported table: its file stem, its columns (in file order) and how to rebuild a row object. */
export interface TableSchema<T> {
  readonly name: string;
  readonly columns: readonly Column<T>[];
  read(cells: CellReader): T;
}
