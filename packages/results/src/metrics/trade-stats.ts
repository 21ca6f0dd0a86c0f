import { type Money, type Trade, ZERO } from '@ml4t/core';
import { ratio } from './statistics.js';

/**
 * Statistics over a set of trade records. Each record counts once, so a position closed in three partial
 * exits counts as three trades. A win is a record with `pnlNet > 0`, a loss one with `pnlNet < 0`.
 */
export interface TradeStats {
  /** Number of trade records. */
  readonly count: number;
  readonly wins: number;
  readonly losses: number;
  /** `wins / count`; `NaN` with no trades. */
  readonly winRate: number;
  /** Σ gross P&L (before commission), exact. */
  readonly grossPnl: Money;
  /** Σ net P&L, exact. */
  readonly netPnl: Money;
  /** Σ net P&L of the wins (≥ 0), exact. */
  readonly grossProfit: Money;
  /** Σ net P&L of the losses (≤ 0), exact. */
  readonly grossLoss: Money;
  /** `grossProfit / |grossLoss|`; `Infinity` with wins and no losses, `NaN` with neither. */
  readonly profitFactor: number;
  /** Mean net P&L per trade in dollars; `NaN` with no trades. */
  readonly expectancy: number;
  /** Mean net P&L of the wins in dollars; `NaN` without wins. */
  readonly avgWin: number;
  /** Mean net P&L of the losses in dollars (≤ 0); `NaN` without losses. */
  readonly avgLoss: number;
  /** `avgWin / |avgLoss|`; `NaN` without wins or without losses. */
  readonly payoffRatio: number;
  /** Mean bars held. */
  readonly avgBarsHeld: number;
  /** Mean holding period in milliseconds (`exitTime − entryTime`). */
  readonly avgHoldingMs: number;
  /** Σ commission (entry and exit), exact. */
  readonly commission: Money;
  /** Σ slippage including impact (entry and exit), exact. */
  readonly slippage: Money;
}

/** Computes {@link TradeStats} over `trades`. */
export function tradeStats(trades: readonly Trade[]): TradeStats {
  let wins = 0;
  let losses = 0;
  let gross = ZERO;
  let net = ZERO;
  let profit = ZERO;
  let loss = ZERO;
  let commission = ZERO;
  let slippage = ZERO;
  let bars = 0;
  let ms = 0;
  for (const t of trades) {
    gross = gross.plus(t.pnlGross);
    net = net.plus(t.pnlNet);
    commission = commission.plus(t.commission);
    slippage = slippage.plus(t.slippage);
    bars += t.barsHeld;
    ms += t.durationMs;
    if (t.pnlNet.gt(0)) {
      wins += 1;
      profit = profit.plus(t.pnlNet);
    } else if (t.pnlNet.lt(0)) {
      losses += 1;
      loss = loss.plus(t.pnlNet);
    }
  }
  const n = trades.length;
  const avgWin = wins > 0 ? profit.div(wins).toNumber() : Number.NaN;
  const avgLoss = losses > 0 ? loss.div(losses).toNumber() : Number.NaN;
  return {
    count: n,
    wins,
    losses,
    winRate: n > 0 ? wins / n : Number.NaN,
    grossPnl: gross,
    netPnl: net,
    grossProfit: profit,
    grossLoss: loss,
    profitFactor: ratio(profit.toNumber(), loss.abs().toNumber()),
    expectancy: n > 0 ? net.div(n).toNumber() : Number.NaN,
    avgWin,
    avgLoss,
    payoffRatio: wins > 0 && losses > 0 ? avgWin / Math.abs(avgLoss) : Number.NaN,
    avgBarsHeld: n > 0 ? bars / n : Number.NaN,
    avgHoldingMs: n > 0 ? ms / n : Number.NaN,
    commission,
    slippage,
  };
}
