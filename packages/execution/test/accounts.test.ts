import type { CommissionInput, CommissionModel } from '@ml4t/core';
import { Decimal } from '@ml4t/core';
import { describe, expect, it } from 'vitest';
import { cashAccount, cryptoAccount, ibTieredCommission, marginAccount, perShareCommission } from '../src/index.js';
import { daily } from './support/array-feed.js';
import { runBacktest } from './support/run-backtest.js';

const flat = (n: number, price = 100) => daily(Array.from({ length: n }, () => [price, price, price, price] as const));
const mkt = (side: 'BUY' | 'SELL', quantity: number, symbol = 'A') =>
  ({ type: 'MARKET', symbol, side, quantity }) as const;

describe('cash account (default)', () => {
  it('rejects a naked short at submission with short_not_allowed', () => {
    const r = runBacktest({ bars: flat(3), schedule: { 0: [mkt('SELL', 10)] } });
    expect(r.submitted[0]?.status).toBe('REJECTED');
    expect(r.submitted[0]?.reason).toMatchObject({ code: 'short_not_allowed', source: 'cash' });
  });

  it('rejects at fill a sale larger than the position (no shorts), keeping the position', () => {
    const r = runBacktest({ bars: flat(4), schedule: { 0: [mkt('BUY', 10)], 1: [mkt('SELL', 15)] } });
    expect(r.fills).toHaveLength(1);
    expect(r.orders.at(-1)).toMatchObject({ status: 'REJECTED', reason: { code: 'short_not_allowed' } });
  });

  it('rejects a buy it cannot pay for (notional + commission)', () => {
    const r = runBacktest({
      bars: flat(3),
      initialCash: 10_000,
      schedule: { 0: [mkt('BUY', 100)] },
      execution: { commission: perShareCommission({ rate: 0.01 }) },
    });
    expect(r.fills).toHaveLength(0);
    expect(r.orders.at(-1)?.reason?.code).toBe('insufficient_cash');
  });
});

describe('stateful commission models and rejected fills', () => {
  const tiered = () =>
    ibTieredCommission({
      tiers: [
        { fromShares: 0, perShare: 0.01 },
        { fromShares: 500, perShare: 0.001 },
      ],
      minimum: 0,
      feesPerShare: 0,
    });
  /** A model charging $1 that records its calls (a fresh one per run: runBacktest runs twice). */
  const recording = (calls: CommissionInput[], pure: boolean): CommissionModel => {
    calls.length = 0;
    return {
      name: 'recording',
      ...(pure ? { pure } : {}),
      commission: (input) => {
        calls.push(input);
        return new Decimal(1);
      },
    };
  };
  /**
   * Runs three buys with a fresh commission model per run. The second (1,000 × $100 against about $9,000 of
   * cash) is accepted (no submission cash check by default) and rejected by the cash account at its fill.
   */
  const runBuys = (commission: () => CommissionModel) => {
    const r = runBacktest({
      bars: flat(5),
      initialCash: 10_000,
      schedule: { 0: [mkt('BUY', 10)], 1: [mkt('BUY', 1000)], 2: [mkt('BUY', 10)] },
      execution: () => ({ commission: commission() }),
    });
    const rejected = r.orders.filter((u) => u.status === 'REJECTED');
    expect(rejected.map((u) => [u.order.id, u.reason?.source, u.reason?.code])).toEqual([
      ['O2', 'cashAccount', 'insufficient_cash'],
    ]);
    return r;
  };

  it('a fill the account rejects does not count toward the monthly volume', () => {
    const r = runBuys(tiered);
    // 20 shares traded this month: both fills pay the first tier's $0.01 a share.
    expect(r.fills.map((f) => [f.orderId, f.commission.toString()])).toEqual([
      ['O1', '0.1'],
      ['O3', '0.1'],
    ]);
  });

  it('previews a model without `pure` for the account check and charges it only for fills that go through', () => {
    const calls: CommissionInput[] = [];
    runBuys(() => recording(calls, false));
    expect(calls.filter((c) => c.preview !== true).map((c) => c.quantity)).toEqual([10, 10]);
    // Previews: each fill's account check, the rejected one's too.
    expect(calls.filter((c) => c.preview === true).map((c) => c.quantity)).toEqual([10, 1000, 10]);
  });

  it('computes a pure model once per fill', () => {
    const calls: CommissionInput[] = [];
    runBuys(() => recording(calls, true));
    // One call per fill (the rejected one's was its account check), none a preview.
    expect(calls.map((c) => [c.quantity, c.preview])).toEqual([
      [10, false],
      [1000, false],
      [10, false],
    ]);
  });
});

describe('reversals', () => {
  it('a reversal fill is split: closing part first, then opening part, each with its own minimum commission', () => {
    const r = runBacktest({
      bars: flat(4),
      schedule: { 0: [mkt('BUY', 100)], 1: [mkt('SELL', 200)] },
      execution: { account: marginAccount(), commission: perShareCommission({ rate: 0.005, minimum: 1 }) },
    });
    expect(r.fills.map((f) => [f.orderId, f.side, f.quantity, f.commission.toString(), f.exitReason])).toEqual([
      ['O1', 'BUY', 100, '1', 'SIGNAL'],
      ['O2', 'SELL', 100, '1', 'REVERSAL'],
      ['O2', 'SELL', 100, '1', 'SIGNAL'],
    ]);
    expect(r.trades.map((t) => [t.direction, t.exitReason, t.commission.toString()])).toEqual([
      ['LONG', 'REVERSAL', '2'],
    ]);
    expect(r.summary?.openTrades.map((t) => [t.direction, t.quantity])).toEqual([['SHORT', 100]]);
  });
});

describe('margin account', () => {
  it('allows 2× leverage under 50 % initial margin and rejects beyond it with insufficient_margin', () => {
    const ok = runBacktest({
      bars: flat(3),
      initialCash: 10_000,
      schedule: { 0: [mkt('BUY', 199)] },
      execution: { account: marginAccount() },
    });
    expect(ok.fills).toHaveLength(1);
    expect(ok.summary?.finalCash.toString()).toBe('-9900');
    const no = runBacktest({
      bars: flat(3),
      initialCash: 10_000,
      schedule: { 0: [mkt('BUY', 201)] },
      execution: { account: marginAccount() },
    });
    expect(no.fills).toHaveLength(0);
    expect(no.orders.at(-1)?.reason?.code).toBe('insufficient_margin');
  });

  it('shorts are allowed within the margin', () => {
    const r = runBacktest({
      bars: flat(3),
      initialCash: 10_000,
      schedule: { 0: [mkt('SELL', 150)] },
      execution: { account: marginAccount() },
    });
    expect(r.fills.map((f) => [f.side, f.quantity])).toEqual([['SELL', 150]]);
    expect(r.summary?.finalCash.toString()).toBe('25000');
  });

  it('a margin call liquidates at the close with exit reason MARGIN_CALL when equity < maintenance', () => {
    // Long 200 @ 100 on 10,000 equity (gross 20,000). At 60: equity 2,000 < 25 % × 12,000 = 3,000 → liquidate.
    const r = runBacktest({
      bars: daily([
        [100, 100, 100, 100],
        [100, 100, 100, 100],
        [90, 90, 70, 70],
        [60, 60, 60, 60],
        [60, 60, 60, 60],
      ]),
      initialCash: 10_000,
      schedule: { 0: [mkt('BUY', 200)] },
      execution: { account: marginAccount({ initialMargin: 0.5, maintenanceMargin: 0.25 }) },
    });
    // At 70: equity 4,000 vs 25 % × 14,000 = 3,500 → fine. At 60 → liquidation at the close 60.
    expect(r.fills.map((f) => [f.sliceIndex, f.side, f.price, f.priceRule, f.exitReason])).toEqual([
      [1, 'BUY', 100, 'market@open', 'SIGNAL'],
      [3, 'SELL', 60, 'margin_call@close', 'MARGIN_CALL'],
    ]);
    expect(r.trades[0]?.exitReason).toBe('MARGIN_CALL');
    expect(r.summary?.finalCash.toString()).toBe('2000');
  });
});

describe('crypto account', () => {
  it('allows shorts but no leverage', () => {
    const short = runBacktest({
      bars: flat(3),
      initialCash: 10_000,
      schedule: { 0: [mkt('SELL', 90)] },
      execution: { account: cryptoAccount() },
    });
    expect(short.fills).toHaveLength(1);
    const lev = runBacktest({
      bars: flat(3),
      initialCash: 10_000,
      schedule: { 0: [mkt('SELL', 110)] },
      execution: { account: cryptoAccount() },
    });
    expect(lev.orders.at(-1)?.reason?.code).toBe('leverage_not_allowed');
    const cash = runBacktest({
      bars: flat(3),
      initialCash: 10_000,
      schedule: { 0: [mkt('BUY', 101)] },
      execution: { account: cryptoAccount() },
    });
    expect(cash.orders.at(-1)?.reason?.code).toBe('insufficient_cash');
  });

  it('fractional quantities fill as given', () => {
    const r = runBacktest({
      bars: flat(3),
      schedule: { 0: [mkt('BUY', 0.125)] },
      execution: { account: cryptoAccount() },
    });
    expect(r.fills[0]?.quantity).toBe(0.125);
    expect(r.fills[0]?.notional.toString()).toBe('12.5');
  });
});

describe('cash account with shorts (backtrader)', () => {
  it('a short sale adds its proceeds to cash and never fails the cash check', () => {
    const r = runBacktest({
      bars: flat(3),
      initialCash: 1_000,
      schedule: { 0: [mkt('SELL', 100)] },
      execution: { account: cashAccount({ allowShorts: true }) },
    });
    expect(r.summary?.finalCash.toString()).toBe('11000');
  });
});
