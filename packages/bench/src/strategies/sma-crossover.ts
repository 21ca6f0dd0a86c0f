import {
  type MarketOrder,
  OrderSide,
  OrderType,
  type Strategy,
  type StrategyContext,
  type TimeSlice,
} from '@ml4t/core';
import { type SmaCrossoverParams, validateSmaCrossoverParams } from './sma-crossover-params.js';

/**
 * The W1/W4 strategy, written as a performance-minded user would: columnar `onTimeSlice`, per-symbol
 * state in typed arrays indexed by symbol id, and one prebuilt (immutable) order object per symbol and
 * side, so a slice allocates nothing unless it trades.
 *
 * On each symbol's close: SMA `fast` and SMA `slow` of its closes (rolling sums); a cross up (fast ≤ slow
 * on the previous bar, fast > slow now) while flat buys `quantity` shares at market; a cross down while
 * long sells them. Orders go out through `ctx.bus.submit` and fill per the broker (next-bar open for W1).
 */
export class SmaCrossoverStrategy implements Strategy {
  readonly name = 'sma-crossover';
  private readonly fast: number;
  private readonly slow: number;
  private readonly quantity: number;
  private ring = new Float64Array(0);
  private sumFast = new Float64Array(0);
  private sumSlow = new Float64Array(0);
  private prevFast = new Float64Array(0);
  private prevSlow = new Float64Array(0);
  private seen = new Int32Array(0);
  /** Per symbol, the ring slot of its next close (`seen % slow`, kept rather than divided). */
  private slot = new Int32Array(0);
  private buys: MarketOrder[] = [];
  private sells: MarketOrder[] = [];

  /** @throws ConfigError for invalid windows or quantity (see {@link validateSmaCrossoverParams}). */
  constructor(params: SmaCrossoverParams) {
    validateSmaCrossoverParams(params);
    this.fast = params.fast;
    this.slow = params.slow;
    this.quantity = params.quantity;
  }

  onStart(ctx: StrategyContext): void {
    const n = ctx.symbols.size;
    this.ring = new Float64Array(n * this.slow);
    this.sumFast = new Float64Array(n);
    this.sumSlow = new Float64Array(n);
    this.prevFast = new Float64Array(n);
    this.prevSlow = new Float64Array(n);
    this.seen = new Int32Array(n);
    this.slot = new Int32Array(n);
    const names = ctx.symbols.list();
    this.buys = names.map((symbol) => marketOrder(symbol, OrderSide.Buy, this.quantity));
    this.sells = names.map((symbol) => marketOrder(symbol, OrderSide.Sell, this.quantity));
  }

  onTimeSlice(slice: TimeSlice, ctx: StrategyContext): void {
    const { fast, slow, ring, sumFast, sumSlow, prevFast, prevSlow, seen, slot } = this;
    const { symbolIds, close, size } = slice;
    const portfolio = ctx.portfolio;
    for (let i = 0; i < size; i++) {
      const s = symbolIds[i] as number;
      const c = close[i] as number;
      const t = seen[s] as number;
      seen[s] = t + 1;
      // Same operations, in the same order, as the baseline loop: both see bit-identical SMAs.
      const base = s * slow;
      const k = slot[s] as number;
      slot[s] = k + 1 === slow ? 0 : k + 1;
      // Slot of the close `fast` bars back: (t − fast) mod slow, with 0 < fast < slow.
      const kFast = k >= fast ? k - fast : k - fast + slow;
      const outFast = t >= fast ? (ring[base + kFast] as number) : 0;
      const outSlow = t >= slow ? (ring[base + k] as number) : 0;
      ring[base + k] = c;
      const sf = (sumFast[s] as number) + c - outFast;
      const ss = (sumSlow[s] as number) + c - outSlow;
      sumFast[s] = sf;
      sumSlow[s] = ss;
      if (t + 1 < slow) continue;
      const f = sf / fast;
      const w = ss / slow;
      if (t + 1 > slow) {
        const pf = prevFast[s] as number;
        const pw = prevSlow[s] as number;
        if (pf <= pw && f > w) {
          if (portfolio.quantity(s) === 0) ctx.bus.submit(this.buys[s] as MarketOrder);
        } else if (pf >= pw && f < w && portfolio.quantity(s) > 0) {
          ctx.bus.submit(this.sells[s] as MarketOrder);
        }
      }
      prevFast[s] = f;
      prevSlow[s] = w;
    }
  }
}

function marketOrder(symbol: string, side: OrderSide, quantity: number): MarketOrder {
  return Object.freeze({ type: OrderType.Market, symbol, side, quantity });
}
