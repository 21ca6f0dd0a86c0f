import type { Trade, TradeDirection } from '@ml4t/core';
import { type TradeStats, tradeStats } from './trade-stats.js';

/** {@link TradeStats} per symbol, keyed by symbol name, in order of each symbol's first trade. */
export function statsBySymbol(trades: readonly Trade[]): Readonly<Record<string, TradeStats>> {
  const groups = new Map<string, Trade[]>();
  for (const t of trades) {
    const list = groups.get(t.symbol);
    if (list) list.push(t);
    else groups.set(t.symbol, [t]);
  }
  const out: Record<string, TradeStats> = {};
  // defineProperty, not assignment: a symbol may be named `__proto__`.
  for (const [symbol, list] of groups) {
    Object.defineProperty(out, symbol, {
      value: tradeStats(list),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** {@link TradeStats} for long and for short trades (both keys always present). */
export function statsBySide(trades: readonly Trade[]): Readonly<Record<TradeDirection, TradeStats>> {
  return {
    LONG: tradeStats(trades.filter((t) => t.direction === 'LONG')),
    SHORT: tradeStats(trades.filter((t) => t.direction === 'SHORT')),
  };
}
