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

  /** Loads a slice's bars and marks every symbol with a bar at its open. */
  load(slice: TimeSlice): void {
    this.timestamp = slice.timestamp;
    this.index = slice.index;
    const { symbolIds, open, high, low, close, volume, bid, ask, bidSize, askSize } = slice;
    for (let i = 0, n = slice.size; i < n; i++) {
      const s = symbolIds[i] as number;
      const o = open[i] as number;
      this.open[s] = o;
      this.high[s] = high[i] as number;
      this.low[s] = low[i] as number;
      this.close[s] = close[i] as number;
      this.volume[s] = volume[i] as number;
      this.bid[s] = bid[i] as number;
      this.ask[s] = ask[i] as number;
      this.bidSize[s] = bidSize[i] as number;
      this.askSize[s] = askSize[i] as number;
      this.lastPrice[s] = o;
      this.barCount[s] = (this.barCount[s] as number) + 1;
      this.lastIndex[s] = slice.index;
    }
  }

  /** Moves the mark of every symbol with a bar to its close (before the strategy decides). */
  markCloses(slice: TimeSlice): void {
    const { symbolIds, close } = slice;
    for (let i = 0, n = slice.size; i < n; i++) {
      this.lastPrice[symbolIds[i] as number] = close[i] as number;
    }
  }
}
