import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataValidationError } from '@ml4t/core';
import { asyncBufferFromFile, parquetMetadataAsync } from 'hyparquet';
import { type ColumnSource, parquetWriteFile } from 'hyparquet-writer';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type BarColumns,
  generateMarket,
  openParquetTable,
  readFeatureParquet,
  readParquetBars,
} from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'ml4t-feeds-pq-batches-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const market = generateMarket({ symbols: 4, bars: 30, seed: 11, quotes: true });
const names = Array.from(market.bars.symbol, (s) => market.symbols[s] as string);
const FIELDS = ['open', 'high', 'low', 'close', 'volume', 'bid', 'ask', 'bidSize', 'askSize'] as const;

interface Layout {
  readonly codec: 'SNAPPY' | 'UNCOMPRESSED';
  /** Encoding of the symbol column: dictionary (hyparquet-writer's choice here) or plain strings. */
  readonly symbols: 'RLE_DICTIONARY' | 'PLAIN';
}

// Row groups of 7 rows and pages of ~8 values: every batch boundary and several pages per column chunk.
function write(path: string, columnData: ColumnSource[], codec: Layout['codec']): void {
  parquetWriteFile({ filename: path, columnData, codec, rowGroupSize: 7, pageSize: 64 });
}

function writeBars(path: string, layout: Layout): void {
  const bars = market.bars;
  write(
    path,
    [
      { name: 'timestamp', data: bars.timestamp, type: 'TIMESTAMP', nullable: false },
      { name: 'symbol', data: names, type: 'STRING', nullable: false, encoding: layout.symbols },
      ...FIELDS.map((f): ColumnSource => ({ name: f, data: bars[f] as Float64Array, type: 'DOUBLE', nullable: false })),
    ],
    layout.codec,
  );
}

async function symbolEncodings(path: string): Promise<string[]> {
  const metadata = await parquetMetadataAsync(await asyncBufferFromFile(path));
  const chunk = metadata.row_groups[0]?.columns.find((c) => c.meta_data?.path_in_schema[0] === 'symbol');
  return chunk?.meta_data?.encodings ?? [];
}

function expectBars(actual: BarColumns, expected: BarColumns): void {
  expect(actual.symbols).toEqual(expected.symbols);
  for (const key of ['timestamp', 'symbol', ...FIELDS] as const) {
    const a = actual[key];
    const e = expected[key];
    if (a === undefined || e === undefined) expect(a, key).toBe(e);
    else expect(Array.from(a), key).toEqual(Array.from(e));
  }
}

const LAYOUTS: readonly Layout[] = [
  { codec: 'SNAPPY', symbols: 'RLE_DICTIONARY' },
  { codec: 'SNAPPY', symbols: 'PLAIN' },
  { codec: 'UNCOMPRESSED', symbols: 'RLE_DICTIONARY' },
  { codec: 'UNCOMPRESSED', symbols: 'PLAIN' },
];

describe('Parquet loaders over many row groups and pages', () => {
  for (const layout of LAYOUTS) {
    it(`reads the same bars and scores: ${layout.codec} pages, ${layout.symbols} symbols`, async () => {
      const prices = join(dir, `prices-${layout.codec}-${layout.symbols}.parquet`);
      writeBars(prices, layout);
      const encodings = await symbolEncodings(prices);
      expect(encodings.includes('RLE_DICTIONARY')).toBe(layout.symbols === 'RLE_DICTIONARY');
      const { bars, report } = await readParquetBars(prices);
      expectBars(bars, market.bars);
      expect(report.rowsOut).toBe(120);

      const scoresPath = join(dir, `scores-${layout.codec}-${layout.symbols}.parquet`);
      write(
        scoresPath,
        [
          { name: 'timestamp', data: market.bars.timestamp, type: 'TIMESTAMP', nullable: false },
          { name: 'symbol', data: names, type: 'STRING', nullable: false, encoding: layout.symbols },
          { name: 'score', data: market.scores, type: 'DOUBLE', nullable: false },
        ],
        layout.codec,
      );
      const scores = await readFeatureParquet(scoresPath);
      expect(scores.kind).toBe('symbol');
      expect(Array.from(scores.timestamp)).toEqual(Array.from(market.bars.timestamp));
      expect(Array.from(scores.features.score ?? [])).toEqual(Array.from(market.scores));
      if (scores.kind === 'symbol') {
        const read = Array.from(scores.symbol as Int32Array, (s) => scores.symbols?.[s]);
        expect(read).toEqual(names);
      }
    });
  }

  it('keeps the batches of openParquetTable intact after later ones are read', async () => {
    const path = join(dir, 'public-read.parquet');
    writeBars(path, { codec: 'SNAPPY', symbols: 'RLE_DICTIONARY' });
    const table = await openParquetTable(path);
    const batches: { rowStart: number; close: ArrayLike<unknown> }[] = [];
    await table.read(['close'], (batch) => {
      batches.push({ rowStart: batch.rowStart, close: batch.columns.get('close') as ArrayLike<unknown> });
    });
    expect(batches.length).toBe(Math.ceil(120 / 7));
    for (const { rowStart, close } of batches) {
      expect(Array.from(close)).toEqual(Array.from(market.bars.close.subarray(rowStart, rowStart + close.length)));
    }
  });

  it('reads integer and float columns, and bigint volumes cell by cell, as numbers', async () => {
    const bars = market.bars;
    const base = (volume: ColumnSource): ColumnSource[] => [
      { name: 'timestamp', data: bars.timestamp, type: 'TIMESTAMP', nullable: false },
      { name: 'symbol', data: names, type: 'STRING', nullable: false },
      ...(['open', 'high', 'low', 'close'] as const).map(
        (f): ColumnSource => ({ name: f, data: Float32Array.from(bars[f]), type: 'FLOAT', nullable: false }),
      ),
      volume,
    ];
    const rounded = Float64Array.from(bars.volume, Math.round);
    const int32 = join(dir, 'int32-volume.parquet');
    write(int32, base({ name: 'volume', data: Int32Array.from(rounded), type: 'INT32', nullable: false }), 'SNAPPY');
    const int64 = join(dir, 'int64-volume.parquet');
    const bigints = BigInt64Array.from(rounded, (v) => BigInt(v));
    write(int64, base({ name: 'volume', data: bigints, type: 'INT64', nullable: false }), 'SNAPPY');
    for (const path of [int32, int64]) {
      const read = (await readParquetBars(path)).bars;
      expect(Array.from(read.volume)).toEqual(Array.from(rounded));
      expect(Array.from(read.close)).toEqual(Array.from(Float32Array.from(bars.close)));
    }
  });

  it('reports a NaN epoch timestamp with its row, read as numbers or cell by cell', async () => {
    const t = [Date.UTC(2020, 0, 2), Date.UTC(2020, 0, 3), Number.NaN, Date.UTC(2020, 0, 7)];
    const path = join(dir, 'nan-timestamp.parquet');
    write(
      path,
      [
        { name: 'timestamp', data: t, type: 'DOUBLE', nullable: false },
        { name: 'symbol', data: ['A', 'A', 'A', 'A'], type: 'STRING', nullable: false },
        ...['open', 'high', 'low', 'close', 'volume'].map(
          (name): ColumnSource => ({ name, data: [10, 10, 10, 10], type: 'DOUBLE', nullable: false }),
        ),
      ],
      'SNAPPY',
    );
    for (const timestampFormat of ['epoch-ms', 'auto'] as const) {
      const error = await readParquetBars(path, { timestampFormat }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DataValidationError);
      expect(error).toMatchObject({ file: path, row: 3, column: 'timestamp', rule: 'bad-timestamp' });
    }
  });
});
