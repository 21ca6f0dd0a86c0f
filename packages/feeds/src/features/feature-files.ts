import { type DataIssue, DataValidationError } from '@ml4t/core';
import { readCsvFile } from '../csv/csv-parser.js';
import { checkUniqueHeader, findColumn, missingColumn, resolveSymbolColumn } from '../io/column-names.js';
import { CellStatus, NumberCell } from '../io/parse-number.js';
import { type TimestampFormat, timestampParser } from '../io/timestamp-format.js';
import { columnTypeError, isNumericColumn, isTemporalColumn, openParquetTable } from '../parquet/parquet-table.js';
import { IssueList } from '../validation/issue-list.js';
import type { FeatureTable } from './feature-table.js';

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

interface Layout {
  readonly timestamp: number;
  readonly symbol: number;
  readonly availableAt: number;
  /** Header index of each feature. */
  readonly features: readonly number[];
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
  const table = await openParquetTable(path);
  const { header, elements } = table;
  const lay = layout(path, header, options);
  for (const at of lay.features) {
    const el = elements[at];
    if (el !== undefined && !isNumericColumn(el)) throw columnTypeError(path, el, 'numbers');
  }
  const tsEl = elements[lay.timestamp];
  const native = tsEl !== undefined && isTemporalColumn(tsEl);
  const builder = new FeatureTableBuilder(path, header, lay, native ? 'epoch-ms' : options.timestampFormat);
  const used = [lay.timestamp, lay.symbol, lay.availableAt, ...lay.features].filter((i) => i >= 0);
  const slots: (ArrayLike<unknown> | undefined)[] = header.map(() => undefined);
  let local = 0;
  const cell = (c: number): unknown => slots[c]?.[local];
  await table.read(
    used.map((i) => header[i] as string),
    (batch) => {
      for (const i of used) slots[i] = batch.columns.get(header[i] as string);
      for (local = 0; local < batch.rowEnd - batch.rowStart; local++) builder.add(cell);
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

/** Accumulates feature rows from cells, collecting parse issues. */
class FeatureTableBuilder {
  private readonly ts = new GrowableColumn();
  private readonly avail = new GrowableColumn();
  private readonly syms = new GrowableColumn();
  private readonly symbolIds = new Map<string, number>();
  private readonly symbolNames: string[] = [];
  private readonly values: GrowableColumn[];
  private readonly issues = new IssueList(1000);
  private readonly parseTime: (v: unknown) => number;
  private readonly parseAvail: (v: unknown) => number;
  private readonly num = new NumberCell();
  private row = 0;

  constructor(
    private readonly file: string,
    private readonly header: readonly string[],
    private readonly lay: Layout,
    format: TimestampFormat | undefined,
  ) {
    this.values = lay.features.map(() => new GrowableColumn());
    this.parseTime = timestampParser(format);
    this.parseAvail = timestampParser(format);
  }

  add(cell: (c: number) => unknown): void {
    this.row++;
    const t = this.parseTime(cell(this.lay.timestamp));
    if (Number.isNaN(t))
      this.issue(this.lay.timestamp, 'bad-timestamp', cell(this.lay.timestamp), 'unparsable timestamp');
    this.ts.push(t);
    if (this.lay.symbol >= 0) {
      const s = cell(this.lay.symbol);
      const text = typeof s === 'string' ? s.trim() : s === null || s === undefined ? '' : String(s);
      if (text.length === 0) this.issue(this.lay.symbol, 'missing-value', '', 'symbol is empty');
      let id = this.symbolIds.get(text);
      if (id === undefined) {
        id = this.symbolNames.length;
        this.symbolIds.set(text, id);
        this.symbolNames.push(text);
      }
      this.syms.push(id);
    }
    if (this.lay.availableAt >= 0) {
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
      (this.values[f] as GrowableColumn).push(this.num.value);
    }
  }

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

  build(): FeatureTable {
    if (this.issues.count > 0) throw new DataValidationError(this.issues.items);
    const features: Record<string, Float64Array> = {};
    this.lay.features.forEach((at, f) => {
      features[this.header[at] as string] = (this.values[f] as GrowableColumn).take();
    });
    const timestamp = this.ts.take();
    const availableAt = this.lay.availableAt >= 0 ? { availableAt: this.avail.take() } : {};
    if (this.lay.symbol >= 0) {
      const symbol = Int32Array.from(this.syms.take());
      return {
        kind: 'symbol',
        file: this.file,
        timestamp,
        symbol,
        symbols: this.symbolNames,
        features,
        ...availableAt,
      };
    }
    return { kind: 'market', file: this.file, timestamp, features, ...availableAt };
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

/** A Float64Array that doubles when full. */
class GrowableColumn {
  private data = new Float64Array(1024);
  private size = 0;

  push(v: number): void {
    if (this.size === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.size++] = v;
  }

  /** The values pushed, as an exact-length array. */
  take(): Float64Array {
    return this.data.slice(0, this.size);
  }
}
