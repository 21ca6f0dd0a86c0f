import { bar, type MarketEvent } from '@ml4t/core';
import { MultiSymbolDataFeed } from '@ml4t/feeds';

export const DAY = 86_400_000;
export const T0 = Date.UTC(2024, 0, 2);

/** Daily bars for several symbols: `rows[i][symbol] = [open, high, low, close]` on day i. */
export function dailyBars(
  rows: readonly Readonly<Record<string, readonly [number, number, number, number]>>[],
): MultiSymbolDataFeed {
  const events: MarketEvent[] = [];
  rows.forEach((row, i) => {
    for (const [symbol, [open, high, low, close]] of Object.entries(row)) {
      events.push(bar({ timestamp: T0 + i * DAY, symbol, open, high, low, close, volume: 1_000_000 }));
    }
  });
  return MultiSymbolDataFeed.fromEvents(events, { name: 'test-feed' });
}

/** Flat bars (O = H = L = C) from closes. */
export function flat(closes: readonly number[]): [number, number, number, number][] {
  return closes.map((c) => [c, c, c, c]);
}
