import type { CommissionModel, SlippageModel } from '@ml4t/core';
import { describe, expect, it } from 'vitest';
import {
  assetClassCommission,
  assetClassSlippage,
  fixedSlippage,
  flatCommission,
  ibFixedCommission,
  ibTieredCommission,
  linearImpactSlippage,
  makerTakerCommission,
  orderTypeSlippage,
  percentageCommission,
  percentageSlippage,
  perShareCommission,
  spreadAwareSlippage,
  squareRootImpactSlippage,
  tieredCommission,
  volumeAwareSlippage,
  volumeShareSlippage,
} from '../src/index.js';
import { daily } from './support/array-feed.js';
import { runBacktest } from './support/run-backtest.js';

const flat = (n: number, volume = 10_000) =>
  daily(
    Array.from({ length: n }, () => [100, 100, 100, 100] as const),
    volume,
  );
const roundTrip = {
  0: [{ type: 'MARKET', symbol: 'A', side: 'BUY', quantity: 100 }],
  1: [{ type: 'MARKET', symbol: 'A', side: 'SELL', quantity: 100 }],
} as const;

describe('SCENARIOS 10: round trip at 100 with 1 % slippage (+ 0.1 % commission)', () => {
  it('entry 101, exit 99, P&L −200, slippage $200 with per-unit 1.00 / 1.00 kept apart', () => {
    const r = runBacktest({
      bars: flat(3),
      schedule: roundTrip,
      execution: { slippage: percentageSlippage({ rate: 0.01 }) },
    });
    expect(r.fills.map((f) => [f.basePrice, f.price, f.slippagePerUnit, f.slippage.toString()])).toEqual([
      [100, 101, 1, '100'],
      [100, 99, 1, '100'],
    ]);
    const t = r.trades[0];
    expect([t?.entryPrice, t?.exitPrice, t?.pnlGross.toString(), t?.slippage.toString()]).toEqual([
      101,
      99,
      '-200',
      '200',
    ]);
    expect([t?.entrySlippagePerUnit, t?.exitSlippagePerUnit]).toEqual([1, 1]);
  });

  it('with 0.1 % commission the fees are 0.001 × (10,100 + 9,900) = $20.00', () => {
    const r = runBacktest({
      bars: flat(3),
      schedule: roundTrip,
      execution: { slippage: percentageSlippage({ rate: 0.01 }), commission: percentageCommission({ rate: 0.001 }) },
    });
    const t = r.trades[0];
    expect([t?.entryCommission.toString(), t?.exitCommission.toString(), t?.commission.toString()]).toEqual([
      '10.1',
      '9.9',
      '20',
    ]);
    expect(t?.pnlNet.toString()).toBe('-220');
    expect(r.summary?.finalCash.toString()).toBe('99780');
  });
});

describe('SCENARIOS 15: every slippage model changes fills, trades and their totals end to end', () => {
  const models: Record<string, SlippageModel> = {
    fixed: fixedSlippage({ amount: 0.05 }),
    percentage: percentageSlippage({ rate: 0.001 }),
    linearImpact: linearImpactSlippage({ coefficient: 0.1 }),
    squareRootImpact: squareRootImpactSlippage({ coefficient: 0.01 }),
    volumeShare: volumeShareSlippage({ priceImpact: 0.1 }),
    assetClass: assetClassSlippage({
      models: { equity: percentageSlippage({ rate: 0.002 }) },
      fallback: fixedSlippage({ amount: 1 }),
    }),
    spreadAware: spreadAwareSlippage({ halfSpreadFactor: 0.5, fallbackRate: 0.0005 }),
    volumeAware: volumeAwareSlippage({ baseRate: 0.0001, coefficient: 0.01 }),
    orderType: orderTypeSlippage({ market: 0.001, limit: 0.0001, stop: 0.0005 }),
  };
  for (const [name, model] of Object.entries(models)) {
    it(`${name}: non-zero slippage on every fill, on both trade legs and in the trade totals`, () => {
      const r = runBacktest({ bars: flat(3), schedule: roundTrip, execution: { slippage: model } });
      expect(r.fills).toHaveLength(2);
      for (const f of r.fills) {
        expect(f.slippagePerUnit).toBeGreaterThan(0);
        expect(f.slippage.gt(0)).toBe(true);
        expect(f.price).not.toBe(f.basePrice);
      }
      const t = r.trades[0];
      expect(t?.entrySlippage.gt(0)).toBe(true);
      expect(t?.exitSlippage.gt(0)).toBe(true);
      expect(t?.slippage.eq(r.fills[0]?.slippage.plus(r.fills[1]?.slippage ?? 0) ?? 0)).toBe(true);
      expect(t?.pnlNet.lt(0)).toBe(true);
      expect(r.summary?.finalCash.lt(100_000)).toBe(true);
    });
  }

  it('spread-aware uses the quotes when the bar has them (SCENARIOS 12): buy 100.01, sell 99.99', () => {
    const bars = [0, 1, 2].map((t) => ({ t, o: 100, h: 100, l: 100, c: 100, bid: 99.98, ask: 100.02 }));
    const r = runBacktest({
      bars,
      schedule: roundTrip,
      execution: { slippage: spreadAwareSlippage({ halfSpreadFactor: 0.5, fallbackRate: 0.01 }) },
    });
    expect(r.fills[0]?.price).toBeCloseTo(100.01, 10);
    expect(r.fills[1]?.price).toBeCloseTo(99.99, 10);
  });

  it('stop slippage applies to stop fills only', () => {
    const r = runBacktest({
      bars: daily([
        [100, 100, 100, 100],
        [100, 100, 100, 100],
        [100, 100, 90, 95],
      ]),
      schedule: {
        0: [{ type: 'MARKET', symbol: 'A', side: 'BUY', quantity: 10 }],
        1: [{ type: 'STOP', symbol: 'A', side: 'SELL', quantity: 10, stopPrice: 96 }],
      },
      execution: { slippage: percentageSlippage({ rate: 0.001 }), stopSlippage: fixedSlippage({ amount: 0.5 }) },
    });
    expect(r.fills.map((f) => [f.basePrice, f.price])).toEqual([
      [100, 100.1],
      [96, 95.5],
    ]);
  });
});

describe('every commission model changes fills end to end', () => {
  const models: Record<string, [CommissionModel, string]> = {
    flat: [flatCommission({ amount: 2 }), '2'],
    percentage: [percentageCommission({ rate: 0.001 }), '10'],
    perShare: [perShareCommission({ rate: 0.005, minimum: 1 }), '1'],
    tiered: [
      tieredCommission({
        tiers: [
          { from: 0, rate: 0.002 },
          { from: 100_000, rate: 0.001 },
        ],
      }),
      '20',
    ],
    makerTaker: [makerTakerCommission({ maker: 0.0001, taker: 0.0005 }), '5'],
    assetClass: [
      assetClassCommission({
        models: { equity: flatCommission({ amount: 3 }) },
        fallback: flatCommission({ amount: 9 }),
      }),
      '3',
    ],
    ibFixed: [ibFixedCommission(), '1'],
    ibTiered: [ibTieredCommission(), '0.37'],
  };
  for (const [name, [model, expected]] of Object.entries(models)) {
    it(`${name}: $${expected} per fill of 100 @ 100, debited from cash and recorded on the trade`, () => {
      // IB tiered keeps monthly volume: a fresh instance per run.
      const commission = () => (name === 'ibTiered' ? ibTieredCommission() : model);
      const r = runBacktest({ bars: flat(3), schedule: roundTrip, execution: () => ({ commission: commission() }) });
      expect(r.fills.map((f) => f.commission.toString())).toEqual([expected, expected]);
      expect(r.trades[0]?.commission.toString()).toBe(String(Number(expected) * 2));
      expect(r.summary?.finalCash.toString()).toBe(String(100_000 - Number(expected) * 2));
    });
  }

  it('per share with $1 minimum (SCENARIOS 11): 1,000 shares → $5.00 per fill', () => {
    const r = runBacktest({
      bars: flat(3, 1_000_000),
      initialCash: 200_000,
      schedule: { 0: [{ type: 'MARKET', symbol: 'A', side: 'BUY', quantity: 1000 }] },
      execution: { commission: perShareCommission({ rate: 0.005, minimum: 1 }) },
    });
    expect(r.fills[0]?.commission.toString()).toBe('5');
  });

  it('maker-taker tells a resting limit at its level (maker) from a market order (taker); sequential priority fills by path time', () => {
    const r = runBacktest({
      bars: daily([
        [100, 100, 100, 100],
        [100, 100, 98, 99],
        [99, 99, 99, 99],
      ]),
      schedule: {
        0: [
          { type: 'LIMIT', symbol: 'A', side: 'BUY', quantity: 100, limitPrice: 99 },
          { type: 'MARKET', symbol: 'A', side: 'BUY', quantity: 100 },
        ],
      },
      execution: { commission: makerTakerCommission({ maker: 0.0001, taker: 0.0005 }), orderPriority: 'sequential' },
    });
    expect(r.fills.map((f) => [f.liquidity, f.commission.toString()])).toEqual([
      ['taker', '5'],
      ['maker', '0.99'],
    ]);
  });
});

describe('accounting (SCENARIOS 16–18)', () => {
  it('16: missing bar — equity 100,000, 100,000, 102,000', () => {
    const bars = [
      { t: 0, o: 100, h: 100, l: 100, c: 100 },
      { t: 0, symbol: 'B', o: 50, h: 50, l: 50, c: 50 },
      { t: 1, symbol: 'B', o: 50, h: 50, l: 50, c: 50 },
      { t: 2, o: 120, h: 120, l: 120, c: 120 },
      { t: 2, symbol: 'B', o: 50, h: 50, l: 50, c: 50 },
    ];
    const r = runBacktest({
      bars,
      schedule: { 0: [{ type: 'MARKET', symbol: 'A', side: 'BUY', quantity: 100 }] },
      execution: { fillTiming: 'same_bar' },
    });
    expect(r.snapshots.map((s) => s.equity)).toEqual([100_000, 100_000, 102_000]);
  });

  it('NEXT_BAR waits for the symbol’s next bar: no fill on a slice where it has none', () => {
    const bars = [
      { t: 0, o: 100, h: 100, l: 100, c: 100 },
      { t: 0, symbol: 'B', o: 50, h: 50, l: 50, c: 50 },
      { t: 1, symbol: 'B', o: 50, h: 50, l: 50, c: 50 },
      { t: 2, o: 120, h: 120, l: 120, c: 120 },
    ];
    const r = runBacktest({ bars, schedule: { 0: [{ type: 'MARKET', symbol: 'A', side: 'BUY', quantity: 100 }] } });
    expect(r.fills.map((f) => [f.sliceIndex, f.price])).toEqual([[2, 120]]);
  });

  it('17: 1 % commission on the first bar with flat prices → total return −0.1 % from the initial cash', () => {
    const r = runBacktest({
      bars: flat(3),
      schedule: { 0: [{ type: 'MARKET', symbol: 'A', side: 'BUY', quantity: 100 }] },
      execution: { fillTiming: 'same_bar', commission: percentageCommission({ rate: 0.01 }) },
    });
    const last = r.snapshots.at(-1)?.equity ?? Number.NaN;
    expect(last / 100_000 - 1).toBeCloseTo(-0.001, 12);
  });

  it('18: futures ×50 — 20 contracts at 4,000 in a 100,000 cash account are rejected with the reason', () => {
    const r = runBacktest({
      bars: daily([
        [4000, 4000, 4000, 4000],
        [4000, 4000, 4000, 4000],
      ]),
      schedule: { 0: [{ type: 'MARKET', symbol: 'A', side: 'BUY', quantity: 20 }] },
      instruments: { A: { multiplier: 50, assetClass: 'future' } },
      execution: { commission: percentageCommission({ rate: 0.001 }) },
    });
    expect(r.fills).toHaveLength(0);
    const last = r.orders.at(-1);
    expect(last?.status).toBe('REJECTED');
    expect(last?.reason?.code).toBe('insufficient_cash');
    expect(last?.reason?.message).toMatch(/needs 4004000\.00/);
  });

  it('18: the percentage commission of a futures fill includes the multiplier (2 × 4,000 × 50 × 0.1 % = $400)', () => {
    const r = runBacktest({
      bars: daily([
        [4000, 4000, 4000, 4000],
        [4000, 4000, 4000, 4000],
      ]),
      initialCash: 1_000_000,
      schedule: { 0: [{ type: 'MARKET', symbol: 'A', side: 'BUY', quantity: 2 }] },
      instruments: { A: { multiplier: 50, assetClass: 'future' } },
      execution: { commission: percentageCommission({ rate: 0.001 }) },
    });
    expect(r.fills.map((f) => [f.notional.toString(), f.commission.toString(), f.multiplier])).toEqual([
      ['400000', '400', 50],
    ]);
    expect(r.summary?.finalCash.toString()).toBe('599600');
  });
});
