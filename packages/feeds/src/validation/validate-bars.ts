import { type DataIssue, DataValidationError } from '@ml4t/core';
import type { BarColumns } from '../columnar/bar-columns.js';
import { compactSymbols, sortOrder, takeRows } from '../columnar/order-bars.js';
import { IssueList } from './issue-list.js';
import {
  type ResolvedValidationOptions,
  resolveValidationOptions,
  type ValidationOptions,
  type ValidationReport,
} from './validation-options.js';

/**
 * Bars as read from a source, in source order, before validation. Row `i` is data row `i + 1` of the source
 * (header excluded).
 */
export interface RawBars extends BarColumns {
  /**
   * Row-level problems a loader found while reading (unparsable timestamp or number, missing value, wrong
   * field count…), sorted by row. Each marks its row unusable; values of those rows are ignored.
   */
  readonly parseIssues?: readonly DataIssue[];
}

/** Canonical field → the column name used in the source, for error messages. */
export type ColumnNames = Readonly<Partial<Record<keyof Omit<BarColumns, 'symbols'>, string>>>;

/** Options of {@link validateBars}. */
export interface ValidateBarsOptions extends ValidationOptions {
  /** File or feed name put in every issue. */
  readonly file?: string;
  /** Source column names, so issues name the column as it appears in the file. */
  readonly columnNames?: ColumnNames;
}

/** The outcome of {@link validateBars}: bars sorted by (timestamp, symbol) and what was done to get them. */
export interface ValidatedBars {
  readonly bars: BarColumns;
  readonly report: ValidationReport;
}

type Fix = 'none' | 'repair';

/**
 * Checks bars against every data rule and returns them sorted by timestamp, then symbol, ready for a
 * {@link ColumnarFeed}.
 *
 * Rules, per row in source order (the `rule` of each issue): parse problems reported by the loader;
 * `bad-timestamp` (not finite); `not-finite` (NaN or ±Infinity in a price or the volume; a quote may be `NaN`,
 * meaning absent); `non-positive-price`; `negative-volume`; `negative-size`; `crossed-quote` (bid > ask);
 * `high-below-low`; `open-outside-range` and `close-outside-range` (outside [low, high]); `unsorted` (a
 * symbol's timestamps go back); `duplicate-bar` (a second row for the same timestamp and symbol). Then, on the
 * sorted result, `gap` and `jump` (see {@link ValidationOptions}). Rows may come in any order across symbols
 * (grouped by symbol or by time); each symbol's own rows must be in time order.
 *
 * With the `'error'` policy every issue (up to `maxIssues`) goes into one thrown `DataValidationError`, whose
 * `file`, `row`, `column` and `rule` are those of the first; nothing is returned. A result with no rows left
 * throws `no-rows`. The input is never modified.
 *
 * @throws DataValidationError as described above.
 */
export function validateBars(raw: RawBars, options: ValidateBarsOptions = {}): ValidatedBars {
  const o = resolveValidationOptions(options);
  const file = options.file;
  const names = options.columnNames ?? {};
  const colName = (field: keyof ColumnNames): string => names[field] ?? field;
  const n = raw.timestamp.length;
  const repair = o.policy === 'repair';
  // Repairs write into copies, never into the caller's arrays.
  const high = repair ? raw.high.slice() : raw.high;
  const low = repair ? raw.low.slice() : raw.low;
  const volume = repair ? raw.volume.slice() : raw.volume;
  const bid = repair && raw.bid ? raw.bid.slice() : raw.bid;
  const ask = repair && raw.ask ? raw.ask.slice() : raw.ask;
  const bidSize = repair && raw.bidSize ? raw.bidSize.slice() : raw.bidSize;
  const askSize = repair && raw.askSize ? raw.askSize.slice() : raw.askSize;
  const { timestamp, symbol, open, close } = raw;

  const errors = new IssueList(o.maxIssues);
  const dropped = new IssueList(o.maxIssues);
  const repaired = new IssueList(o.maxIssues);
  const keep = new Uint8Array(n).fill(1);
  const lastTs = new Float64Array(raw.symbols.length).fill(Number.NEGATIVE_INFINITY);
  const parseIssues = raw.parseIssues ?? [];
  let pi = 0;
  let droppedRows = 0;
  let rowBad = false;
  let unsorted = false;

  // Records one broken rule of the current row; returns true when the caller should apply its repair.
  /** Records an issue under the policy; `repairNote` says how a repair fixes it (reported only when it does). */
  const report = (issue: DataIssue, fix: Fix, repairNote?: string): boolean => {
    if (o.policy === 'error') {
      // An invalid row takes no part in the ordering checks, as if dropped.
      errors.add(issue);
      rowBad = true;
      return false;
    }
    if (repair && fix === 'repair') {
      repaired.add(repairNote === undefined ? issue : { ...issue, message: `${issue.message}; ${repairNote}` });
      return true;
    }
    dropped.add(issue);
    rowBad = true;
    return false;
  };

  let row = 0;
  let sym: string | undefined;
  const at = (column: string, rule: string, value: number | string, message: string): DataIssue => ({
    ...(file !== undefined ? { file } : {}),
    row,
    column,
    ...(sym !== undefined ? { symbol: sym } : {}),
    rule,
    value: String(value),
    message,
  });
  const prices = [
    ['open', open],
    ['high', high],
    ['low', low],
    ['close', close],
  ] as const;
  const quotes = [
    ['bid', bid],
    ['ask', ask],
  ] as const;
  const sizes = [
    ['bidSize', bidSize],
    ['askSize', askSize],
  ] as const;
  const ends = [
    ['open', open],
    ['close', close],
  ] as const;

  for (let i = 0; i < n && !errors.full; i++) {
    row = i + 1;
    const s = symbol[i] as number;
    sym = raw.symbols[s];
    rowBad = false;

    let parsed = true;
    while (pi < parseIssues.length && (parseIssues[pi] as DataIssue).row === row) {
      report(parseIssues[pi] as DataIssue, 'none');
      parsed = false;
      pi++;
    }
    if (!parsed) {
      keep[i] = 0;
      droppedRows++;
      continue;
    }

    const t = timestamp[i] as number;
    if (!Number.isFinite(t)) report(at(colName('timestamp'), 'bad-timestamp', t, 'timestamp is not finite'), 'none');

    let pricesOk = true;
    for (const [field, arr] of prices) {
      const v = arr[i] as number;
      if (!Number.isFinite(v)) {
        report(at(colName(field), 'not-finite', v, `${field} is ${v}`), 'none');
        pricesOk = false;
      } else if (v <= 0) {
        report(at(colName(field), 'non-positive-price', v, `${field} must be > 0`), 'none');
        pricesOk = false;
      }
    }

    const vol = volume[i] as number;
    if (!Number.isFinite(vol)) {
      if (report(at(colName('volume'), 'not-finite', vol, `volume is ${vol}`), 'repair', 'repaired to 0'))
        volume[i] = 0;
    } else if (vol < 0) {
      if (report(at(colName('volume'), 'negative-volume', vol, 'volume must be ≥ 0; repaired to 0'), 'repair')) {
        volume[i] = 0;
      }
    }

    for (const [field, arr] of quotes) {
      if (arr === undefined) continue;
      const q = arr[i] as number;
      if (Number.isNaN(q)) continue;
      if (!Number.isFinite(q) || q <= 0) {
        const rule = Number.isFinite(q) ? 'non-positive-price' : 'not-finite';
        if (
          report(at(colName(field), rule, q, `${field} must be a finite price > 0`), 'repair', 'repaired to no quote')
        ) {
          arr[i] = Number.NaN;
        }
      }
    }
    for (const [field, arr] of sizes) {
      if (arr === undefined) continue;
      const q = arr[i] as number;
      if (Number.isNaN(q)) continue;
      if (!Number.isFinite(q) || q < 0) {
        const rule = Number.isFinite(q) ? 'negative-size' : 'not-finite';
        if (report(at(colName(field), rule, q, `${field} must be finite and ≥ 0`), 'repair', 'repaired to no size')) {
          arr[i] = Number.NaN;
        }
      }
    }
    if (bid && ask && (bid[i] as number) > (ask[i] as number)) {
      const msg = `bid ${bid[i]} is above ask ${ask[i]}; repaired to no quote`;
      if (report(at(colName('bid'), 'crossed-quote', bid[i] as number, msg), 'repair')) {
        bid[i] = Number.NaN;
        ask[i] = Number.NaN;
      }
    }

    if (pricesOk) {
      let h = high[i] as number;
      let l = low[i] as number;
      if (h < l) {
        if (
          report(
            at(colName('high'), 'high-below-low', h, `high ${h} is below low ${l}`),
            'repair',
            'repaired by swapping',
          )
        ) {
          high[i] = l;
          low[i] = h;
          h = high[i] as number;
          l = low[i] as number;
        }
      }
      for (const [field, arr] of ends) {
        const v = arr[i] as number;
        if (v > h || v < l) {
          const msg = `${field} ${v} is outside [low ${l}, high ${h}]`;
          if (
            report(at(colName(field), `${field}-outside-range`, v, msg), 'repair', 'repaired by widening the range')
          ) {
            if (v > h) high[i] = v;
            if (v < l) low[i] = v;
            h = high[i] as number;
            l = low[i] as number;
          }
        }
      }
    }

    if (!rowBad && Number.isFinite(t)) {
      const last = lastTs[s] as number;
      if (t === last) {
        report(at(colName('timestamp'), 'duplicate-bar', t, `a second bar for ${sym} at ${iso(t)}`), 'none');
      } else if (t < last) {
        const msg = `timestamp ${iso(t)} of ${sym} comes after ${iso(last)}`;
        if (report(at(colName('timestamp'), 'unsorted', t, `${msg}; repaired by sorting`), 'repair')) unsorted = true;
      } else {
        lastTs[s] = t;
      }
    }
    if (rowBad) {
      keep[i] = 0;
      droppedRows++;
    }
  }

  if (errors.count > 0) throw new DataValidationError(errors.items);

  const working: BarColumns = {
    symbols: raw.symbols,
    timestamp,
    symbol,
    open,
    high,
    low,
    close,
    volume,
    ...(bid ? { bid } : {}),
    ...(ask ? { ask } : {}),
    ...(bidSize ? { bidSize } : {}),
    ...(askSize ? { askSize } : {}),
  };
  let order = sortOrder(timestamp, symbol, droppedRows > 0 ? keep : undefined);
  if (unsorted) order = dropDuplicatesAfterSort(working, order, dropped, file, colName('timestamp'));
  const bars = isIdentity(order, n) ? working : compactSymbols(takeRows(working, order));

  const warnings = new IssueList(o.maxIssues);
  if (o.suspicious !== 'ignore') checkSuspicious(bars, order, o, file, colName, warnings);
  if (o.suspicious === 'error' && warnings.count > 0) throw new DataValidationError(warnings.items);

  if (bars.timestamp.length === 0) {
    throw new DataValidationError({
      ...(file !== undefined ? { file } : {}),
      rule: 'no-rows',
      value: String(n),
      message: n === 0 ? 'no data rows' : `all ${n} rows were dropped`,
    });
  }

  return {
    bars,
    report: {
      policy: o.policy,
      rowsIn: n,
      rowsOut: bars.timestamp.length,
      dropped: dropped.items,
      droppedCount: dropped.count,
      repaired: repaired.items,
      repairedCount: repaired.count,
      warnings: warnings.items,
      warningCount: warnings.count,
    },
  };
}

/** After a repairing sort, rows equal in (timestamp, symbol) are adjacent: keep the first in source order. */
function dropDuplicatesAfterSort(
  bars: BarColumns,
  order: Int32Array,
  dropped: IssueList,
  file: string | undefined,
  column: string,
): Int32Array {
  const out = new Int32Array(order.length);
  let k = 0;
  for (let j = 0; j < order.length; j++) {
    const r = order[j] as number;
    if (k > 0) {
      const p = out[k - 1] as number;
      if (bars.timestamp[p] === bars.timestamp[r] && bars.symbol[p] === bars.symbol[r]) {
        const sym = bars.symbols[bars.symbol[r] as number] as string;
        dropped.add({
          ...(file !== undefined ? { file } : {}),
          row: r + 1,
          column,
          symbol: sym,
          rule: 'duplicate-bar',
          value: String(bars.timestamp[r]),
          message: `a second bar for ${sym} at ${iso(bars.timestamp[r] as number)}`,
        });
        continue;
      }
    }
    out[k++] = r;
  }
  return out.slice(0, k);
}

function checkSuspicious(
  bars: BarColumns,
  order: Int32Array,
  o: ResolvedValidationOptions,
  file: string | undefined,
  colName: (field: keyof ColumnNames) => string,
  warnings: IssueList,
): void {
  const nSym = bars.symbols.length;
  const prevTs = new Float64Array(nSym).fill(Number.NaN);
  const prevClose = new Float64Array(nSym).fill(Number.NaN);
  const n = bars.timestamp.length;
  const ends = [
    ['open', bars.open],
    ['close', bars.close],
  ] as const;
  for (let j = 0; j < n; j++) {
    const s = bars.symbol[j] as number;
    const t = bars.timestamp[j] as number;
    const pt = prevTs[s] as number;
    const pc = prevClose[s] as number;
    const sym = bars.symbols[s] as string;
    const row = (order[j] as number) + 1;
    if (t - pt > o.maxGapMs) {
      warnings.add({
        ...(file !== undefined ? { file } : {}),
        row,
        symbol: sym,
        column: colName('timestamp'),
        rule: 'gap',
        value: String(t),
        message: `${((t - pt) / 86_400_000).toFixed(1)} days since the previous bar of ${sym}`,
      });
    }
    for (const [field, arr] of ends) {
      const v = arr[j] as number;
      if (Math.abs(v / pc - 1) > o.maxJump) {
        warnings.add({
          ...(file !== undefined ? { file } : {}),
          row,
          symbol: sym,
          column: colName(field),
          rule: 'jump',
          value: String(v),
          message: `${field} ${v} moved ${((v / pc - 1) * 100).toFixed(1)} % from the previous close ${pc}`,
        });
      }
    }
    prevTs[s] = t;
    prevClose[s] = bars.close[j] as number;
  }
}

function isIdentity(order: Int32Array, n: number): boolean {
  if (order.length !== n) return false;
  for (let j = 0; j < n; j++) if (order[j] !== j) return false;
  return true;
}

function iso(t: number): string {
  return Number.isFinite(t) ? new Date(t).toISOString() : String(t);
}
