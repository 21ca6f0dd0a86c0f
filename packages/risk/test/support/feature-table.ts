import type { FeatureProvider, SymbolId, SymbolTable, Timestamp } from '@ml4t/core';

/**
 * A tiny point-in-time FeatureProvider for tests: per-symbol and market series keyed by exact timestamp
 * (`NaN` where nothing is stamped), answered in O(1) through maps.
 */
export class FeatureTable implements FeatureProvider {
  readonly featureNames: readonly string[];
  readonly marketFeatureNames: readonly string[];
  private ids: SymbolTable | undefined;

  constructor(
    private readonly perSymbol: Readonly<Record<string, Readonly<Record<string, ReadonlyMap<Timestamp, number>>>>> = {},
    private readonly marketSeries: Readonly<Record<string, ReadonlyMap<Timestamp, number>>> = {},
  ) {
    this.featureNames = [...new Set(Object.values(perSymbol).flatMap((f) => Object.keys(f)))];
    this.marketFeatureNames = Object.keys(marketSeries);
  }

  bind(symbols: SymbolTable): void {
    this.ids = symbols;
  }

  value(ts: Timestamp, symbol: SymbolId, name: string): number {
    const sym = this.ids?.name(symbol);
    return (sym === undefined ? undefined : this.perSymbol[sym]?.[name]?.get(ts)) ?? Number.NaN;
  }

  marketValue(ts: Timestamp, name: string): number {
    return this.marketSeries[name]?.get(ts) ?? Number.NaN;
  }
}

/** A series stamped on consecutive days from `t0`. */
export function daily(t0: number, day: number, values: readonly number[]): Map<Timestamp, number> {
  return new Map(values.map((v, i) => [t0 + i * day, v]));
}
