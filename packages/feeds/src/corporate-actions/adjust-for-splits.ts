import type { CorporateAction } from '@ml4t/core';
import type { BarColumns } from '../columnar/bar-columns.js';

/**
 * Back-adjusts bars for splits: every price stamped before a split's ex-date is divided by the split ratio
 * (and volume and quote sizes multiplied by it), so the series is continuous through the split.
 *
 * Use it for indicators computed on history; do NOT also pass the splits to the engine for adjusted bars
 * (the engine applies splits to positions, which is only right for unadjusted prices). Dividends are ignored.
 * Returns new columns; the input is unchanged.
 */
export function adjustForSplits(bars: BarColumns, actions: readonly CorporateAction[]): BarColumns {
  const bySymbol = new Map<number, { ts: number[]; factor: number[] }>();
  for (const symbolName of new Set(actions.filter((a) => a.kind === 'split').map((a) => a.symbol))) {
    const s = bars.symbols.indexOf(symbolName);
    if (s < 0) continue;
    const splits = actions
      .filter((a) => a.kind === 'split' && a.symbol === symbolName)
      .sort((a, b) => a.timestamp - b.timestamp);
    // factor[k] = product of the ratios of splits k… (those a bar before splits[k] must be divided by).
    const factor = new Array<number>(splits.length + 1).fill(1);
    for (let k = splits.length - 1; k >= 0; k--) {
      const split = splits[k];
      factor[k] = (factor[k + 1] as number) * (split?.kind === 'split' ? split.ratio : 1);
    }
    bySymbol.set(s, { ts: splits.map((a) => a.timestamp), factor });
  }
  const n = bars.timestamp.length;
  const copy = (x: Float64Array | undefined): Float64Array | undefined => x?.slice();
  const out = {
    open: bars.open.slice(),
    high: bars.high.slice(),
    low: bars.low.slice(),
    close: bars.close.slice(),
    volume: bars.volume.slice(),
    bid: copy(bars.bid),
    ask: copy(bars.ask),
    bidSize: copy(bars.bidSize),
    askSize: copy(bars.askSize),
  };
  for (let i = 0; i < n; i++) {
    const adj = bySymbol.get(bars.symbol[i] as number);
    if (adj === undefined) continue;
    const t = bars.timestamp[i] as number;
    let k = 0;
    while (k < adj.ts.length && (adj.ts[k] as number) <= t) k++;
    const f = adj.factor[k] as number;
    if (f === 1) continue;
    for (const col of [out.open, out.high, out.low, out.close, out.bid, out.ask])
      if (col) col[i] = (col[i] as number) / f;
    for (const col of [out.volume, out.bidSize, out.askSize]) if (col) col[i] = (col[i] as number) * f;
  }
  return {
    symbols: bars.symbols,
    timestamp: bars.timestamp,
    symbol: bars.symbol,
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
}
