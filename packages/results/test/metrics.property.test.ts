import { toMoney } from '@ml4t/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeMetrics, tradeStats } from '../src/index.js';
import { DAY, dailyCurve, tradeWithPnl } from './support/fixtures.js';
import {
  refCagr,
  refMaxDrawdown,
  refProfitFactor,
  refSharpe,
  refSortino,
  refVolatility,
  refWinRate,
} from './support/reference-metrics.js';

/** Relative closeness for values that may be large (annualised ratios). */
function close(actual: number, expected: number): void {
  if (!Number.isFinite(expected)) {
    expect(actual).toBe(expected);
    return;
  }
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

const equityCurves = fc.array(fc.double({ min: 50, max: 200, noNaN: true }), { minLength: 3, maxLength: 60 });

describe('metrics agree with the reference implementation on random equity curves', () => {
  it('volatility, Sharpe, Sortino, max drawdown, CAGR, total return', () => {
    fc.assert(
      fc.property(equityCurves, fc.constantFrom(252, 365, 52), (equity, ppy) => {
        const m = computeMetrics(
          { initialCapital: toMoney(100), curve: dailyCurve(equity), trades: [], fills: [] },
          { periodsPerYear: ppy },
        );
        close(m.volatility, refVolatility(equity, 100, ppy));
        close(m.sharpe, refSharpe(equity, 100, ppy));
        const anyDown = [100, ...equity].some((e, i, all) => i > 0 && e < (all[i - 1] as number));
        if (anyDown) close(m.sortino, refSortino(equity, 100, ppy));
        close(m.maxDrawdown, refMaxDrawdown(equity, 100));
        close(m.cagr, refCagr(equity, 100, equity.length - 1));
        close(m.totalReturn, (equity[equity.length - 1] as number) / 100 - 1);
        expect(m.maxDrawdown).toBeLessThanOrEqual(0);
        expect(m.maxDrawdownDurationBars).toBeLessThanOrEqual(m.longestDrawdownBars);
        expect(m.longestDrawdownMs).toBeLessThanOrEqual((equity.length - 1) * DAY);
      }),
    );
  });

  it('win rate and profit factor', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -10_000, max: 10_000 }), { minLength: 1, maxLength: 40 }), (pnls) => {
        const s = tradeStats(pnls.map((p, i) => tradeWithPnl(`T${i}`, p / 100)));
        close(s.winRate, refWinRate(pnls));
        const hasWin = pnls.some((p) => p > 0);
        const hasLoss = pnls.some((p) => p < 0);
        if (hasWin && hasLoss) close(s.profitFactor, refProfitFactor(pnls));
        expect(s.netPnl.toNumber()).toBeCloseTo(pnls.reduce((a, b) => a + b, 0) / 100, 8);
      }),
    );
  });
});
