import type { BarView, FeatureView, Position, PositionRuleInput } from '@ml4t/core';
import { toMoney, ZERO } from '@ml4t/core';

/** A hand-made open position: long 100 at 100 unless overridden. Water marks default to the entry price. */
export function position(p: Partial<Position> = {}): Position {
  const quantity = p.quantity ?? 100;
  const avgPrice = p.avgPrice ?? 100;
  return {
    symbol: 'A',
    symbolId: 0,
    costBasis: toMoney(Math.abs(quantity) * avgPrice),
    openCommission: ZERO,
    positionId: 'P1',
    entryTime: 0,
    entryIndex: 0,
    entrySignalPrice: avgPrice,
    barsHeld: 0,
    lastPrice: avgPrice,
    highWater: avgPrice,
    lowWater: avgPrice,
    highClose: avgPrice,
    lowClose: avgPrice,
    marketValue: quantity * avgPrice,
    unrealizedPnl: 0,
    ...p,
    quantity,
    avgPrice,
  };
}

/** An OHLC bar of symbol 0. */
export function ohlc(open: number, high: number, low: number, close: number, timestamp = 0): BarView {
  return {
    symbolId: 0,
    timestamp,
    open,
    high,
    low,
    close,
    volume: 1000,
    bid: Number.NaN,
    ask: Number.NaN,
    bidSize: Number.NaN,
    askSize: Number.NaN,
  };
}

/** A feature view over fixed values: `symbol` features by name and `market` features by name. */
export function features(symbol: Record<string, number> = {}, market: Record<string, number> = {}): FeatureView {
  return {
    timestamp: 0,
    get: (_s, name) => symbol[name] ?? Number.NaN,
    market: (name) => market[name] ?? Number.NaN,
    crossSection: () => undefined,
  };
}

/** A rule input; pass the same `state` object across calls to simulate one position over several bars. */
export function ruleInput(
  pos: Position,
  bar: BarView,
  extra: { state?: Record<string, unknown>; features?: FeatureView; isEntryBar?: boolean; timestamp?: number } = {},
): PositionRuleInput {
  return {
    position: pos,
    bar,
    features: extra.features ?? features(),
    timestamp: extra.timestamp ?? bar.timestamp,
    index: 0,
    isEntryBar: extra.isEntryBar ?? false,
    state: extra.state ?? {},
  };
}
