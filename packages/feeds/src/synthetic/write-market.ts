import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeCsv } from '../csv/csv-writer.js';
import { formatNumber, writeBarsCsv } from '../csv/write-bars-csv.js';
import { writeParquet } from '../parquet/parquet-writer.js';
import { writeBarsParquet } from '../parquet/write-bars-parquet.js';
import type { SyntheticMarket } from './synthetic-market.js';

/**
 * Writes a market to `dir` (created if needed) as `prices.csv`, `scores.csv` (`timestamp,symbol,score`) and
 * `vix.csv` (`timestamp,vix`) in the BENCHMARKS.md export layout: long format sorted by timestamp then
 * symbol, ISO-8601 UTC timestamps, shortest round-trip numbers. Each file is written atomically.
 */
export function writeMarketCsv(market: SyntheticMarket, dir: string): void {
  mkdirSync(dir, { recursive: true });
  const { bars, symbols, timestamps, scores, vix } = market;
  writeBarsCsv(bars, join(dir, 'prices.csv'));
  writeCsv(join(dir, 'scores.csv'), ['timestamp', 'symbol', 'score'], scores.length, (r, c) =>
    c === 0
      ? new Date(bars.timestamp[r] as number).toISOString()
      : c === 1
        ? (symbols[bars.symbol[r] as number] as string)
        : formatNumber(scores[r] as number),
  );
  writeCsv(join(dir, 'vix.csv'), ['timestamp', 'vix'], timestamps.length, (r, c) =>
    c === 0 ? new Date(timestamps[r] as number).toISOString() : formatNumber(vix[r] as number),
  );
}

/**
 * Writes a market to `dir` (created if needed) as `prices.parquet`, `scores.parquet` and `vix.parquet`
 * in the BENCHMARKS.md export layout (timestamps as INT64 TIMESTAMP_MILLIS). Each file is written atomically.
 */
export async function writeMarketParquet(market: SyntheticMarket, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const { bars, symbols, timestamps, scores, vix } = market;
  await writeBarsParquet(bars, join(dir, 'prices.parquet'));
  await writeParquet(join(dir, 'scores.parquet'), [
    { name: 'timestamp', data: bars.timestamp, type: 'TIMESTAMP', nullable: false },
    { name: 'symbol', data: Array.from(bars.symbol, (s) => symbols[s] as string), type: 'STRING', nullable: false },
    { name: 'score', data: scores, type: 'DOUBLE', nullable: false },
  ]);
  await writeParquet(join(dir, 'vix.parquet'), [
    { name: 'timestamp', data: timestamps, type: 'TIMESTAMP', nullable: false },
    { name: 'vix', data: vix, type: 'DOUBLE', nullable: false },
  ]);
}
