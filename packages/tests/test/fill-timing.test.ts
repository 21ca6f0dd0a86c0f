import { describe, expect, it } from 'vitest';
import { backtest, bars, DAY, scripted, T0 } from './support.js';

// SCENARIOS 1–2: fill timing end to end through the public packages.
const data = {
  X: bars([
    [90, 105, 89, 100],
    [110, 112, 109, 111],
  ]),
};
const buyOnB0 = scripted({ 0: [{ type: 'MARKET', symbol: 'X', side: 'BUY', quantity: 100 }] });

describe('fill timing (SCENARIOS 1–2)', () => {
  it('NEXT_BAR (default) fills a market order decided on b0 at the open of b1', async () => {
    const { fills } = await backtest(data, buyOnB0);
    expect(fills.map((f) => [f.timestamp, f.price, f.priceRule])).toEqual([[T0 + DAY, 110, 'market@open']]);
  });

  it('SAME_BAR fills at the close of b0, never at its open', async () => {
    const { fills } = await backtest(data, buyOnB0, { fillTiming: 'same_bar' });
    expect(fills).toHaveLength(1);
    expect(fills[0]?.timestamp).toBe(T0);
    expect(fills[0]?.price).toBe(100);
    expect(fills[0]?.price).not.toBe(90);
  });

  it('no orders over three bars: equity 100,000 on every bar, no fills, no trades', async () => {
    const flat = {
      X: bars([
        [10, 11, 9, 10],
        [10, 11, 9, 10.5],
        [10, 11, 9, 9.5],
      ]),
    };
    const { fills, trades, snapshots, summary } = await backtest(flat, {});
    expect(snapshots.map((s) => s.equity)).toEqual([100_000, 100_000, 100_000]);
    expect(fills).toHaveLength(0);
    expect(trades).toHaveLength(0);
    expect(summary.openTrades).toHaveLength(0);
  });
});
