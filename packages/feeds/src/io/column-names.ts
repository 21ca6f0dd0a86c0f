import { DataValidationError } from '@ml4t/core';
import type { ColumnNames } from '../validation/validate-bars.js';

/**
 * Source column names of each bar field. Unset fields are found by name, case-insensitively: timestamp among
 * `timestamp`, `datetime`, `date`, `time` (first found in that order); symbol among `symbol`, `asset`, `ticker`
 * (two of them present is an error); `open`, `high`, `low`, `close`, `volume`; optional quotes `bid`, `ask`,
 * `bid_size`/`bidSize`, `ask_size`/`askSize`.
 */
export interface BarColumnNames {
  readonly timestamp?: string;
  readonly symbol?: string;
  readonly open?: string;
  readonly high?: string;
  readonly low?: string;
  readonly close?: string;
  readonly volume?: string;
  readonly bid?: string;
  readonly ask?: string;
  readonly bidSize?: string;
  readonly askSize?: string;
}

/** Every field of {@link BarColumnNames}. */
export type BarField = keyof BarColumnNames;

const REQUIRED = ['timestamp', 'open', 'high', 'low', 'close', 'volume'] as const;
const OPTIONAL = ['bid', 'ask', 'bidSize', 'askSize'] as const;
const CANDIDATES: Readonly<Record<Exclude<BarField, 'symbol'>, readonly string[]>> = {
  timestamp: ['timestamp', 'datetime', 'date', 'time'],
  open: ['open'],
  high: ['high'],
  low: ['low'],
  close: ['close'],
  volume: ['volume'],
  bid: ['bid'],
  ask: ['ask'],
  bidSize: ['bidsize', 'bid_size'],
  askSize: ['asksize', 'ask_size'],
};

/** Names accepted for an auto-detected symbol column (case-insensitive). */
export const SYMBOL_COLUMNS: readonly string[] = ['symbol', 'asset', 'ticker'];

/** Where each bar field sits in a header: a column index, or −1 when the source has no such column. */
export type BarColumnIndex = Readonly<Record<BarField, number>>;

/**
 * Finds every bar field in `header`.
 *
 * @throws DataValidationError `duplicate-column` (two columns with the same name, case-insensitively),
 * `missing-column` (a required field or an explicitly named column is absent) or `ambiguous-column`
 * (several symbol columns).
 */
export function resolveBarColumns(header: readonly string[], names: BarColumnNames, file: string): BarColumnIndex {
  checkUniqueHeader(header, file);
  const index: Record<BarField, number> = {
    timestamp: -1,
    symbol: -1,
    open: -1,
    high: -1,
    low: -1,
    close: -1,
    volume: -1,
    bid: -1,
    ask: -1,
    bidSize: -1,
    askSize: -1,
  };
  for (const field of [...REQUIRED, ...OPTIONAL]) {
    const explicit = names[field];
    const at = explicit !== undefined ? exact(header, explicit) : findColumn(header, CANDIDATES[field]);
    if (at < 0 && (explicit !== undefined || (REQUIRED as readonly string[]).includes(field))) {
      throw missingColumn(file, explicit ?? field, header);
    }
    index[field] = at;
  }
  index.symbol = resolveSymbolColumn(header, names.symbol, file);
  return index;
}

/** Index of the first header cell equal (case-insensitively) to one of `candidates`, in candidate order; −1 if none. */
export function findColumn(header: readonly string[], candidates: readonly string[]): number {
  const lower = header.map((h) => h.trim().toLowerCase());
  for (const c of candidates) {
    const at = lower.indexOf(c.toLowerCase());
    if (at >= 0) return at;
  }
  return -1;
}

/**
 * The symbol column: the explicitly named one, else the one header cell among {@link SYMBOL_COLUMNS}; −1 when
 * the source has none (single-symbol source).
 *
 * @throws DataValidationError `missing-column` or `ambiguous-column`.
 */
export function resolveSymbolColumn(header: readonly string[], explicit: string | undefined, file: string): number {
  if (explicit !== undefined) {
    const at = exact(header, explicit);
    if (at < 0) throw missingColumn(file, explicit, header);
    return at;
  }
  const found = header
    .map((h, i) => [h.trim().toLowerCase(), i] as const)
    .filter(([h]) => SYMBOL_COLUMNS.includes(h))
    .map(([, i]) => i);
  if (found.length > 1) {
    const which = found.map((i) => header[i]).join(', ');
    throw new DataValidationError({
      file,
      column: header[found[1] as number] as string,
      rule: 'ambiguous-column',
      value: which,
      message: `several symbol columns (${which}); name one with the columns.symbol option`,
    });
  }
  return found[0] ?? -1;
}

/** @throws DataValidationError `duplicate-column` when two header cells are equal case-insensitively. */
export function checkUniqueHeader(header: readonly string[], file: string): void {
  const seen = new Set<string>();
  for (const h of header) {
    const key = h.trim().toLowerCase();
    if (seen.has(key)) {
      throw new DataValidationError({
        file,
        column: h,
        rule: 'duplicate-column',
        value: h,
        message: `column ${h} appears more than once`,
      });
    }
    seen.add(key);
  }
}

/** A `missing-column` error listing the columns that are there. */
export function missingColumn(file: string, column: string, header: readonly string[]): DataValidationError {
  return new DataValidationError({
    file,
    column,
    rule: 'missing-column',
    value: header.join(','),
    message: `no column ${column} (columns: ${header.join(', ') || 'none'})`,
  });
}

function exact(header: readonly string[], name: string): number {
  const at = header.indexOf(name);
  return at >= 0 ? at : findColumn(header, [name]);
}

/** Source column names by field, for messages. */
export function columnNames(index: BarColumnIndex, header: readonly string[]): ColumnNames {
  const out: Partial<Record<BarField, string>> = {};
  for (const [field, at] of Object.entries(index) as [BarField, number][]) {
    if (at >= 0 && field !== 'symbol') out[field] = header[at] as string;
  }
  return out;
}
