import { describe, expect, it } from 'vitest';
import { runW1Baseline } from '../src/baseline/w1-baseline.js';
import type { SmaCrossoverParams } from '../src/strategies/sma-crossover-params.js';
import { panel } from './support/bars.js';

const SMALL: SmaCrossoverParams = {
  fast: 2,
  slow: 3,
  quantity: 10,
  slippageRate: 0.01,
  commissionRate: 0.001,
  initialCash: 1000,
};

// closes 10 10 10 12 8 8 8 12: SMA2/SMA3 = 10/10 (t2), 11/10.67 (t3: cross up → buy),
// 10/10 (t4), 8/9.33 (t5: cross down → sell), 8/8 (t6), 10/9.33 (t7: cross up on the last bar, never fills).
const CLOSES = [10, 10, 10, 12, 8, 8, 8, 12];
const OPENS = [10, 10, 10, 11, 12, 8, 9, 8];

describe('runW1Baseline', () => {
  it('buys on a cross up and sells on a cross down at the next open, with slippage and commission', () => {
    const r = runW1Baseline(panel([OPENS], [CLOSES]), SMALL);
    // buy t4: 12 × 1.01 × 10 = 121.2 + 0.1212 fee; sell t6: 9 × 0.99 × 10 = 89.1 − 0.0891 fee.
    expect(r.fills).toBe(2);
    expect(r.trades).toBe(1);
    expect(r.rejected).toBe(0);
    expect(r.finalCash).toBeCloseTo(1000 - 121.3212 + 89.0109, 9);
    expect(r.finalEquity).toBeCloseTo(967.6897, 9);
    expect(r.bars).toBe(8);
  });

  it('marks an open position at its last close', () => {
    const closes = [10, 10, 10, 12, 13, 14];
    const opens = [10, 10, 10, 11, 12, 13];
    const r = runW1Baseline(panel([opens], [closes]), SMALL);
    // buy t4 at 12.12 (+0.1212 fee), still held: equity = cash + 10 × 14.
    expect(r.fills).toBe(1);
    expect(r.trades).toBe(0);
    expect(r.finalEquity).toBeCloseTo(1000 - 121.3212 + 140, 9);
  });

  it('rejects a buy the cash cannot pay', () => {
    const r = runW1Baseline(panel([OPENS], [CLOSES]), { ...SMALL, initialCash: 100 });
    expect(r.fills).toBe(0);
    expect(r.rejected).toBe(1);
    expect(r.finalEquity).toBe(100);
  });

  it('keeps symbols independent', () => {
    const flat = CLOSES.map(() => 10);
    const r = runW1Baseline(panel([OPENS, flat], [CLOSES, flat]), SMALL);
    expect(r.fills).toBe(2);
    expect(r.bars).toBe(16);
    expect(r.finalEquity).toBeCloseTo(967.6897, 9);
  });
});
