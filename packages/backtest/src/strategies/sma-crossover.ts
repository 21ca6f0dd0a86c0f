import { OrderSide, OrderType, type Strategy, type StrategyContext, type TimeSlice } from '@ml4t/core';
import { z } from 'zod';
import { parseOptions } from '../config/parse-options.js';

/** Schema of {@link SmaCrossoverOptions}; it also validates `strategy.params` of the `sma-crossover` template. @internal */
export const smaCrossoverOptionsSchema = z
  .strictObject({
    fast: z.int().min(1).default(10).describe('Bars in the fast simple moving average of the close.'),
    slow: z.int().min(2).default(50).describe('Bars in the slow simple moving average of the close.'),
    quantity: z.number().positive().default(100).describe('Units bought on a cross up (shares, contracts, coins).'),
  })
  .refine((o) => o.fast < o.slow, { message: 'fast must be shorter than slow', path: ['fast'] });

/** Options of {@link smaCrossover}. */
export interface SmaCrossoverOptions {
  /** Bars in the fast simple moving average of the close. @defaultValue 10 */
  readonly fast?: number;
  /** Bars in the slow simple moving average of the close; must exceed `fast`. @defaultValue 50 */
  readonly slow?: number;
  /** Units bought on a cross up (shares, contracts, coins). @defaultValue 100 */
  readonly quantity?: number;
}

/**
 * A long-only moving-average crossover per symbol: buy `quantity` when SMA(`fast`) of the close crosses above
 * SMA(`slow`) while flat; sell the whole position when it crosses below while long.
 *
 * A cross up on bar t means `fast ≤ slow` on bar t−1 and `fast > slow` on bar t (a cross down mirrors it); the
 * first signal is possible on a symbol's (`slow` + 1)-th bar. Orders are market orders decided on bar t's close,
 * so they fill per the broker's fill timing (the next open by default).
 *
 * @defaultValue `{ fast: 10, slow: 50, quantity: 100 }`
 * @throws ConfigError when an option is invalid (`fast` must be shorter than `slow`).
 *
 * @example
 * ```ts
 * const strategy = smaCrossover({ fast: 10, slow: 30, quantity: 100 });
 * ```
 */
export function smaCrossover(options: SmaCrossoverOptions = {}): Strategy {
  const { fast, slow, quantity } = parseOptions(smaCrossoverOptionsSchema, options, '');
  return new SmaCrossoverStrategy(fast, slow, quantity);
}

class SmaCrossoverStrategy implements Strategy {
  readonly name = 'sma-crossover';
  readonly historyLength: number;
  private previousDiff = new Float64Array(0);

  constructor(
    private readonly fast: number,
    private readonly slow: number,
    private readonly quantity: number,
  ) {
    // One bar more than the slow window, so the previous bar's slow average is available too.
    this.historyLength = slow + 1;
  }

  onStart(ctx: StrategyContext): void {
    this.previousDiff = new Float64Array(ctx.symbols.size).fill(Number.NaN);
  }

  onTimeSlice(slice: TimeSlice, ctx: StrategyContext): void {
    const { history, portfolio, bus, symbols } = ctx;
    for (let i = 0; i < slice.size; i++) {
      const sid = slice.symbolIds[i] as number;
      const diff = average(history, sid, this.fast) - average(history, sid, this.slow);
      const previous = this.previousDiff[sid] as number;
      this.previousDiff[sid] = diff;
      if (Number.isNaN(diff) || Number.isNaN(previous)) continue;
      const held = portfolio.quantity(sid);
      if (previous <= 0 && diff > 0 && held === 0) {
        bus.submit({ type: OrderType.Market, symbol: symbols.name(sid), side: OrderSide.Buy, quantity: this.quantity });
      } else if (previous >= 0 && diff < 0 && held > 0) {
        bus.submit({ type: OrderType.Market, symbol: symbols.name(sid), side: OrderSide.Sell, quantity: held });
      }
    }
  }
}

/** Mean of the last `n` closes (the current bar included); `NaN` until `n` bars exist. */
function average(history: StrategyContext['history'], symbol: number, n: number): number {
  let sum = 0;
  for (let lag = 0; lag < n; lag++) sum += history.close(symbol, lag);
  return sum / n;
}
