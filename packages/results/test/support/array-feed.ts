import { type DataFeed, type MarketEvent, toIso } from '@ml4t/core';
import { Observable } from 'rxjs';

/** A minimal in-memory {@link DataFeed} over bars sorted by time (slow path only). */
export class ArrayFeed implements DataFeed {
  readonly symbols: readonly string[];
  private pos = 0;

  constructor(
    readonly name: string,
    private readonly events: readonly MarketEvent[],
  ) {
    this.symbols = [...new Set(events.map((e) => e.symbol))];
    for (let i = 1; i < events.length; i++) {
      if ((events[i] as MarketEvent).timestamp < (events[i - 1] as MarketEvent).timestamp) {
        throw new RangeError(`${name}: bars out of order at ${toIso((events[i] as MarketEvent).timestamp)}`);
      }
    }
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
