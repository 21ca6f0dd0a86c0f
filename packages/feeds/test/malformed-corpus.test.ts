import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataValidationError } from '@ml4t/core';
import { describe, expect, it } from 'vitest';
import {
  csvFeed,
  PrecomputedFeatureProvider,
  parquetFeed,
  readCorporateActionsCsv,
  readFeatureCsv,
} from '../src/index.js';

const dir = join(import.meta.dirname, 'fixtures', 'malformed');

interface Expected {
  readonly rule: string;
  readonly row?: number;
  readonly column?: string;
  readonly symbol?: string;
}

type Loader = (path: string) => unknown;
const bars: Loader = (path) => csvFeed(path);
const features: Loader = (path) => PrecomputedFeatureProvider.fromTables([readFeatureCsv(path)]);
const actions: Loader = (path) => readCorporateActionsCsv(path);
const parquet: Loader = (path) => parquetFeed(path);

// Every file of the corpus with the exact error it must produce: file, 1-based data row (header excluded),
// column as written in the file, and rule.
const CORPUS: Readonly<Record<string, [Loader, Expected]>> = {
  'missing-close-column.csv': [bars, { rule: 'missing-column', column: 'close' }],
  'missing-timestamp-column.csv': [bars, { rule: 'missing-column', column: 'timestamp' }],
  'bad-timestamp.csv': [bars, { rule: 'bad-timestamp', row: 2, column: 'timestamp' }],
  'impossible-date.csv': [bars, { rule: 'bad-timestamp', row: 2, column: 'timestamp' }],
  'open-not-a-number.csv': [bars, { rule: 'not-a-number', row: 3, column: 'open' }],
  'empty-close.csv': [bars, { rule: 'missing-value', row: 2, column: 'close' }],
  'nan-high.csv': [bars, { rule: 'not-finite', row: 2, column: 'high', symbol: 'AAA' }],
  'infinite-volume.csv': [bars, { rule: 'not-finite', row: 2, column: 'volume' }],
  'crlf-overflow.csv': [bars, { rule: 'not-finite', row: 2, column: 'volume' }],
  'zero-low.csv': [bars, { rule: 'non-positive-price', row: 2, column: 'low' }],
  'negative-open.csv': [bars, { rule: 'non-positive-price', row: 1, column: 'open' }],
  'high-below-low.csv': [bars, { rule: 'high-below-low', row: 3, column: 'high' }],
  'open-above-high.csv': [bars, { rule: 'open-outside-range', row: 2, column: 'open' }],
  'close-below-low.csv': [bars, { rule: 'close-outside-range', row: 2, column: 'close' }],
  'negative-volume.csv': [bars, { rule: 'negative-volume', row: 2, column: 'volume' }],
  'unsorted.csv': [bars, { rule: 'unsorted', row: 2, column: 'timestamp' }],
  'duplicate-bar.csv': [bars, { rule: 'duplicate-bar', row: 3, column: 'timestamp', symbol: 'AAA' }],
  'unterminated-quote.csv': [bars, { rule: 'csv-syntax', row: 2, column: '#2' }],
  'text-after-quote.csv': [bars, { rule: 'csv-syntax', row: 2, column: '#2' }],
  'field-count.csv': [bars, { rule: 'field-count', row: 2 }],
  'empty-symbol.csv': [bars, { rule: 'missing-value', row: 2, column: 'symbol' }],
  'crossed-quote.csv': [bars, { rule: 'crossed-quote', row: 2, column: 'bid' }],
  'negative-bid-size.csv': [bars, { rule: 'negative-size', row: 1, column: 'bid_size' }],
  'epoch-garbage.csv': [bars, { rule: 'bad-timestamp', row: 2, column: 'timestamp' }],
  'empty-file.csv': [bars, { rule: 'empty-file' }],
  'header-only.csv': [bars, { rule: 'no-rows' }],
  'duplicate-column.csv': [bars, { rule: 'duplicate-column', column: 'Close' }],
  'ambiguous-symbol.csv': [bars, { rule: 'ambiguous-column', column: 'ticker' }],
  'MSFT.csv': [bars, { rule: 'unsorted', row: 2, column: 'Date', symbol: 'MSFT' }],
  'scores-duplicate.csv': [features, { rule: 'duplicate-feature', row: 2, column: 'score' }],
  'scores-not-a-number.csv': [features, { rule: 'not-a-number', row: 2, column: 'score' }],
  'actions-bad-ratio.csv': [actions, { rule: 'bad-ratio', row: 2, column: 'value', symbol: 'AAA' }],
  'pq-close-as-string.parquet': [parquet, { rule: 'column-type', column: 'close' }],
  'pq-missing-volume.parquet': [parquet, { rule: 'missing-column', column: 'volume' }],
  'pq-high-below-low.parquet': [parquet, { rule: 'high-below-low', row: 3, column: 'high' }],
  'pq-null-close.parquet': [parquet, { rule: 'missing-value', row: 2, column: 'close' }],
  'pq-unsorted.parquet': [parquet, { rule: 'unsorted', row: 3, column: 'timestamp' }],
  'pq-not-parquet.parquet': [parquet, { rule: 'unreadable' }],
};

async function failure(load: Loader, path: string): Promise<DataValidationError> {
  let result: unknown;
  try {
    result = await load(path);
  } catch (error) {
    expect(error).toBeInstanceOf(DataValidationError);
    return error as DataValidationError;
  }
  throw new Error(`${path} loaded (${String(result)}) instead of failing`);
}

describe('malformed input corpus', () => {
  it('has at least 25 files, each with an expected error', () => {
    const files = readdirSync(dir).sort();
    expect(files.length).toBeGreaterThanOrEqual(25);
    expect(files).toEqual(Object.keys(CORPUS).sort());
  });

  for (const [name, [load, expected]] of Object.entries(CORPUS)) {
    it(`${name} → ${expected.rule}`, async () => {
      const path = join(dir, name);
      const error = await failure(load, path);
      expect(error.file).toBe(path);
      expect(error.rule).toBe(expected.rule);
      expect(error.row).toBe(expected.row);
      expect(error.column).toBe(expected.column);
      if (expected.symbol !== undefined) expect(error.issues[0]?.symbol).toBe(expected.symbol);
      expect(error.code).toBe('DATA_VALIDATION');
      expect(error.message).toContain(expected.rule);
    });
  }
});
