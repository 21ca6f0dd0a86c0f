import { Decimal, type SlippageModel } from '@ml4t/core';
import { percentageCommission, percentageSlippage } from '@ml4t/execution';
import { describe, expect, it } from 'vitest';
import { backtest, bars, scripted } from './support.js';

const flat = {
  X: bars([
    [100, 100, 100, 100],
    [100, 100, 100, 100],
    [100, 100, 100, 100],
    [100, 100, 100, 100],
  ]),
};
const roundTrip = scripted({
  0: [{ type: 'MARKET', symbol: 'X', side: 'BUY', quantity: 100 }],
  1: [{ type: 'MARKET', symbol: 'X', side: 'SELL', quantity: 100 }],
});

describe('costs end to end (SCENARIOS 10, 15)', () => {
  it('1 % slippage and 0.1 % commission on a round trip at 100: entry 101, exit 99, fees $20', async () => {
    const { fills, trades } = await backtest(flat, roundTrip, {
      slippage: percentageSlippage({ rate: 0.01 }),
      commission: percentageCommission({ rate: 0.001 }),
    });
    expect(fills.map((f) => f.price)).toEqual([101, 99]);
    expect(fills.map((f) => f.slippagePerUnit)).toEqual([1, 1]);
    expect(fills.map((f) => f.slippage.toString())).toEqual(['100', '100']);
    const [trade] = trades;
    expect(trade?.pnlGross.toString()).toBe('-200');
    expect(trade?.slippage.toString()).toBe('200');
    expect(trade?.entrySlippagePerUnit).toBe(1);
    expect(trade?.exitSlippagePerUnit).toBe(1);
    expect(trade?.commission.toString()).toBe('20');
    expect(trade?.pnlNet.toString()).toBe('-220');
  });

  it('a custom slippage model written here, outside the packages, plugs into the engine', async () => {
    // Half a cent per share, adverse, plus a tenth of the bar's range.
    const custom: SlippageModel = {
      name: 'half-cent-plus-range',
      fillPrice: ({ order, bar, basePrice }) => {
        const cost = 0.005 + (bar.high - bar.low) / 10;
        return order.side === 'BUY' ? basePrice + cost : basePrice - cost;
      },
    };
    const ranged = {
      X: bars([
        [100, 101, 99, 100],
        [100, 102, 98, 100],
        [100, 101, 99, 100],
        [100, 101, 99, 100],
      ]),
    };
    const { fills, trades } = await backtest(ranged, roundTrip, { slippage: custom });
    expect(fills.map((f) => f.price)).toEqual([100.405, 99.795]);
    expect(fills[0]?.slippage.toString()).toBe(new Decimal(0.405).times(100).toString());
    expect(trades[0]?.slippage.toNumber()).toBeCloseTo(61, 9);
    expect(trades[0]?.pnlGross.toNumber()).toBeCloseTo(-61, 9);
  });
});
