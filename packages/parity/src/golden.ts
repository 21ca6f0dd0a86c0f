import { readFileSync } from 'node:fs';
import { ConfigError } from '@ml4t/core';

/** One closed trade, as backtrader reports it (the golden-file shape). */
export interface GoldenTrade {
  readonly asset: string;
  readonly direction: 'long' | 'short';
  readonly entry_date: string;
  readonly entry_price: number;
  readonly size: number;
  readonly exit_date: string;
  readonly exit_price: number;
  readonly exit_type: string;
  readonly pnl_gross: number;
  readonly commission: number;
  readonly pnl_net: number;
  readonly entry_commission: number;
  readonly exit_commission: number;
  readonly bars: number;
}

/** A position still open at the end. */
export interface GoldenOpenTrade {
  readonly asset: string;
  readonly entry_date: string;
  readonly entry_price: number;
  readonly size: number;
}

/** One execution, with the parts that closed and opened a position. */
export interface GoldenFill {
  readonly date: string;
  readonly asset: string;
  readonly side: 'buy' | 'sell';
  readonly size: number;
  readonly price: number;
  readonly commission: number;
  readonly type: string;
  readonly closed: number;
  readonly opened: number;
  readonly rule: string;
}

/** Account value and cash at the close of one bar. */
export interface GoldenDay {
  readonly date: string;
  readonly value: number;
  readonly cash: number;
}

/** A cancelled or rejected order. */
export interface GoldenOrderEvent {
  readonly date: string;
  readonly asset: string;
  readonly status: string;
  readonly [key: string]: unknown;
}

/** The parts of a golden file (and of the parity runner's output) that are compared. */
export interface ParityRecord {
  readonly scenario: string;
  readonly engine: string;
  readonly initial_cash: number;
  readonly symbols: readonly string[];
  readonly final_value: number;
  readonly final_cash: number;
  readonly final_positions: Readonly<Record<string, number>>;
  readonly counts: Readonly<Record<string, number>>;
  readonly trades: readonly GoldenTrade[];
  readonly open_trades: readonly GoldenOpenTrade[];
  readonly fills: readonly GoldenFill[];
  readonly order_events: readonly GoldenOrderEvent[];
  readonly daily: readonly GoldenDay[];
}

/**
 * Reads a golden file. Unknown extra keys (`config`, `signals`, `checks`, …) are kept out of the comparison.
 *
 * @throws ConfigError naming the file and the missing key
 */
export function readGolden(path: string): ParityRecord {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ConfigError('golden', 'readable-json', `cannot read golden file ${path}: ${(err as Error).message}`, {
      cause: err,
    });
  }
  const record = raw as Record<string, unknown>;
  for (const key of ['scenario', 'final_value', 'trades', 'fills', 'daily', 'open_trades']) {
    if (!(key in record)) throw new ConfigError(`golden.${key}`, 'required', `${path} has no "${key}"`);
  }
  return raw as ParityRecord;
}
