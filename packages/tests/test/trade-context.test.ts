import { PrecomputedFeatureProvider } from '@ml4t/feeds';
import { stopLoss } from '@ml4t/risk';
import { describe, expect, it } from 'vitest';
import { backtest, bars, DAY, scripted, T0 } from './support.js';

const data = {
  X: bars([
    [100, 101, 99, 100],
    [100, 101, 99, 100],
    [100, 101, 99, 100],
    [100, 101, 80, 85],
  ]),
};
const scores = [5, 7, 9, 11];
const features = PrecomputedFeatureProvider.fromRecords([
  ...scores.map((score, i) => ({ timestamp: T0 + i * DAY, symbol: 'X', score })),
  ...scores.map((_, i) => ({ timestamp: T0 + i * DAY, vix: 20 + i })),
]);

describe('trade context', () => {
  it('records the score and market context of the decision, not of the next-bar fill', async () => {
    const plan = scripted({
      0: [{ type: 'MARKET', symbol: 'X', side: 'BUY', quantity: 10 }],
      1: [{ type: 'MARKET', symbol: 'X', side: 'SELL', quantity: 10 }],
    });
    const { trades } = await backtest(data, plan, {}, { features, tradeContext: { score: 'score', market: ['vix'] } });
    expect(trades).toHaveLength(1);
    expect(trades[0]?.entryTime).toBe(T0 + DAY);
    expect(trades[0]?.entryContext.score).toBe(5);
    expect(trades[0]?.entryContext.market).toEqual({ vix: 20 });
    expect(trades[0]?.exitContext.score).toBe(7);
  });

  it('records a risk exit at the bar it fills on', async () => {
    const plan = scripted({ 0: [{ type: 'MARKET', symbol: 'X', side: 'BUY', quantity: 10 }] });
    const { trades } = await backtest(
      data,
      plan,
      {},
      { features, tradeContext: { score: 'score' }, positionRules: [stopLoss({ percent: 0.1 })] },
    );
    expect(trades[0]?.exitReason).toBe('STOP_LOSS');
    expect(trades[0]?.exitTime).toBe(T0 + 3 * DAY);
    expect(trades[0]?.exitContext.score).toBe(11);
  });
});
