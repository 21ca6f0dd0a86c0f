import { ConfigError } from '@ml4t/core';
import { describe, expect, it } from 'vitest';
import {
  assetClassSlippage,
  fixedSlippage,
  linearImpactSlippage,
  noSlippage,
  orderTypeSlippage,
  percentageSlippage,
  spreadAwareSlippage,
  squareRootImpactSlippage,
  volumeAwareSlippage,
  volumeShareSlippage,
} from '../src/index.js';
import { slipInput } from './support/inputs.js';

describe('slippage models (hand-computed)', () => {
  it('none: the base price', () => {
    expect(noSlippage().fillPrice(slipInput({ base: 100 }))).toBe(100);
  });

  it('fixed 0.05: buy 100.05, sell 99.95', () => {
    const m = fixedSlippage({ amount: 0.05 });
    expect(m.fillPrice(slipInput())).toBeCloseTo(100.05, 12);
    expect(m.fillPrice(slipInput({ side: 'SELL' }))).toBeCloseTo(99.95, 12);
  });

  it('percentage 1 %: buy 101, sell 99 (SCENARIOS 10)', () => {
    const m = percentageSlippage({ rate: 0.01 });
    expect(m.fillPrice(slipInput())).toBe(101);
    expect(m.fillPrice(slipInput({ side: 'SELL' }))).toBe(99);
  });

  it('linear impact 0.1 × participation: 100 of 10,000 → 0.1 % → 100.1', () => {
    const m = linearImpactSlippage({ coefficient: 0.1 });
    expect(m.fillPrice(slipInput())).toBeCloseTo(100.1, 12);
    expect(m.fillPrice(slipInput({ side: 'SELL' }))).toBeCloseTo(99.9, 12);
    expect(m.fillPrice(slipInput({ volume: Number.NaN }))).toBe(100);
  });

  it('square root 0.1 × √participation: 100 of 10,000 → 0.1 × 0.1 = 1 % → 101', () => {
    const m = squareRootImpactSlippage({ coefficient: 0.1 });
    expect(m.fillPrice(slipInput())).toBeCloseTo(101, 12);
    expect(m.fillPrice(slipInput({ side: 'SELL', quantity: 400 }))).toBeCloseTo(98, 12);
  });

  it('volume share (zipline): 0.1 × min(1 %, 2.5 %)² = 0.001 % → 100.001; capped share at 2.5 %', () => {
    const m = volumeShareSlippage({ priceImpact: 0.1, volumeLimit: 0.025 });
    expect(m.fillPrice(slipInput())).toBeCloseTo(100.001, 12);
    // 5 % participation is capped at 2.5 %: 0.1 × 0.025² = 0.0000625.
    expect(m.fillPrice(slipInput({ quantity: 500, side: 'SELL' }))).toBeCloseTo(100 * (1 - 0.0000625), 12);
  });

  it('asset class: each class its model, others the fallback', () => {
    const m = assetClassSlippage({
      models: { crypto: percentageSlippage({ rate: 0.01 }) },
      fallback: fixedSlippage({ amount: 0.01 }),
    });
    expect(m.fillPrice(slipInput({ assetClass: 'crypto' }))).toBe(101);
    expect(m.fillPrice(slipInput({ assetClass: 'equity' }))).toBeCloseTo(100.01, 12);
  });

  it('spread aware (SCENARIOS 12): factor 0.5, bid 99.98 / ask 100.02 → buy 100.01, sell 99.99; no quotes → percentage', () => {
    const m = spreadAwareSlippage({ halfSpreadFactor: 0.5, fallbackRate: 0.001 });
    expect(m.fillPrice(slipInput({ bid: 99.98, ask: 100.02 }))).toBeCloseTo(100.01, 12);
    expect(m.fillPrice(slipInput({ side: 'SELL', bid: 99.98, ask: 100.02 }))).toBeCloseTo(99.99, 12);
    expect(m.fillPrice(slipInput())).toBeCloseTo(100.1, 12);
  });

  it('volume aware (SCENARIOS 13): base 1 bp + 0.01 × 1 % participation = 2 bp; participation capped at 10 %', () => {
    const m = volumeAwareSlippage({ baseRate: 0.0001, coefficient: 0.01, maxParticipation: 0.1 });
    expect(m.fillPrice(slipInput({ quantity: 100, volume: 10_000 }))).toBeCloseTo(100.02, 12);
    // 50 % participation counts as 10 %: 1 bp + 0.01 × 0.1 = 11 bp.
    expect(m.fillPrice(slipInput({ quantity: 5_000, volume: 10_000, side: 'SELL' }))).toBeCloseTo(99.89, 12);
  });

  it('order-type dependent (SCENARIOS 14): market 10 bp, limit 1 bp, stop 5 bp', () => {
    const m = orderTypeSlippage({ market: 0.001, limit: 0.0001, stop: 0.0005 });
    expect(m.fillPrice(slipInput({ type: 'MARKET' }))).toBeCloseTo(100.1, 12);
    expect(m.fillPrice(slipInput({ type: 'LIMIT' }))).toBeCloseTo(100.01, 12);
    expect(m.fillPrice(slipInput({ type: 'STOP' }))).toBeCloseTo(100.05, 12);
    expect(m.fillPrice(slipInput({ type: 'STOP_LIMIT' }))).toBeCloseTo(100.01, 12);
    expect(m.fillPrice(slipInput({ type: 'TRAILING_STOP', side: 'SELL' }))).toBeCloseTo(99.95, 12);
  });

  it('invalid options throw ConfigError naming the key path', () => {
    expect(() => percentageSlippage({ rate: -1 })).toThrow(ConfigError);
    expect(() => percentageSlippage({ rate: -1 })).toThrow(/slippage\.rate/);
    expect(() => fixedSlippage({ amount: Number.NaN })).toThrow(/slippage\.amount/);
    expect(() => volumeShareSlippage({ volumeLimit: 2 })).toThrow(/slippage\.volumeLimit/);
  });
});
