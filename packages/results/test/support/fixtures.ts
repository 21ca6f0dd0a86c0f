import { type FillEvent, type PortfolioSnapshot, type Trade, toMoney, ZERO } from '@ml4t/core';
import { type EquityCurve, equityCurveFromPoints } from '../../src/index.js';

/** One UTC day in milliseconds. */
export const DAY = 86_400_000;
/** 2020-01-02T00:00:00Z, a Thursday. */
export const T0 = Date.UTC(2020, 0, 2);

/** A trade record with sensible defaults (long 10 @ 100 → 110, no costs); `over` replaces any field. */
export function makeTrade(over: Partial<Trade> = {}): Trade {
  return {
    id: 'T1',
    positionId: 'P1',
    symbol: 'AAA',
    symbolId: 0,
    direction: 'LONG',
    quantity: 10,
    multiplier: 1,
    entryTime: T0,
    exitTime: T0 + 2 * DAY,
    entryIndex: 0,
    exitIndex: 2,
    entryPrice: 100,
    exitPrice: 110,
    entryCommission: ZERO,
    exitCommission: ZERO,
    commission: ZERO,
    entrySlippagePerUnit: 0,
    exitSlippagePerUnit: 0,
    entrySlippage: ZERO,
    exitSlippage: ZERO,
    slippage: ZERO,
    entryImpact: ZERO,
    exitImpact: ZERO,
    impact: ZERO,
    entryOrderIds: ['O1'],
    exitOrderId: 'O2',
    exitReason: 'SIGNAL',
    pnlGross: toMoney(100),
    pnlNet: toMoney(100),
    returnPct: 0.1,
    netReturnPct: 0.1,
    barsHeld: 2,
    durationMs: 2 * DAY,
    mfe: 0.12,
    mae: -0.03,
    entryContext: { score: 0.7, features: { rsi: 55 }, market: { vix: 18.5 } },
    exitContext: { score: Number.NaN, features: { rsi: 71 }, market: { vix: 21 } },
    isOpen: false,
    ...over,
  };
}

/** A trade closed with net P&L `pnl` dollars (gross = net, no costs). */
export function tradeWithPnl(id: string, pnl: number, over: Partial<Trade> = {}): Trade {
  return makeTrade({ id, pnlGross: toMoney(pnl), pnlNet: toMoney(pnl), ...over });
}

/** A fill with sensible defaults (buy 10 AAA @ 100, no costs); `over` replaces any field. */
export function makeFill(over: Partial<FillEvent> = {}): FillEvent {
  return {
    id: 'F1',
    orderId: 'O1',
    timestamp: T0,
    sliceIndex: 0,
    symbol: 'AAA',
    symbolId: 0,
    side: 'BUY',
    orderType: 'MARKET',
    quantity: 10,
    price: 100,
    basePrice: 100,
    slippagePerUnit: 0,
    impactPerUnit: 0,
    slippage: ZERO,
    impact: ZERO,
    commission: ZERO,
    notional: toMoney(1000),
    multiplier: 1,
    signalPrice: 99.5,
    priceRule: 'market@open',
    liquidity: 'taker',
    exitReason: 'SIGNAL',
    ...over,
  };
}

/** An equity curve of daily points starting at {@link T0}, all cash, with nothing open. */
export function dailyCurve(equity: readonly number[], step = DAY, start = T0): EquityCurve {
  return equityCurveFromPoints(
    equity.map((e, i) => ({
      timestamp: start + i * step,
      equity: e,
      cash: e,
      grossExposure: 0,
      netExposure: 0,
      openPositions: 0,
    })),
  );
}

/** A portfolio snapshot with the given equity (all in one position of value `equity − cash`). */
export function snapshot(index: number, equity: number, cash = equity): PortfolioSnapshot {
  return {
    timestamp: T0 + index * DAY,
    index,
    cash: toMoney(cash),
    cashValue: cash,
    positionsValue: equity - cash,
    equity,
    grossExposure: Math.abs(equity - cash),
    netExposure: equity - cash,
    openPositions: equity === cash ? 0 : 1,
  };
}
