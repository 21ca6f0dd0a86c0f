import type { ColumnSource } from 'hyparquet-writer';
import type { BarColumns } from '../columnar/bar-columns.js';
import { writeParquet } from './parquet-writer.js';

/**
 * Writes bars to Parquet in the BENCHMARKS.md export layout: `timestamp` (INT64 TIMESTAMP_MILLIS, UTC),
 * `symbol` (string), `open`, `high`, `low`, `close`, `volume` (float64), then `bid`, `ask`, `bidSize`,
 * `askSize` (float64, NaN when absent) when present. Written atomically.
 */
export async function writeBarsParquet(bars: BarColumns, path: string): Promise<void> {
  const names = Array.from(bars.symbol, (s) => bars.symbols[s] as string);
  const double = (name: string, data: Float64Array): ColumnSource => ({ name, data, type: 'DOUBLE', nullable: false });
  const columns: ColumnSource[] = [
    { name: 'timestamp', data: bars.timestamp, type: 'TIMESTAMP', nullable: false },
    { name: 'symbol', data: names, type: 'STRING', nullable: false },
    double('open', bars.open),
    double('high', bars.high),
    double('low', bars.low),
    double('close', bars.close),
    double('volume', bars.volume),
  ];
  if (bars.bid) columns.push(double('bid', bars.bid));
  if (bars.ask) columns.push(double('ask', bars.ask));
  if (bars.bidSize) columns.push(double('bidSize', bars.bidSize));
  if (bars.askSize) columns.push(double('askSize', bars.askSize));
  await writeParquet(path, columns);
}
