import type { BarColumns } from '../columnar/bar-columns.js';
import { writeCsv } from './csv-writer.js';

/**
 * Writes bars to CSV in the BENCHMARKS.md export layout: `timestamp` (ISO-8601 UTC), `symbol`, `open`, `high`,
 * `low`, `close`, `volume`, then `bid`, `ask`, `bidSize`, `askSize` when present. Numbers use the shortest
 * round-trip text, so {@link readCsvBars} reads back bit-identical floats. Written atomically.
 */
export function writeBarsCsv(bars: BarColumns, path: string): void {
  const cols: [string, Float64Array][] = [
    ['open', bars.open],
    ['high', bars.high],
    ['low', bars.low],
    ['close', bars.close],
    ['volume', bars.volume],
  ];
  if (bars.bid) cols.push(['bid', bars.bid]);
  if (bars.ask) cols.push(['ask', bars.ask]);
  if (bars.bidSize) cols.push(['bidSize', bars.bidSize]);
  if (bars.askSize) cols.push(['askSize', bars.askSize]);
  const header = ['timestamp', 'symbol', ...cols.map(([name]) => name)];
  let lastTs = Number.NaN;
  let lastIso = '';
  writeCsv(path, header, bars.timestamp.length, (r, c) => {
    if (c === 0) {
      const t = bars.timestamp[r] as number;
      if (t !== lastTs) {
        lastTs = t;
        lastIso = new Date(t).toISOString();
      }
      return lastIso;
    }
    if (c === 1) return bars.symbols[bars.symbol[r] as number] as string;
    return formatNumber((cols[c - 2] as [string, Float64Array])[1][r] as number);
  });
}

/** Shortest round-trip text of a float; `NaN` is written as an empty cell (a missing quote). */
export function formatNumber(x: number): string {
  return Number.isNaN(x) ? '' : String(x);
}
