import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundLevel } from '../src/internal/round-level.js';

/** The definition: 12 significant digits through `Math.log10` and `10 **`. */
function reference(level: number): number {
  if (level === 0 || !Number.isFinite(level)) return level;
  const scale = 10 ** (11 - Math.floor(Math.log10(Math.abs(level))));
  return Math.round(level * scale) / scale;
}

describe('roundLevel', () => {
  it('equals the log10 definition bit for bit: any double, prices, and values next to powers of ten', () => {
    const nearPowers = fc
      .tuple(fc.integer({ min: -30, max: 30 }), fc.integer({ min: -40, max: 40 }), fc.boolean())
      .map(([k, ulps, negative]) => {
        let x = Number(`1e${k}`);
        for (let i = 0; i < Math.abs(ulps); i++) x = ulps > 0 ? next(x) : previous(x);
        return negative ? -x : x;
      });
    const prices = fc
      .tuple(fc.double({ min: 0.5, max: 5000, noNaN: true }), fc.double({ min: 0.8, max: 1.2, noNaN: true }))
      .map(([basis, factor]) => basis * factor);
    fc.assert(
      fc.property(fc.oneof(fc.double(), prices, nearPowers), (x) => {
        expect(Object.is(roundLevel(x), reference(x))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
    for (const x of [1, 10, 110.00000000000001, 99.99999999999999, 1e22, previous(1e22), 1e-7, -0]) {
      expect(Object.is(roundLevel(x), reference(x))).toBe(true);
    }
  });
});

const view = new DataView(new ArrayBuffer(8));

/** The next double above a positive `x`. */
function next(x: number): number {
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) + 1n);
  return view.getFloat64(0);
}

/** The next double below a positive `x`. */
function previous(x: number): number {
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) - 1n);
  return view.getFloat64(0);
}
