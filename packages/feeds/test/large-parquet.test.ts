import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BarSink } from '@ml4t/core';
import { afterAll, describe, expect, it } from 'vitest';
import { generateMarket, loadMarketDirectory, writeMarketParquet } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'ml4t-feeds-large-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The BENCHMARKS.md dataset shape: 250 symbols × 5,040 business days. Benchmarks time this same
// loadMarketDirectory call and record its peak RSS; the test only checks that it loads and replays intact.
describe('250 × 5,040 Parquet dataset', () => {
  it('loads and replays every bar with its features', { timeout: 180_000 }, async () => {
    const market = generateMarket({ symbols: 250, bars: 5040, seed: 7 });
    await writeMarketParquet(market, dir);
    const { feed, features, report } = await loadMarketDirectory(dir);
    expect(report.rowsOut).toBe(1_260_000);
    expect(feed.length).toBe(1_260_000);
    let bars = 0;
    let slices = 0;
    let closeSum = 0;
    const sink: BarSink = {
      push: (_s, _o, _h, _l, c) => {
        bars++;
        closeSum += c;
      },
    };
    while (!feed.isExhausted) {
      feed.drain(feed.peekNextTimestamp(), sink);
      slices++;
    }
    expect(bars).toBe(1_260_000);
    expect(slices).toBe(5040);
    let expectedSum = 0;
    for (const c of market.bars.close) expectedSum += c;
    expect(closeSum).toBe(expectedSum);
    const last = market.timestamps[5039] as number;
    expect(features?.value(last, 249, 'score')).toBe(market.scores[5039 * 250 + 249]);
    expect(features?.marketValue(last, 'vix')).toBe(market.vix[5039]);
  });
});
