import {
  ACCEPT,
  ConfigError,
  type GateDecision,
  type PortfolioRule,
  type PortfolioSnapshot,
  ReasonCode,
  toMoney,
} from '@ml4t/core';
import { describe, expect, it } from 'vitest';
import {
  chainPortfolioRules,
  dailyLossLimit,
  maxDrawdownHalt,
  maxGrossExposure,
  maxLeverage,
  maxNetExposure,
  maxPositions,
  maxPositionWeight,
  regimeFilter,
  regimeSwitch,
  sectorExposure,
} from '../src/index.js';
import { gateInput, market } from './support/gate-input.js';
import { features } from './support/rule-input.js';

const resized = (quantity: number) => expect.objectContaining({ action: 'resize', quantity });
const rejected = (source: string) =>
  expect.objectContaining({ action: 'reject', reason: expect.objectContaining({ code: ReasonCode.RiskRule, source }) });

describe('maxPositions', () => {
  const book = { positions: { A: { quantity: 10, price: 100 }, B: { quantity: -5, price: 50 } } };

  it('rejects entries into new symbols at the limit; adds and exits pass', () => {
    const rule = maxPositions({ max: 2 });
    expect(rule.check(gateInput(market('C', 'BUY', 1), book))).toEqual(rejected('maxPositions'));
    expect(rule.check(gateInput(market('A', 'BUY', 1), book))).toBe(ACCEPT);
    expect(rule.check(gateInput(market('B', 'SELL', 1), book))).toBe(ACCEPT);
    expect(rule.check(gateInput(market('A', 'SELL', 10), book))).toBe(ACCEPT);
  });

  it('counts entries accepted earlier on the same timestamp', () => {
    const one = { positions: { A: { quantity: 10, price: 100 } } };
    const rule = maxPositions({ max: 2 });
    expect(rule.check(gateInput(market('C', 'BUY', 1), one, { timestamp: 1 }))).toBe(ACCEPT);
    expect(rule.check(gateInput(market('C', 'BUY', 1), one, { timestamp: 1 }))).toBe(ACCEPT);
    expect(rule.check(gateInput(market('D', 'BUY', 1), one, { timestamp: 1 }))).toEqual(rejected('maxPositions'));
    expect(rule.check(gateInput(market('D', 'BUY', 1), one, { timestamp: 2 }))).toBe(ACCEPT);
    const loose = maxPositions({ max: 2, countSameBarEntries: false });
    expect(loose.check(gateInput(market('C', 'BUY', 1), one, { timestamp: 1 }))).toBe(ACCEPT);
    expect(loose.check(gateInput(market('D', 'BUY', 1), one, { timestamp: 1 }))).toBe(ACCEPT);
  });

  it('validates max', () => {
    expect(() => maxPositions({ max: 0 })).toThrow(expect.objectContaining({ path: 'maxPositions.max' }));
  });
});

describe('exposure limits', () => {
  // Equity 100,000; A long 500 @ 100 = 50,000 gross and net.
  const book = { positions: { A: { quantity: 500, price: 100 } } };

  it('maxGrossExposure resizes an entry to the room left: (100,000 − 50,000) / 100 = 500', () => {
    expect(maxGrossExposure({ max: 1 }).check(gateInput(market('B', 'BUY', 600), book))).toEqual(resized(500));
    expect(maxGrossExposure({ max: 1 }).check(gateInput(market('B', 'BUY', 500), book))).toBe(ACCEPT);
    expect(maxGrossExposure({ max: 1, onBreach: 'reject' }).check(gateInput(market('B', 'BUY', 600), book))).toEqual(
      rejected('maxGrossExposure'),
    );
    expect(
      maxGrossExposure({ max: 60_000, unit: 'currency' }).check(gateInput(market('B', 'SELL', 600), book)),
    ).toEqual(resized(100));
  });

  it('lets exposure-reducing orders through even over the limit', () => {
    expect(maxGrossExposure({ max: 0.1 }).check(gateInput(market('A', 'SELL', 100), book))).toBe(ACCEPT);
  });

  it('maxNetExposure caps |net| and lets hedges through', () => {
    const rule = maxNetExposure({ max: 0.5 }); // 50,000; net is 40,000
    const net = { positions: { A: { quantity: 400, price: 100 } } };
    expect(rule.check(gateInput(market('B', 'BUY', 200), net))).toEqual(resized(100));
    expect(rule.check(gateInput(market('C', 'SELL', 500), net))).toBe(ACCEPT);
    expect(rule.check(gateInput(market('C', 'SELL', 1000), net))).toEqual(resized(900));
  });

  it('maxLeverage caps gross ÷ equity: (2 × 100,000 − 150,000) / 100 = 500', () => {
    const levered = { positions: { A: { quantity: 1500, price: 100 } } };
    expect(maxLeverage({ max: 2 }).check(gateInput(market('B', 'BUY', 1000), levered))).toEqual(resized(500));
  });

  it('maxPositionWeight resizes adds and reversals to the weight', () => {
    const held = { positions: { A: { quantity: 100, price: 50 } } };
    const rule = maxPositionWeight({ max: 0.1 }); // 10,000 → 200 units at 50
    expect(rule.check(gateInput(market('A', 'BUY', 150), held))).toEqual(resized(100));
    expect(rule.check(gateInput(market('A', 'SELL', 400), held))).toEqual(resized(300));
  });

  it('uses contract multipliers and whole-unit rounding', () => {
    const rule = maxPositionWeight({ max: 0.5, instruments: { E: { multiplier: 50 } } });
    // One contract at 4,000 × 50 = 200,000 > 50,000: nothing fits.
    expect(rule.check(gateInput(market('E', 'BUY', 2), {}, { price: 4000 }))).toEqual(rejected('maxPositionWeight'));
    const fine = maxPositionWeight({ max: 0.5, quantityStep: 0 });
    expect(fine.check(gateInput(market('B', 'BUY', 1000), {}, { price: 120 }))).toEqual(resized(50_000 / 120));
  });

  it('refuses to size without a price or with non-positive equity', () => {
    expect(maxGrossExposure({ max: 1 }).check(gateInput(market('B', 'BUY', 1), {}, { price: Number.NaN }))).toEqual(
      rejected('maxGrossExposure'),
    );
    expect(maxLeverage({ max: 1 }).check(gateInput(market('B', 'BUY', 1), { equity: -5 }))).toEqual(
      rejected('maxLeverage'),
    );
  });
});

describe('sectorExposure', () => {
  const book = { positions: { A: { quantity: 200, price: 100 }, C: { quantity: 100, price: 100 } } };

  it('caps a sector at 30 % of equity: (30,000 − 20,000) / 100 = 100', () => {
    const rule = sectorExposure({ max: 0.3, sectors: { A: 'tech', B: 'tech', C: 'energy' } });
    expect(rule.check(gateInput(market('B', 'BUY', 200), book))).toEqual(resized(100));
    expect(rule.check(gateInput(market('C', 'BUY', 150), book))).toBe(ACCEPT);
    expect(rule.check(gateInput(market('D', 'BUY', 1000), book))).toBe(ACCEPT);
  });

  it('reads sectors from instrument specs and can refuse unknown sectors', () => {
    const rule = sectorExposure({
      max: 0.3,
      instruments: { A: { sector: 'tech' }, B: { sector: 'tech' } },
      unknownSector: 'reject',
    });
    expect(rule.check(gateInput(market('B', 'BUY', 200), book))).toEqual(resized(100));
    expect(rule.check(gateInput(market('D', 'BUY', 1), book))).toEqual(rejected('sectorExposure'));
  });
});

describe('regimeFilter', () => {
  const vix = (v: number) => ({ features: features({}, { vix: v }) });
  const rule = regimeFilter({ feature: 'vix', above: 30 });

  it('blocks new long entries while VIX > 30, with the value in the reason', () => {
    const decision = rule.check(gateInput(market('A', 'BUY', 1), {}, vix(35)));
    expect(decision).toEqual(rejected('regimeFilter'));
    expect((decision as Extract<GateDecision, { action: 'reject' }>).reason.message).toContain('vix = 35');
    expect(rule.check(gateInput(market('A', 'BUY', 1), {}, vix(30)))).toBe(ACCEPT);
    expect(rule.check(gateInput(market('A', 'BUY', 1), {}))).toBe(ACCEPT);
  });

  it('lets shorts and exits through, unless told otherwise', () => {
    const long = { positions: { A: { quantity: 10, price: 100 } } };
    expect(rule.check(gateInput(market('B', 'SELL', 1), {}, vix(35)))).toBe(ACCEPT);
    expect(rule.check(gateInput(market('A', 'SELL', 10), long, vix(35)))).toBe(ACCEPT);
    const all = regimeFilter({ feature: 'vix', above: 30, block: 'all', whenMissing: 'reject' });
    expect(all.check(gateInput(market('B', 'SELL', 1), {}, vix(35)))).toEqual(rejected('regimeFilter'));
    expect(all.check(gateInput(market('B', 'SELL', 1), {}))).toEqual(rejected('regimeFilter'));
  });

  it('needs a threshold', () => {
    expect(() => regimeFilter({ feature: 'vix' })).toThrow(ConfigError);
  });
});

describe('regimeSwitch and chainPortfolioRules', () => {
  const refuseAll: PortfolioRule = {
    name: 'refuseAll',
    check: () => ({ action: 'reject', reason: { code: 'custom:closed', message: 'closed', source: 'refuseAll' } }),
  };

  it('runs the rule set of the current regime', () => {
    const rule = regimeSwitch({
      feature: 'vix',
      breakpoints: [20, 30],
      sets: [[], [maxPositionWeight({ max: 0.05 })], [refuseAll]],
    });
    const at = (v: number) => gateInput(market('A', 'BUY', 100), {}, { features: features({}, { vix: v }) });
    expect(rule.check(at(15))).toBe(ACCEPT);
    expect(rule.check(at(20))).toEqual(resized(50));
    expect(rule.check(at(30))).toEqual(expect.objectContaining({ action: 'reject' }));
    expect(rule.check(gateInput(market('A', 'BUY', 100)))).toBe(ACCEPT);
  });

  it('feeds a resize into the next rule and reports the final size', () => {
    const chain = chainPortfolioRules([maxPositionWeight({ max: 0.05 }), maxGrossExposure({ max: 0.03 })]);
    expect(chain.check(gateInput(market('A', 'BUY', 100)))).toEqual(resized(30));
    expect(
      chainPortfolioRules([maxPositionWeight({ max: 0.05 }), refuseAll]).check(gateInput(market('A', 'BUY', 100))),
    ).toEqual(expect.objectContaining({ action: 'reject' }));
  });

  it('validates breakpoints and sets', () => {
    expect(() => regimeSwitch({ feature: 'vix', breakpoints: [30, 20], sets: [[], [], []] })).toThrow(
      expect.objectContaining({ path: 'regimeSwitch.breakpoints.1' }),
    );
    expect(() => regimeSwitch({ feature: 'vix', breakpoints: [20], sets: [[]] })).toThrow(
      expect.objectContaining({ path: 'regimeSwitch.sets' }),
    );
  });
});

function snap(equity: number, timestamp = 0): PortfolioSnapshot {
  return {
    timestamp,
    index: 0,
    cash: toMoney(equity),
    cashValue: equity,
    positionsValue: 0,
    equity,
    grossExposure: 0,
    netExposure: 0,
    openPositions: 0,
  };
}

describe('maxDrawdownHalt', () => {
  const buy = gateInput(market('A', 'BUY', 1));
  const sell = gateInput(market('A', 'SELL', 1), { positions: { A: { quantity: 5, price: 100 } } });

  it('halts entries once the drawdown from the peak reaches the limit, and resumes after recovery', () => {
    const rule = maxDrawdownHalt({ max: 0.15, resumeBelow: 0.05 });
    for (const e of [100_000, 110_000, 94_000]) rule.onSnapshot?.(snap(e)); // 14.5 %
    expect(rule.check(buy)).toBe(ACCEPT);
    rule.onSnapshot?.(snap(93_500)); // 15 %
    expect(rule.check(buy)).toEqual(
      expect.objectContaining({ action: 'halt', reason: expect.objectContaining({ code: ReasonCode.TradingHalted }) }),
    );
    expect(rule.check(sell)).toBe(ACCEPT);
    rule.onSnapshot?.(snap(104_000)); // 5.45 %
    expect(rule.check(buy).action).toBe('halt');
    rule.onSnapshot?.(snap(104_500)); // 5 %
    expect(rule.check(buy)).toBe(ACCEPT);
  });

  it('resumes after N bars with the peak reset to the equity at resumption', () => {
    const rule = maxDrawdownHalt({ max: 0.15, resumeAfterBars: 2 });
    for (const e of [100_000, 80_000, 81_000]) rule.onSnapshot?.(snap(e));
    expect(rule.check(buy).action).toBe('halt');
    rule.onSnapshot?.(snap(82_000));
    expect(rule.check(buy)).toBe(ACCEPT);
    rule.onSnapshot?.(snap(70_000)); // 14.6 % below 82,000
    expect(rule.check(buy)).toBe(ACCEPT);
    rule.onSnapshot?.(snap(69_700)); // 15 %
    expect(rule.check(buy).action).toBe('halt');
  });

  it('stays halted without a resume option', () => {
    const rule = maxDrawdownHalt({ max: 0.1 });
    for (const e of [100_000, 90_000, 100_000, 120_000]) rule.onSnapshot?.(snap(e));
    expect(rule.check(buy).action).toBe('halt');
    expect(() => maxDrawdownHalt({ max: 0.1, resumeBelow: 0.2 })).toThrow(
      expect.objectContaining({ path: 'maxDrawdownHalt.resumeBelow' }),
    );
  });
});

describe('dailyLossLimit', () => {
  const DAY = 86_400_000;
  const buyAt = (ts: number, equity: number) => gateInput(market('A', 'BUY', 1), { equity }, { timestamp: ts });

  it('halts entries for the rest of the day after a 2 % loss and resets the next day', () => {
    const rule = dailyLossLimit({ max: 0.02 });
    // Day 0 starts at the initial cash 100,000.
    expect(rule.check(buyAt(1000, 98_100))).toBe(ACCEPT);
    expect(rule.check(buyAt(2000, 98_000)).action).toBe('halt');
    rule.onSnapshot?.(snap(99_500, 3000));
    expect(rule.check(buyAt(4000, 99_500)).action).toBe('halt');
    rule.onSnapshot?.(snap(97_000, 5000));
    // Day 1 starts from the last snapshot of day 0 (97,000): 2 % is 1,940.
    expect(rule.check(buyAt(DAY + 1000, 95_100))).toBe(ACCEPT);
    rule.onSnapshot?.(snap(95_100, DAY + 2000));
    expect(rule.check(buyAt(DAY + 3000, 95_060)).action).toBe('halt');
    expect(
      rule.check(
        gateInput(market('A', 'SELL', 1), { positions: { A: { quantity: 1, price: 1 } } }, { timestamp: DAY + 3000 }),
      ),
    ).toBe(ACCEPT);
  });

  it('takes an amount and a UTC offset for the day boundary', () => {
    const rule = dailyLossLimit({ maxAmount: 500, utcOffsetMinutes: -300 });
    rule.onSnapshot?.(snap(100_000, 4 * 3_600_000)); // 23:00 local, day −1
    // 06:00 UTC is 01:00 local on day 0: a new day starting at 100,000.
    expect(rule.check(buyAt(6 * 3_600_000, 99_600))).toBe(ACCEPT);
    expect(rule.check(buyAt(7 * 3_600_000, 99_500)).action).toBe('halt');
    expect(() => dailyLossLimit({})).toThrow(expect.objectContaining({ path: 'dailyLossLimit' }));
  });
});
