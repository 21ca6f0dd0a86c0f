import type { BarColumns } from './bar-columns.js';

/**
 * The row order that sorts bars by timestamp, then by symbol index: a stable permutation of the rows whose
 * `keep` flag is set (every row when `keep` is omitted).
 *
 * Runs in O(n log u) for u distinct timestamps (two stable counting-sort passes), and returns the identity
 * without sorting when the rows are already in order.
 */
export function sortOrder(timestamp: Float64Array, symbol: Int32Array, keep?: Uint8Array): Int32Array {
  const n = timestamp.length;
  let kept = 0;
  let sorted = true;
  let prevTs = Number.NEGATIVE_INFINITY;
  let prevSym = -1;
  let maxSym = 0;
  for (let i = 0; i < n; i++) {
    if (keep && keep[i] === 0) continue;
    kept++;
    const t = timestamp[i] as number;
    const s = symbol[i] as number;
    if (s > maxSym) maxSym = s;
    if (t < prevTs || (t === prevTs && s <= prevSym)) sorted = false;
    prevTs = t;
    prevSym = s;
  }
  const rows = new Int32Array(kept);
  let k = 0;
  for (let i = 0; i < n; i++) if (keep?.[i] !== 0) rows[k++] = i;
  if (sorted) return rows;

  // Distinct timestamps, then each row's rank among them.
  const uniq = new Float64Array(kept);
  for (let j = 0; j < kept; j++) uniq[j] = timestamp[rows[j] as number] as number;
  uniq.sort();
  let u = 0;
  for (let j = 0; j < kept; j++) {
    const t = uniq[j] as number;
    if (u === 0 || t !== uniq[u - 1]) uniq[u++] = t;
  }
  const rank = new Int32Array(kept);
  for (let j = 0; j < kept; j++) rank[j] = lowerBound(uniq, u, timestamp[rows[j] as number] as number);

  // LSD radix: stable by symbol, then stable by timestamp rank.
  const bySymbol = countingSort(rows.length, maxSym + 1, (j) => symbol[rows[j] as number] as number);
  const byTime = countingSort(kept, u, (j) => rank[bySymbol[j] as number] as number);
  const out = new Int32Array(kept);
  for (let j = 0; j < kept; j++) out[j] = rows[bySymbol[byTime[j] as number] as number] as number;
  return out;
}

/** Index of the first element ≥ `x` among the first `n` elements of sorted `a`. */
export function lowerBound(a: Float64Array, n: number, x: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A stable permutation of 0 … n−1 ordering positions by `key(position)` in [0, buckets). */
function countingSort(n: number, buckets: number, key: (j: number) => number): Int32Array {
  const start = new Int32Array(buckets + 1);
  for (let j = 0; j < n; j++) {
    const b = key(j) + 1;
    start[b] = (start[b] as number) + 1;
  }
  for (let b = 0; b < buckets; b++) start[b + 1] = (start[b + 1] as number) + (start[b] as number);
  const out = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    const b = key(j);
    const at = start[b] as number;
    out[at] = j;
    start[b] = at + 1;
  }
  return out;
}

/** A new table holding the rows of `bars` listed in `rows`, in that order. */
export function takeRows(bars: BarColumns, rows: Int32Array): BarColumns {
  const n = rows.length;
  const pick = (src: Float64Array): Float64Array => {
    const dst = new Float64Array(n);
    for (let j = 0; j < n; j++) dst[j] = src[rows[j] as number] as number;
    return dst;
  };
  const symbol = new Int32Array(n);
  for (let j = 0; j < n; j++) symbol[j] = bars.symbol[rows[j] as number] as number;
  return {
    symbols: bars.symbols,
    timestamp: pick(bars.timestamp),
    symbol,
    open: pick(bars.open),
    high: pick(bars.high),
    low: pick(bars.low),
    close: pick(bars.close),
    volume: pick(bars.volume),
    ...(bars.bid ? { bid: pick(bars.bid) } : {}),
    ...(bars.ask ? { ask: pick(bars.ask) } : {}),
    ...(bars.bidSize ? { bidSize: pick(bars.bidSize) } : {}),
    ...(bars.askSize ? { askSize: pick(bars.askSize) } : {}),
  };
}

/**
 * Concatenates several tables into one sorted by (timestamp, symbol), with one symbol list: the union of the
 * parts' symbols in order of first appearance across `parts`.
 *
 * A quote column present in any part is kept; rows of parts without it get `NaN`. Duplicate
 * (timestamp, symbol) rows across parts are kept as they are: validate the parts first.
 */
export function mergeBars(parts: readonly BarColumns[]): BarColumns {
  const names: string[] = [];
  const ids = new Map<string, number>();
  let n = 0;
  for (const part of parts) {
    n += part.timestamp.length;
    for (const name of part.symbols) {
      if (!ids.has(name)) {
        ids.set(name, names.length);
        names.push(name);
      }
    }
  }
  const has = (f: 'bid' | 'ask' | 'bidSize' | 'askSize'): boolean => parts.some((p) => p[f] !== undefined);
  const col = (): Float64Array => new Float64Array(n);
  const quote = (f: 'bid' | 'ask' | 'bidSize' | 'askSize'): Float64Array | undefined =>
    has(f) ? new Float64Array(n).fill(Number.NaN) : undefined;
  const out = {
    timestamp: col(),
    symbol: new Int32Array(n),
    open: col(),
    high: col(),
    low: col(),
    close: col(),
    volume: col(),
    bid: quote('bid'),
    ask: quote('ask'),
    bidSize: quote('bidSize'),
    askSize: quote('askSize'),
  };
  let at = 0;
  for (const part of parts) {
    const remap = Int32Array.from(part.symbols, (name) => ids.get(name) as number);
    const m = part.timestamp.length;
    out.timestamp.set(part.timestamp, at);
    for (let j = 0; j < m; j++) out.symbol[at + j] = remap[part.symbol[j] as number] as number;
    out.open.set(part.open, at);
    out.high.set(part.high, at);
    out.low.set(part.low, at);
    out.close.set(part.close, at);
    out.volume.set(part.volume, at);
    if (out.bid && part.bid) out.bid.set(part.bid, at);
    if (out.ask && part.ask) out.ask.set(part.ask, at);
    if (out.bidSize && part.bidSize) out.bidSize.set(part.bidSize, at);
    if (out.askSize && part.askSize) out.askSize.set(part.askSize, at);
    at += m;
  }
  const merged: BarColumns = {
    symbols: names,
    timestamp: out.timestamp,
    symbol: out.symbol,
    open: out.open,
    high: out.high,
    low: out.low,
    close: out.close,
    volume: out.volume,
    ...(out.bid ? { bid: out.bid } : {}),
    ...(out.ask ? { ask: out.ask } : {}),
    ...(out.bidSize ? { bidSize: out.bidSize } : {}),
    ...(out.askSize ? { askSize: out.askSize } : {}),
  };
  const order = sortOrder(merged.timestamp, merged.symbol);
  return isIdentity(order) ? merged : takeRows(merged, order);
}

function isIdentity(order: Int32Array): boolean {
  for (let j = 0; j < order.length; j++) if (order[j] !== j) return false;
  return true;
}

/** `bars` without the symbols that have no row (ids renumbered, order kept); `bars` itself when all are used. */
export function compactSymbols(bars: BarColumns): BarColumns {
  const used = new Uint8Array(bars.symbols.length);
  for (let i = 0; i < bars.symbol.length; i++) used[bars.symbol[i] as number] = 1;
  if (used.every((u) => u === 1)) return bars;
  const remap = new Int32Array(bars.symbols.length).fill(-1);
  const symbols: string[] = [];
  for (let s = 0; s < used.length; s++) {
    if (used[s] === 1) {
      remap[s] = symbols.length;
      symbols.push(bars.symbols[s] as string);
    }
  }
  const symbol = new Int32Array(bars.symbol.length);
  for (let i = 0; i < symbol.length; i++) symbol[i] = remap[bars.symbol[i] as number] as number;
  return { ...bars, symbols, symbol };
}
