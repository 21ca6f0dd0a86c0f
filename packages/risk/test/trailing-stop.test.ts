import { ConfigError, ExitReason } from '@ml4t/core';
import { describe, expect, it } from 'vitest';
import { dynamicTrailingStop, trailingStop } from '../src/index.js';
import { ohlc, position, ruleInput } from './support/rule-input.js';

describe('trailingStop (lagged)', () => {
  const pos = position({ highWater: 120, highClose: 118 });

  it('trails the previous bars’ highest high: 120 × 0.95 = 114', () => {
    const rule = trailingStop({ percent: 0.05 });
    expect(rule.evaluate(ruleInput(pos, ohlc(116, 117, 114.5, 115)))).toBeUndefined();
    expect(rule.evaluate(ruleInput(pos, ohlc(116, 117, 113, 115)))).toEqual({
      kind: 'exit',
      reason: ExitReason.TrailingStop,
      trigger: 'stop',
      price: 114,
      rule: 'trailingStop',
    });
  });

  it('can follow closes instead: 118 × 0.95 = 112.1', () => {
    const rule = trailingStop({ percent: 0.05, waterMark: 'close' });
    expect(rule.evaluate(ruleInput(pos, ohlc(116, 117, 113, 115)))).toBeUndefined();
    expect(rule.evaluate(ruleInput(pos, ohlc(116, 117, 112, 115)))?.price).toBe(112.1);
  });

  it('reports the level on a gap (the broker fills at the open) and takes amounts', () => {
    expect(trailingStop({ percent: 0.05 }).evaluate(ruleInput(pos, ohlc(110, 111, 108, 109)))?.price).toBe(114);
    expect(trailingStop({ amount: 3 }).evaluate(ruleInput(pos, ohlc(118, 118, 117, 117.5)))?.price).toBe(117);
  });

  it('mirrors for shorts from the lowest low', () => {
    const short = position({ quantity: -100, lowWater: 80, lowClose: 82 });
    const rule = trailingStop({ percent: 0.05 });
    expect(rule.evaluate(ruleInput(short, ohlc(83, 83.9, 82, 83)))).toBeUndefined();
    expect(rule.evaluate(ruleInput(short, ohlc(83, 84.5, 82, 84)))?.price).toBe(84);
  });

  it('uses the entry price as the water mark on the entry bar', () => {
    const entry = position();
    expect(
      trailingStop({ percent: 0.05 }).evaluate(ruleInput(entry, ohlc(100, 101, 95, 96), { isEntryBar: true })),
    ).toMatchObject({ price: 95 });
  });
});

describe('trailingStop (close_confirmed)', () => {
  it('exits at the close only when the bar closes through the lagged level', () => {
    const rule = trailingStop({ percent: 0.05, timing: 'close_confirmed' });
    const pos = position({ highWater: 120 });
    expect(rule.evaluate(ruleInput(pos, ohlc(116, 117, 113, 115)))).toBeUndefined();
    expect(rule.evaluate(ruleInput(pos, ohlc(116, 117, 112, 113.5)))).toMatchObject({ trigger: 'close', price: 113.5 });
  });
});

describe('trailingStop (intrabar)', () => {
  const rule = trailingStop({ percent: 0.05, timing: 'intrabar' });

  it('low first, then the rally raises the level and the close falls through it: exits at the level', () => {
    // O101 H110 L100 C104: the low is nearer the open, so the path is 101 → 100 → 110 → 104.
    // At the low the level is 101 × 0.95 = 95.95 (not hit); the high raises it to 104.5; the close 104 is below.
    const exit = rule.evaluate(ruleInput(position(), ohlc(101, 110, 100, 104)));
    // The level is above the open, so it is sent as a limit: a stop would look like a gap and fill at the open.
    expect(exit).toMatchObject({ trigger: 'limit', price: 104.5 });
    expect(trailingStop({ percent: 0.05 }).evaluate(ruleInput(position(), ohlc(101, 110, 100, 104)))).toBeUndefined();
  });

  it('high first, then the fall through the raised level', () => {
    // O108 H110 L100 C101: path 108 → 110 → 100 → 101; the level rises to 104.5 (below the open: a plain stop).
    expect(rule.evaluate(ruleInput(position(), ohlc(108, 110, 100, 101)))).toMatchObject({
      trigger: 'stop',
      price: 104.5,
    });
  });

  it('follows the configured path', () => {
    // O101 H110 L100 C106 with high first: 101 → 110 → 100: level 104.5 hit by the low.
    const highFirst = trailingStop({ percent: 0.05, timing: 'intrabar', path: 'high_first' });
    expect(highFirst.evaluate(ruleInput(position(), ohlc(101, 110, 100, 106)))?.price).toBe(104.5);
    // Nearest-extreme (low first) never sees the raised level below the close 106.
    expect(rule.evaluate(ruleInput(position(), ohlc(101, 110, 100, 106)))).toBeUndefined();
  });

  it('a gap through the lagged level exits at once (broker: the open)', () => {
    expect(rule.evaluate(ruleInput(position({ highWater: 120 }), ohlc(110, 125, 105, 124)))).toMatchObject({
      trigger: 'stop',
      price: 114,
    });
  });

  it('mirrors for shorts', () => {
    // Short at 100: O99 H100 L90 C95; high nearer the open → 99 → 100 → 90 → 95. Level 99 × 1.05 = 103.95 not hit,
    // then the low lowers it to 94.5 and the close 95 is above it.
    expect(rule.evaluate(ruleInput(position({ quantity: -100 }), ohlc(99, 100, 90, 95)))).toMatchObject({
      trigger: 'limit',
      price: 94.5,
    });
  });

  it("refuses waterMark 'close' (a close is unknown inside the bar)", () => {
    expect(() => trailingStop({ percent: 0.05, timing: 'intrabar', waterMark: 'close' })).toThrow(
      expect.objectContaining({ path: 'trailingStop.waterMark' }),
    );
    expect(() => trailingStop({ percent: 0.05, timing: 'never' as 'lagged' })).toThrow(ConfigError);
  });
});

describe('dynamicTrailingStop', () => {
  it('tightens with bars held: 5 % − 20 × 0.1 % = 3 % → 120 × 0.97 = 116.4', () => {
    const rule = dynamicTrailingStop({ initial: 0.05, perBar: 0.001, minimum: 0.01 });
    const pos = position({ highWater: 120, barsHeld: 20 });
    expect(rule.evaluate(ruleInput(pos, ohlc(117, 118, 116.5, 117)))).toBeUndefined();
    expect(rule.evaluate(ruleInput(pos, ohlc(117, 118, 116, 117)))).toMatchObject({
      reason: ExitReason.TrailingStop,
      trigger: 'stop',
      price: 116.4,
    });
  });

  it('never tightens below the minimum: 120 × 0.99 = 118.8', () => {
    const rule = dynamicTrailingStop({ initial: 0.05, perBar: 0.001, minimum: 0.01 });
    const pos = position({ highWater: 120, barsHeld: 100 });
    expect(rule.evaluate(ruleInput(pos, ohlc(119, 119.5, 118.7, 119)))?.price).toBe(118.8);
  });

  it('tightens with the peak gain on a schedule', () => {
    const rule = dynamicTrailingStop({
      tighten: 'profit',
      schedule: [
        { profit: 0, trail: 0.05 },
        { profit: 0.1, trail: 0.02 },
      ],
    });
    // Peak +8 %: 5 % trail → 108 × 0.95 = 102.6.
    expect(rule.evaluate(ruleInput(position({ highWater: 108 }), ohlc(104, 105, 102.5, 103)))?.price).toBe(102.6);
    // Peak +12 %: 2 % trail → 112 × 0.98 = 109.76.
    expect(rule.evaluate(ruleInput(position({ highWater: 112 }), ohlc(111, 111, 109.8, 110)))).toBeUndefined();
    expect(rule.evaluate(ruleInput(position({ highWater: 112 }), ohlc(111, 111, 109.5, 110)))?.price).toBe(109.76);
  });

  it('mirrors for shorts', () => {
    const rule = dynamicTrailingStop({ initial: 0.05 });
    const short = position({ quantity: -10, lowWater: 80 });
    expect(rule.evaluate(ruleInput(short, ohlc(83, 84.5, 82, 84)))?.price).toBe(84);
  });

  it('validates the schedule and bounds', () => {
    expect(() => dynamicTrailingStop({ initial: 0.01, minimum: 0.02 })).toThrow(
      expect.objectContaining({ path: 'dynamicTrailingStop.minimum' }),
    );
    expect(() => dynamicTrailingStop({})).toThrow(expect.objectContaining({ path: 'dynamicTrailingStop.initial' }));
    expect(() =>
      dynamicTrailingStop({
        tighten: 'profit',
        schedule: [
          { profit: 0, trail: 0.02 },
          { profit: 0.1, trail: 0.05 },
        ],
      }),
    ).toThrow(expect.objectContaining({ path: 'dynamicTrailingStop.schedule.1' }));
  });
});
