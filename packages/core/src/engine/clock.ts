import type { BarSink, DataFeed } from '../contracts/data-feed.js';
import type { SymbolTable } from '../domain/symbol-table.js';
import type { Timestamp } from '../domain/timestamp.js';
import { DataValidationError } from '../errors/data-validation-error.js';

/** Where the {@link Clock} writes one timestamp's bars: a {@link BarSink} that knows which feed is pushing. */
export interface SliceWriter extends BarSink {
  /** Starts the slice of timestamp `ts`, the `index`-th of the run. */
  begin(ts: Timestamp, index: number): void;
  /** Selects the feed pushing next; `remap` maps the feed's symbol indices to run symbol ids. */
  useFeed(name: string, remap: Int32Array): void;
}

/**
 * Merges many {@link DataFeed}s into one sequence of timestamps (a k-way merge). For each timestamp it drains
 * every feed whose next bar is stamped then, in registration order, so ties are FIFO by feed and then by the
 * feed's own order. Registers every feed's symbols in the run's {@link SymbolTable}, in feed order.
 */
export class Clock {
  private readonly remaps: Int32Array[];
  private readonly lookups: Map<string, number>[];
  private last: Timestamp = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly feeds: readonly DataFeed[],
    symbols: SymbolTable,
  ) {
    this.remaps = feeds.map((feed) => Int32Array.from(feed.symbols, (name) => symbols.register(name)));
    this.lookups = feeds.map((feed) => new Map(feed.symbols.map((name, i) => [name, i])));
  }

  /** Timestamp of the next slice, or `Infinity` when every feed is exhausted. */
  peek(): Timestamp {
    let min = Number.POSITIVE_INFINITY;
    for (const feed of this.feeds) {
      const ts = feed.peekNextTimestamp();
      if (ts < min) min = ts;
    }
    return min;
  }

  /**
   * Fills `buffer` with every bar of the next timestamp. Returns false (and leaves the buffer alone) when all
   * feeds are exhausted.
   *
   * @throws DataValidationError when a feed goes back in time, reports a non-finite timestamp, or fails to advance.
   */
  fill(buffer: SliceWriter, index: number): boolean {
    const ts = this.peek();
    if (ts === Number.POSITIVE_INFINITY) return false;
    if (!Number.isFinite(ts)) throw badTime('clock', ts, 'not-finite', 'timestamp is not a finite number');
    if (ts <= this.last) throw badTime('clock', ts, 'unsorted', `timestamps go back or repeat after ${iso(this.last)}`);
    buffer.begin(ts, index);
    for (let f = 0; f < this.feeds.length; f++) {
      const feed = this.feeds[f] as DataFeed;
      if (feed.peekNextTimestamp() !== ts) continue;
      buffer.useFeed(feed.name, this.remaps[f] as Int32Array);
      if (feed.drain) {
        feed.drain(ts, buffer);
      } else {
        const lookup = this.lookups[f] as Map<string, number>;
        while (feed.peekNextTimestamp() === ts) {
          const e = feed.next();
          if (e === undefined) break;
          const local = lookup.get(e.symbol);
          if (local === undefined) {
            throw new DataValidationError({
              file: feed.name,
              column: 'symbol',
              symbol: e.symbol,
              rule: 'unknown-symbol',
              value: e.symbol,
              message: `bar for ${e.symbol}, which is not in the feed's symbols list`,
            });
          }
          buffer.push(local, e.open, e.high, e.low, e.close, e.volume, e.bid, e.ask, e.bidSize, e.askSize);
        }
      }
      const after = feed.peekNextTimestamp();
      if (after === ts) throw badTime(feed.name, ts, 'stalled', `feed ${feed.name} did not advance past ${iso(ts)}`);
      if (after < ts)
        throw badTime(feed.name, after, 'unsorted', `feed ${feed.name} goes back to ${iso(after)} after ${iso(ts)}`);
    }
    this.last = ts;
    return true;
  }

  /** Rewinds every feed. */
  reset(): void {
    for (const feed of this.feeds) feed.reset();
    this.last = Number.NEGATIVE_INFINITY;
  }
}

function badTime(file: string, ts: number, rule: string, message: string): DataValidationError {
  return new DataValidationError({ file, column: 'timestamp', rule, value: String(ts), message });
}

function iso(ts: number): string {
  return Number.isFinite(ts) ? new Date(ts).toISOString() : String(ts);
}
