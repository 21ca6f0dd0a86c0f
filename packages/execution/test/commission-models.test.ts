import { ConfigError } from '@ml4t/core';
import { describe, expect, it } from 'vitest';
import {
  assetClassCommission,
  flatCommission,
  ibFixedCommission,
  ibTieredCommission,
  makerTakerCommission,
  noCommission,
  percentageCommission,
  perShareCommission,
  tieredCommission,
} from '../src/index.js';
import { commInput } from './support/inputs.js';

describe('commission models (hand-computed, exact)', () => {
  it('none and flat', () => {
    expect(noCommission().commission(commInput()).toString()).toBe('0');
    expect(
      flatCommission({ amount: 4.95 })
        .commission(commInput({ quantity: 1 }))
        .toString(),
    ).toBe('4.95');
  });

  it('percentage 0.1 % (SCENARIOS 10): 10,100 → 10.1 and 9,900 → 9.9; futures include the multiplier (SCENARIOS 18)', () => {
    const m = percentageCommission({ rate: 0.001 });
    expect(m.commission(commInput({ price: 101 })).toString()).toBe('10.1');
    expect(m.commission(commInput({ price: 99 })).toString()).toBe('9.9');
    // 2 contracts × 4,000 × 50 × 0.1 % = 400.
    expect(m.commission(commInput({ quantity: 2, price: 4000, multiplier: 50 })).toString()).toBe('400');
  });

  it('per share $0.005, min $1 (SCENARIOS 11): 100 → 1.00, 1,000 → 5.00; max 1 % of $300 → 3.00', () => {
    const m = perShareCommission({ rate: 0.005, minimum: 1 });
    expect(m.commission(commInput({ quantity: 100 })).toString()).toBe('1');
    expect(m.commission(commInput({ quantity: 1000 })).toString()).toBe('5');
    const capped = perShareCommission({ rate: 0.005, minimum: 1, maximumPercent: 0.01 });
    expect(capped.commission(commInput({ quantity: 1000, price: 0.3 })).toString()).toBe('3');
    const dollarCap = perShareCommission({ rate: 0.005, maximum: 2 });
    expect(dollarCap.commission(commInput({ quantity: 1000 })).toString()).toBe('2');
  });

  it('tiered by trade value: 0.2 % below $10,000, 0.1 % from there', () => {
    const m = tieredCommission({
      tiers: [
        { from: 0, rate: 0.002 },
        { from: 10_000, rate: 0.001 },
      ],
    });
    expect(m.commission(commInput({ quantity: 50 })).toString()).toBe('10'); // $5,000 × 0.2 %
    expect(m.commission(commInput({ quantity: 200 })).toString()).toBe('20'); // $20,000 × 0.1 %
  });

  it('maker-taker: maker 0.01 %, taker 0.05 % of $10,000', () => {
    const m = makerTakerCommission({ maker: 0.0001, taker: 0.0005 });
    expect(m.commission(commInput({ liquidity: 'maker' })).toString()).toBe('1');
    expect(m.commission(commInput({ liquidity: 'taker' })).toString()).toBe('5');
  });

  it('asset class: futures $2.25 per contract flat, the rest per share', () => {
    const m = assetClassCommission({
      models: { future: perShareCommission({ rate: 2.25 }) },
      fallback: perShareCommission({ rate: 0.01 }),
    });
    expect(m.commission(commInput({ assetClass: 'future', quantity: 4, multiplier: 50 })).toString()).toBe('9');
    expect(m.commission(commInput({ quantity: 100 })).toString()).toBe('1');
  });

  it('IB fixed: $0.005/share, min $1, max 1 %', () => {
    const m = ibFixedCommission();
    expect(m.commission(commInput({ quantity: 100, price: 50 })).toString()).toBe('1');
    expect(m.commission(commInput({ quantity: 1000, price: 50 })).toString()).toBe('5');
    expect(m.commission(commInput({ quantity: 1000, price: 0.3 })).toString()).toBe('3');
  });

  it('IB tiered: monthly volume tiers, min $0.35, + $0.0002/share fees; the month resets the volume', () => {
    const m = ibTieredCommission();
    // 1,000 × 0.0035 = 3.50 + 0.20 fees.
    expect(m.commission(commInput({ quantity: 1000, price: 50 })).toString()).toBe('3.7');
    // 400,000 shares this month so far → next fill at 0.002 once past 300,000.
    expect(m.commission(commInput({ quantity: 399_000, price: 50 })).toString()).toBe(
      String(399_000 * 0.0035 + 399_000 * 0.0002),
    );
    expect(m.commission(commInput({ quantity: 1000, price: 50 })).toString()).toBe('2.2');
    // An estimate (a cash check before any fill) prices at the current tier but does not add to the volume.
    const fresh = ibTieredCommission();
    expect(fresh.commission({ ...commInput({ quantity: 400_000, price: 50 }), preview: true }).toString()).toBe(
      String(400_000 * 0.0035 + 400_000 * 0.0002),
    );
    expect(fresh.commission(commInput({ quantity: 1000, price: 50 })).toString()).toBe('3.7');
    // New month: back to the first tier; 10 shares → min 0.35 + 0.002 fees.
    expect(m.commission(commInput({ quantity: 10, price: 50, timestamp: Date.UTC(2020, 1, 3) })).toString()).toBe(
      '0.352',
    );
  });

  it('invalid options throw ConfigError naming the key path', () => {
    expect(() => percentageCommission({ rate: -0.1 })).toThrow(ConfigError);
    expect(() => perShareCommission({ rate: 0.005, minimum: 2, maximum: 1 })).toThrow(/commission\.maximum/);
    expect(() => tieredCommission({ tiers: [{ from: 5, rate: 0.1 }] })).toThrow(/commission\.tiers\.0\.from/);
  });
});
