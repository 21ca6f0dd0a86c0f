import { OrderSide, OrderType, type Strategy, type StrategyContext, type TimeSlice } from '@ml4t/core';
import { z } from 'zod';
import { parseOptions } from '../config/parse-options.js';

/** Schema of {@link TopNMlOptions}; it also validates `strategy.params` of the `top-n-ml` template. @internal */
export const topNMlOptionsSchema = z
  .strictObject({
    n: z.int().min(1).default(25).describe('Number of symbols held: the n highest scores at each rebalance.'),
    exitRank: z
      .int()
      .min(1)
      .optional()
      .describe(
        'Keep a holding while its score ranks within the top exitRank (≥ n), to cut turnover; sell it below. Default: n.',
      ),
    score: z.string().min(1).default('score').describe('Name of the per-symbol feature ranked (the ML score).'),
    weighting: z
      .enum(['equal', 'score'])
      .default('equal')
      .describe(
        "Position size of a new holding: 'equal' = investedFraction × equity / n; 'score' = investedFraction × equity × score / Σ scores of the selected (negative scores count as 0).",
      ),
    rebalanceEvery: z.int().min(1).default(1).describe('Rebalance on every k-th timestamp (1 = every bar).'),
    investedFraction: z
      .number()
      .gt(0)
      .max(1)
      .default(0.95)
      .describe('Fraction of equity the holdings target; the rest is a cash buffer for costs and gaps.'),
  })
  .refine((o) => o.exitRank === undefined || o.exitRank >= o.n, {
    message: 'exitRank must be ≥ n',
    path: ['exitRank'],
  });

/** Options of {@link topNMl}. */
export interface TopNMlOptions {
  /** Number of symbols held: the n highest scores at each rebalance. @defaultValue 25 */
  readonly n?: number;
  /**
   * Keep a holding while its score ranks within the top `exitRank` (≥ n), to cut turnover; sell it below.
   * @defaultValue n
   */
  readonly exitRank?: number;
  /** Name of the per-symbol feature ranked (the ML score). @defaultValue 'score' */
  readonly score?: string;
  /**
   * Size of a new holding: `'equal'` = investedFraction × equity / n; `'score'` = investedFraction × equity ×
   * score / Σ scores of the top n (negative scores count as 0; equal weights when none is positive).
   * @defaultValue 'equal'
   */
  readonly weighting?: 'equal' | 'score';
  /** Rebalance on every k-th timestamp (1 = every bar). @defaultValue 1 */
  readonly rebalanceEvery?: number;
  /** Fraction of equity the holdings target; the rest is a cash buffer for costs and gaps. @defaultValue 0.95 */
  readonly investedFraction?: number;
}

/**
 * The reference ML strategy: at each rebalance hold the `n` symbols with the highest ML score, long only.
 *
 * On a rebalance timestamp t (every `rebalanceEvery`-th slice that carries scores) it ranks the symbols that
 * have a bar and a finite score at t (ties: the lower symbol id first), sells every holding ranked below
 * `exitRank` (or unscored), and buys each of the top `n` not held for its target value at t's close, in whole
 * units, within the cash the account has plus the expected sale proceeds. Holdings that stay are not resized
 * (trades happen only when membership changes). Orders are market orders, so they fill per the broker's fill
 * timing (the next open by default). Risk rules (stops, regime filters) act independently: a name stopped out
 * re-enters at the next rebalance if it is still in the top n and the portfolio rules allow it.
 *
 * Per rebalance it sorts the scored symbols once (O(symbols · log symbols)) in preallocated typed arrays;
 * nothing is allocated per bar.
 *
 * @defaultValue `{ n: 25, score: 'score', weighting: 'equal', rebalanceEvery: 1, investedFraction: 0.95 }`
 * @throws ConfigError when an option is invalid.
 *
 * @example
 * ```ts
 * const strategy = topNMl({ n: 25, weighting: 'score', rebalanceEvery: 5 });
 * ```
 */
export function topNMl(options: TopNMlOptions = {}): Strategy {
  return new TopNMlStrategy(parseOptions(topNMlOptionsSchema, options, ''));
}

type Parsed = z.output<typeof topNMlOptionsSchema>;

class TopNMlStrategy implements Strategy {
  readonly name = 'top-n-ml';
  /** Rank (0 = best) of each symbol at the current rebalance; −1 when it has no bar or no finite score. */
  private rank = new Int32Array(0);
  /** Rows of the current slice with a finite score, best first. */
  private order = new Int32Array(0);
  private scores: Float64Array = new Float64Array(0);
  private ids: Int32Array = new Int32Array(0);
  private readonly exitRank: number;
  /** Best score first; ties: the lower symbol id first. Bound once, so sorting allocates nothing per bar. */
  private readonly byScore = (a: number, b: number): number => {
    const sa = this.scores[this.ids[a] as number] as number;
    const sb = this.scores[this.ids[b] as number] as number;
    return sb - sa || (this.ids[a] as number) - (this.ids[b] as number);
  };

  constructor(private readonly options: Parsed) {
    this.exitRank = options.exitRank ?? options.n;
  }

  onStart(ctx: StrategyContext): void {
    this.rank = new Int32Array(ctx.symbols.size);
    this.order = new Int32Array(ctx.symbols.size);
  }

  onTimeSlice(slice: TimeSlice, ctx: StrategyContext): void {
    if (slice.index % this.options.rebalanceEvery !== 0) return;
    const scores = slice.features.crossSection(this.options.score);
    if (scores === undefined) return;
    const ranked = this.rankSlice(slice, scores);
    const { portfolio, bus, symbols, market } = ctx;
    const { n } = this.options;
    let cash = portfolio.cashValue;
    // Exits first, so their proceeds fund the entries (the broker fills exits before entries too).
    for (let sid = 0; sid < this.rank.length; sid++) {
      const held = portfolio.quantity(sid);
      if (held <= 0 || !market.hasBar(sid)) continue;
      const r = this.rank[sid] as number;
      if (r >= 0 && r < this.exitRank) continue;
      bus.submit({ type: OrderType.Market, symbol: symbols.name(sid), side: OrderSide.Sell, quantity: held });
      cash += held * (market.close[sid] as number);
    }
    const top = Math.min(n, ranked);
    const budget = this.options.investedFraction * portfolio.equity;
    let scoreSum = 0;
    if (this.options.weighting === 'score') {
      for (let k = 0; k < top; k++)
        scoreSum += Math.max(0, scores[slice.symbolIds[this.order[k] as number] as number] as number);
    }
    for (let k = 0; k < top; k++) {
      const row = this.order[k] as number;
      const sid = slice.symbolIds[row] as number;
      if (portfolio.quantity(sid) !== 0) continue;
      const weight = scoreSum > 0 ? Math.max(0, scores[sid] as number) / scoreSum : 1 / n;
      const price = slice.close[row] as number;
      const quantity = Math.floor(Math.min(budget * weight, cash) / price);
      if (quantity <= 0) continue;
      cash -= quantity * price;
      bus.submit({ type: OrderType.Market, symbol: symbols.name(sid), side: OrderSide.Buy, quantity });
    }
  }

  /** Ranks the rows of the slice with a finite score into `order` and `rank`; returns how many were ranked. */
  private rankSlice(slice: TimeSlice, scores: Float64Array): number {
    const { order, rank } = this;
    rank.fill(-1);
    let count = 0;
    for (let row = 0; row < slice.size; row++) {
      if (Number.isFinite(scores[slice.symbolIds[row] as number] as number)) order[count++] = row;
    }
    this.scores = scores;
    this.ids = slice.symbolIds;
    order.subarray(0, count).sort(this.byScore);
    for (let k = 0; k < count; k++) rank[slice.symbolIds[order[k] as number] as number] = k;
    return count;
  }
}
