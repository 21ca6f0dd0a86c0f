import { ConfigError } from '@ml4t/core';
import { describe, expect, it } from 'vitest';
import { generateMarket, nyseCalendar, Xoshiro128 } from '../src/index.js';

/** Spearman rank correlation of two equal-length arrays (no ties expected). */
function rankCorrelation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const rank = (x: ArrayLike<number>): Float64Array => {
    const idx = Array.from({ length: x.length }, (_, i) => i).sort((i, j) => (x[i] as number) - (x[j] as number));
    const r = new Float64Array(x.length);
    idx.forEach((i, k) => {
      r[i] = k;
    });
    return r;
  };
  const ra = rank(a);
  const rb = rank(b);
  const n = ra.length;
  const mean = (n - 1) / 2;
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < n; i++) {
    num += ((ra[i] as number) - mean) * ((rb[i] as number) - mean);
    da += ((ra[i] as number) - mean) ** 2;
    db += ((rb[i] as number) - mean) ** 2;
  }
  return num / Math.sqrt(da * db);
}

describe('Xoshiro128', () => {
  it('is deterministic per seed, uniform in (0, 1) and normal with mean 0, variance 1', () => {
    const a = new Xoshiro128(1);
    const b = new Xoshiro128(1);
    expect([a.nextUint32(), a.nextUint32()]).toEqual([b.nextUint32(), b.nextUint32()]);
    expect(new Xoshiro128(2).nextUint32()).not.toBe(new Xoshiro128(1).nextUint32());
    let s = 0;
    let s2 = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const z = a.normal();
      s += z;
      s2 += z * z;
    }
    expect(Math.abs(s / n)).toBeLessThan(0.01);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.02);
  });
});

describe('generateMarket', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = generateMarket({ symbols: 5, bars: 50, seed: 9, quotes: true });
    const b = generateMarket({ symbols: 5, bars: 50, seed: 9, quotes: true });
    expect(Array.from(a.bars.close)).toEqual(Array.from(b.bars.close));
    expect(Array.from(a.scores)).toEqual(Array.from(b.scores));
    expect(Array.from(a.vix)).toEqual(Array.from(b.vix));
    expect(generateMarket({ symbols: 5, bars: 50, seed: 10 }).bars.close[7]).not.toBe(a.bars.close[7]);
    // Changing the IC changes only the scores.
    expect(Array.from(generateMarket({ symbols: 5, bars: 50, seed: 9, quotes: true, ic: 0.5 }).bars.close)).toEqual(
      Array.from(a.bars.close),
    );
  });

  it('produces consistent OHLC, positive volume, quotes around the close and gaps at the open', () => {
    const m = generateMarket({ symbols: 20, bars: 300, seed: 1, quotes: true, toStressed: 0.05 });
    const { open, high, low, close, volume, bid, ask } = m.bars;
    let gaps = 0;
    for (let r = 0; r < close.length; r++) {
      const o = open[r] as number;
      const c = close[r] as number;
      expect(low[r]).toBeLessThanOrEqual(Math.min(o, c));
      expect(high[r]).toBeGreaterThanOrEqual(Math.max(o, c));
      expect(low[r]).toBeGreaterThan(0);
      expect(volume[r]).toBeGreaterThanOrEqual(1);
      expect(bid?.[r]).toBeLessThan(c);
      expect(ask?.[r]).toBeGreaterThan(c);
      if (r >= 20 && o !== close[r - 20]) gaps++;
    }
    expect(gaps).toBe(close.length - 20); // every daily open gaps from the previous close
    expect(m.regime.some((x) => x === 1)).toBe(true);
  });

  it('stamps daily bars on NYSE sessions and minute bars inside sessions', () => {
    const d = generateMarket({ symbols: 2, bars: 10, start: Date.UTC(2024, 11, 20) });
    expect(Array.from(d.timestamps)).toEqual(Array.from(nyseCalendar().sessionsFrom(Date.UTC(2024, 11, 20), 10)));
    const m = generateMarket({ symbols: 2, bars: 400, frequency: 'minute', start: Date.UTC(2024, 0, 2) });
    expect(new Date(m.timestamps[0] as number).toISOString()).toBe('2024-01-02T14:30:00.000Z');
    expect(new Date(m.timestamps[390] as number).toISOString()).toBe('2024-01-03T14:30:00.000Z');
    expect(m.periodsPerYear).toBe(252 * 390);
  });

  it('ties the VIX-like series to the regime', () => {
    const m = generateMarket({ symbols: 2, bars: 3000, seed: 5 });
    let calm = 0;
    let nc = 0;
    let stressed = 0;
    let ns = 0;
    m.regime.forEach((g, t) => {
      if (g) {
        stressed += m.vix[t] as number;
        ns++;
      } else {
        calm += m.vix[t] as number;
        nc++;
      }
    });
    expect(ns).toBeGreaterThan(100);
    expect(stressed / ns - calm / nc).toBeGreaterThan(8);
  });

  it('gives scores the target rank IC versus the next bar return (statistical, ±0.02)', () => {
    for (const ic of [0, 0.1, 0.3]) {
      const m = generateMarket({ symbols: 200, bars: 300, seed: 21, ic });
      const N = 200;
      let sum = 0;
      for (let t = 0; t + 1 < 300; t++) {
        const next = new Float64Array(N);
        for (let i = 0; i < N; i++)
          next[i] = (m.bars.close[(t + 1) * N + i] as number) / (m.bars.close[t * N + i] as number);
        sum += rankCorrelation(m.scores.subarray(t * N, t * N + N), next);
      }
      // Spearman of a bivariate normal is (6/π)·asin(ρ/2) ≈ 0.955ρ for small ρ.
      const target = (6 / Math.PI) * Math.asin(ic / 2);
      expect(Math.abs(sum / 299 - target)).toBeLessThan(0.02);
    }
  });

  it('correlates symbols through the market factor', () => {
    const m = generateMarket({ symbols: 2, bars: 4000, seed: 8, correlation: 0.6, toStressed: 0 });
    const r = (i: number, t: number): number =>
      Math.log((m.bars.close[t * 2 + i] as number) / (m.bars.close[(t - 1) * 2 + i] as number));
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    for (let t = 1; t < 4000; t++) {
      sxy += r(0, t) * r(1, t);
      sxx += r(0, t) ** 2;
      syy += r(1, t) ** 2;
    }
    expect(sxy / Math.sqrt(sxx * syy)).toBeCloseTo(0.6, 1);
  });

  it('validates options with ConfigError naming the key', () => {
    expect(() => generateMarket({ correlation: 1 })).toThrow(ConfigError);
    expect(() => generateMarket({ symbols: 0 })).toThrow(/market\.symbols/);
    expect(() => generateMarket({ ic: 2 })).toThrow(/market\.ic/);
  });
});
