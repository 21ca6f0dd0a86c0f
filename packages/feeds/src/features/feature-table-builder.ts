import { type DataIssue, DataValidationError } from '@ml4t/core';
import { GrowableColumn } from '../io/growable-column.js';
import { NumberColumn } from '../io/number-column.js';
import { CellStatus, NumberCell } from '../io/parse-number.js';
import { type TimestampFormat, timestampParser } from '../io/timestamp-format.js';
import { IssueList } from '../validation/issue-list.js';
import type { FeatureTable } from './feature-table.js';

/** Where the key and feature columns of a features file are, by header index (-1: absent). */
export interface Layout {
  readonly timestamp: number;
  readonly symbol: number;
  readonly availableAt: number;
  /** Header index of each feature. */
  readonly features: readonly number[];
}

/** Accumulates feature rows from cells, collecting parse issues; {@link FeatureTableBuilder.build} throws them. */
export class FeatureTableBuilder {
  private readonly ts: GrowableColumn<Float64Array>;
  private readonly avail: GrowableColumn<Float64Array> | undefined;
  private readonly syms: GrowableColumn<Int32Array> | undefined;
  private readonly symbolIds = new Map<string, number>();
  private readonly symbolNames: string[] = [];
  private readonly values: GrowableColumn<Float64Array>[];
  private readonly issues = new IssueList(1000);
  private readonly parseTime: (v: unknown) => number;
  private readonly parseAvail: (v: unknown) => number;
  private readonly num = new NumberCell();
  /** Whether numeric timestamps are epoch milliseconds as they are (no parsing needed for numbers). */
  private readonly epochMs: boolean;
  // Readers of decoded columns for addColumns: the timestamp, then each feature.
  private readonly timestampNumbers = new NumberColumn();
  private readonly featureNumbers: NumberColumn[];
  private row = 0;

  /** @param capacity - expected row count, to allocate the columns once (e.g. a Parquet footer's). */
  constructor(
    private readonly file: string,
    private readonly header: readonly string[],
    private readonly lay: Layout,
    format: TimestampFormat | undefined,
    capacity?: number,
  ) {
    this.epochMs = format === 'epoch-ms';
    this.featureNumbers = lay.features.map(() => new NumberColumn());
    const float = (): GrowableColumn<Float64Array> => new GrowableColumn((n) => new Float64Array(n), capacity);
    this.ts = float();
    this.avail = lay.availableAt >= 0 ? float() : undefined;
    this.syms = lay.symbol >= 0 ? new GrowableColumn((n) => new Int32Array(n), capacity) : undefined;
    this.values = lay.features.map(float);
    this.parseTime = timestampParser(format);
    this.parseAvail = timestampParser(format);
  }

  /** Adds one row; `cell(c)` returns the cell at header index `c`. */
  add(cell: (c: number) => unknown): void {
    this.row++;
    const t = this.parseTime(cell(this.lay.timestamp));
    if (Number.isNaN(t))
      this.issue(this.lay.timestamp, 'bad-timestamp', cell(this.lay.timestamp), 'unparsable timestamp');
    this.ts.push(t);
    if (this.syms !== undefined) this.syms.push(this.symbolId(cell(this.lay.symbol)));
    if (this.avail !== undefined) {
      const raw = cell(this.lay.availableAt);
      const a = raw === '' || raw === null || raw === undefined ? Number.NaN : this.parseAvail(raw);
      if (Number.isNaN(a) && !(raw === '' || raw === null || raw === undefined)) {
        this.issue(this.lay.availableAt, 'bad-timestamp', raw, 'unparsable availability time');
      }
      this.avail.push(a);
    }
    for (let f = 0; f < this.lay.features.length; f++) {
      const at = this.lay.features[f] as number;
      const raw = cell(at);
      const status = this.num.read(raw);
      if (status === CellStatus.Invalid) this.issue(at, 'not-a-number', raw, `${this.header[at]} is not a number`);
      (this.values[f] as GrowableColumn<Float64Array>).push(this.num.value);
    }
  }

  /**
   * Adds `count` rows from decoded columns indexed like the header: `columns[c][i]` is the cell of column `c`
   * in the i-th of these rows. Same rules and issues as {@link FeatureTableBuilder.add}, row by row; when the
   * timestamps are epoch milliseconds, there is no availability column and every timestamp and feature cell
   * is a number (e.g. `Float64Array` columns), numbers are copied without a conversion or an allocation per
   * cell.
   */
  addColumns(columns: readonly (ArrayLike<unknown> | undefined)[], count: number): void {
    const timestamps = columns[this.lay.timestamp];
    const fast = this.epochMs && this.avail === undefined && timestamps !== undefined;
    const ts = fast ? this.timestampNumbers.read(timestamps, count) : undefined;
    const features = this.lay.features.map((at, f) => {
      const values = columns[at];
      return ts === undefined || values === undefined
        ? undefined
        : (this.featureNumbers[f] as NumberColumn).read(values, count);
    });
    if (ts === undefined || features.includes(undefined)) {
      let i = 0;
      const cell = (c: number): unknown => columns[c]?.[i];
      for (; i < count; i++) this.add(cell);
      return;
    }
    const symbols = this.syms !== undefined ? columns[this.lay.symbol] : undefined;
    for (let i = 0; i < count; i++) {
      this.row++;
      const t = ts[i] as number;
      if (Number.isNaN(t)) this.issue(this.lay.timestamp, 'bad-timestamp', t, 'unparsable timestamp');
      this.ts.push(t);
      if (this.syms !== undefined) this.syms.push(this.symbolId(symbols?.[i]));
      for (let f = 0; f < features.length; f++) {
        (this.values[f] as GrowableColumn<Float64Array>).push((features[f] as Float64Array)[i] as number);
      }
    }
  }

  /** Records a CSV record that does not have the header's field count (rule `field-count`). */
  malformed(record: number, count: number, width: number): void {
    this.row = record;
    this.issues.add({
      file: this.file,
      row: record,
      rule: 'field-count',
      value: String(count),
      message: `${count} fields, the header has ${width}`,
    });
  }

  /**
   * The rows added, as a {@link FeatureTable}.
   *
   * @throws DataValidationError with every issue recorded, when there is one.
   */
  build(): FeatureTable {
    if (this.issues.count > 0) throw new DataValidationError(this.issues.items);
    const features: Record<string, Float64Array> = {};
    this.lay.features.forEach((at, f) => {
      features[this.header[at] as string] = (this.values[f] as GrowableColumn<Float64Array>).take();
    });
    const timestamp = this.ts.take();
    const availableAt = this.avail !== undefined ? { availableAt: this.avail.take() } : {};
    if (this.syms !== undefined) {
      return {
        kind: 'symbol',
        file: this.file,
        timestamp,
        symbol: this.syms.take(),
        symbols: this.symbolNames,
        features,
        ...availableAt,
      };
    }
    return { kind: 'market', file: this.file, timestamp, features, ...availableAt };
  }

  /** The id of the symbol cell `raw`, registering it when new; an empty cell is `missing-value`. */
  private symbolId(raw: unknown): number {
    const text = typeof raw === 'string' ? raw.trim() : raw === null || raw === undefined ? '' : String(raw);
    if (text.length === 0) this.issue(this.lay.symbol, 'missing-value', '', 'symbol is empty');
    let id = this.symbolIds.get(text);
    if (id === undefined) {
      id = this.symbolNames.length;
      this.symbolIds.set(text, id);
      this.symbolNames.push(text);
    }
    return id;
  }

  private issue(column: number, rule: string, value: unknown, message: string): void {
    const entry: DataIssue = {
      file: this.file,
      row: this.row,
      column: this.header[column] as string,
      rule,
      value: String(value),
      message,
    };
    this.issues.add(entry);
  }
}
