import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type BarColumns,
  csvFeed,
  formatNumber,
  generateMarket,
  loadMarketDirectory,
  parquetFeed,
  readCsvBars,
  readFeatureCsv,
  readFeatureParquet,
  writeCsv,
  writeMarketCsv,
  writeMarketParquet,
} from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'ml4t-feeds-rt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function expectSameBars(actual: BarColumns, expected: BarColumns): void {
  expect(actual.symbols).toEqual(expected.symbols);
  for (const key of [
    'timestamp',
    'symbol',
    'open',
    'high',
    'low',
    'close',
    'volume',
    'bid',
    'ask',
    'bidSize',
    'askSize',
  ] as const) {
    const a = actual[key];
    const e = expected[key];
    expect(a === undefined, key).toBe(e === undefined);
    // Bit-identical: toEqual on typed arrays compares every element with Object.is.
    if (a !== undefined && e !== undefined) expect(Array.from(a), key).toEqual(Array.from(e));
  }
}

describe('round trip: generator → files → feeds → identical bars', () => {
  const market = generateMarket({ symbols: 7, bars: 60, seed: 3, quotes: true });
  const marketNoQuotes = generateMarket({ symbols: 5, bars: 40, seed: 4 });

  it('through Parquet (with quotes), bars, scores and vix', async () => {
    const out = join(dir, 'pq');
    await writeMarketParquet(market, out);
    const feed = await parquetFeed(join(out, 'prices.parquet'));
    expectSameBars(feed.columns, market.bars);
    const scores = await readFeatureParquet(join(out, 'scores.parquet'));
    expect(Array.from(scores.features.score ?? [])).toEqual(Array.from(market.scores));
    const vix = await readFeatureParquet(join(out, 'vix.parquet'));
    expect(vix.kind).toBe('market');
    expect(Array.from(vix.features.vix ?? [])).toEqual(Array.from(market.vix));
    expect(Array.from(vix.timestamp)).toEqual(Array.from(market.timestamps));
  });

  it('through CSV (shortest round-trip numbers), bars, scores and vix', () => {
    const out = join(dir, 'csv');
    writeMarketCsv(market, out);
    expect(readFileSync(join(out, 'prices.csv'), 'utf8').split('\n')[0]).toBe(
      'timestamp,symbol,open,high,low,close,volume,bid,ask,bidSize,askSize',
    );
    expectSameBars(csvFeed(join(out, 'prices.csv')).columns, market.bars);
    const scores = readFeatureCsv(join(out, 'scores.csv'));
    expect(Array.from(scores.features.score ?? [])).toEqual(Array.from(market.scores));
    expect(Array.from(readFeatureCsv(join(out, 'vix.csv')).features.vix ?? [])).toEqual(Array.from(market.vix));
  });

  it('without quotes, and through loadMarketDirectory into a feed and features', async () => {
    const out = join(dir, 'plain');
    writeMarketCsv(marketNoQuotes, out);
    await writeMarketParquet(marketNoQuotes, out);
    for (const format of ['csv', 'parquet'] as const) {
      const loaded = await loadMarketDirectory(out, { format });
      expectSameBars(loaded.feed.columns, marketNoQuotes.bars);
      const features = loaded.features;
      expect(features?.featureNames).toEqual(['score']);
      expect(features?.marketFeatureNames).toEqual(['vix']);
      const t5 = marketNoQuotes.timestamps[5] as number;
      expect(features?.value(t5, 2, 'score')).toBe(marketNoQuotes.scores[5 * 5 + 2]);
      expect(features?.marketValue(t5, 'vix')).toBe(marketNoQuotes.vix[5]);
      expect(loaded.report.rowsOut).toBe(200);
    }
  });

  it('one file per symbol (symbol from the file name) merges into the same bars', () => {
    const m = marketNoQuotes;
    const N = m.symbols.length;
    const paths = m.symbols.map((name, i) => {
      const path = join(dir, `${name}.csv`);
      const cols = [m.bars.open, m.bars.high, m.bars.low, m.bars.close, m.bars.volume];
      writeCsv(path, ['Date', 'Open', 'High', 'Low', 'Close', 'Volume'], m.timestamps.length, (t, c) =>
        c === 0 ? String(m.timestamps[t]) : formatNumber(cols[c - 1]?.[t * N + i] as number),
      );
      return path;
    });
    const { bars, report } = readCsvBars(paths, { timestampFormat: 'epoch-ms' });
    expectSameBars(bars, m.bars);
    expect(report.rowsIn).toBe(m.bars.timestamp.length);
  });
});
