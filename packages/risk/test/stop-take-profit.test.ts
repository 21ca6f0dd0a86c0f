import { ConfigError, ExitReason } from '@ml4t/core';
import { describe, expect, it } from 'vitest';
import { stopLoss, takeProfit } from '../src/index.js';
import { ohlc, position, ruleInput } from './support/rule-input.js';

describe('stopLoss', () => {
  // SCENARIOS 3: closes 100, 99, 98, 97, 96, 94.5; open = close + 0.5, high = close + 1, low = close − 0.5.
  const b4 = ohlc(96.5, 97, 95.5, 96);
  const b5 = ohlc(95, 95.5, 94, 94.5);

  it('exits at the level measured from the fill price (NEXT_BAR entry 99.50 → 94.525)', () => {
    const rule = stopLoss({ percent: 0.05 });
    const pos = position({ avgPrice: 99.5, entrySignalPrice: 100 });
    expect(rule.evaluate(ruleInput(pos, b4))).toBeUndefined();
    const exit = rule.evaluate(ruleInput(pos, b5));
    expect(exit).toMatchObject({ kind: 'exit', reason: ExitReason.StopLoss, trigger: 'stop', rule: 'stopLoss' });
    expect(exit?.price).toBe(94.525);
    expect(exit?.quantity).toBeUndefined();
  });

  it("measures from the signal bar's close with basis 'signal_close' (backtrader: 95.00)", () => {
    const rule = stopLoss({ percent: 0.05, basis: 'signal_close' });
    const pos = position({ avgPrice: 99.5, entrySignalPrice: 100 });
    expect(rule.evaluate(ruleInput(pos, b5))?.price).toBe(95);
  });

  it('reports the level on a gap through it; the broker fills at the open', () => {
    const exit = stopLoss({ percent: 0.05 }).evaluate(ruleInput(position(), ohlc(90, 92, 88, 91)));
    expect(exit).toMatchObject({ trigger: 'stop', price: 95 });
  });

  it('mirrors for shorts: the level is above the entry and the high triggers it', () => {
    const rule = stopLoss({ percent: 0.05 });
    const short = position({ quantity: -100 });
    expect(rule.evaluate(ruleInput(short, ohlc(101, 104.9, 100, 104)))).toBeUndefined();
    expect(rule.evaluate(ruleInput(short, ohlc(101, 106, 100, 104)))).toMatchObject({ trigger: 'stop', price: 105 });
  });

  it('takes an absolute distance', () => {
    const rule = stopLoss({ amount: 2.5 });
    expect(rule.evaluate(ruleInput(position(), ohlc(99, 99, 97.6, 98)))).toBeUndefined();
    expect(rule.evaluate(ruleInput(position(), ohlc(99, 99, 97.5, 98)))?.price).toBe(97.5);
  });

  it('triggers on the entry bar unless skipEntryBar (SCENARIOS 4)', () => {
    const entryBar = ohlc(100, 101, 50, 60);
    expect(stopLoss({ percent: 0.05 }).evaluate(ruleInput(position(), entryBar, { isEntryBar: true }))?.price).toBe(95);
    const skipping = stopLoss({ percent: 0.05, skipEntryBar: true });
    expect(skipping.evaluate(ruleInput(position(), entryBar, { isEntryBar: true }))).toBeUndefined();
    expect(skipping.evaluate(ruleInput(position(), entryBar))?.price).toBe(95);
  });

  it('recomputes the basis when the position size changes', () => {
    const rule = stopLoss({ percent: 0.1 });
    const state = {};
    expect(rule.evaluate(ruleInput(position({ avgPrice: 100 }), ohlc(95, 95, 90, 92), { state }))?.price).toBe(90);
    const added = position({ quantity: 200, avgPrice: 90 });
    expect(rule.evaluate(ruleInput(added, ohlc(95, 95, 90, 92), { state }))).toBeUndefined();
    expect(rule.evaluate(ruleInput(added, ohlc(85, 85, 80, 82), { state }))?.price).toBe(81);
  });

  it('rejects bad options with a ConfigError naming the key', () => {
    expect(() => stopLoss({})).toThrow(ConfigError);
    expect(() => stopLoss({ percent: 0.05, amount: 1 })).toThrow(/exactly one/);
    expect(() => stopLoss({ percent: 1.5 })).toThrow(expect.objectContaining({ path: 'stopLoss.percent' }));
    expect(() => stopLoss({ amount: -1 })).toThrow(expect.objectContaining({ path: 'stopLoss.amount' }));
    expect(() => stopLoss({ percent: 0.05, basis: 'open' as 'fill_price' })).toThrow(
      expect.objectContaining({ path: 'stopLoss.basis' }),
    );
  });
});

describe('takeProfit', () => {
  it('exits long at +percent as a limit', () => {
    const rule = takeProfit({ percent: 0.1 });
    expect(rule.evaluate(ruleInput(position(), ohlc(105, 109.9, 104, 109)))).toBeUndefined();
    expect(rule.evaluate(ruleInput(position(), ohlc(105, 111, 104, 110)))).toMatchObject({
      reason: ExitReason.TakeProfit,
      trigger: 'limit',
      price: 110,
    });
  });

  it('reports the level on a gap beyond it; the broker fills at the better open', () => {
    expect(takeProfit({ percent: 0.1 }).evaluate(ruleInput(position(), ohlc(115, 116, 114, 115)))?.price).toBe(110);
  });

  it('mirrors for shorts and takes absolute amounts', () => {
    const short = position({ quantity: -50 });
    expect(takeProfit({ percent: 0.1 }).evaluate(ruleInput(short, ohlc(95, 96, 89, 91)))?.price).toBe(90);
    expect(takeProfit({ amount: 4 }).evaluate(ruleInput(short, ohlc(97, 98, 96, 96.5)))?.price).toBe(96);
    expect(takeProfit({ amount: 4 }).evaluate(ruleInput(short, ohlc(97, 98, 96.5, 96.5)))).toBeUndefined();
  });
});
