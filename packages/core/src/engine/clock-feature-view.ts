import type { FeatureProvider, FeatureView } from '../contracts/feature-provider.js';
import type { SymbolId, SymbolTable } from '../domain/symbol-table.js';
import type { Timestamp } from '../domain/timestamp.js';

/**
 * The engine's {@link FeatureView}: answers only for the timestamp the engine has set, so no caller can ask
 * for a later one. Without a provider every value is `NaN`.
 *
 * @internal
 */
export class ClockFeatureView implements FeatureView {
  timestamp: Timestamp = Number.NaN;

  constructor(
    private readonly provider: FeatureProvider | undefined,
    private readonly symbols: SymbolTable,
  ) {}

  get(symbol: SymbolId | string, name: string): number {
    if (this.provider === undefined) return Number.NaN;
    const id = typeof symbol === 'string' ? this.symbols.id(symbol) : symbol;
    if (id < 0) return Number.NaN;
    return this.provider.value(this.timestamp, id, name);
  }

  market(name: string): number {
    return this.provider === undefined ? Number.NaN : this.provider.marketValue(this.timestamp, name);
  }

  crossSection(name: string): Float64Array | undefined {
    const p = this.provider;
    if (p === undefined) return undefined;
    if (p.crossSection) return p.crossSection(this.timestamp, name);
    const out = new Float64Array(this.symbols.size);
    let any = false;
    for (let s = 0; s < out.length; s++) {
      const v = p.value(this.timestamp, s, name);
      out[s] = v;
      if (!Number.isNaN(v)) any = true;
    }
    return any ? out : undefined;
  }

  /** A view fixed at the current timestamp (for slice snapshots). */
  pin(): ClockFeatureView {
    const pinned = new ClockFeatureView(this.provider, this.symbols);
    pinned.timestamp = this.timestamp;
    return pinned;
  }
}
