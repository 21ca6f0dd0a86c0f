import { bar, type MarketEvent } from '../domain/market-event.js';
import type { SymbolId, SymbolTable } from '../domain/symbol-table.js';
import type { TimeSlice } from '../domain/time-slice.js';
import type { Timestamp } from '../domain/timestamp.js';
import { DataValidationError } from '../errors/data-validation-error.js';
import type { SliceWriter } from './clock.js';
import type { ClockFeatureView } from './clock-feature-view.js';
import type { MarketState } from './market-state.js';

const FIELDS = ['open', 'high', 'low', 'close', 'volume', 'bid', 'ask', 'bidSize', 'askSize'] as const;
const QUOTES = new Set<string>(['bid', 'ask', 'bidSize', 'askSize']);

/**
 * The reusable columns of one timestamp's bars: the clock fills it through {@link BarSink.push}, the engine
 * hands it to everyone as a {@link TimeSlice}. Grows as needed; never shrinks.
 *
 * @internal
 */
export class SliceBuffer implements TimeSlice, SliceWriter {
  timestamp: Timestamp = Number.NaN;
  index = -1;
  size = 0;
  symbolIds: Int32Array;
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
  bid: Float64Array;
  ask: Float64Array;
  bidSize: Float64Array;
  askSize: Float64Array;
  features: ClockFeatureView;
  /** Feed-local symbol index → run symbol id, for the feed being drained. */
  private remap: Int32Array = new Int32Array(0);
  private feedName = '';
  /** Row of each symbol in the current slice, valid when `rowStamp[s] === index`. */
  private readonly rows: Int32Array;
  private readonly rowStamp: Int32Array;
  /**
   * False until a feed pushes its first quote. Until then the quote columns (here and in the market state)
   * are all `NaN` from construction and pushes skip writing `NaN` over `NaN`: most bar data has no quotes.
   */
  private quoted = false;

  /**
   * @param market - where each pushed bar is also stored per symbol (the engine's market state), so bars
   * are copied once; `undefined` for a detached buffer (snapshots, tests).
   */
  constructor(
    readonly symbols: SymbolTable,
    features: ClockFeatureView,
    capacity = 64,
    private readonly market?: MarketState,
  ) {
    this.features = features;
    this.symbolIds = new Int32Array(capacity);
    this.open = new Float64Array(capacity);
    this.high = new Float64Array(capacity);
    this.low = new Float64Array(capacity);
    this.close = new Float64Array(capacity);
    this.volume = new Float64Array(capacity);
    this.bid = new Float64Array(capacity).fill(Number.NaN);
    this.ask = new Float64Array(capacity).fill(Number.NaN);
    this.bidSize = new Float64Array(capacity).fill(Number.NaN);
    this.askSize = new Float64Array(capacity).fill(Number.NaN);
    this.rows = new Int32Array(Math.max(1, symbols.size));
    this.rowStamp = new Int32Array(Math.max(1, symbols.size)).fill(-1);
  }

  /** Starts a new slice at `ts`. */
  begin(ts: Timestamp, index: number): void {
    this.timestamp = ts;
    this.index = index;
    this.size = 0;
  }

  /** Selects the feed whose bars are pushed next. */
  useFeed(name: string, remap: Int32Array): void {
    this.feedName = name;
    this.remap = remap;
  }

  push(
    symbol: number,
    open: number,
    high: number,
    low: number,
    close: number,
    volume: number,
    bid: number,
    ask: number,
    bidSize: number,
    askSize: number,
  ): void {
    const sid = this.remap[symbol];
    if (sid === undefined) throw this.unknownSymbol(symbol);
    if (this.rowStamp[sid] === this.index) throw this.duplicateBar(sid);
    let i = this.size;
    if (i === this.symbolIds.length) this.grow();
    this.rowStamp[sid] = this.index;
    this.rows[sid] = i;
    this.symbolIds[i] = sid;
    this.open[i] = open;
    this.high[i] = high;
    this.low[i] = low;
    this.close[i] = close;
    this.volume[i] = volume;
    const market = this.market;
    market?.store(sid, this.index, open, high, low, close, volume);
    if (this.quoted || !(Number.isNaN(bid) && Number.isNaN(ask) && Number.isNaN(bidSize) && Number.isNaN(askSize))) {
      this.quoted = true;
      this.bid[i] = bid;
      this.ask[i] = ask;
      this.bidSize[i] = bidSize;
      this.askSize[i] = askSize;
      market?.storeQuotes(sid, bid, ask, bidSize, askSize);
    }
    this.size = ++i;
  }

  rowOf(symbol: SymbolId): number {
    return this.rowStamp[symbol] === this.index ? (this.rows[symbol] as number) : -1;
  }

  bar(i: number): MarketEvent {
    if (i < 0 || i >= this.size) throw new RangeError(`row ${i} outside slice of ${this.size} bars`);
    return bar({
      timestamp: this.timestamp,
      symbol: this.symbols.name(this.symbolIds[i] as number),
      open: this.open[i] as number,
      high: this.high[i] as number,
      low: this.low[i] as number,
      close: this.close[i] as number,
      volume: this.volume[i] as number,
      bid: this.bid[i] as number,
      ask: this.ask[i] as number,
      bidSize: this.bidSize[i] as number,
      askSize: this.askSize[i] as number,
    });
  }

  snapshot(): TimeSlice {
    const copy = new SliceBuffer(this.symbols, this.features.pin(), Math.max(1, this.size));
    copy.begin(this.timestamp, this.index);
    copy.useFeed(this.feedName, identity(this.symbols.size));
    for (let i = 0; i < this.size; i++) {
      copy.push(
        this.symbolIds[i] as number,
        this.open[i] as number,
        this.high[i] as number,
        this.low[i] as number,
        this.close[i] as number,
        this.volume[i] as number,
        this.bid[i] as number,
        this.ask[i] as number,
        this.bidSize[i] as number,
        this.askSize[i] as number,
      );
    }
    return copy;
  }

  pushBars(
    symbol: Int32Array,
    open: Float64Array,
    high: Float64Array,
    low: Float64Array,
    close: Float64Array,
    volume: Float64Array,
    from: number,
    to: number,
  ): void {
    if (this.quoted) {
      // Earlier quotes must be overwritten with NaN: the per-bar path does that.
      const nan = Number.NaN;
      for (let k = from; k < to; k++) {
        this.push(
          symbol[k] as number,
          open[k] as number,
          high[k] as number,
          low[k] as number,
          close[k] as number,
          volume[k] as number,
          nan,
          nan,
          nan,
          nan,
        );
      }
      return;
    }
    let i = this.size;
    while (i + (to - from) > this.symbolIds.length) this.grow();
    const { remap, rowStamp, rows, index, market } = this;
    const ids = this.symbolIds;
    const o = this.open;
    const h = this.high;
    const l = this.low;
    const c = this.close;
    const v = this.volume;
    for (let k = from; k < to; k++) {
      const sid = remap[symbol[k] as number];
      if (sid === undefined) throw this.unknownSymbol(symbol[k] as number);
      if (rowStamp[sid] === index) throw this.duplicateBar(sid);
      rowStamp[sid] = index;
      rows[sid] = i;
      ids[i] = sid;
      const bo = open[k] as number;
      const bh = high[k] as number;
      const bl = low[k] as number;
      const bc = close[k] as number;
      const bv = volume[k] as number;
      o[i] = bo;
      h[i] = bh;
      l[i] = bl;
      c[i] = bc;
      v[i] = bv;
      market?.store(sid, index, bo, bh, bl, bc, bv);
      i++;
    }
    this.size = i;
  }

  private unknownSymbol(symbol: number): DataValidationError {
    return new DataValidationError({
      file: this.feedName,
      column: 'symbol',
      rule: 'unknown-symbol',
      value: String(symbol),
      message: `feed pushed symbol index ${symbol}, outside its symbols list`,
    });
  }

  private duplicateBar(sid: number): DataValidationError {
    const at = new Date(this.timestamp).toISOString();
    return new DataValidationError({
      file: this.feedName,
      column: 'timestamp',
      symbol: this.symbols.name(sid),
      rule: 'duplicate-bar',
      value: at,
      message: `two bars for ${this.symbols.name(sid)} at ${at}`,
    });
  }

  private grow(): void {
    const cap = this.symbolIds.length * 2;
    const ids = new Int32Array(cap);
    ids.set(this.symbolIds);
    this.symbolIds = ids;
    for (const f of FIELDS) {
      const next = new Float64Array(cap);
      if (QUOTES.has(f)) next.fill(Number.NaN);
      next.set(this[f]);
      this[f] = next;
    }
  }
}

function identity(n: number): Int32Array {
  const a = new Int32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  return a;
}
