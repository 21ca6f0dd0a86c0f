import type { BarColumns } from '@ml4t/feeds';

const DAY_MS = 86_400_000;
const START = Date.UTC(2020, 0, 1);

/**
 * A full panel of daily bars from per-symbol open and close paths (`opens[s][t]`, `closes[s][t]`), in
 * (timestamp, symbol) order; high and low bracket open and close, volume is 1,000,000.
 */
export function panel(opens: readonly (readonly number[])[], closes: readonly (readonly number[])[]): BarColumns {
  const n = closes.length;
  const steps = closes[0]?.length ?? 0;
  const rows = n * steps;
  const timestamp = new Float64Array(rows);
  const symbol = new Int32Array(rows);
  const open = new Float64Array(rows);
  const high = new Float64Array(rows);
  const low = new Float64Array(rows);
  const close = new Float64Array(rows);
  const volume = new Float64Array(rows).fill(1_000_000);
  for (let t = 0; t < steps; t++) {
    for (let s = 0; s < n; s++) {
      const i = t * n + s;
      const o = opens[s]?.[t] as number;
      const c = closes[s]?.[t] as number;
      timestamp[i] = START + t * DAY_MS;
      symbol[i] = s;
      open[i] = o;
      close[i] = c;
      high[i] = Math.max(o, c);
      low[i] = Math.min(o, c);
    }
  }
  return {
    symbols: Array.from({ length: n }, (_, s) => `S${s}`),
    timestamp,
    symbol,
    open,
    high,
    low,
    close,
    volume,
  };
}
