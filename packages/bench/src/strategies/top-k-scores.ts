import { ConfigError, OrderSide, OrderType, type Strategy, type StrategyContext, type TimeSlice } from '@ml4t/core';

/** Options of {@link TopKScoresStrategy}. */
export interface TopKScoresOptions {
  /** Number of names held. @defaultValue 25 */
  readonly k?: number;
  /** Per-symbol feature ranked each day. @defaultValue `'score'` */
  readonly feature?: string;
  /**
   * Share of the equity invested when buying; the rest absorbs the gap between the deciding close and the
   * next open, so the cash account rarely rejects a buy. @defaultValue 0.98
   */
  readonly investFraction?: number;
}

/**
 * The W2/W3 strategy: each day, rank the symbols with a bar by their ML score and hold the top `k`, equal
 * weight. It trades only where the holdings differ from the top `k` (positions kept in it are not resized,
 * which keeps the cost per fill, not per bar): it sells every holding that left the top `k` and buys each
 * member not held, in whole shares at the deciding close, for `min(equity ÷ k, cash after the sells ÷ new
 * names) × investFraction`. Orders are market orders; entries pass the portfolio rules (e.g. a VIX filter,
 * retried daily while rejected) and risk rules manage exits (e.g. a stop loss; a stopped-out member is
 * bought back the next day if it is still in the top `k`).
 *
 * Selection is allocation-free (a bounded insertion sort over typed arrays); ties go to the lower row.
 * Assumes every symbol has a bar on every day, so yesterday's orders have filled or failed by now.
 */
export class TopKScoresStrategy implements Strategy {
  readonly name = 'top-k-scores';
  private readonly k: number;
  private readonly feature: string;
  private readonly invest: number;
  private readonly bestScore: Float64Array;
  private readonly bestId: Int32Array;
  private target = new Uint8Array(0);

  /** @throws ConfigError naming `k`, `feature` or `investFraction` when invalid. */
  constructor(options: TopKScoresOptions = {}) {
    const k = options.k ?? 25;
    if (!Number.isInteger(k) || k < 1)
      throw new ConfigError('k', 'positive-integer', `must be an integer ≥ 1, got ${k}`);
    const feature = options.feature ?? 'score';
    if (typeof feature !== 'string' || feature === '')
      throw new ConfigError('feature', 'non-empty', 'must name a feature');
    const invest = options.investFraction ?? 0.98;
    if (!(invest > 0 && invest <= 1)) {
      throw new ConfigError('investFraction', 'fraction', `must be in (0, 1], got ${invest}`);
    }
    this.k = k;
    this.feature = feature;
    this.invest = invest;
    this.bestScore = new Float64Array(k);
    this.bestId = new Int32Array(k);
  }

  onStart(ctx: StrategyContext): void {
    this.target = new Uint8Array(ctx.symbols.size);
  }

  onTimeSlice(slice: TimeSlice, ctx: StrategyContext): void {
    const scores = slice.features.crossSection(this.feature);
    if (scores === undefined) return;
    const count = this.select(slice, scores);
    if (count === 0) return;
    const { target, bestId } = this;
    const { portfolio, bus, symbols, market } = ctx;
    for (let j = 0; j < count; j++) target[bestId[j] as number] = 1;

    // Exits: every holding that left the top k.
    let cash = portfolio.cashValue;
    for (const p of portfolio.positions()) {
      if (target[p.symbolId] === 1 || p.quantity <= 0) continue;
      bus.submit({ type: OrderType.Market, symbol: p.symbol, side: OrderSide.Sell, quantity: p.quantity });
      cash += p.marketValue;
    }
    // Entries: members not held, equal weight of the equity, within the cash the exits free.
    let buys = 0;
    for (let j = 0; j < count; j++) if (portfolio.quantity(bestId[j] as number) === 0) buys++;
    if (buys > 0) {
      const slot = Math.min(portfolio.equity / this.k, cash / buys) * this.invest;
      for (let j = 0; j < count; j++) {
        const s = bestId[j] as number;
        if (portfolio.quantity(s) !== 0) continue;
        const quantity = Math.floor(slot / (market.close[s] as number));
        if (quantity > 0)
          bus.submit({ type: OrderType.Market, symbol: symbols.name(s), side: OrderSide.Buy, quantity });
      }
    }
    for (let j = 0; j < count; j++) target[bestId[j] as number] = 0;
  }

  /** Fills `bestId`/`bestScore` with the top rows of this slice, best first; returns how many. */
  private select(slice: TimeSlice, scores: Float64Array): number {
    const { k, bestScore, bestId } = this;
    const { symbolIds, size } = slice;
    let count = 0;
    for (let i = 0; i < size; i++) {
      const s = symbolIds[i] as number;
      const v = scores[s] as number;
      if (Number.isNaN(v)) continue; // no score today
      if (count === k && !(v > (bestScore[k - 1] as number))) continue;
      let j = count < k ? count++ : k - 1;
      while (j > 0 && v > (bestScore[j - 1] as number)) {
        bestScore[j] = bestScore[j - 1] as number;
        bestId[j] = bestId[j - 1] as number;
        j--;
      }
      bestScore[j] = v;
      bestId[j] = s;
    }
    return count;
  }
}
