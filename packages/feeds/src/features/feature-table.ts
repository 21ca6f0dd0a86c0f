/**
 * Per-symbol features in long format: row `i` holds the features of symbol `symbol[i]` stamped `timestamp[i]`
 * (epoch ms). `NaN` means "no value".
 */
export interface SymbolFeatureTable {
  readonly kind: 'symbol';
  readonly timestamp: ArrayLike<number>;
  /** Symbol of each row: names, or indices into {@link SymbolFeatureTable.symbols}. */
  readonly symbol: readonly string[] | Int32Array;
  /** Required when `symbol` holds indices. */
  readonly symbols?: readonly string[];
  /** Feature name → one value per row. */
  readonly features: Readonly<Record<string, ArrayLike<number>>>;
  /**
   * When each row's values became known (epoch ms), for {@link PrecomputedFeatureProvider.assertPointInTime};
   * omitted means "at `timestamp`".
   */
  readonly availableAt?: ArrayLike<number>;
  /** Source name for issues. */
  readonly file?: string;
}

/** Market-wide features (VIX, regime…): row `i` holds the values stamped `timestamp[i]`. */
export interface MarketFeatureTable {
  readonly kind: 'market';
  readonly timestamp: ArrayLike<number>;
  readonly features: Readonly<Record<string, ArrayLike<number>>>;
  readonly availableAt?: ArrayLike<number>;
  readonly file?: string;
}

/** Input of {@link PrecomputedFeatureProvider}: per-symbol or market-wide features. */
export type FeatureTable = SymbolFeatureTable | MarketFeatureTable;

/**
 * One feature record: with a `symbol` its other numeric fields are per-symbol features, without one they are
 * market-wide. `availableAt` (epoch ms) is optional, as in {@link SymbolFeatureTable}.
 */
export interface FeatureRecord {
  readonly timestamp: number;
  readonly symbol?: string;
  readonly availableAt?: number;
  readonly [feature: string]: number | string | undefined;
}
