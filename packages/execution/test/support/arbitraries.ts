import fc from 'fast-check';
import type { OracleBar } from './oracle.js';

/** Rounds to cents. */
export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Random OHLC bars (cents), a random walk with gaps; always low ≤ open, close ≤ high. */
export const barsArb: fc.Arbitrary<OracleBar[]> = fc
  .record({
    start: fc.integer({ min: 50, max: 200 }),
    moves: fc.array(
      fc.record({
        gap: fc.integer({ min: -40, max: 40 }),
        body: fc.integer({ min: -30, max: 30 }),
        up: fc.integer({ min: 0, max: 20 }),
        down: fc.integer({ min: 0, max: 20 }),
      }),
      { minLength: 3, maxLength: 25 },
    ),
  })
  .map(({ start, moves }) => {
    const bars: OracleBar[] = [];
    let prev = start;
    for (const m of moves) {
      const open = Math.max(1, prev + m.gap / 10);
      const close = Math.max(1, open + m.body / 10);
      const high = Math.max(open, close) + m.up / 10;
      const low = Math.max(0.5, Math.min(open, close) - m.down / 10);
      bars.push({ open: round2(open), high: round2(high), low: round2(low), close: round2(close) });
      prev = close;
    }
    return bars;
  });
