import { bar, type DataFeed, type MarketEvent } from '@ml4t/core';
import { Observable } from 'rxjs';

export const DAY = 86_400_000;
export const T0 = Date.UTC(2024, 0, 2);

/** A minimal in-memory DataFeed over bars sorted by time (slow path only). */
export class ArrayFeed implements DataFeed {
  readonly name = 'test-feed';
  readonly symbols: readonly string[];
  private pos = 0;

  constructor(private readonly events: readonly MarketEvent[]) {
    this.symbols = [...new Set(events.map((e) => e.symbol))];
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
    const i = this.events.findIndex((e) => e.timestamp >= ts);
    this.pos = i < 0 ? this.events.length : i;
  }

  toObservable(): Observable<MarketEvent> {
    return new Observable((sub) => {
      for (let e = this.next(); e !== undefined; e = this.next()) sub.next(e);
      sub.complete();
    });
  }
}

/** Daily bars for several symbols: `rows[i][symbol] = [open, high, low, close]` on day i. */
export function dailyBars(
  rows: readonly Readonly<Record<string, readonly [number, number, number, number]>>[],
): ArrayFeed {
  const events: MarketEvent[] = [];
  rows.forEach((row, i) => {
    for (const [symbol, [open, high, low, close]] of Object.entries(row)) {
      events.push(bar({ timestamp: T0 + i * DAY, symbol, open, high, low, close, volume: 1_000_000 }));
    }
  });
  return new ArrayFeed(events);
}

/** Flat bars (O = H = L = C) from closes. */
export function flat(closes: readonly number[]): [number, number, number, number][] {
  return closes.map((c) => [c, c, c, c]);
}
