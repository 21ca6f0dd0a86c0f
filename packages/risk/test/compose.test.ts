import { ConfigError, ExitReason, type PositionRule } from '@ml4t/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allOf,
  anyOf,
  byPriority,
  firstTrigger,
  scaledExit,
  signalExit,
  stopLoss,
  takeProfit,
  timeExit,
  trailingStop,
} from '../src/index.js';
import { features, ohlc, position, ruleInput } from './support/rule-input.js';

// O100 H111 L94 C100 touches both a 5 % stop (95) and a 10 % target (110).
const wild = ohlc(100, 111, 94, 100);

describe('composites', () => {
  it('firstTrigger: list order decides, and the winner is reported unchanged', () => {
    const stopFirst = firstTrigger([stopLoss({ percent: 0.05 }), takeProfit({ percent: 0.1 })]);
    expect(stopFirst.evaluate(ruleInput(position(), wild))).toMatchObject({
      reason: ExitReason.StopLoss,
      rule: 'stopLoss',
      price: 95,
    });
    const targetFirst = firstTrigger([takeProfit({ percent: 0.1 }), stopLoss({ percent: 0.05 })]);
    expect(targetFirst.evaluate(ruleInput(position(), wild))?.reason).toBe(ExitReason.TakeProfit);
    expect(targetFirst.evaluate(ruleInput(position(), ohlc(100, 101, 99, 100)))).toBeUndefined();
  });

  it('anyOf: the pessimistic (default) or optimistic fill wins regardless of order', () => {
    const rules = [takeProfit({ percent: 0.1 }), stopLoss({ percent: 0.05 })];
    expect(anyOf(rules).evaluate(ruleInput(position(), wild))?.reason).toBe(ExitReason.StopLoss);
    expect(anyOf(rules, { prefer: 'optimistic' }).evaluate(ruleInput(position(), wild))?.reason).toBe(
      ExitReason.TakeProfit,
    );
    // For a short the stop (105) is the pessimistic exit: O100 H106 L89.
    const short = position({ quantity: -10 });
    expect(anyOf(rules).evaluate(ruleInput(short, ohlc(100, 106, 89, 100)))?.reason).toBe(ExitReason.StopLoss);
  });

  it('anyOf ranks a gap by the open it would fill at', () => {
    // Gap down to 90: the 5 % stop fills at 90, a 12 % trailing stop from 100 at 88 → the trailing stop is worse.
    const rules = [stopLoss({ percent: 0.05 }), trailingStop({ percent: 0.12 })];
    expect(anyOf(rules).evaluate(ruleInput(position(), ohlc(90, 91, 87, 88)))?.rule).toBe('trailingStop');
  });

  it('allOf: exits only when every rule exits, with an optional reason and name', () => {
    const rule = allOf([timeExit({ maxBars: 5 }), signalExit({ feature: 'score', long: { below: 0 } })], {
      name: 'staleAndBearish',
      reason: ExitReason.Custom,
    });
    const bearish = features({ score: -1 });
    expect(rule.evaluate(ruleInput(position({ barsHeld: 4 }), wild, { features: bearish }))).toBeUndefined();
    expect(rule.evaluate(ruleInput(position({ barsHeld: 5 }), wild))).toBeUndefined();
    expect(rule.evaluate(ruleInput(position({ barsHeld: 5 }), wild, { features: bearish }))).toEqual({
      kind: 'exit',
      reason: ExitReason.Custom,
      trigger: 'close',
      price: 100,
      rule: 'staleAndBearish',
    });
  });

  it('byPriority: the highest priority among the rules that exit wins', () => {
    const rule = byPriority([
      { rule: stopLoss({ percent: 0.05 }), priority: 1 },
      { rule: takeProfit({ percent: 0.1 }), priority: 10 },
      { rule: timeExit({ maxBars: 100 }), priority: 50 },
    ]);
    expect(rule.evaluate(ruleInput(position(), wild))?.reason).toBe(ExitReason.TakeProfit);
    expect(rule.evaluate(ruleInput(position(), ohlc(96, 97, 94, 95)))?.reason).toBe(ExitReason.StopLoss);
  });

  it('gives every child its own per-position state, and every position its own', () => {
    const scale = scaledExit({
      targets: [
        { percent: 0.05, fraction: 0.5 },
        { percent: 0.1, fraction: 0.5 },
      ],
    });
    const chain = firstTrigger([scale, stopLoss({ percent: 0.2 })]);
    const a = {};
    const b = {};
    const up = ohlc(103, 106, 102, 105);
    expect(chain.evaluate(ruleInput(position({ quantity: 100 }), up, { state: a }))?.quantity).toBe(50);
    expect(chain.evaluate(ruleInput(position({ quantity: 10, symbol: 'B' }), up, { state: b }))?.quantity).toBe(5);
    expect(Array.isArray((a as { children?: unknown }).children)).toBe(true);
    expect((a as { children: { originalSize: number }[] }).children[0]?.originalSize).toBe(100);
    expect((b as { children: { originalSize: number }[] }).children[0]?.originalSize).toBe(10);
  });

  it('nests', () => {
    const inner = anyOf([stopLoss({ percent: 0.05 }), takeProfit({ percent: 0.1 })]);
    const outer = firstTrigger([timeExit({ maxBars: 10 }), inner]);
    expect(outer.evaluate(ruleInput(position(), wild))?.reason).toBe(ExitReason.StopLoss);
  });

  it('rejects empty or malformed rule lists', () => {
    expect(() => firstTrigger([])).toThrow(ConfigError);
    expect(() => anyOf([{ name: 'x' } as unknown as PositionRule])).toThrow(
      expect.objectContaining({ path: 'anyOf.rules.0' }),
    );
    expect(() => byPriority([{ rule: stopLoss({ percent: 0.1 }), priority: Number.NaN }])).toThrow(
      expect.objectContaining({ path: 'byPriority.entries.0.priority' }),
    );
  });
});

describe('mirror property', () => {
  // Reflecting every price around the entry (p → 2e − p) turns a long into a short: a rule with an absolute
  // distance must trigger on the same bars, at the reflected price.
  // [rule for the long, rule for the short]: a path is fixed in price terms, so its mirror swaps high and low.
  const rules: [PositionRule, PositionRule][] = [
    [stopLoss({ amount: 3 }), stopLoss({ amount: 3 })],
    [takeProfit({ amount: 4 }), takeProfit({ amount: 4 })],
    [trailingStop({ amount: 2 }), trailingStop({ amount: 2 })],
    [
      trailingStop({ amount: 2, timing: 'intrabar', path: 'high_first' }),
      trailingStop({ amount: 2, timing: 'intrabar', path: 'low_first' }),
    ],
    [trailingStop({ amount: 2, timing: 'close_confirmed' }), trailingStop({ amount: 2, timing: 'close_confirmed' })],
  ];
  // Prices on a cent grid, built from integer cents on both sides so the reflection is exact.
  const bars = fc
    .tuple(
      fc.integer({ min: 9000, max: 11000 }),
      fc.integer({ min: 9000, max: 11000 }),
      fc.integer({ min: 0, max: 800 }),
      fc.integer({ min: 0, max: 800 }),
      fc.integer({ min: 0, max: 500 }),
    )
    .map(([open, close, up, down, run]) => ({
      open,
      close,
      high: Math.max(open, close) + up,
      low: Math.min(open, close) - down,
      run,
    }));

  it('long on a bar ≡ short on the reflected bar', () => {
    fc.assert(
      fc.property(bars, fc.integer({ min: 0, max: rules.length - 1 }), (b, r) => {
        const [longRule, shortRule] = rules[r] as [PositionRule, PositionRule];
        const px = (cents: number) => cents / 100;
        const mirror = (cents: number) => (20_000 - cents) / 100;
        const long = position({
          quantity: 10,
          highWater: px(10_000 + b.run),
          highClose: px(10_000 + b.run),
        });
        const short = position({
          quantity: -10,
          lowWater: mirror(10_000 + b.run),
          lowClose: mirror(10_000 + b.run),
        });
        const l = longRule.evaluate(ruleInput(long, ohlc(px(b.open), px(b.high), px(b.low), px(b.close))));
        const s = shortRule.evaluate(
          ruleInput(short, ohlc(mirror(b.open), mirror(b.low), mirror(b.high), mirror(b.close))),
        );
        if (l === undefined || s === undefined) return l === s;
        return l.trigger === s.trigger && Math.abs(l.price - (200 - s.price)) < 1e-9;
      }),
      { numRuns: 500 },
    );
  });
});
