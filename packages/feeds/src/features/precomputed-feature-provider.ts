import {
  ConfigError,
  type DataIssue,
  DataValidationError,
  type FeatureProvider,
  type SymbolId,
  type SymbolTable,
  type Timestamp,
} from '@ml4t/core';
import { IssueList } from '../validation/issue-list.js';
import type { FeatureRecord, FeatureTable, SymbolFeatureTable } from './feature-table.js';

/** Options of {@link PrecomputedFeatureProvider}. */
export interface FeatureProviderOptions {
  /**
   * Delay, in timestamps of the provider's own axis, before a value becomes visible: with `lag: 1` the value
   * stamped at the k-th timestamp is what strategies see at the (k+1)-th. The axis is the sorted union of every
   * table's timestamps, which equals bars when features are stamped on the bar calendar. Use it for features
   * stamped at the bar's open that are computed from its close, or to test a strategy's sensitivity to delay.
   * @defaultValue 0
   */
  readonly lag?: number;
}

/** Options of {@link PrecomputedFeatureProvider.assertPointInTime}. */
export interface PointInTimeCheckOptions {
  /**
   * Timestamps of the bars the features will be used on. When given, a feature stamped at a time with no bar
   * is an issue too (rule `unaligned-feature`): it would never be seen, which usually means a stamping
   * mistake such as features stamped at 16:00 for bars stamped at midnight.
   */
  readonly barTimestamps?: ArrayLike<number>;
}

const MAX_ISSUES = 1000;

/**
 * ML scores, per-symbol features and market-wide series (VIX, regime…) loaded up front and looked up point in
 * time in O(1): a timestamp → row map built once, and per feature one `Float64Array` indexed by
 * `row × nSymbols + symbolId` (re-laid out for the run's symbol ids by {@link PrecomputedFeatureProvider.bind}).
 *
 * A value stamped `t` is visible at exactly `t` (plus `lag` timestamps), never earlier and never at other
 * timestamps: no as-of fill, so a missing value is `NaN`, not a stale one. Before `bind`, symbol ids are
 * indices into {@link PrecomputedFeatureProvider.symbols}.
 *
 * @example
 * ```ts
 * const features = PrecomputedFeatureProvider.fromTables([readFeatureCsv('scores.csv'), readFeatureCsv('vix.csv')]);
 * const engine = new Engine({ ..., features });
 * ```
 */
export class PrecomputedFeatureProvider implements FeatureProvider {
  readonly featureNames: readonly string[];
  readonly marketFeatureNames: readonly string[];
  /** The provider's timestamp axis (sorted, distinct). */
  readonly timestamps: Float64Array;
  /** Symbols the features were loaded for, in order of first appearance. */
  readonly symbols: readonly string[];
  /** See {@link FeatureProviderOptions.lag}. */
  readonly lag: number;
  private readonly rowOf = new Map<number, number>();
  private readonly local = new Map<string, Float64Array>();
  private readonly market = new Map<string, Float64Array>();
  private readonly lookAhead: DataIssue[];
  private bound = new Map<string, Float64Array>();
  private width: number;
  private readonly buffers = new Map<string, Float64Array>();
  private lastTs = Number.NaN;
  private lastRow = -1;

  /**
   * @throws DataValidationError `bad-timestamp`, `not-finite` (±Infinity; `NaN` means no value),
   * `duplicate-feature` (two values for one timestamp, symbol and feature) or `length-mismatch`.
   * @throws ConfigError for a negative or fractional `lag`, or a name used both per symbol and market-wide.
   */
  constructor(tables: readonly FeatureTable[], options: FeatureProviderOptions = {}) {
    const lag = options.lag ?? 0;
    if (!Number.isInteger(lag) || lag < 0) {
      throw new ConfigError('features.lag', 'non-negative-integer', `must be an integer ≥ 0, got ${lag}`);
    }
    this.lag = lag;
    const issues = new IssueList(MAX_ISSUES);

    for (const t of tables) checkLengths(t);
    const axis = timestampAxis(tables, issues);
    this.timestamps = axis;
    for (let r = 0; r < axis.length; r++) this.rowOf.set(axis[r] as number, r);

    const symbols: string[] = [];
    const symbolIds = new Map<string, number>();
    for (const t of tables) {
      if (t.kind !== 'symbol') continue;
      for (const name of tableSymbols(t)) {
        if (!symbolIds.has(name)) {
          symbolIds.set(name, symbols.length);
          symbols.push(name);
        }
      }
    }
    this.symbols = symbols;
    this.width = symbols.length;
    const T = axis.length;
    const S = symbols.length;

    const symbolNames = new Set<string>();
    const marketNames = new Set<string>();
    for (const t of tables)
      for (const f of Object.keys(t.features)) (t.kind === 'symbol' ? symbolNames : marketNames).add(f);
    for (const f of symbolNames) {
      if (marketNames.has(f)) {
        throw new ConfigError(`features.${f}`, 'unique-name', 'is both a per-symbol and a market-wide feature');
      }
      this.local.set(f, new Float64Array(T * S).fill(Number.NaN));
    }
    for (const f of marketNames) this.market.set(f, new Float64Array(T).fill(Number.NaN));
    this.featureNames = [...symbolNames];
    this.marketFeatureNames = [...marketNames];

    const written = new Map<string, Uint8Array>();
    const lookAhead = new IssueList(MAX_ISSUES);
    for (const t of tables) {
      const ids = t.kind === 'symbol' ? tableSymbolIds(t, symbolIds) : undefined;
      const codes = ids?.codes;
      const remap = ids?.remap;
      for (const [name, values] of Object.entries(t.features)) {
        const target = (t.kind === 'symbol' ? this.local.get(name) : this.market.get(name)) as Float64Array;
        let seen = written.get(name);
        if (seen === undefined) {
          seen = new Uint8Array(target.length);
          written.set(name, seen);
        }
        for (let i = 0; i < t.timestamp.length && !issues.full; i++) {
          const row = this.rowOf.get(t.timestamp[i] as number);
          if (row === undefined) continue;
          const cell = codes && remap ? row * S + (remap[codes[i] as number] as number) : row;
          const v = values[i] as number;
          if (v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY) {
            issues.add(issue(t, i, name, 'not-finite', v, `${name} is ${v}`));
            continue;
          }
          if (seen[cell] === 1) {
            issues.add(
              issue(
                t,
                i,
                name,
                'duplicate-feature',
                t.timestamp[i] as number,
                `a second ${name} value at this timestamp`,
              ),
            );
            continue;
          }
          seen[cell] = 1;
          target[cell] = v;
        }
      }
      if (t.availableAt) this.checkAvailability(t, lookAhead);
    }
    if (issues.count > 0) throw new DataValidationError(issues.items);
    this.lookAhead = lookAhead.items;
    this.bound = this.local;
  }

  /** A provider from per-symbol and market-wide tables (see the constructor). */
  static fromTables(tables: readonly FeatureTable[], options: FeatureProviderOptions = {}): PrecomputedFeatureProvider {
    return new PrecomputedFeatureProvider(tables, options);
  }

  /**
   * A provider from records: those with a `symbol` give per-symbol features, the others market-wide ones.
   *
   * @example
   * ```ts
   * PrecomputedFeatureProvider.fromRecords([
   *   { timestamp: t0, symbol: 'AAPL', score: 0.4 },
   *   { timestamp: t0, vix: 18.2 },
   * ]);
   * ```
   */
  static fromRecords(
    records: readonly FeatureRecord[],
    options: FeatureProviderOptions = {},
  ): PrecomputedFeatureProvider {
    const perSymbol = records.filter((r) => r.symbol !== undefined);
    const marketWide = records.filter((r) => r.symbol === undefined);
    const tables: FeatureTable[] = [];
    if (perSymbol.length > 0) {
      tables.push({
        kind: 'symbol',
        file: 'records',
        timestamp: perSymbol.map((r) => r.timestamp),
        symbol: perSymbol.map((r) => r.symbol as string),
        features: columnsOf(perSymbol),
        ...availability(perSymbol),
      });
    }
    if (marketWide.length > 0) {
      tables.push({
        kind: 'market',
        file: 'records',
        timestamp: marketWide.map((r) => r.timestamp),
        features: columnsOf(marketWide),
        ...availability(marketWide),
      });
    }
    return new PrecomputedFeatureProvider(tables, options);
  }

  bind(symbols: SymbolTable): void {
    const n = symbols.size;
    const remap = Int32Array.from(this.symbols, (name) => symbols.id(name));
    const identity = n === this.symbols.length && remap.every((id, i) => id === i);
    this.width = n;
    this.buffers.clear();
    if (identity) {
      this.bound = this.local;
      return;
    }
    const T = this.timestamps.length;
    const S = this.symbols.length;
    const bound = new Map<string, Float64Array>();
    for (const [name, src] of this.local) {
      const dst = new Float64Array(T * n).fill(Number.NaN);
      for (let s = 0; s < S; s++) {
        const id = remap[s] as number;
        if (id < 0) continue;
        for (let r = 0; r < T; r++) dst[r * n + id] = src[r * S + s] as number;
      }
      bound.set(name, dst);
    }
    this.bound = bound;
  }

  value(ts: Timestamp, symbol: SymbolId, name: string): number {
    const row = this.visibleRow(ts);
    if (row < 0 || symbol < 0 || symbol >= this.width) return Number.NaN;
    const values = this.bound.get(name);
    return values === undefined ? Number.NaN : (values[row * this.width + symbol] as number);
  }

  /** The values of `name` visible at `ts`, indexed by symbol id, in a buffer reused by every call for `name`. */
  crossSection(ts: Timestamp, name: string): Float64Array | undefined {
    const row = this.visibleRow(ts);
    const values = this.bound.get(name);
    if (row < 0 || values === undefined) return undefined;
    const w = this.width;
    let out = this.buffers.get(name);
    if (out === undefined || out.length !== w) {
      out = new Float64Array(w);
      this.buffers.set(name, out);
    }
    const base = row * w;
    for (let s = 0; s < w; s++) out[s] = values[base + s] as number;
    return out;
  }

  marketValue(ts: Timestamp, name: string): number {
    const row = this.visibleRow(ts);
    const values = this.market.get(name);
    return row < 0 || values === undefined ? Number.NaN : (values[row] as number);
  }

  /**
   * Checks that no value is visible before it existed, and optionally that every feature timestamp has a bar.
   * A value is visible at the timestamp `lag` steps after its stamp; its `availableAt` (when the table gave
   * one) must not be later (rule `look-ahead`).
   *
   * @throws DataValidationError listing every violation.
   */
  assertPointInTime(options: PointInTimeCheckOptions = {}): void {
    const issues = new IssueList(MAX_ISSUES);
    for (const i of this.lookAhead) issues.add(i);
    if (options.barTimestamps !== undefined) {
      const bars = new Set<number>();
      for (let i = 0; i < options.barTimestamps.length; i++) bars.add(options.barTimestamps[i] as number);
      for (let r = 0; r < this.timestamps.length && !issues.full; r++) {
        const ts = this.timestamps[r] as number;
        if (!bars.has(ts)) {
          issues.add({
            column: 'timestamp',
            rule: 'unaligned-feature',
            value: new Date(ts).toISOString(),
            message: `features are stamped ${new Date(ts).toISOString()}, when there is no bar; they would never be seen`,
          });
        }
      }
    }
    if (issues.count > 0) throw new DataValidationError(issues.items);
  }

  private visibleRow(ts: Timestamp): number {
    if (ts !== this.lastTs) {
      const r = this.rowOf.get(ts);
      this.lastTs = ts;
      this.lastRow = r === undefined ? -1 : r - this.lag;
    }
    return this.lastRow;
  }

  private checkAvailability(t: FeatureTable, out: IssueList): void {
    const avail = t.availableAt as ArrayLike<number>;
    const symbolNames = t.kind === 'symbol' ? t.symbol : undefined;
    for (let i = 0; i < t.timestamp.length && !out.full; i++) {
      const row = this.rowOf.get(t.timestamp[i] as number);
      const a = avail[i] as number;
      if (row === undefined || Number.isNaN(a)) continue;
      const visible = this.timestamps[row + this.lag];
      if (visible !== undefined && a > visible) {
        const sym =
          symbolNames === undefined
            ? undefined
            : typeof symbolNames[i] === 'string'
              ? (symbolNames[i] as string)
              : t.kind === 'symbol'
                ? t.symbols?.[symbolNames[i] as number]
                : undefined;
        out.add({
          ...issue(t, i, 'availableAt', 'look-ahead', a, `known at ${iso(a)} but visible at ${iso(visible)}`),
          ...(sym !== undefined ? { symbol: sym } : {}),
        });
      }
    }
  }
}

function issue(t: FeatureTable, i: number, column: string, rule: string, value: number, message: string): DataIssue {
  return { ...(t.file !== undefined ? { file: t.file } : {}), row: i + 1, column, rule, value: String(value), message };
}

function iso(ts: number): string {
  return Number.isFinite(ts) ? new Date(ts).toISOString() : String(ts);
}

function checkLengths(t: FeatureTable): void {
  const n = t.timestamp.length;
  const cols: [string, ArrayLike<unknown> | undefined][] = [
    ['availableAt', t.availableAt],
    ...(t.kind === 'symbol' ? ([['symbol', t.symbol]] as [string, ArrayLike<unknown>][]) : []),
    ...Object.entries(t.features),
  ];
  for (const [column, arr] of cols) {
    if (arr !== undefined && arr.length !== n) {
      throw new DataValidationError({
        ...(t.file !== undefined ? { file: t.file } : {}),
        column,
        rule: 'length-mismatch',
        value: String(arr.length),
        message: `${column} has ${arr.length} values, timestamp has ${n}`,
      });
    }
  }
  if (t.kind === 'symbol' && t.symbol instanceof Int32Array && t.symbols === undefined) {
    throw new ConfigError('features.symbols', 'required', 'symbol indices need the symbols list');
  }
}

function tableSymbols(t: SymbolFeatureTable): readonly string[] {
  if (t.symbol instanceof Int32Array) return t.symbols ?? [];
  return [...new Set(t.symbol as readonly string[])];
}

/**
 * A table's symbol of each row as a code, and the provider's symbol id of each code: an index column is used as
 * it is (no per-row copy), names are looked up once per row.
 */
function tableSymbolIds(
  t: SymbolFeatureTable,
  ids: ReadonlyMap<string, number>,
): { readonly codes: Int32Array; readonly remap: Int32Array } {
  if (t.symbol instanceof Int32Array) {
    const names = t.symbols ?? [];
    const remap = new Int32Array(names.length);
    for (let s = 0; s < names.length; s++) remap[s] = ids.get(names[s] as string) as number;
    return { codes: t.symbol, remap };
  }
  // Plain loops: `Int32Array.from(source, map)` collects the mapped values in a JavaScript array first.
  const codes = new Int32Array(t.symbol.length);
  for (let i = 0; i < codes.length; i++) codes[i] = ids.get(t.symbol[i] as string) as number;
  const remap = new Int32Array(ids.size);
  for (let s = 0; s < remap.length; s++) remap[s] = s;
  return { codes, remap };
}

function columnsOf(records: readonly FeatureRecord[]): Record<string, Float64Array> {
  const names = new Set<string>();
  for (const r of records) {
    for (const [k, v] of Object.entries(r)) {
      if (k !== 'timestamp' && k !== 'symbol' && k !== 'availableAt' && typeof v === 'number') names.add(k);
    }
  }
  const out: Record<string, Float64Array> = {};
  for (const name of names)
    out[name] = Float64Array.from(records, (r) => (typeof r[name] === 'number' ? (r[name] as number) : Number.NaN));
  return out;
}

function availability(records: readonly FeatureRecord[]): { availableAt?: Float64Array } {
  if (!records.some((r) => r.availableAt !== undefined)) return {};
  return { availableAt: Float64Array.from(records, (r) => r.availableAt ?? Number.NaN) };
}

/**
 * The sorted distinct finite timestamps of every table; each non-finite one is a `bad-timestamp` issue. Long-format
 * tables repeat a timestamp once per symbol: only its distinct values are collected, not one per row.
 */
function timestampAxis(tables: readonly FeatureTable[], issues: IssueList): Float64Array {
  const seen = new Set<number>();
  const distinct: number[] = [];
  for (const t of tables) {
    let last = Number.NaN;
    for (let i = 0; i < t.timestamp.length; i++) {
      const ts = t.timestamp[i] as number;
      if (ts === last) continue;
      if (!Number.isFinite(ts)) {
        issues.add(issue(t, i, 'timestamp', 'bad-timestamp', ts, 'timestamp is not finite'));
        continue;
      }
      last = ts;
      if (!seen.has(ts)) {
        seen.add(ts);
        distinct.push(ts);
      }
    }
  }
  return Float64Array.from(distinct).sort();
}
