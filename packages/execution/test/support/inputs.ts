import {
  type AssetClass,
  type BarView,
  type CommissionInput,
  DEFAULT_INSTRUMENT,
  type Order,
  type OrderSide,
  type OrderType,
  type SlippageInput,
} from '@ml4t/core';

/** Options for {@link slipInput}. */
export interface SlipCase {
  readonly side?: OrderSide;
  readonly type?: OrderType;
  readonly quantity?: number;
  readonly base?: number;
  readonly volume?: number;
  readonly bid?: number;
  readonly ask?: number;
  readonly assetClass?: AssetClass;
}

/** A SlippageInput for unit tests (defaults: BUY MARKET 100 @ 100, volume 10,000, no quotes, equity). */
export function slipInput(c: SlipCase = {}): SlippageInput {
  const base = c.base ?? 100;
  const bar: BarView = {
    symbolId: 0,
    timestamp: 0,
    open: base,
    high: base + 1,
    low: base - 1,
    close: base,
    volume: c.volume ?? 10_000,
    bid: c.bid ?? Number.NaN,
    ask: c.ask ?? Number.NaN,
    bidSize: Number.NaN,
    askSize: Number.NaN,
  };
  const order = { side: c.side ?? 'BUY', type: c.type ?? 'MARKET', symbolId: 0, symbol: 'A' } as unknown as Order;
  return {
    order,
    bar,
    quantity: c.quantity ?? 100,
    basePrice: base,
    kind: 'market',
    spec: { ...DEFAULT_INSTRUMENT, assetClass: c.assetClass ?? 'equity' },
  };
}

/** A CommissionInput for unit tests (defaults: BUY MARKET 100 @ 100, multiplier 1, equity, taker). */
export function commInput(c: Partial<CommissionInput> = {}): CommissionInput {
  return {
    symbol: 'A',
    timestamp: Date.UTC(2020, 0, 2),
    side: 'BUY',
    orderType: 'MARKET',
    quantity: 100,
    price: 100,
    multiplier: 1,
    assetClass: 'equity',
    liquidity: 'taker',
    ...c,
  };
}
