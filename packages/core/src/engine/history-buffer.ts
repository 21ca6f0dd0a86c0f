import type { HistoryView } from '../contracts/history-view.js';
import type { SymbolId } from '../domain/symbol-table.js';
import type { TimeSlice } from '../domain/time-slice.js';

/**
 * Ring buffers of the last `length` closes per symbol (symbol-major), fed once per slice.
 *
 * @internal
 */
export class HistoryBuffer implements HistoryView {
  private readonly data: Float64Array;
  private readonly counts: Int32Array;

  constructor(
    readonly length: number,
    symbolCount: number,
  ) {
    this.data = new Float64Array(Math.max(0, length) * Math.max(1, symbolCount));
    this.counts = new Int32Array(Math.max(1, symbolCount));
  }

  /** Appends the closes of a slice. */
  record(slice: TimeSlice): void {
    const n = this.length;
    if (n === 0) return;
    const { symbolIds, close } = slice;
    for (let i = 0; i < slice.size; i++) {
      const s = symbolIds[i] as number;
      const c = this.counts[s] as number;
      this.data[s * n + (c % n)] = close[i] as number;
      this.counts[s] = c + 1;
    }
  }

  close(symbol: SymbolId, lag = 0): number {
    const n = this.length;
    const c = this.counts[symbol] ?? 0;
    if (lag < 0 || lag >= n || lag >= c) return Number.NaN;
    return this.data[symbol * n + ((c - 1 - lag) % n)] as number;
  }

  closes(symbol: SymbolId, count: number): Float64Array {
    const available = Math.min(count, this.length, this.counts[symbol] ?? 0);
    const out = new Float64Array(Math.max(0, available));
    for (let k = 0; k < available; k++) out[k] = this.close(symbol, available - 1 - k);
    return out;
  }
}
