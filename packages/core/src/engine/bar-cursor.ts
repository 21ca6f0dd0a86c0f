import type { BarView } from '../contracts/bar-view.js';
import type { SymbolId } from '../domain/symbol-table.js';
import type { MarketState } from './market-state.js';

/**
 * A reusable {@link BarView} pointing at one symbol's current bar in the market state: moving it costs
 * nothing, so rules can be handed a bar object without an allocation per position per bar.
 *
 * @internal
 */
export class BarCursor implements BarView {
  symbolId: SymbolId = -1;

  constructor(private readonly market: MarketState) {}

  /** Points the cursor at `symbol`'s current bar. */
  at(symbol: SymbolId): this {
    this.symbolId = symbol;
    return this;
  }

  get timestamp(): number {
    return this.market.timestamp;
  }
  get open(): number {
    return this.market.open[this.symbolId] as number;
  }
  get high(): number {
    return this.market.high[this.symbolId] as number;
  }
  get low(): number {
    return this.market.low[this.symbolId] as number;
  }
  get close(): number {
    return this.market.close[this.symbolId] as number;
  }
  get volume(): number {
    return this.market.volume[this.symbolId] as number;
  }
  get bid(): number {
    return this.market.bid[this.symbolId] as number;
  }
  get ask(): number {
    return this.market.ask[this.symbolId] as number;
  }
  get bidSize(): number {
    return this.market.bidSize[this.symbolId] as number;
  }
  get askSize(): number {
    return this.market.askSize[this.symbolId] as number;
  }
}
