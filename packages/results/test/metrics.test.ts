import { ConfigError, toMoney } from '@ml4t/core';
import { describe, expect, it } from 'vitest';
import {
  computeMetrics,
  drawdownSeries,
  drawdownStats,
  inferPeriodsPerYear,
  monthlyReturns,
  periodReturns,
  resolvePeriodsPerYear,
  tradeStats,
} from '../src/index.js';
import { DAY, dailyCurve, makeFill, T0, tradeWithPnl } from './support/fixtures.js';

const capital = toMoney(100);

describe('metrics on the hand-checked curve 100, 110, 99, 108.9 (daily, initial capital 100)', () => {
  const curve = dailyCurve([100, 110, 99, 108.9]);
  const m = computeMetrics({ initialCapital: capital, curve, trades: [], fills: [] });

  it('measures per-bar returns from the initial capital', () => {
    const r = Array.from(periodReturns(curve.equity, 100));
    expect(r[0]).toBe(0);
    expect(r[1]).toBeCloseTo(0.1, 14);
    expect(r[2]).toBeCloseTo(-0.1, 14);
    expect(r[3]).toBeCloseTo(0.1, 14);
  });

  it('total return, volatility, Sharpe and Sortino', () => {
    expect(m.totalReturn).toBeCloseTo(0.089, 12);
    // returns 0, .1, -.1, .1: mean .025, sample std √(.0275/3) = 0.0957427107756338
    expect(m.volatility).toBeCloseTo(0.0957427107756338 * Math.sqrt(252), 12);
    expect(m.sharpe).toBeCloseTo(4.145095678246545, 10);
    // downside deviation √((0 + 0 + .01 + 0) / 4) = .05 → .025 / .05 × √252
    expect(m.sortino).toBeCloseTo(0.5 * Math.sqrt(252), 10);
  });

  it('max drawdown −10 % (110 → 99), not recovered: 2 bars / 2 days', () => {
    expect(m.maxDrawdown).toBeCloseTo(-0.1, 14);
    expect(m.maxDrawdownDurationBars).toBe(2);
    expect(m.maxDrawdownDurationMs).toBe(2 * DAY);
    expect(m.longestDrawdownBars).toBe(2);
  });

  it('CAGR from elapsed time (3 days = 3/365.25 years) and Calmar = CAGR / 10 %', () => {
    expect(m.years).toBeCloseTo(3 / 365.25, 15);
    expect(m.cagr).toBeCloseTo(1.089 ** (365.25 / 3) - 1, 3);
    expect(m.calmar).toBeCloseTo(m.cagr / 0.1, 6);
    expect(m.periods).toBe(4);
    expect(m.periodsPerYear).toBe(252);
  });
});

describe('CAGR, annualisation and edge cases', () => {
  it('100 → 121 over two years of 365.25 days is 10 % a year', () => {
    const curve = dailyCurve([100, 110, 121], 365.25 * DAY);
    const m = computeMetrics({ initialCapital: capital, curve, trades: [], fills: [] });
    expect(m.cagr).toBeCloseTo(0.1, 12);
    expect(m.maxDrawdown).toBe(0);
    expect(m.calmar).toBe(Number.POSITIVE_INFINITY);
  });

  it('measures total return from the configured capital (SCENARIOS 17: −0.1 % after a 1 % commission on 10 %)', () => {
    const curve = dailyCurve([99_990, 99_990, 99_990]);
    const m = computeMetrics({ initialCapital: toMoney(100_000), curve, trades: [], fills: [] });
    expect(m.totalReturn).toBeCloseTo(-0.0001, 15);
    expect(m.maxDrawdown).toBeCloseTo(-0.0001, 15);
  });

  it('an empty run gives zero return and NaN ratios, never throws', () => {
    const m = computeMetrics({ initialCapital: capital, curve: dailyCurve([]), trades: [], fills: [] });
    expect(m.totalReturn).toBe(0);
    expect(m.sharpe).toBeNaN();
    expect(m.cagr).toBeNaN();
    expect(m.trades.count).toBe(0);
    expect(m.trades.winRate).toBeNaN();
  });

  it('flat equity: zero volatility gives NaN Sharpe (0 / 0)', () => {
    const m = computeMetrics({ initialCapital: capital, curve: dailyCurve([100, 100, 100]), trades: [], fills: [] });
    expect(m.volatility).toBe(0);
    expect(m.sharpe).toBeNaN();
    expect(m.sortino).toBeNaN();
  });

  it('accepts periodsPerYear as a number, a calendar-like object or infer', () => {
    const curve = dailyCurve([100, 110, 99, 108.9]);
    const base = { initialCapital: capital, curve, trades: [], fills: [] };
    const crypto = computeMetrics(base, { periodsPerYear: 365 });
    const calendar = computeMetrics(base, { periodsPerYear: { periodsPerYear: 365 } });
    expect(crypto.periodsPerYear).toBe(365);
    expect(calendar.sharpe).toBe(crypto.sharpe);
    expect(crypto.volatility).toBeCloseTo(0.0957427107756338 * Math.sqrt(365), 12);
    // T0 is a Thursday; four consecutive days include a Saturday and a Sunday → 365.
    expect(computeMetrics(base, { periodsPerYear: 'infer' }).periodsPerYear).toBe(365);
  });

  it('rejects invalid options with a ConfigError naming the key', () => {
    const base = { initialCapital: capital, curve: dailyCurve([100, 101]), trades: [], fills: [] };
    expect(() => computeMetrics(base, { periodsPerYear: 0 })).toThrow(ConfigError);
    expect(() => computeMetrics(base, { periodsPerYear: -5 })).toThrow(/periodsPerYear/);
    expect(() => computeMetrics(base, { riskFreeRate: Number.NaN })).toThrow(/riskFreeRate/);
    expect(() => computeMetrics(base, { benchmark: [1, 2, 3] })).toThrow(/benchmark/);
  });

  it('applies a risk-free rate compounded per period', () => {
    const curve = dailyCurve([100, 110, 99, 108.9]);
    const m = computeMetrics({ initialCapital: capital, curve, trades: [], fills: [] }, { riskFreeRate: 0.05 });
    const rf = 1.05 ** (1 / 252) - 1;
    const ex = [0 - rf, 0.1 - rf, -0.1 - rf, 0.1 - rf];
    const mean = ex.reduce((a, b) => a + b) / 4;
    const sd = Math.sqrt(ex.reduce((a, b) => a + (b - mean) ** 2, 0) / 3);
    expect(m.sharpe).toBeCloseTo((mean / sd) * Math.sqrt(252), 10);
  });
});

describe('inferPeriodsPerYear', () => {
  const weekdays = (n: number): number[] => {
    const out: number[] = [];
    for (let t = Date.UTC(2021, 0, 4); out.length < n; t += DAY) {
      const d = new Date(t).getUTCDay();
      if (d !== 0 && d !== 6) out.push(t);
    }
    return out;
  };
  it('weekday daily bars → 252, every day → 365, weekly → 52, monthly → 12', () => {
    expect(inferPeriodsPerYear(weekdays(30))).toBe(252);
    expect(inferPeriodsPerYear(Array.from({ length: 30 }, (_, i) => T0 + i * DAY))).toBe(365);
    expect(inferPeriodsPerYear(Array.from({ length: 30 }, (_, i) => T0 + i * 7 * DAY))).toBe(52);
    expect(inferPeriodsPerYear(Array.from({ length: 30 }, (_, i) => Date.UTC(2020, i, 1)))).toBe(12);
  });
  it('intraday: bars per day × days per year', () => {
    const hourly: number[] = [];
    for (const day of weekdays(10)) for (let h = 14; h < 21; h++) hourly.push(day + h * 3_600_000);
    expect(inferPeriodsPerYear(hourly)).toBe(7 * 252);
  });
  it('falls back to 252 with fewer than two timestamps', () => {
    expect(inferPeriodsPerYear([T0])).toBe(252);
    expect(resolvePeriodsPerYear(undefined, [])).toBe(252);
  });
});

describe('drawdowns', () => {
  it('series and recovered episode', () => {
    // peak 100 (initial), 90 (-10 %), 95, 100 (recovered at index 2), 120, 60 (-50 %), 130 (recovered)
    const eq = [90, 95, 100, 120, 60, 130];
    const series = Array.from(drawdownSeries(eq, 100));
    for (const [i, v] of [-0.1, -0.05, 0, 0, -0.5, 0].entries()) expect(series[i]).toBeCloseTo(v, 14);
    const ts = eq.map((_, i) => T0 + i * DAY);
    const s = drawdownStats(ts, eq, 100);
    expect(s).toMatchObject({
      maxDrawdown: -0.5,
      peakIndex: 3,
      troughIndex: 4,
      recoveryIndex: 5,
      maxDrawdownDurationBars: 2,
      maxDrawdownDurationMs: 2 * DAY,
      // from the initial capital (index −1, dated at the first bar) to the recovery at index 2
      longestDrawdownBars: 3,
      longestDrawdownMs: 2 * DAY,
    });
  });
});

describe('trade statistics', () => {
  const trades = [
    tradeWithPnl('T1', 300),
    tradeWithPnl('T2', -100, { symbol: 'BBB', direction: 'SHORT', barsHeld: 4, durationMs: 4 * DAY }),
    tradeWithPnl('T3', 100),
    tradeWithPnl('T4', -50, { symbol: 'BBB' }),
    tradeWithPnl('T5', 0),
  ];

  it('win rate, profit factor, expectancy, payoff ratio, holding period', () => {
    const s = tradeStats(trades);
    expect(s.count).toBe(5);
    expect(s.wins).toBe(2);
    expect(s.losses).toBe(2);
    expect(s.winRate).toBe(0.4);
    expect(s.grossProfit.toString()).toBe('400');
    expect(s.grossLoss.toString()).toBe('-150');
    expect(s.netPnl.toString()).toBe('250');
    expect(s.profitFactor).toBeCloseTo(400 / 150, 14);
    expect(s.expectancy).toBe(50);
    expect(s.avgWin).toBe(200);
    expect(s.avgLoss).toBe(-75);
    expect(s.payoffRatio).toBeCloseTo(200 / 75, 14);
    expect(s.avgBarsHeld).toBeCloseTo(12 / 5, 14);
    expect(s.avgHoldingMs).toBe((12 / 5) * DAY);
  });

  it('breaks down by symbol and side, and skips open trades unless asked', () => {
    const open = tradeWithPnl('P9-open', 1000, { isOpen: true, exitReason: 'END_OF_DATA' });
    const input = { initialCapital: capital, curve: dailyCurve([100]), trades: [...trades, open], fills: [] };
    const m = computeMetrics(input);
    expect(m.trades.count).toBe(5);
    expect(Object.keys(m.bySymbol)).toEqual(['AAA', 'BBB']);
    expect(m.bySymbol.BBB?.netPnl.toString()).toBe('-150');
    expect(m.bySide.SHORT.count).toBe(1);
    expect(m.bySide.LONG.count).toBe(4);
    expect(computeMetrics(input, { includeOpenTrades: true }).trades.count).toBe(6);
  });

  it('no losses: profit factor Infinity, payoff NaN', () => {
    const s = tradeStats([tradeWithPnl('T1', 10)]);
    expect(s.profitFactor).toBe(Number.POSITIVE_INFINITY);
    expect(s.payoffRatio).toBeNaN();
  });
});

describe('costs, exposure and turnover', () => {
  it('sums commission, slippage and impact exactly and relates them to the capital (SCENARIOS 10)', () => {
    const fills = [
      makeFill({ price: 101, notional: toMoney(10_100), slippage: toMoney(100), commission: toMoney('10.1') }),
      makeFill({
        id: 'F2',
        side: 'SELL',
        price: 99,
        notional: toMoney(9_900),
        slippage: toMoney(100),
        commission: toMoney('9.9'),
        impact: toMoney('0.3'),
      }),
    ];
    const m = computeMetrics({ initialCapital: toMoney(100_000), curve: dailyCurve([100_000]), trades: [], fills });
    expect(m.totalCommission.toString()).toBe('20');
    expect(m.totalSlippage.toString()).toBe('200');
    expect(m.totalImpact.toString()).toBe('0.3');
    expect(m.costDrag).toBeCloseTo(220.3 / 100_000, 15);
    expect(m.turnover).toBeCloseTo(20_000 / 100_000, 15);
    expect(m.annualTurnover).toBeCloseTo(0.2 * 252, 12);
  });

  it('exposure is mean gross / equity and time in market counts bars with positions', () => {
    const curve = dailyCurve([100, 100, 100, 100]);
    (curve.grossExposure as Float64Array).set([0, 50, 100, 0]);
    (curve.openPositions as Int32Array).set([0, 1, 1, 0]);
    const m = computeMetrics({ initialCapital: capital, curve, trades: [], fills: [] });
    expect(m.exposure).toBeCloseTo(0.375, 15);
    expect(m.timeInMarket).toBe(0.5);
  });
});

describe('benchmark-relative statistics', () => {
  it('a strategy that is exactly 2× the benchmark returns has beta 2 and correlation 1', () => {
    const bench = [100, 101, 99.99, 102.9897];
    const b = bench.slice(1).map((v, i) => v / (bench[i] as number) - 1);
    const eq = [100];
    for (const r of b) eq.push((eq[eq.length - 1] as number) * (1 + 2 * r));
    const m = computeMetrics(
      { initialCapital: capital, curve: dailyCurve(eq), trades: [], fills: [] },
      { benchmark: bench, periodsPerYear: 252 },
    );
    const bm = m.benchmark;
    expect(bm).toBeDefined();
    expect(bm?.beta).toBeCloseTo(2, 10);
    expect(bm?.correlation).toBeCloseTo(1, 10);
    expect(bm?.alpha).toBeCloseTo(0, 10);
    expect(bm?.benchmarkReturn).toBeCloseTo(0.029897, 12);
    const meanB = b.reduce((x, y) => x + y) / b.length;
    const sdB = Math.sqrt(b.reduce((x, y) => x + (y - meanB) ** 2, 0) / (b.length - 1));
    expect(bm?.informationRatio).toBeCloseTo((meanB / sdB) * Math.sqrt(252), 10);
    expect(bm?.trackingError).toBeCloseTo(sdB * Math.sqrt(252), 10);
  });

  it('aligns a timestamped benchmark as of each equity time', () => {
    const curve = dailyCurve([100, 100, 100]);
    const m = computeMetrics(
      { initialCapital: capital, curve, trades: [], fills: [] },
      { benchmark: { timestamps: [T0 - DAY, T0 + DAY], values: [50, 100] } },
    );
    expect(m.benchmark?.benchmarkReturn).toBe(1);
  });
});

describe('monthlyReturns', () => {
  it('compounds to month ends, the first month from the initial capital', () => {
    const points = [Date.UTC(2020, 0, 15), Date.UTC(2020, 0, 31), Date.UTC(2020, 1, 10), Date.UTC(2020, 3, 1)];
    const curve = dailyCurve([105, 110, 99, 108.9]);
    (curve.timestamps as Float64Array).set(points);
    const months = monthlyReturns(curve, 100);
    expect(months.map((m) => [m.year, m.month])).toEqual([
      [2020, 1],
      [2020, 2],
      [2020, 4],
    ]);
    expect(months[0]?.return).toBeCloseTo(0.1, 14);
    expect(months[1]?.return).toBeCloseTo(-0.1, 14);
    expect(months[2]?.return).toBeCloseTo(0.1, 14);
  });
});
