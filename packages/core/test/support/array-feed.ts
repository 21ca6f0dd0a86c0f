import { Observable } from 'rxjs';
import type { DataFeed, MarketEvent } from '../../src/index.js';

/** A minimal DataFeed over an array of bars (slow path only: no `drain`). */
export class ArrayFeed implements DataFeed {
  readonly symbols: readonly string[];
  private pos = 0;

  constructor(
    readonly name: string,
    private readonly events: readonly MarketEvent[],
  ) {
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
