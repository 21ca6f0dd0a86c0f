import type { MarketView } from '../contracts/market-view.js';
import type { TimeSlice } from '../domain/time-slice.js';
import type { Timestamp } from '../domain/timestamp.js';

/**
 * Per-symbol columns of the current bar, the mark price and bar counts, updated once per slice.
 *
 * The mark (`lastPrice`) is the open while orders fill at the open (steps 1–3 of DESIGN §3) and becomes the
 * close before the strategy decides (step 4), so nothing prices the account with a close that has not
 * happened yet.
 *
 * @internal
 */
export class MarketState implements MarketView {
  timestamp: Timestamp = Number.NaN;
  index = -1;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
  readonly bid: Float64Array;
  readonly ask: Float64Array;
  readonly bidSize: Float64Array;
  readonly askSize: Float64Array;
  readonly lastPrice: Float64Array;
  readonly barCount: Int32Array;
  private readonly lastIndex: Int32Array;

  constructor(symbolCount: number) {
    const n = Math.max(1, symbolCount);
    this.open = new Float64Array(n).fill(Number.NaN);
    this.high = new Float64Array(n).fill(Number.NaN);
    this.low = new Float64Array(n).fill(Number.NaN);
    this.close = new Float64Array(n).fill(Number.NaN);
    this.volume = new Float64Array(n).fill(Number.NaN);
    this.bid = new Float64Array(n).fill(Number.NaN);
    this.ask = new Float64Array(n).fill(Number.NaN);
    this.bidSize = new Float64Array(n).fill(Number.NaN);
    this.askSize = new Float64Array(n).fill(Number.NaN);
    this.lastPrice = new Float64Array(n).fill(Number.NaN);
    this.barCount = new Int32Array(n);
    this.lastIndex = new Int32Array(n).fill(-1);
  }

  hasBar(symbol: number): boolean {
    return this.lastIndex[symbol] === this.index;
  }

  /**
   * Stores one symbol's bar of the slice being filled (called by the {@link SliceBuffer} for every bar it
   * receives, so the bars are copied once, not once into the slice and again here). The bar becomes
   * current with {@link MarketState.load}. Quotes are stored apart ({@link MarketState.storeQuotes}), once a
   * feed has sent any; until then the quote columns stay `NaN`.
   */
  store(s: number, index: number, open: number, high: number, low: number, close: number, volume: number): void {
    this.open[s] = open;
    this.high[s] = high;
    this.low[s] = low;
    this.close[s] = close;
    this.volume[s] = volume;
    this.barCount[s] = (this.barCount[s] as number) + 1;
    this.lastIndex[s] = index;
  }

  /** Stores the quotes of the bar just stored for symbol `s` (`NaN` where absent). */
  storeQuotes(s: number, bid: number, ask: number, bidSize: number, askSize: number): void {
    this.bid[s] = bid;
    this.ask[s] = ask;
    this.bidSize[s] = bidSize;
    this.askSize[s] = askSize;
  }

  /**
   * Makes a slice current and marks every symbol with a bar at its open. The bars themselves were stored
   * while the clock filled the slice (see {@link MarketState.store}).
   */
  load(slice: TimeSlice): void {
    this.timestamp = slice.timestamp;
    this.index = slice.index;
    const { symbolIds, open } = slice;
    const lastPrice = this.lastPrice;
    for (let i = 0, n = slice.size; i < n; i++) lastPrice[symbolIds[i] as number] = open[i] as number;
  }

  /** Moves the mark of every symbol with a bar to its close (before the strategy decides). */
  markCloses(slice: TimeSlice): void {
    const { symbolIds, close } = slice;
    for (let i = 0, n = slice.size; i < n; i++) {
      this.lastPrice[symbolIds[i] as number] = close[i] as number;
    }
  }
}
