import { ExitReason } from '@ml4t/core';
import { describe, expect, it } from 'vitest';
import { breakEvenStop, scaledExit, signalExit, timeExit, volatilityStop, volatilityTakeProfit } from '../src/index.js';
import { features, ohlc, position, ruleInput } from './support/rule-input.js';

describe('volatilityStop / volatilityTakeProfit', () => {
  const atr = (v: number) => features({ atr: v });

  it('places the stop k × ATR below the entry: 100 − 2 × 2 = 96', () => {
    const rule = volatilityStop({ multiple: 2 });
    expect(rule.evaluate(ruleInput(position(), ohlc(99, 100, 96.5, 97), { features: atr(2) }))).toBeUndefined();
    expect(rule.evaluate(ruleInput(position(), ohlc(99, 100, 95.5, 97), { features: atr(2) }))).toMatchObject({
      reason: ExitReason.VolatilityStop,
      trigger: 'stop',
      price: 96,
    });
  });

  it('fixes the distance at the first bar with a value, unless fixedAtEntry is false', () => {
    const fixed = volatilityStop({ multiple: 2 });
    const floating = volatilityStop({ multiple: 2, fixedAtEntry: false });
    const s1 = {};
    const s2 = {};
    const calm = ohlc(99, 100, 97, 98);
    expect(fixed.evaluate(ruleInput(position(), calm, { features: atr(2), state: s1 }))).toBeUndefined();
    expect(floating.evaluate(ruleInput(position(), calm, { features: atr(2), state: s2 }))).toBeUndefined();
    // ATR widens to 10: the fixed stop stays at 96, the floating one moves to 80.
    const drop = ohlc(97, 97, 95, 95.5);
    expect(fixed.evaluate(ruleInput(position(), drop, { features: atr(10), state: s1 }))?.price).toBe(96);
    expect(floating.evaluate(ruleInput(position(), drop, { features: atr(10), state: s2 }))).toBeUndefined();
  });

  it('reads realised volatility as a fraction of the basis: 2 × 0.02 × 100 = 4', () => {
    const rule = volatilityStop({ multiple: 2, feature: 'vol20', measure: 'volatility' });
    const input = ruleInput(position(), ohlc(99, 100, 95.5, 97), { features: features({ vol20: 0.02 }) });
    expect(rule.evaluate(input)?.price).toBe(96);
  });

  it('does nothing while the feature is missing', () => {
    expect(volatilityStop({ multiple: 2 }).evaluate(ruleInput(position(), ohlc(50, 50, 10, 20)))).toBeUndefined();
  });

  it('mirrors for shorts and has a take-profit twin', () => {
    const short = position({ quantity: -100 });
    expect(
      volatilityStop({ multiple: 2 }).evaluate(ruleInput(short, ohlc(101, 104.5, 100, 103), { features: atr(2) }))
        ?.price,
    ).toBe(104);
    const tp = volatilityTakeProfit({ multiple: 3 });
    expect(tp.evaluate(ruleInput(position(), ohlc(104, 107, 103, 106), { features: atr(2) }))).toMatchObject({
      reason: ExitReason.VolatilityTakeProfit,
      trigger: 'limit',
      price: 106,
    });
    expect(tp.evaluate(ruleInput(short, ohlc(96, 97, 93.5, 94), { features: atr(2) }))?.price).toBe(94);
  });

  it('validates the multiple and measure', () => {
    expect(() => volatilityStop({ multiple: 0 })).toThrow(expect.objectContaining({ path: 'volatilityStop.multiple' }));
    expect(() => volatilityTakeProfit({ multiple: 1, measure: 'range' as 'atr' })).toThrow(
      expect.objectContaining({ path: 'volatilityTakeProfit.measure' }),
    );
  });
});

describe('timeExit', () => {
  it('exits at the close of the bar where barsHeld reaches maxBars', () => {
    const rule = timeExit({ maxBars: 3 });
    expect(rule.evaluate(ruleInput(position({ barsHeld: 2 }), ohlc(100, 101, 99, 100.5)))).toBeUndefined();
    expect(rule.evaluate(ruleInput(position({ barsHeld: 3 }), ohlc(100, 101, 99, 100.5)))).toEqual({
      kind: 'exit',
      reason: ExitReason.TimeExit,
      trigger: 'close',
      price: 100.5,
      rule: 'timeExit',
    });
  });

  it('exits after a duration, optionally at the next open', () => {
    const day = 86_400_000;
    const rule = timeExit({ maxDurationMs: 5 * day, fill: 'nextOpen' });
    const pos = position({ entryTime: day });
    expect(rule.evaluate(ruleInput(pos, ohlc(1, 1, 1, 1, 5 * day)))).toBeUndefined();
    expect(rule.evaluate(ruleInput(pos, ohlc(1, 1, 1, 1, 6 * day)))?.trigger).toBe('nextOpen');
  });

  it('needs a limit', () => {
    expect(() => timeExit({})).toThrow(expect.objectContaining({ path: 'timeExit' }));
    expect(() => timeExit({ maxBars: 2.5 })).toThrow(expect.objectContaining({ path: 'timeExit.maxBars' }));
  });
});

describe('signalExit', () => {
  const bar = ohlc(100, 101, 99, 100.25);

  it('exits longs when the score falls below the threshold, at the close', () => {
    const rule = signalExit({ feature: 'score', long: { below: 0 } });
    expect(rule.evaluate(ruleInput(position(), bar, { features: features({ score: 0.1 }) }))).toBeUndefined();
    expect(rule.evaluate(ruleInput(position(), bar, { features: features({ score: -0.1 }) }))).toMatchObject({
      reason: ExitReason.SignalExit,
      trigger: 'close',
      price: 100.25,
    });
    expect(rule.evaluate(ruleInput(position(), bar))).toBeUndefined();
  });

  it('mirrors the condition for shorts (below 0 → above 0)', () => {
    const rule = signalExit({ feature: 'score', long: { below: 0 } });
    const short = position({ quantity: -5 });
    expect(rule.evaluate(ruleInput(short, bar, { features: features({ score: -0.1 }) }))).toBeUndefined();
    expect(rule.evaluate(ruleInput(short, bar, { features: features({ score: 0.1 }) }))).toBeDefined();
  });

  it('reads market-wide features', () => {
    const rule = signalExit({ feature: 'vix', scope: 'market', long: { above: 40 }, short: { above: 40 } });
    expect(rule.evaluate(ruleInput(position(), bar, { features: features({}, { vix: 45 }) }))).toBeDefined();
    expect(
      rule.evaluate(ruleInput(position({ quantity: -1 }), bar, { features: features({}, { vix: 45 }) })),
    ).toBeDefined();
    expect(rule.evaluate(ruleInput(position(), bar, { features: features({}, { vix: 35 }) }))).toBeUndefined();
  });
});

describe('scaledExit', () => {
  const rule = scaledExit({
    targets: [
      { percent: 0.05, fraction: 0.5 },
      { percent: 0.1, fraction: 0.5 },
    ],
  });

  it('takes 50 % at +5 %, then the rest at +10 %', () => {
    const state = {};
    expect(rule.evaluate(ruleInput(position(), ohlc(103, 104.9, 102, 104), { state }))).toBeUndefined();
    expect(rule.evaluate(ruleInput(position(), ohlc(103, 106, 102, 105), { state }))).toEqual({
      kind: 'exit',
      reason: ExitReason.ScaledExit,
      trigger: 'limit',
      price: 105,
      rule: 'scaledExit',
      quantity: 50,
    });
    const half = position({ quantity: 50 });
    expect(rule.evaluate(ruleInput(half, ohlc(105, 106, 104, 105), { state }))).toBeUndefined();
    const last = rule.evaluate(ruleInput(half, ohlc(108, 111, 107, 110), { state }));
    expect(last).toMatchObject({ price: 110 });
    expect(last?.quantity).toBeUndefined();
  });

  it('retries a level the broker did not fill (the size tells what is done)', () => {
    const state = {};
    expect(rule.evaluate(ruleInput(position(), ohlc(103, 106, 102, 105), { state }))?.quantity).toBe(50);
    expect(rule.evaluate(ruleInput(position(), ohlc(103, 106, 102, 105), { state }))?.quantity).toBe(50);
  });

  it('rounds partial sizes down to whole units and moves on when less than a unit is left', () => {
    const state = {};
    expect(rule.evaluate(ruleInput(position({ quantity: 33 }), ohlc(103, 106, 102, 105), { state }))?.quantity).toBe(
      16,
    );
    const left = position({ quantity: 17 });
    expect(rule.evaluate(ruleInput(left, ohlc(103, 106, 102, 105), { state }))).toBeUndefined();
    expect(rule.evaluate(ruleInput(left, ohlc(108, 111, 107, 110), { state }))?.quantity).toBeUndefined();
  });

  it('mirrors for shorts', () => {
    expect(rule.evaluate(ruleInput(position({ quantity: -100 }), ohlc(97, 98, 94, 95)))).toMatchObject({
      price: 95,
      quantity: 50,
    });
  });

  it('validates the targets', () => {
    expect(() =>
      scaledExit({
        targets: [
          { percent: 0.05, fraction: 0.6 },
          { percent: 0.1, fraction: 0.6 },
        ],
      }),
    ).toThrow(expect.objectContaining({ path: 'scaledExit.targets' }));
    expect(() =>
      scaledExit({
        targets: [
          { percent: 0.1, fraction: 0.5 },
          { percent: 0.05, fraction: 0.5 },
        ],
      }),
    ).toThrow(expect.objectContaining({ path: 'scaledExit.targets.1.percent' }));
  });
});

describe('breakEvenStop', () => {
  const rule = breakEvenStop({ activation: 0.03 });

  it('stays inactive until the position has been +3 %', () => {
    expect(rule.evaluate(ruleInput(position({ highWater: 102.9 }), ohlc(95, 96, 90, 91)))).toBeUndefined();
  });

  it('then stops out at the entry price', () => {
    expect(rule.evaluate(ruleInput(position({ highWater: 103 }), ohlc(101, 101.5, 99.5, 100)))).toMatchObject({
      reason: ExitReason.BreakEven,
      trigger: 'stop',
      price: 100,
    });
  });

  it('can lock in an offset and mirrors for shorts', () => {
    const locked = breakEvenStop({ activation: 0.03, offset: 0.01 });
    expect(locked.evaluate(ruleInput(position({ highWater: 104 }), ohlc(102, 102, 100.9, 101)))?.price).toBe(101);
    const short = position({ quantity: -100, lowWater: 97 });
    expect(rule.evaluate(ruleInput(short, ohlc(99, 100.5, 98, 100)))?.price).toBe(100);
    expect(locked.evaluate(ruleInput(short, ohlc(98, 99.2, 97.5, 99)))?.price).toBe(99);
  });
});
