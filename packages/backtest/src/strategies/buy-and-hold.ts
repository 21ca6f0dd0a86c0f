import { OrderSide, OrderType, type Strategy, type StrategyContext, type TimeSlice } from '@ml4t/core';
import { z } from 'zod';
import { parseOptions } from '../config/parse-options.js';

/** Schema of {@link BuyAndHoldOptions}; it also validates `strategy.params` of the `buy-and-hold` template. @internal */
export const buyAndHoldOptionsSchema = z.strictObject({
  symbols: z.array(z.string().min(1)).optional().describe('Symbols to buy; every symbol of the data when absent.'),
  allocation: z
    .number()
    .gt(0)
    .max(1)
    .default(0.95)
    .describe('Fraction of the initial cash invested, split equally across the symbols (the rest covers costs).'),
});

/** Options of {@link buyAndHold}. */
export interface BuyAndHoldOptions {
  /** Symbols to buy. @defaultValue every symbol of the data */
  readonly symbols?: readonly string[];
  /**
   * Fraction of the initial cash invested, split equally across the symbols (the rest covers costs).
   * @defaultValue 0.95
   */
  readonly allocation?: number;
}

/**
 * Buys each symbol once, on its first bar, and holds it to the end: `allocation × initial cash / number of
 * symbols` worth of whole units at that bar's close (the order fills per the broker's fill timing).
 * A baseline for comparing other strategies.
 *
 * @defaultValue `{ allocation: 0.95 }` (every symbol)
 * @throws ConfigError when an option is invalid.
 */
export function buyAndHold(options: BuyAndHoldOptions = {}): Strategy {
  const parsed = parseOptions(buyAndHoldOptionsSchema, options, '');
  return new BuyAndHoldStrategy(parsed.symbols, parsed.allocation);
}

class BuyAndHoldStrategy implements Strategy {
  readonly name = 'buy-and-hold';
  private wanted = new Uint8Array(0);
  private budget = 0;

  constructor(
    private readonly symbols: readonly string[] | undefined,
    private readonly allocation: number,
  ) {}

  onStart(ctx: StrategyContext): void {
    const n = ctx.symbols.size;
    this.wanted = new Uint8Array(n);
    let count = 0;
    for (let sid = 0; sid < n; sid++) {
      if (this.symbols === undefined || this.symbols.includes(ctx.symbols.name(sid))) {
        this.wanted[sid] = 1;
        count += 1;
      }
    }
    this.budget = count === 0 ? 0 : (ctx.portfolio.initialCash.toNumber() * this.allocation) / count;
  }

  onTimeSlice(slice: TimeSlice, ctx: StrategyContext): void {
    for (let i = 0; i < slice.size; i++) {
      const sid = slice.symbolIds[i] as number;
      if (this.wanted[sid] !== 1) continue;
      this.wanted[sid] = 0;
      const quantity = Math.floor(this.budget / (slice.close[i] as number));
      if (quantity > 0) {
        ctx.bus.submit({ type: OrderType.Market, symbol: ctx.symbols.name(sid), side: OrderSide.Buy, quantity });
      }
    }
  }
}
