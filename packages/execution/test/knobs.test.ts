import { ConfigError } from '@ml4t/core';
import { describe, expect, it } from 'vitest';
import { almgrenChrissImpact, fixedSlippage, resolveExecutionConfig } from '../src/index.js';
import { daily } from './support/array-feed.js';
import { runBacktest } from './support/run-backtest.js';

const mkt = (side: 'BUY' | 'SELL', quantity: number, symbol = 'A') =>
  ({ type: 'MARKET', symbol, side, quantity }) as const;

describe('cash check at submission (backtrader)', () => {
  // Created at the close 100 of b0; b1 opens at 50.
  const bars = [
    ...daily([
      [100, 100, 100, 100],
      [50, 50, 50, 50],
      [50, 50, 50, 50],
    ]),
    ...daily([
      [100, 100, 100, 100],
      [50, 50, 50, 50],
      [50, 50, 50, 50],
    ]).map((b) => ({ ...b, symbol: 'B' })),
  ];
  const schedule = { 0: [mkt('BUY', 60), mkt('BUY', 60, 'B'), mkt('BUY', 10)] };

  it('fill (default): everything fills at the real price 50', () => {
    const r = runBacktest({ bars, schedule, initialCash: 10_000 });
    expect(r.fills.map((f) => f.quantity)).toEqual([60, 60, 10]);
  });

  it('submission_running: running cash at the created price, not restored after a rejection', () => {
    const r = runBacktest({ bars, schedule, initialCash: 10_000, execution: { cashCheck: 'submission_running' } });
    // 10,000 − 6,000 = 4,000 → accept; − 6,000 = −2,000 → reject; − 1,000 = −3,000 → reject.
    expect(r.fills.map((f) => [f.orderId, f.quantity])).toEqual([['O1', 60]]);
    const rejected = r.orders.filter((u) => u.status === 'REJECTED');
    expect(rejected.map((u) => [u.order.id, u.reason?.code, u.reason?.source])).toEqual([
      ['O2', 'insufficient_cash', 'submissionCashCheck'],
      ['O3', 'insufficient_cash', 'submissionCashCheck'],
    ]);
  });
});

describe('trailing stops', () => {
  const bars = daily([
    [100, 100, 100, 100],
    [104, 110, 103.5, 108],
    [104, 104.5, 102, 103],
  ]);
  const schedule = {
    0: [mkt('BUY', 10), { type: 'TRAILING_STOP', symbol: 'A', side: 'SELL', quantity: 10, trailAmount: 5 } as const],
  };

  it('close updates (default): the level ratchets to 108 − 5 = 103 after b1, fills at 103 on b2', () => {
    const r = runBacktest({ bars, schedule });
    expect(r.fills.at(-1)).toMatchObject({ sliceIndex: 2, price: 103, priceRule: 'stop@level' });
  });

  it('high_low updates: the level follows the high 110 → 105 within b1; b2 opens through it at 104', () => {
    const r = runBacktest({ bars, schedule, execution: { trailingUpdate: 'high_low' } });
    expect(r.fills.at(-1)).toMatchObject({ sliceIndex: 2, price: 104, priceRule: 'stop gap@open' });
  });
});

describe('market impact (Almgren-Chriss)', () => {
  it('temporary + permanent impact with decay (hand-computed)', () => {
    const m = almgrenChrissImpact({ temporary: 0.1, permanent: 0.05, halfLifeBars: 1 });
    const input = { symbolId: 0, side: 'BUY', quantity: 100, basePrice: 100, barVolume: 10_000 } as const;
    expect(m.impactPerUnit(input)).toBeCloseTo(0.1, 12); // 100 × 0.1 × 1 %
    m.onFill(input); // displacement += 0.05 × 1 % = 0.0005
    expect(m.impactPerUnit(input)).toBeCloseTo(0.15, 12);
    m.onBar(0); // half-life 1 bar → 0.00025
    expect(m.impactPerUnit({ ...input, side: 'SELL' })).toBeCloseTo(0.075, 12);
  });

  it('impact is recorded apart from slippage in fills and changes the price', () => {
    const r = runBacktest({
      bars: daily(
        [
          [100, 100, 100, 100],
          [100, 100, 100, 100],
          [100, 100, 100, 100],
        ],
        10_000,
      ),
      schedule: { 0: [mkt('BUY', 100)] },
      execution: () => ({
        impact: almgrenChrissImpact({ temporary: 0.1, permanent: 0.05 }),
        slippage: fixedSlippage({ amount: 0.01 }),
      }),
    });
    const f = r.fills[0];
    expect(f?.price).toBeCloseTo(100.11, 10);
    expect([f?.impactPerUnit, f?.impact.toString()]).toEqual([0.1, '10']);
    expect(f?.slippagePerUnit).toBeCloseTo(0.01, 10);
    expect(f?.slippage.toNumber()).toBeCloseTo(1, 8);
  });
});

describe('settlement delay', () => {
  const bars = daily(Array.from({ length: 7 }, () => [100, 100, 100, 100] as const));
  const schedule = { 0: [mkt('BUY', 100)], 1: [mkt('SELL', 100)], 2: [mkt('BUY', 50)], 4: [mkt('BUY', 50)] };

  it('bars: proceeds of the b2 sale are spendable from b4; a buy on b3 is rejected', () => {
    const r = runBacktest({ bars, schedule, initialCash: 10_000, execution: { settlementDelayBars: 2 } });
    expect(r.fills.map((f) => [f.sliceIndex, f.side])).toEqual([
      [1, 'BUY'],
      [2, 'SELL'],
      [5, 'BUY'],
    ]);
    expect(r.orders.find((u) => u.status === 'REJECTED')?.reason?.code).toBe('insufficient_cash');
  });

  it('days: the fill carries settleAt and the ledger’s settled cash gates the next buy', () => {
    const r = runBacktest({ bars, schedule, initialCash: 10_000, execution: { settlementDelayDays: 2 } });
    expect(r.fills[1]?.settleAt).toBe((r.fills[1]?.timestamp ?? 0) + 2 * 86_400_000);
    expect(r.fills.map((f) => [f.sliceIndex, f.side])).toEqual([
      [1, 'BUY'],
      [2, 'SELL'],
      [5, 'BUY'],
    ]);
  });
});

describe('shares, lots and ticks', () => {
  const bars = daily([
    [100, 100, 100, 100],
    [100, 101, 99, 100],
    [100, 101, 99, 100],
  ]);

  it('integer shares round down; a quantity rounding to 0 is rejected with invalid_order', () => {
    const r = runBacktest({
      bars,
      schedule: { 0: [mkt('BUY', 10.7), mkt('BUY', 0.4)] },
      execution: { shareType: 'integer' },
    });
    expect(r.fills.map((f) => f.quantity)).toEqual([10]);
    expect(r.submitted[1]?.reason?.code).toBe('invalid_order');
  });

  it('lot size rounds down to whole lots', () => {
    const r = runBacktest({ bars, schedule: { 0: [mkt('BUY', 250)] }, instruments: { A: { lotSize: 100 } } });
    expect(r.fills.map((f) => f.quantity)).toEqual([200]);
  });

  it('tick size rounds fill prices adversely (buys up, sells down); the rounding counts as slippage', () => {
    const r = runBacktest({
      bars,
      schedule: { 0: [mkt('BUY', 10)], 1: [mkt('SELL', 10)] },
      instruments: { A: { tickSize: 0.05 } },
      execution: { slippage: fixedSlippage({ amount: 0.013 }) },
    });
    expect(r.fills.map((f) => f.price)).toEqual([100.05, 99.95]);
    expect(r.fills[0]?.slippagePerUnit).toBeCloseTo(0.05, 12);
  });

  it('capSlippageToBar cuts a slipped price to the bar and says so in the price rule', () => {
    const r = runBacktest({
      bars,
      schedule: { 0: [mkt('BUY', 10)] },
      execution: { slippage: fixedSlippage({ amount: 2 }), capSlippageToBar: true },
    });
    expect(r.fills.map((f) => [f.price, f.priceRule, f.slippagePerUnit])).toEqual([
      [101, 'market@open capped@high', 1],
    ]);
  });
});

describe('resolveExecutionConfig', () => {
  it('applies documented defaults', () => {
    const c = resolveExecutionConfig();
    expect({
      ...c,
      slippage: c.slippage.name,
      stopSlippage: c.stopSlippage.name,
      commission: c.commission.name,
      account: c.account.name,
    }).toEqual({
      fillTiming: 'next_bar',
      orderPriority: 'exit_first',
      intrabarPath: 'nearest_extreme_first',
      bracketConflict: 'pessimistic',
      stopFillMode: 'stop_price',
      trailingUpdate: 'close',
      slippage: 'none',
      stopSlippage: 'none',
      commission: 'none',
      account: 'cash',
      shareType: 'fractional',
      volumeLimit: undefined,
      impact: undefined,
      settlementDelayBars: 0,
      settlementDelayDays: 0,
      capSlippageToBar: false,
      cashCheck: 'fill',
    });
  });

  it.each([
    [{ fillTiming: 'later' }, 'execution.fillTiming'],
    [{ colour: 'red' }, 'execution.colour'],
    [{ volumeLimit: { maxParticipation: 0 } }, 'execution.volumeLimit.maxParticipation'],
    [{ settlementDelayBars: 1, settlementDelayDays: 1 }, 'execution.settlementDelayDays'],
    [{ settlementDelayBars: -1 }, 'execution.settlementDelayBars'],
    [{ slippage: { name: 'x' } }, 'execution.slippage'],
    [{ capSlippageToBar: 'yes' }, 'execution.capSlippageToBar'],
  ])('rejects %j with a ConfigError at %s', (partial, path) => {
    let error: unknown;
    try {
      resolveExecutionConfig(partial as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).path).toBe(path);
  });
});
