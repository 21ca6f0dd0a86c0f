import { type FillEvent, type RunSummary, SymbolTable, type Trade, toMoney, ZERO } from '@ml4t/core';
import { BacktestResults, equityCurveFromPoints } from '../../src/index.js';
import { DAY, makeFill, makeTrade, T0 } from './fixtures.js';

/** Symbols that try every trick: formulas, quotes, commas, line breaks, HTML. */
export const NASTY_SYMBOLS = [
  '=HYPERLINK("http://x")',
  '-2+3',
  '@SUM(A1)',
  'a,"b"\nc',
  "'quoted",
  '<script>alert(1)</script>',
];

/**
 * A small but awkward run: partial exits, a short, costs, an open-at-end trade, NaN scores, -0, optional
 * fields present and absent, and symbols built to break CSV and HTML.
 */
export function sampleResults(): BacktestResults {
  const symbols = new SymbolTable();
  for (const s of ['AAA', ...NASTY_SYMBOLS]) symbols.register(s);
  const trades: Trade[] = [
    makeTrade({
      id: 'T1',
      quantity: 6,
      pnlGross: toMoney('60.000000000001'),
      pnlNet: toMoney('59.123456789012'),
      commission: toMoney('0.876543210989'),
      entryCommission: toMoney('0.376543210989'),
      exitCommission: toMoney('0.5'),
      slippage: toMoney('1.2'),
      entrySlippage: toMoney('0.6'),
      exitSlippage: toMoney('0.6'),
      entrySlippagePerUnit: 0.1,
      exitSlippagePerUnit: 0.1,
      exitRule: 'stopLoss',
      exitReason: 'STOP_LOSS',
      mae: -0,
    }),
    makeTrade({
      id: 'T2',
      quantity: 4,
      exitTime: T0 + 3 * DAY,
      exitIndex: 3,
      pnlGross: toMoney(-20),
      pnlNet: toMoney(-20.5),
      commission: toMoney(0.5),
      exitCommission: toMoney(0.5),
      entryOrderIds: ['O1', 'O3'],
      entryContext: { score: Number.NaN, features: {}, market: { vix: Number.POSITIVE_INFINITY } },
    }),
    makeTrade({
      id: 'T3',
      positionId: 'P2',
      symbol: NASTY_SYMBOLS[0] as string,
      symbolId: 1,
      direction: 'SHORT',
      quantity: 0.125,
      multiplier: 50,
      pnlGross: toMoney('1e-9'),
      pnlNet: toMoney('-123456789.123456789'),
      returnPct: 1e-12,
      exitReason: 'TAKE_PROFIT',
    }),
  ];
  const open = makeTrade({
    id: 'P3-open',
    positionId: 'P3',
    symbol: NASTY_SYMBOLS[5] as string,
    symbolId: 6,
    isOpen: true,
    exitOrderId: '',
    exitReason: 'END_OF_DATA',
    pnlGross: toMoney(5),
    pnlNet: toMoney(5),
  });
  const fills: FillEvent[] = [
    makeFill(),
    makeFill({
      id: 'F2',
      side: 'SELL',
      symbol: NASTY_SYMBOLS[3] as string,
      tag: '=cmd|calc',
      rule: 'trailing',
      settleAt: T0 + 2 * DAY,
    }),
    makeFill({
      id: 'F3',
      orderType: 'STOP_LIMIT',
      liquidity: 'maker',
      signalPrice: Number.NaN,
      slippagePerUnit: -0.01,
      commission: toMoney('0.005'),
    }),
  ];
  const curve = equityCurveFromPoints(
    [100_000, 100_250.5, 99_800.25, 101_000, 100_900.125].map((equity, i) => ({
      timestamp: T0 + i * DAY,
      equity,
      cash: i === 0 ? equity : 50_000.5,
      grossExposure: i === 0 ? 0 : equity - 50_000.5,
      netExposure: i === 0 ? 0 : equity - 50_000.5,
      openPositions: i === 0 ? 0 : 1,
    })),
  );
  const summary: RunSummary = {
    initialCash: toMoney(100_000),
    finalCash: toMoney('50000.5'),
    finalEquity: 100_900.125,
    slices: 5,
    bars: 9,
    fills: fills.length,
    closedTrades: trades.length,
    openTrades: [open],
    dividends: ZERO,
    firstTimestamp: T0,
    lastTimestamp: T0 + 4 * DAY,
  };
  return new BacktestResults({
    info: {
      initialCash: toMoney(100_000),
      symbols,
      config: { strategy: 'sma<cross>', fees: { rate: 0.001, note: '<b>"bold"</b>' } },
    },
    summary,
    closedTrades: trades,
    fills,
    orders: [],
    orderLog: [],
    curve,
  });
}
