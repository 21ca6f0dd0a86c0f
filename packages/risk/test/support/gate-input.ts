import type { FeatureView, MarketView, OrderEvent, OrderGateInput, PortfolioView, Position } from '@ml4t/core';
import { DEFAULT_INSTRUMENT, toMoney } from '@ml4t/core';
import { features } from './rule-input.js';

/** Hand-made account facts for portfolio-rule tests. */
export interface Book {
  readonly equity?: number;
  readonly initialCash?: number;
  /** Open positions by symbol: signed quantity and last price. */
  readonly positions?: Readonly<Record<string, { readonly quantity: number; readonly price: number }>>;
}

const SYMBOLS = ['A', 'B', 'C', 'D', 'E'];

/** A read-only portfolio view over `book` (symbols A–E have ids 0–4). */
export function portfolio(book: Book = {}): PortfolioView {
  const entries = Object.entries(book.positions ?? {});
  const positions: Position[] = entries.map(([symbol, p]) => ({
    symbol,
    symbolId: SYMBOLS.indexOf(symbol),
    quantity: p.quantity,
    avgPrice: p.price,
    costBasis: toMoney(Math.abs(p.quantity) * p.price),
    openCommission: toMoney(0),
    positionId: `P-${symbol}`,
    entryTime: 0,
    entryIndex: 0,
    entrySignalPrice: p.price,
    barsHeld: 0,
    lastPrice: p.price,
    highWater: p.price,
    lowWater: p.price,
    highClose: p.price,
    lowClose: p.price,
    marketValue: p.quantity * p.price,
    unrealizedPnl: 0,
  }));
  const gross = positions.reduce((s, p) => s + Math.abs(p.marketValue), 0);
  const net = positions.reduce((s, p) => s + p.marketValue, 0);
  const initialCash = toMoney(book.initialCash ?? 100_000);
  return {
    initialCash,
    cash: initialCash,
    settledCash: initialCash,
    cashValue: initialCash.toNumber(),
    equity: book.equity ?? 100_000,
    peakEquity: book.equity ?? 100_000,
    grossExposure: gross,
    netExposure: net,
    openPositionCount: positions.length,
    quantity: (id) => positions.find((p) => p.symbolId === id)?.quantity ?? 0,
    position: (s) => positions.find((p) => p.symbolId === s || p.symbol === s),
    positions: () => positions,
  };
}

/** Gate input for `order` against `book`, with the engine's `opensExposure` rule. */
export function gateInput(
  order: OrderEvent,
  book: Book = {},
  extra: { price?: number; features?: FeatureView; timestamp?: number } = {},
): OrderGateInput {
  const view = portfolio(book);
  const symbolId = SYMBOLS.indexOf(order.symbol);
  const held = view.quantity(symbolId);
  const signed = order.side === 'BUY' ? order.quantity : -order.quantity;
  return {
    order,
    symbolId,
    instrument: DEFAULT_INSTRUMENT,
    opensExposure: held === 0 || Math.sign(held) === Math.sign(signed) || Math.abs(signed) > Math.abs(held),
    price: extra.price ?? book.positions?.[order.symbol]?.price ?? 100,
    portfolio: view,
    market: {} as MarketView,
    features: extra.features ?? features(),
    timestamp: extra.timestamp ?? 0,
  };
}

/** A market order. */
export function market(symbol: string, side: 'BUY' | 'SELL', quantity: number): OrderEvent {
  return { type: 'MARKET', symbol, side, quantity };
}
