import type { DataIssue } from '@ml4t/core';
import { BarColumnsBuilder } from '../columnar/bar-columns-builder.js';
import type { RawBars } from '../validation/validate-bars.js';
import type { BarColumnIndex, BarField } from './column-names.js';
import { NumberColumn } from './number-column.js';
import { CellStatus, NumberCell } from './parse-number.js';
import { type TimestampFormat, timestampParser } from './timestamp-format.js';

/** Options of {@link RawBarsBuilder}. */
export interface RawBarsBuilderOptions {
  readonly timestampFormat?: TimestampFormat;
  /** The symbol of every row, for single-symbol sources (no symbol column). */
  readonly symbol?: string;
  /** Expected row count, to allocate once. */
  readonly capacity?: number;
}

const NUMERIC: readonly Exclude<BarField, 'timestamp' | 'symbol'>[] = [
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
 * Turns source cells (text, numbers, bigints, dates, nulls) into {@link RawBars}, one row per source row, and
 * records a parse issue (`bad-timestamp`, `not-a-number`, `missing-value`, `field-count`) for each cell it
 * cannot read. A row with an issue is still stored (as `NaN`s) so that row `i` stays data row `i + 1`.
 */
export class RawBarsBuilder {
  private readonly out: BarColumnsBuilder;
  private readonly issues: DataIssue[] = [];
  private readonly parseTime: (value: unknown) => number;
  private readonly cell = new NumberCell();
  private readonly fixedSymbol: number;
  /** Whether numeric timestamps are epoch milliseconds as they are (no parsing needed for numbers). */
  private readonly epochMs: boolean;
  private lastSymbol = -1;
  private lastSymbolText = '';
  private row = 0;
  private readonly values = new Float64Array(NUMERIC.length);
  // Readers of decoded columns for addColumns: the timestamp, then each NUMERIC field.
  private readonly timestampNumbers = new NumberColumn();
  private readonly fieldNumbers = NUMERIC.map(() => new NumberColumn());

  constructor(
    private readonly file: string,
    private readonly index: BarColumnIndex,
    private readonly header: readonly string[],
    options: RawBarsBuilderOptions = {},
  ) {
    const quotes = {
      bid: index.bid >= 0,
      ask: index.ask >= 0,
      bidSize: index.bidSize >= 0,
      askSize: index.askSize >= 0,
    };
    this.out = new BarColumnsBuilder(quotes, options.capacity ?? 1024);
    this.parseTime = timestampParser(options.timestampFormat);
    this.epochMs = options.timestampFormat === 'epoch-ms';
    this.fixedSymbol = options.symbol !== undefined ? this.out.symbolId(options.symbol) : -1;
  }

  /** Rows added so far. */
  get length(): number {
    return this.row;
  }

  /** Adds one row; `cell(column)` returns the cell at a header index. */
  add(cell: (column: number) => unknown): void {
    this.row++;
    const ts = this.parseTime(cell(this.index.timestamp));
    if (Number.isNaN(ts)) this.issue('timestamp', 'bad-timestamp', cell(this.index.timestamp), 'unparsable timestamp');
    const symbol = this.readSymbol(this.fixedSymbol >= 0 ? undefined : cell(this.index.symbol));
    const v = this.values;
    for (let f = 0; f < NUMERIC.length; f++) {
      const field = NUMERIC[f] as (typeof NUMERIC)[number];
      const at = this.index[field];
      if (at < 0) {
        v[f] = Number.NaN;
        continue;
      }
      const raw = cell(at);
      const status = this.cell.read(raw);
      v[f] = this.cell.value;
      // Quotes are optional per row: an empty quote cell means no quote.
      if (status === CellStatus.Missing && f < 5)
        this.issue(field, 'missing-value', '', `${this.name(field)} is empty`);
      if (status === CellStatus.Invalid) this.issue(field, 'not-a-number', raw, `${this.name(field)} is not a number`);
    }
    this.out.push(
      ts,
      symbol,
      v[0] as number,
      v[1] as number,
      v[2] as number,
      v[3] as number,
      v[4] as number,
      v[5],
      v[6],
      v[7],
      v[8],
    );
  }

  /**
   * Adds `count` rows from decoded columns indexed like the header: `columns[c][i]` is the cell of column `c`
   * in the i-th of these rows. Same rules and issues as {@link RawBarsBuilder.add}, row by row. When the
   * timestamps are epoch milliseconds and every timestamp and numeric cell is a number (e.g. `Float64Array`
   * columns), numbers are copied as they are, without a conversion or an allocation per cell: a number is
   * never a parse issue, and a `NaN` timestamp is `bad-timestamp` as in {@link RawBarsBuilder.add}.
   */
  addColumns(columns: readonly (ArrayLike<unknown> | undefined)[], count: number): void {
    const timestamps = columns[this.index.timestamp];
    const ts = this.epochMs && timestamps !== undefined ? this.timestampNumbers.read(timestamps, count) : undefined;
    // null: no such column; undefined: a column with cells to read one by one.
    const fields = NUMERIC.map((field, f) => {
      const values = this.index[field] >= 0 ? columns[this.index[field]] : undefined;
      return values === undefined ? null : (this.fieldNumbers[f] as NumberColumn).read(values, count);
    });
    if (ts === undefined || fields.includes(undefined)) {
      let i = 0;
      const cell = (column: number): unknown => columns[column]?.[i];
      for (; i < count; i++) this.add(cell);
      return;
    }
    const [open, high, low, close, volume, bid, ask, bidSize, askSize] = fields;
    const symbols = this.fixedSymbol >= 0 ? undefined : columns[this.index.symbol];
    const nan = Number.NaN;
    for (let i = 0; i < count; i++) {
      this.row++;
      const t = ts[i] as number;
      if (Number.isNaN(t)) this.issue('timestamp', 'bad-timestamp', t, 'unparsable timestamp');
      this.out.push(
        t,
        this.readSymbol(symbols?.[i]),
        open ? (open[i] as number) : nan,
        high ? (high[i] as number) : nan,
        low ? (low[i] as number) : nan,
        close ? (close[i] as number) : nan,
        volume ? (volume[i] as number) : nan,
        bid ? (bid[i] as number) : nan,
        ask ? (ask[i] as number) : nan,
        bidSize ? (bidSize[i] as number) : nan,
        askSize ? (askSize[i] as number) : nan,
      );
    }
  }

  /** Adds a row that could not be split into the header's columns (rule `field-count`). */
  addMalformed(fieldCount: number): void {
    this.row++;
    this.issue(
      'timestamp',
      'field-count',
      fieldCount,
      `${fieldCount} fields, the header has ${this.header.length}`,
      '',
    );
    const nan = Number.NaN;
    this.out.push(
      nan,
      this.fixedSymbol >= 0 ? this.fixedSymbol : Math.max(0, this.lastSymbol),
      nan,
      nan,
      nan,
      nan,
      nan,
    );
  }

  /** The rows read, with their parse issues. */
  build(): RawBars {
    return { ...this.out.build(), parseIssues: this.issues };
  }

  /** The id of the symbol cell `raw` (the fixed symbol when there is no symbol column). */
  private readSymbol(raw: unknown): number {
    if (this.fixedSymbol >= 0) return this.fixedSymbol;
    const text = typeof raw === 'string' ? raw.trim() : raw === null || raw === undefined ? '' : String(raw);
    if (text.length === 0) {
      this.issue('symbol', 'missing-value', '', 'symbol is empty');
      return this.lastSymbol >= 0 ? this.lastSymbol : this.out.symbolId('');
    }
    if (text !== this.lastSymbolText) {
      this.lastSymbolText = text;
      this.lastSymbol = this.out.symbolId(text);
    }
    return this.lastSymbol;
  }

  private name(field: BarField): string {
    const at = this.index[field];
    return at >= 0 ? (this.header[at] ?? field) : field;
  }

  private issue(field: BarField, rule: string, value: unknown, message: string, column = this.name(field)): void {
    this.issues.push({
      file: this.file,
      row: this.row,
      ...(column !== '' ? { column } : {}),
      rule,
      value: value instanceof Date ? value.toISOString() : String(value),
      message,
    });
  }
}
