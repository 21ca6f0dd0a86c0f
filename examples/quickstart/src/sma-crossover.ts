import { OrderSide, OrderType, type Strategy, type StrategyContext, type TimeSlice } from '@ml4t/core';

/** Options of {@link SmaCrossover}. */
export interface SmaCrossoverOptions {
  readonly fast: number;
  readonly slow: number;
  /** Shares bought on each cross up. */
  readonly shares: number;
}

/**
 * Long-only SMA crossover for every symbol of the feed, written the fast way: one `onTimeSlice` call per
 * timestamp over the slice's columns, running sums kept in typed arrays, no allocation per bar.
 */
export class SmaCrossover implements Strategy {
  readonly name = 'sma-crossover';
  readonly historyLength: number;
  private fastSum = new Float64Array(0);
  private slowSum = new Float64Array(0);
  private previousDiff = new Float64Array(0);

  constructor(private readonly options: SmaCrossoverOptions) {
    this.historyLength = options.slow + 1;
  }

  onStart(ctx: StrategyContext): void {
    const n = ctx.symbols.size;
    this.fastSum = new Float64Array(n);
    this.slowSum = new Float64Array(n);
    this.previousDiff = new Float64Array(n).fill(Number.NaN);
  }

  onTimeSlice(slice: TimeSlice, ctx: StrategyContext): void {
    const { fast, slow, shares } = this.options;
    const { history, portfolio, bus, market } = ctx;
    for (let i = 0; i < slice.size; i++) {
      const s = slice.symbolIds[i] as number;
      const close = slice.close[i] as number;
      this.fastSum[s] = (this.fastSum[s] as number) + close - (history.close(s, fast) || 0);
      this.slowSum[s] = (this.slowSum[s] as number) + close - (history.close(s, slow) || 0);
      if ((market.barCount[s] as number) < slow) continue;
      const diff = (this.fastSum[s] as number) / fast - (this.slowSum[s] as number) / slow;
      const before = this.previousDiff[s] as number;
      this.previousDiff[s] = diff;
      const held = portfolio.quantity(s);
      const symbol = slice.symbols.name(s);
      if (before <= 0 && diff > 0 && held === 0) {
        bus.submit({ type: OrderType.Market, symbol, side: OrderSide.Buy, quantity: shares });
      } else if (before >= 0 && diff < 0 && held > 0) {
        bus.submit({ type: OrderType.Market, symbol, side: OrderSide.Sell, quantity: held });
      }
    }
  }
}
