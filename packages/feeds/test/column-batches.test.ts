import { DataValidationError } from '@ml4t/core';
import { describe, expect, it } from 'vitest';
import { FeatureTableBuilder, type Layout } from '../src/features/feature-table-builder.js';
import { resolveBarColumns } from '../src/io/column-names.js';
import { RawBarsBuilder, type RawBarsBuilderOptions } from '../src/io/raw-bars-builder.js';
import type { TimestampFormat } from '../src/io/timestamp-format.js';

const D = (d: number): number => Date.UTC(2024, 0, d);
type Columns = readonly (ArrayLike<unknown> | undefined)[];

interface Builder {
  add(cell: (c: number) => unknown): void;
  addColumns(columns: Columns, count: number): void;
  build(): unknown;
}

/** What building gives (the result, or the error thrown) from `add` row by row, then from one `addColumns`. */
function bothWays(make: () => Builder, columns: Columns, count: number): [unknown, unknown] {
  const outcome = (fill: (b: Builder) => void): unknown => {
    const builder = make();
    try {
      fill(builder);
      return builder.build();
    } catch (e) {
      return e;
    }
  };
  const byRow = outcome((b) => {
    for (let i = 0; i < count; i++) b.add((c) => columns[c]?.[i]);
  });
  return [byRow, outcome((b) => b.addColumns(columns, count))];
}

describe('RawBarsBuilder.addColumns', () => {
  const header = ['timestamp', 'symbol', 'open', 'high', 'low', 'close', 'volume', 'bid', 'ask'];
  const index = resolveBarColumns(header, {}, 'f');
  const make = (options: RawBarsBuilderOptions) => () => new RawBarsBuilder('f', index, header, options);
  const prices = (v: number[]): Float64Array => Float64Array.from(v);
  const typed: Columns = [
    [D(2), D(2), Number.NaN, D(3)],
    ['A', 'B', 'A', ' '],
    prices([1, 2, Number.NaN, 4]),
    prices([2, 3, 4, 5]),
    prices([0.5, 1, 2, 3]),
    prices([1.5, 2.5, 3, Number.POSITIVE_INFINITY]),
    prices([10, 20, 30, 40]),
    prices([1.4, Number.NaN, 2.9, 3.9]),
    prices([1.6, Number.NaN, 3.1, 4.1]),
  ];

  it('copies number columns like add, with the same issues (NaN timestamp, empty symbol)', () => {
    const [byRow, byColumns] = bothWays(make({ timestampFormat: 'epoch-ms' }), typed, 4);
    expect(byColumns).toEqual(byRow);
    expect((byColumns as { parseIssues: unknown[] }).parseIssues).toMatchObject([
      { row: 3, column: 'timestamp', rule: 'bad-timestamp', value: 'NaN' },
      { row: 4, column: 'symbol', rule: 'missing-value' },
    ]);
  });

  it('reads columns with text, nulls or bigints cell by cell, like add', () => {
    const cases: Columns[] = [
      typed.map((c, i) => (i === 5 ? [1.5, null, '3', 'abc'] : c)),
      typed.map((c, i) => (i === 6 ? BigInt64Array.from([10n, 20n, 30n, 40n]) : c)),
      typed.map((c, i) => (i === 0 ? ['2024-01-02', '2024-01-02', 'x', '2024-01-03'] : c)),
      typed.map((c, i) => (i === 2 ? Int32Array.from([1, 2, 3, 4]) : c)),
    ];
    for (const columns of cases) {
      for (const timestampFormat of ['epoch-ms', 'auto'] as const) {
        const [byRow, byColumns] = bothWays(make({ timestampFormat }), columns, 4);
        expect(byColumns).toEqual(byRow);
      }
    }
  });

  it('uses the fixed symbol and no quotes when the columns are absent', () => {
    const short = ['timestamp', 'open', 'high', 'low', 'close', 'volume'];
    const shortIndex = resolveBarColumns(short, {}, 'f');
    const columns: Columns = [[D(2), D(3)], ...[1, 2, 0.5, 1.5, 10].map((v) => prices([v, v]))];
    const builder = () => new RawBarsBuilder('f', shortIndex, short, { timestampFormat: 'epoch-ms', symbol: 'X' });
    const [byRow, byColumns] = bothWays(builder, columns, 2);
    expect(byColumns).toEqual(byRow);
    expect(byColumns).toMatchObject({ symbols: ['X'], parseIssues: [] });
  });
});

describe('FeatureTableBuilder.addColumns', () => {
  const header = ['timestamp', 'symbol', 'score', 'rank'];
  const layout = (availableAt = -1): Layout => ({ timestamp: 0, symbol: 1, availableAt, features: [2, 3] });
  const make =
    (format: TimestampFormat, lay = layout()) =>
    () =>
      new FeatureTableBuilder('f', header, lay, format, 3);
  const columns: Columns = [[D(2), D(2), D(3)], ['A', 'B', 'A'], Float64Array.from([0.1, Number.NaN, 0.3]), [1, 2, 3]];

  it('copies number columns like add', () => {
    const [byRow, byColumns] = bothWays(make('epoch-ms'), columns, 3);
    expect(byColumns).toEqual(byRow);
    expect(byColumns).toMatchObject({ kind: 'symbol', symbols: ['A', 'B'] });
  });

  it('reports the same issues: NaN timestamp and empty symbol from numbers, text in a feature cell by cell', () => {
    const numbers: Columns = [[D(2), Number.NaN, D(3)], ['A', '', 'A'], columns[2], columns[3]];
    const text: Columns = [columns[0], columns[1], columns[2], [1, 'x', 3]];
    const expected = [
      [
        numbers,
        [
          [2, 'timestamp', 'bad-timestamp'],
          [2, 'symbol', 'missing-value'],
        ],
      ],
      [text, [[2, 'rank', 'not-a-number']]],
    ] as const;
    for (const [input, issues] of expected) {
      for (const format of ['epoch-ms', 'auto'] as const) {
        const [byRow, byColumns] = bothWays(make(format), input, 3);
        expect(byColumns).toBeInstanceOf(DataValidationError);
        expect((byColumns as DataValidationError).issues).toEqual((byRow as DataValidationError).issues);
        expect((byColumns as DataValidationError).issues.map((i) => [i.row, i.column, i.rule])).toEqual(issues);
      }
    }
  });

  it('reads an availability column cell by cell, like add', () => {
    const withAvail: Columns = [...columns.slice(0, 3), [D(2), null, D(4)]];
    const lay: Layout = { timestamp: 0, symbol: 1, availableAt: 3, features: [2] };
    const [byRow, byColumns] = bothWays(make('epoch-ms', lay), withAvail, 3);
    expect(byColumns).toEqual(byRow);
    expect(byColumns).toMatchObject({ availableAt: Float64Array.from([D(2), Number.NaN, D(4)]) });
  });
});
