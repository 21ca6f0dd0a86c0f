import { Decimal, type FillEvent, type Money, type Trade } from '@ml4t/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FillLog } from '../src/collector/fill-log.js';
import { TradeLog } from '../src/collector/trade-log.js';

/** JSON with Decimals as their exact text (tagged) and odd numbers spelled out: key order and values at once. */
function json(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Decimal) return `D:${v.s < 0 ? '-' : ''}${v.abs().toFixed()}`;
    if (typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0))) return `N:${Object.is(v, -0) ? '-0' : v}`;
    return v === undefined ? 'undefined' : v;
  });
}

const odd = fc.constantFrom(
  0,
  -0,
  1,
  2.5,
  100,
  491,
  Number.NaN,
  1e-300,
  79.95506040281619,
  -3,
  Number.POSITIVE_INFINITY,
);
/** Amounts: many digits, both zeros, tiny and huge. */
const amount = fc
  .oneof(
    fc.constantFrom(
      '0',
      '-0',
      '1',
      '39.25793465778274929',
      '-0.000001',
      '1e-40',
      '12345678901234567890.12345678901234',
    ),
    fc
      .tuple(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: -20, max: 5 }))
      .map(([m, e]) => `${m}e${e}`),
  )
  .map((t) => new Decimal(t));

/** A fill as the simulated broker builds it, optional fields assigned after the literal; rarely off-shape. */
const fillSpec = fc.record({
  id: fc.constantFrom('seq', 'seq', 'seq', 'X'),
  orderId: fc.constantFrom('O1', 'O2', 'O17', 'Z'),
  timestamp: fc.constantFrom(1, 1, 2, -0, Number.NaN),
  slice: fc.constantFrom(0, 0, 1, 5),
  symbolId: fc.constantFrom(0, 1, 2),
  side: fc.constantFrom('BUY', 'SELL'),
  quantity: fc.oneof(fc.constantFrom(1, 10, 491), odd),
  price: odd,
  slippagePerUnit: odd,
  impactPerUnit: fc.constantFrom(0, 0, -0, 0.01),
  amounts: fc.tuple(amount, amount, amount, amount),
  shareAmounts: fc.boolean(),
  multiplier: fc.constantFrom(1, 1, 50, -0),
  signalPrice: odd,
  rule: fc.option(fc.constantFrom('stopLoss', ''), { nil: undefined }),
  tag: fc.option(fc.constantFrom('t', 'stopLoss'), { nil: undefined }),
  settleAt: fc.option(odd, { nil: undefined }),
  deviation: fc.oneof(
    { arbitrary: fc.constant('none'), weight: 15 },
    { arbitrary: fc.constantFrom('extra', 'frozen', 'order', 'undefinedTag', 'number', 'otherDecimal'), weight: 1 },
  ),
});
type FillSpec = (typeof fillSpec extends fc.Arbitrary<infer T> ? T : never) & { readonly row?: number };

function buildFill(s: FillSpec, row: number, previous: FillEvent | undefined): FillEvent {
  const [slippage, impact, commission, notional] =
    s.shareAmounts && previous !== undefined
      ? [previous.slippage, previous.impact, s.amounts[2], previous.notional]
      : s.amounts;
  const fill: Record<string, unknown> = {
    id: s.id === 'seq' ? `F${row + 1}` : `X${row}`,
    orderId: s.orderId,
    timestamp: s.timestamp,
    sliceIndex: s.slice,
    symbol: `S${s.symbolId}`,
    symbolId: s.symbolId,
    side: s.side,
    orderType: 'MARKET',
    quantity: s.quantity,
    price: s.price,
    basePrice: 79.9151028513905,
    slippagePerUnit: s.slippagePerUnit,
    impactPerUnit: s.impactPerUnit,
    slippage,
    impact,
    commission,
    notional,
    multiplier: s.multiplier,
    signalPrice: s.signalPrice,
    priceRule: 'market@open',
    liquidity: 'taker',
    exitReason: s.rule === undefined ? 'SIGNAL' : 'STOP_LOSS',
  };
  if (s.rule !== undefined) fill.rule = s.rule;
  if (s.tag !== undefined) fill.tag = s.tag;
  if (s.settleAt !== undefined) fill.settleAt = s.settleAt;
  switch (s.deviation) {
    case 'extra':
      fill.note = 1;
      break;
    case 'frozen':
      Object.freeze(fill);
      break;
    case 'order':
      return { symbol: fill.symbol, ...fill } as unknown as FillEvent;
    case 'undefinedTag':
      fill.tag = undefined;
      break;
    case 'number':
      fill.commission = 0.5;
      break;
    case 'otherDecimal':
      fill.notional = new (Decimal.clone())(1);
      break;
  }
  return fill as unknown as FillEvent;
}

/**
 * How a trade relates to the fills before it: which relations the ledger's records have (exit fill is the last
 * one, entry amounts are the entry fill's objects, sums exact, duration and bars from the times) and which are
 * broken.
 */
const tradeSpec = fc.record({
  entryBack: fc.nat(6),
  samePosition: fc.boolean(),
  exitIsLast: fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constant(false), weight: 1 }),
  entryCosts: fc.constantFrom('fill', 'fill', 'fill', 'equal', 'other'),
  exitCosts: fc.constantFrom('fill', 'fill', 'fill', 'equal', 'other'),
  sums: fc.constantFrom('exact', 'exact', 'exact', 'other'),
  short: fc.boolean(),
  ids: fc.constantFrom('entry', 'entry', 'entry', 'other', 'two', 'frozen', 'extraProp'),
  duration: fc.constantFrom('exact', 'exact', 'other'),
  bars: fc.constantFrom('exact', 'exact', 'other'),
  context: fc.constantFrom('shared', 'shared', 'fresh'),
  isOpen: fc.boolean(),
  deviation: fc.oneof(
    { arbitrary: fc.constant('none'), weight: 15 },
    { arbitrary: fc.constantFrom('extra', 'frozen', 'number', 'order'), weight: 1 },
  ),
});
type TradeSpec = typeof tradeSpec extends fc.Arbitrary<infer T> ? T : never;

const SHARED_CONTEXT = Object.freeze({ score: Number.NaN, features: Object.freeze({}), market: Object.freeze({}) });

function copyOf(m: Money): Money {
  return new Decimal(m);
}

function buildTrade(t: TradeSpec, k: number, fills: readonly FillEvent[], positions: string[]): Trade {
  const last = fills[fills.length - 1] as FillEvent;
  const exit = t.exitIsLast ? last : (fills[Math.max(0, fills.length - 2)] as FillEvent);
  const entry = fills[Math.max(0, fills.length - 1 - t.entryBack)] as FillEvent;
  const costs = (fill: FillEvent, how: string) => {
    const pick = (m: unknown) => (m instanceof Decimal ? m : new Decimal(1));
    const [c, s, i] = [pick(fill.commission), pick(fill.slippage), pick(fill.impact)];
    if (how === 'fill') return [c, s, i] as Money[];
    if (how === 'equal') return [copyOf(c), copyOf(s), copyOf(i)];
    return [c.plus('0.001'), s, i];
  };
  const [entryCommission, entrySlippage, entryImpact] = costs(entry, t.entryCosts) as [Money, Money, Money];
  const [exitCommission, exitSlippage, exitImpact] = costs(exit, t.exitCosts) as [Money, Money, Money];
  const notional = (fill: FillEvent) => (fill.notional instanceof Decimal ? fill.notional : new Decimal(0));
  const exact = t.sums === 'exact';
  const commission = exact ? entryCommission.plus(exitCommission) : new Decimal('7.5');
  const pnlGross = exact
    ? t.short
      ? notional(entry).minus(notional(exit))
      : notional(exit).minus(notional(entry))
    : new Decimal('-1e-9');
  if (!t.samePosition || positions.length === 0) positions.push(`P${positions.length + 1}`);
  const entryTime = typeof entry.timestamp === 'number' ? entry.timestamp : 0;
  const exitTime = typeof exit.timestamp === 'number' ? exit.timestamp : 0;
  const entryIndex = typeof entry.sliceIndex === 'number' ? entry.sliceIndex : 0;
  const exitIndex = typeof exit.sliceIndex === 'number' ? exit.sliceIndex : 0;
  const ids =
    t.ids === 'entry'
      ? [entry.orderId]
      : t.ids === 'other'
        ? ['O99']
        : t.ids === 'two'
          ? [entry.orderId, 'x']
          : t.ids === 'frozen'
            ? Object.freeze([entry.orderId])
            : Object.assign([entry.orderId], { note: 1 });
  const context = t.context === 'shared' ? SHARED_CONTEXT : { score: k, features: {}, market: {} };
  const trade: Record<string, unknown> = {
    id: `T${k + 1}`,
    positionId: positions[positions.length - 1],
    symbol: exit.symbol,
    symbolId: exit.symbolId,
    direction: t.short ? 'SHORT' : 'LONG',
    quantity: exit.quantity,
    multiplier: exit.multiplier,
    entryTime,
    exitTime,
    entryIndex,
    exitIndex,
    entryPrice: 79.9550604028162,
    exitPrice: exit.price,
    entryCommission,
    exitCommission,
    commission,
    entrySlippagePerUnit: 0.039957551425690005,
    exitSlippagePerUnit: exit.slippagePerUnit,
    entrySlippage,
    exitSlippage,
    slippage: exact ? entrySlippage.plus(exitSlippage) : entrySlippage,
    entryImpact,
    exitImpact,
    impact: exact ? entryImpact.plus(exitImpact) : new Decimal('-0'),
    entryOrderIds: ids,
    exitOrderId: exit.orderId,
    exitReason: exit.exitReason,
    exitRule: exit.rule,
    pnlGross,
    pnlNet: exact ? pnlGross.minus(commission) : pnlGross,
    returnPct: 0.015011135895334971,
    netReturnPct: -0,
    barsHeld: t.bars === 'exact' ? exitIndex - entryIndex : 3,
    durationMs: t.duration === 'exact' ? exitTime - entryTime : Number.NaN,
    mfe: 0.018558536019764624,
    mae: -0.0075722987758216325,
    entryContext: context,
    exitContext: t.context === 'shared' ? SHARED_CONTEXT : context,
    isOpen: t.isOpen,
  };
  switch (t.deviation) {
    case 'extra':
      trade.note = 1;
      break;
    case 'frozen':
      Object.freeze(trade);
      break;
    case 'number':
      trade.pnlNet = 1;
      break;
    case 'order':
      return { symbol: trade.symbol, ...trade } as unknown as Trade;
  }
  return trade as unknown as Trade;
}

/** A run: fills, each possibly followed by trades, as the engine delivers them. */
const runs = fc.array(fc.tuple(fillSpec, fc.array(tradeSpec, { maxLength: 2 })), { minLength: 1, maxLength: 40 });

describe('compact fills and trades, on random records', () => {
  it('rebuild every fill and trade exactly, taking from fills only what is the same', () => {
    let coded = 0;
    let kept = 0;
    fc.assert(
      fc.property(runs, fc.integer({ min: 1, max: 300 }), fc.nat(), (run, chunk, cut) => {
        const fillLog = new FillLog(chunk);
        const tradeLog = new TradeLog(fillLog, chunk);
        const fills: FillEvent[] = [];
        const trades: Trade[] = [];
        const positions: string[] = [];
        let previous: FillEvent | undefined;
        let early: { fills: () => readonly FillEvent[]; trades: () => readonly Trade[] } | undefined;
        const at = cut % run.length;
        run.forEach(([f, ts], step) => {
          const fill = buildFill(f, fills.length, previous);
          previous = fill;
          fills.push(fill);
          fillLog.push(fill);
          for (const t of ts) {
            const trade = buildTrade(t, trades.length, fills, positions);
            trades.push(trade);
            tradeLog.push(trade);
          }
          if (step === at) {
            const viewFills = fillLog.materialize();
            early = { fills: viewFills, trades: tradeLog.materialize(viewFills) };
          }
        });
        const viewFills = fillLog.materialize();
        const viewTrades = tradeLog.materialize(viewFills);
        for (const [got, want] of [
          [viewFills(), fills],
          [viewTrades(), trades],
          [early?.fills() ?? [], fills.slice(0, at + 1)],
        ] as const) {
          expect(got).toEqual(want);
          expect(got.map(json)).toEqual(want.map(json));
          expect(got.map((x) => Object.keys(x))).toEqual(want.map((x) => Object.keys(x)));
        }
        const earlyTrades = early?.trades() ?? [];
        expect(earlyTrades.map(json)).toEqual(trades.slice(0, earlyTrades.length).map(json));
        viewTrades().forEach((t, k) => {
          if (t === trades[k]) kept++;
          else coded++;
        });
      }),
      { numRuns: 400 },
    );
    expect(coded).toBeGreaterThan((coded + kept) / 2);
    expect(kept).toBeGreaterThan(0);
  });
});
