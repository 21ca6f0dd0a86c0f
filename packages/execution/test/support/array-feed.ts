import { bar, type DataFeed, type MarketEvent } from '@ml4t/core';
import { Observable } from 'rxjs';

/** One bar as a tuple-ish input for tests. */
export interface TestBar {
  readonly t: number;
  readonly symbol?: string;
  readonly o: number;
  readonly h: number;
  readonly l: number;
  readonly c: number;
  readonly v?: number;
  readonly bid?: number;
  readonly ask?: number;
}

export const DAY = 86_400_000;
export const T0 = Date.UTC(2020, 0, 2);

/** Builds market events (symbol `A` unless given; volume 1,000,000 unless given). */
export function toEvents(bars: readonly TestBar[]): MarketEvent[] {
  return bars.map((b) =>
    bar({
      timestamp: T0 + b.t * DAY,
      symbol: b.symbol ?? 'A',
      open: b.o,
      high: b.h,
      low: b.l,
      close: b.c,
      volume: b.v ?? 1_000_000,
      ...(b.bid !== undefined ? { bid: b.bid } : {}),
      ...(b.ask !== undefined ? { ask: b.ask } : {}),
    }),
  );
}

/** Daily bars of symbol `A` from OHLC tuples, one day apart starting at T0. */
export function daily(rows: readonly (readonly [number, number, number, number])[], volume = 1_000_000): TestBar[] {
  return rows.map(([o, h, l, c], t) => ({ t, o, h, l, c, v: volume }));
}

/** A minimal DataFeed over an array of bars (sorted by time, then the given order). */
export class ArrayFeed implements DataFeed {
  readonly symbols: readonly string[];
  private pos = 0;
  private readonly events: readonly MarketEvent[];

  constructor(
    readonly name: string,
    events: readonly MarketEvent[],
  ) {
    this.events = [...events].sort((a, b) => a.timestamp - b.timestamp);
    this.symbols = [...new Set(this.events.map((e) => e.symbol))];
  }

  get isExhausted(): boolean {
    return this.pos >= this.events.length;
  }

  peekNextTimestamp(): number {
    return this.events[this.pos]?.timestamp ?? Number.POSITIVE_INFINITY;
  }

  next(): MarketEvent | undefined {
    const e = this.events[this.pos];
    if (e !== undefined) this.pos += 1;
    return e;
  }

  reset(): void {
    this.pos = 0;
  }

  seek(ts: number): void {
    this.pos = this.events.findIndex((e) => e.timestamp >= ts);
    if (this.pos < 0) this.pos = this.events.length;
  }

  toObservable(): Observable<MarketEvent> {
    return new Observable((sub) => {
      for (let e = this.next(); e !== undefined; e = this.next()) sub.next(e);
      sub.complete();
    });
  }
}
