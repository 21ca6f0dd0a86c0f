import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MarketState } from '../src/engine/market-state.js';
import {
  Decimal,
  EMPTY_TRADE_CONTEXT,
  ExitReason,
  type FillEvent,
  Portfolio,
  SymbolTable,
  type Trade,
  ZERO,
} from '../src/index.js';

interface Step {
  readonly symbol: number;
  readonly buy: boolean;
  readonly quantity: number;
  readonly price: number;
  readonly commission: number;
  readonly slippage: number;
}

const step = fc.record({
  symbol: fc.integer({ min: 0, max: 2 }),
  buy: fc.boolean(),
  quantity: fc.integer({ min: 1, max: 500 }),
  price: fc.integer({ min: 100, max: 100_000 }).map((c) => c / 100),
  commission: fc.integer({ min: 0, max: 2_000 }).map((c) => c / 100),
  slippage: fc.integer({ min: 0, max: 50 }).map((c) => c / 100),
});

function fillOf(i: number, s: Step, symbols: SymbolTable, multiplier: number): FillEvent {
  const notional = new Decimal(s.price).times(s.quantity).times(multiplier);
  return {
    id: `F${i}`,
    orderId: `O${i}`,
    timestamp: i * 1000,
    sliceIndex: i,
    symbol: symbols.name(s.symbol),
    symbolId: s.symbol,
    side: s.buy ? 'BUY' : 'SELL',
    orderType: 'MARKET',
    quantity: s.quantity,
    price: s.price,
    basePrice: s.buy ? s.price - s.slippage : s.price + s.slippage,
    slippagePerUnit: s.slippage,
    impactPerUnit: 0,
    slippage: new Decimal(s.slippage).times(s.quantity).times(multiplier),
    impact: ZERO,
    commission: new Decimal(s.commission),
    notional,
    multiplier,
    signalPrice: s.price,
    priceRule: 'market@open',
    liquidity: 'taker',
    exitReason: ExitReason.Signal,
  };
}

describe('Portfolio ledger invariants (SCENARIOS "Always")', () => {
  it('reconciles initial cash + Σ net P&L + open P&L with equity exactly, through partial exits and reversals', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60 }), fc.constantFrom(1, 50), (steps, multiplier) => {
        const symbols = new SymbolTable();
        for (const name of ['A', 'B', 'C']) symbols.register(name, { multiplier });
        const market = new MarketState(symbols.size);
        const ledger = new Portfolio(1_000_000, symbols, market);
        const closed: Trade[] = [];
        let fees = ZERO;
        steps.forEach((s, i) => {
          market.lastPrice[s.symbol] = s.price;
          const fill = fillOf(i, s, symbols, multiplier);
          fees = fees.plus(fill.commission);
          closed.push(...ledger.applyFill(fill, EMPTY_TRADE_CONTEXT, 'open'));
        });
        const open = ledger.openTrades(1e9, steps.length, () => EMPTY_TRADE_CONTEXT);
        const exactEquity = ledger
          .positions()
          .reduce((sum, p) => sum.plus(new Decimal(p.lastPrice).times(p.quantity).times(multiplier)), ledger.cash);
        const pnl = [...closed, ...open].reduce((sum, t) => sum.plus(t.pnlNet), ZERO);
        expect(ledger.initialCash.plus(pnl).toString()).toBe(exactEquity.toString());
        const totalCommission = [...closed, ...open].reduce((sum, t) => sum.plus(t.commission), ZERO);
        expect(totalCommission.toString()).toBe(fees.toString());
        for (const t of [...closed, ...open]) {
          expect(t.pnlGross.minus(t.commission).eq(t.pnlNet)).toBe(true);
          expect(Math.sign(t.pnlGross.toNumber())).toBe(Math.sign(t.returnPct));
          expect(t.mfe).toBeGreaterThanOrEqual(0);
          expect(t.mae).toBeLessThanOrEqual(0);
          expect(t.quantity).toBeGreaterThan(0);
        }
        for (let s = 0; s < 3; s++) {
          const net = steps.filter((x) => x.symbol === s).reduce((q, x) => q + (x.buy ? x.quantity : -x.quantity), 0);
          expect(ledger.quantity(s)).toBe(net);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('splits a reversal into a closed trade and a new position with the commission pro rata', () => {
    const symbols = new SymbolTable();
    symbols.register('A');
    const market = new MarketState(1);
    const ledger = new Portfolio(10_000, symbols, market);
    const buy = fillOf(0, { symbol: 0, buy: true, quantity: 100, price: 10, commission: 1, slippage: 0 }, symbols, 1);
    const sell = fillOf(1, { symbol: 0, buy: false, quantity: 300, price: 12, commission: 3, slippage: 0 }, symbols, 1);
    ledger.applyFill(buy, EMPTY_TRADE_CONTEXT, 'open');
    const [trade] = ledger.applyFill(sell, EMPTY_TRADE_CONTEXT, 'open');
    expect(trade?.pnlGross.toString()).toBe('200');
    expect(trade?.commission.toString()).toBe('2');
    expect(ledger.quantity(0)).toBe(-200);
    expect(ledger.position(0)?.openCommission.toString()).toBe('2');
    expect(ledger.cash.toString()).toBe(String(10_000 - 1000 - 1 + 3600 - 3));
  });
});
