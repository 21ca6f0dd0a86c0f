import { OrderType } from '@ml4t/core';
import type { StopFillMode, TrailingUpdate } from '../config/execution-config.js';
import type { WorkingOrder } from '../orders/working-order.js';
import { firstTouch } from './intrabar-path.js';
import { ratchetTrailing, trailLevelFrom } from './trailing.js';

/** The OHLC of the bar an order is tried against, plus its intrabar path points. */
export interface BarPath {
  open: number;
  high: number;
  low: number;
  close: number;
  /** `[open, first extreme, second extreme, close]`, see `pathPoints`. */
  readonly points: Float64Array;
}

/** Knobs the matcher needs. */
export interface MatchOptions {
  readonly stopFillMode: StopFillMode;
  readonly trailingUpdate: TrailingUpdate;
}

/**
 * The result of trying one order against one bar: whether it fills now, when on the path, and at what base
 * price (before slippage). Reused between calls; read it right after {@link matchOrder}.
 */
export class Match {
  /** The order fills on this bar. */
  fills = false;
  /** A stop triggered under `next_bar_open`: it becomes a market order for the next bar. */
  deferred = false;
  /** Path time of the trigger (0 = open, 1 = close). */
  time = Number.NaN;
  /** Per-unit base price before slippage. */
  price = Number.NaN;
  /** Price used to rank conflicting one-cancels-other members (the fill price or the trigger level). */
  rank = Number.NaN;
  rule = '';
  liquidity: 'maker' | 'taker' = 'taker';
  /** Slippage input kind: `market`, `close`, `limit`, `stop`. */
  kind = 'market';
  /** The fill must not be worse than this (limit orders); `NaN` when unbounded. */
  limit = Number.NaN;
  /** Use the stop slippage model. */
  stopLike = false;

  reset(): this {
    this.fills = false;
    this.deferred = false;
    this.time = Number.NaN;
    this.price = Number.NaN;
    this.rank = Number.NaN;
    this.rule = '';
    this.liquidity = 'taker';
    this.kind = 'market';
    this.limit = Number.NaN;
    this.stopLike = false;
    return this;
  }
}

/**
 * Tries `order` against a bar in the given phase and writes the outcome into `out`.
 *
 * Rules (comparisons inclusive): a market order fills at the open (`market@open`) or, in the close phase, at the
 * close (`market@close`). A limit fills at the open when the open is already at or through the limit
 * (`limit gap@open`, price improvement), else at its level when the path reaches it (`limit@level`, maker).
 * A stop triggers at the open on a gap, else when the path reaches it, and fills per the stop fill mode. A
 * stop-limit triggers like a stop, fills at the trigger price when that is within the limit, else rests as a
 * limit from the trigger on. Trailing stops behave as stops at their current level; with `high_low` updates
 * the level also ratchets along the path before each leg that moves against the position.
 *
 * Mutates the order's trigger state (`triggered`, trailing `stopLevel`).
 */
export function matchOrder(
  order: WorkingOrder,
  bar: BarPath,
  phase: 'open' | 'close',
  opts: MatchOptions,
  out: Match,
): Match {
  out.reset();
  const buy = order.side === 'BUY';
  if (phase === 'close') {
    // Only market orders are tried in the close phase (SAME_BAR market orders and MOC).
    return fill(out, 1, bar.close, 'market@close', 'taker', 'close');
  }
  switch (order.type) {
    case OrderType.Market:
      return fill(out, 0, bar.open, 'market@open', 'taker', 'market');
    case OrderType.Limit:
      return matchLimit(order.limitPrice, buy, bar, 0, out);
    case OrderType.Stop:
    case OrderType.TrailingStop: {
      if (order.triggered) {
        // Triggered earlier under next_bar_open: a market order now.
        out.stopLike = true;
        return fill(out, 0, bar.open, 'stop@next_open', 'taker', 'stop');
      }
      let level = order.stopLevel;
      if (order.type === OrderType.TrailingStop) {
        if (Number.isNaN(level))
          level = ratchetTrailing(order, Number.isFinite(order.signalPrice) ? order.signalPrice : bar.open);
        if (opts.trailingUpdate === 'high_low') return matchTrailingPath(order, bar, opts.stopFillMode, out);
      }
      const t = firstTouch(bar.points, level, buy ? 1 : -1, 0);
      if (Number.isNaN(t)) return out;
      return stopFill(order, level, t, bar, opts.stopFillMode, out);
    }
    case OrderType.StopLimit: {
      let from = 0;
      if (!order.triggered) {
        const t = firstTouch(bar.points, order.stopLevel, buy ? 1 : -1, 0);
        if (Number.isNaN(t)) return out;
        order.triggered = true;
        const trigger = t === 0 ? bar.open : order.stopLevel;
        const within = buy ? trigger <= order.limitPrice : trigger >= order.limitPrice;
        if (within) {
          out.limit = order.limitPrice;
          out.rank = trigger;
          return fill(out, t, trigger, t === 0 ? 'stop-limit gap@open' : 'stop-limit@trigger', 'taker', 'stop');
        }
        from = t;
      }
      return matchLimit(order.limitPrice, buy, bar, from, out);
    }
    default: {
      const never: never = order.type;
      throw new TypeError(`unknown order type ${String(never)}`);
    }
  }
}

function fill(
  out: Match,
  time: number,
  price: number,
  rule: string,
  liquidity: 'maker' | 'taker',
  kind: string,
): Match {
  out.fills = true;
  out.time = time;
  out.price = price;
  if (Number.isNaN(out.rank)) out.rank = price;
  out.rule = rule;
  out.liquidity = liquidity;
  out.kind = kind;
  return out;
}

function matchLimit(limit: number, buy: boolean, bar: BarPath, from: number, out: Match): Match {
  const t = firstTouch(bar.points, limit, buy ? -1 : 1, from);
  if (Number.isNaN(t)) return out;
  out.limit = limit;
  if (t === 0 && from === 0) {
    const gap = buy ? bar.open < limit : bar.open > limit;
    if (gap) return fill(out, 0, bar.open, 'limit gap@open', 'taker', 'limit');
  }
  return fill(out, t, limit, 'limit@level', 'maker', 'limit');
}

function stopFill(order: WorkingOrder, level: number, t: number, bar: BarPath, mode: StopFillMode, out: Match): Match {
  const buy = order.side === 'BUY';
  out.stopLike = true;
  out.rank = t === 0 ? bar.open : level;
  switch (mode) {
    case 'stop_price':
      return t === 0
        ? fill(out, 0, bar.open, 'stop gap@open', 'taker', 'stop')
        : fill(out, t, level, 'stop@level', 'taker', 'stop');
    case 'close':
      return fill(out, t, bar.close, 'stop@close', 'taker', 'stop');
    case 'bar_extreme':
      return fill(out, t, buy ? bar.high : bar.low, 'stop@extreme', 'taker', 'stop');
    case 'next_bar_open':
      out.deferred = true;
      out.time = t;
      return out;
    default: {
      const never: never = mode;
      throw new TypeError(`unknown stop fill mode ${String(never)}`);
    }
  }
}

/** Trailing stop with intrabar ratcheting: the level follows each favourable leg before an adverse leg is tested. */
function matchTrailingPath(order: WorkingOrder, bar: BarPath, mode: StopFillMode, out: Match): Match {
  const sell = order.side === 'SELL';
  const p = bar.points;
  const open = p[0] as number;
  if (sell ? open <= order.stopLevel : open >= order.stopLevel)
    return stopFill(order, order.stopLevel, 0, bar, mode, out);
  ratchetTrailing(order, open);
  for (let k = 1; k <= 3; k++) {
    const a = p[k - 1] as number;
    const b = p[k] as number;
    const adverseLeg = sell ? b < a : b > a;
    if (adverseLeg) {
      const level = order.stopLevel;
      if (sell ? b <= level : b >= level) {
        const t = (k - 1) / 3 + (a === b ? 0 : (a - level) / (a - b)) / 3;
        return stopFill(order, level, t, bar, mode, out);
      }
    } else {
      const candidate = trailLevelFrom(order, b);
      if (sell ? candidate > order.stopLevel : candidate < order.stopLevel) order.stopLevel = candidate;
    }
  }
  return out;
}
