import { Engine, type EngineConfig, ExitReason, type PositionRule, type Strategy, type Trade } from '@ml4t/core';
import { marginAccount, SimulatedBroker } from '@ml4t/execution';
import { describe, expect, it } from 'vitest';
import { dynamicTrailingStop, stopLoss, timeExit, trailingStop, volatilityStop } from '../src/index.js';
import { DAY, dailyBars, flat, T0 } from './support/array-feed.js';
import { daily, FeatureTable } from './support/feature-table.js';

type Bar = readonly [number, number, number, number];

/** Buys `quantity` of each symbol on the first bar (NEXT_BAR: filled at the second bar's open). */
function buyOnFirstBar(symbols: readonly string[], quantity: number): Strategy {
  return {
    onTimeSlice(slice, ctx) {
      if (slice.index !== 0) return;
      for (const symbol of symbols) ctx.bus.submit({ type: 'MARKET', symbol, side: 'BUY', quantity });
    },
  };
}

async function run(
  bars: Record<string, readonly Bar[]>,
  positionRules: readonly PositionRule[],
  extra: Partial<EngineConfig> = {},
): Promise<Trade[]> {
  const symbols = Object.keys(bars);
  const days = Math.max(...symbols.map((s) => bars[s]?.length ?? 0));
  const rows = Array.from({ length: days }, (_, i) =>
    Object.fromEntries(symbols.flatMap((s) => (bars[s]?.[i] ? [[s, bars[s]?.[i] as Bar]] : []))),
  );
  const trades: Trade[] = [];
  const engine = new Engine({
    initialCash: 100_000,
    feeds: [dailyBars(rows)],
    strategy: buyOnFirstBar(symbols, 100),
    broker: new SimulatedBroker(),
    positionRules,
    sinks: [{ onTrade: (t) => trades.push(t) }],
    ...extra,
  });
  await engine.run();
  return trades;
}

describe('the reference example: volatility-scaled stop + dynamic trailing + time exit on one portfolio', () => {
  it('exits each position by the rule that fires first, at hand-computed prices', async () => {
    const atr = daily(T0, DAY, Array(8).fill(1)); // ATR 1 → stop 2 × 1 below the entry
    const trades = await run(
      {
        // A falls through the volatility stop 100 − 2 = 98 on b2.
        A: [[100, 100, 100, 100], [100, 100.5, 99.5, 100], [99.5, 99.8, 97.5, 98], ...flat([98, 98, 98, 98, 98])],
        // B rallies to 110 and falls back: on b4 (barsHeld 3) the trail is 5 % − 3 × 0.5 % = 3.5 % → 110 × 0.965.
        B: [
          [100, 100, 100, 100],
          [100, 102, 99.5, 101.5],
          [102, 106, 101.5, 105.5],
          [106, 110, 105.5, 109.5],
          [109, 109.5, 105, 105.5],
          ...flat([105, 105, 105]),
        ],
        // C drifts: neither stop is reached, so the time exit closes it at b6's close (barsHeld 5).
        C: [
          [100, 100, 100, 100],
          ...Array<Bar>(5).fill([100, 100.5, 99.8, 100.2]),
          [100, 100.5, 99.8, 100.2],
          [100, 100, 100, 100],
        ],
      },
      [
        volatilityStop({ multiple: 2, feature: 'atr' }),
        dynamicTrailingStop({ initial: 0.05, perBar: 0.005, minimum: 0.02 }),
        timeExit({ maxBars: 5 }),
      ],
      { features: new FeatureTable({ A: { atr }, B: { atr }, C: { atr } }) },
    );
    expect(
      trades.map((t) => [
        t.symbol,
        (t.exitTime - T0) / DAY,
        t.exitPrice,
        t.exitReason,
        t.exitRule,
        t.pnlGross.toString(),
      ]),
    ).toEqual([
      ['A', 2, 98, ExitReason.VolatilityStop, 'volatilityStop', '-200'],
      ['B', 4, 106.15, ExitReason.TrailingStop, 'dynamicTrailingStop', '615'],
      ['C', 6, 100.2, ExitReason.TimeExit, 'timeExit', '20'],
    ]);
    expect(trades.every((t) => t.entryPrice === 100)).toBe(true);
  });
});

describe('intrabar trailing stop through the engine', () => {
  it('fills at the level raised by the bar’s own rally, not at the open', async () => {
    // Entry at b1's open 100 (high water 100.5 after b1). b2: O101 H110 L100 C104, low nearer the open:
    // 101 → 100 → 110 → 104; the rally lifts the 5 % level to 104.5 and the close falls through it.
    const bars: Bar[] = [
      [100, 100, 100, 100],
      [100, 100.5, 99.8, 100],
      [101, 110, 100, 104],
      [104, 104, 104, 104],
    ];
    const [trade] = await run({ A: bars }, [trailingStop({ percent: 0.05, timing: 'intrabar' })]);
    expect([(trade?.exitTime ?? 0) - T0, trade?.exitPrice, trade?.pnlGross.toString()]).toEqual([
      2 * DAY,
      104.5,
      '450',
    ]);
  });
});

describe('stop loss through the engine (SCENARIOS 3 and 4)', () => {
  // Closes 100, 99, 98, 97, 96, 94.5, 93…; open = close + 0.5, high = close + 1, low = close − 0.5.
  const closes = [100, 99, 98, 97, 96, 94.5, 93, 92, 91];
  const scenario3: Bar[] = closes.map((c) => [c + 0.5, c + 1, c - 0.5, c]);

  it('NEXT_BAR entry 99.50: 5 % from the fill price exits at 94.525 on b5 (P&L −497.50)', async () => {
    const [trade] = await run({ A: scenario3 }, [stopLoss({ percent: 0.05 })]);
    expect([(trade?.exitTime ?? 0) - T0, trade?.exitPrice, trade?.pnlGross.toString()]).toEqual([
      5 * DAY,
      94.525,
      '-497.5',
    ]);
  });

  it('from the signal close (backtrader) the level is 95.00: the open 95 fills it (P&L −450)', async () => {
    const [trade] = await run({ A: scenario3 }, [stopLoss({ percent: 0.05, basis: 'signal_close' })]);
    expect([trade?.exitPrice, trade?.pnlGross.toString(), trade?.exitReason]).toEqual([
      95,
      '-450',
      ExitReason.StopLoss,
    ]);
  });

  it('a gap through the stop fills at the open', async () => {
    const gap: Bar[] = [
      [100, 100, 100, 100],
      [100, 101, 99, 100],
      [90, 92, 88, 91],
      [91, 91, 91, 91],
    ];
    const [trade] = await run({ A: gap }, [stopLoss({ percent: 0.05 })]);
    expect([(trade?.exitTime ?? 0) - T0, trade?.exitPrice, trade?.pnlGross.toString()]).toEqual([2 * DAY, 90, '-1000']);
  });

  it('on the entry bar the post-entry low triggers the stop unless riskOnEntryBar is off', async () => {
    // Signal on b0, entry at b1's open 100, b1's low 50.
    const bars: Bar[] = [
      [100, 100, 100, 100],
      [100, 101, 50, 60],
      [61, 62, 59, 60],
      [60, 60, 60, 60],
    ];
    const [onEntry] = await run({ A: bars }, [stopLoss({ percent: 0.05 })]);
    expect([(onEntry?.exitTime ?? 0) - T0, onEntry?.exitPrice]).toEqual([DAY, 95]);
    const [engineKnob] = await run({ A: bars }, [stopLoss({ percent: 0.05 })], { riskOnEntryBar: false });
    expect([(engineKnob?.exitTime ?? 0) - T0, engineKnob?.exitPrice]).toEqual([2 * DAY, 61]);
    const [ruleKnob] = await run({ A: bars }, [stopLoss({ percent: 0.05, skipEntryBar: true })]);
    expect([(ruleKnob?.exitTime ?? 0) - T0, ruleKnob?.exitPrice]).toEqual([2 * DAY, 61]);
  });

  it('mirrors for a short position', async () => {
    const trades: Trade[] = [];
    const bars = dailyBars(
      (
        [
          [100, 100, 100, 100],
          [100, 101, 99, 100],
          [101, 106, 100, 105],
          [105, 105, 105, 105],
        ] as const
      ).map((b) => ({ A: b })),
    );
    await new Engine({
      initialCash: 100_000,
      feeds: [bars],
      strategy: {
        onTimeSlice(slice, ctx) {
          if (slice.index === 0) ctx.bus.submit({ type: 'MARKET', symbol: 'A', side: 'SELL', quantity: 100 });
        },
      },
      broker: new SimulatedBroker({ account: marginAccount() }),
      positionRules: [stopLoss({ percent: 0.05 })],
      sinks: [{ onTrade: (t) => trades.push(t) }],
    }).run();
    expect(trades.map((t) => [t.direction, t.exitPrice, t.pnlGross.toString(), t.exitReason])).toEqual([
      ['SHORT', 105, '-500', ExitReason.StopLoss],
    ]);
  });
});
