import { bar, type MarketEvent } from '@ml4t/core';
import { ColumnarFeed, MultiSymbolDataFeed } from '@ml4t/feeds';

/** One bar as a tuple-ish input for tests. */
export interface TestBar {
  readonly t: number;
  readonly symbol?: string;
  readonly o: number;
  readonly h: number;
  readonly l: number;
  readonly c: number;
  readonly v?: number;
  readonly bid?: number;
  readonly ask?: number;
}

export const DAY = 86_400_000;
export const T0 = Date.UTC(2020, 0, 2);

/** Builds market events (symbol `A` unless given; volume 1,000,000 unless given). */
export function toEvents(bars: readonly TestBar[]): MarketEvent[] {
  return bars.map((b) =>
    bar({
      timestamp: T0 + b.t * DAY,
      symbol: b.symbol ?? 'A',
      open: b.o,
      high: b.h,
      low: b.l,
      close: b.c,
      volume: b.v ?? 1_000_000,
      ...(b.bid !== undefined ? { bid: b.bid } : {}),
      ...(b.ask !== undefined ? { ask: b.ask } : {}),
    }),
  );
}

/** Daily bars of symbol `A` from OHLC tuples, one day apart starting at T0. */
export function daily(rows: readonly (readonly [number, number, number, number])[], volume = 1_000_000): TestBar[] {
  return rows.map(([o, h, l, c], t) => ({ t, o, h, l, c, v: volume }));
}

/**
 * The feed tests replay: `MultiSymbolDataFeed.fromEvents` under `name` (bars validated, policy `'error'`),
 * kept as a constructible class so call sites read `new ArrayFeed(name, events)`.
 */
export class ArrayFeed extends ColumnarFeed {
  constructor(name: string, events: readonly MarketEvent[]) {
    super(MultiSymbolDataFeed.fromEvents(events, { name }).columns, { name });
  }
}
