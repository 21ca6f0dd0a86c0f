import { type CorporateAction, type DataIssue, DataValidationError } from '@ml4t/core';
import { readCsvFile } from '../csv/csv-parser.js';
import { checkUniqueHeader, findColumn, missingColumn, resolveSymbolColumn } from '../io/column-names.js';
import { type TimestampFormat, timestampParser } from '../io/timestamp-format.js';
import { IssueList } from '../validation/issue-list.js';

/** A corporate action as a loosely typed record (e.g. a parsed JSON or CSV row). */
export interface CorporateActionRecord {
  /** Ex-date: epoch ms, or text in `timestampFormat`. */
  readonly timestamp: number | string;
  readonly symbol: string;
  /** `split` or `dividend` (case-insensitive; `div`, `cash_dividend` also accepted). */
  readonly type: string;
  /**
   * Split ratio (2 for 2-for-1; text `2:1`, `1:10` or `2-for-1` also accepted) or cash dividend per unit.
   */
  readonly value: number | string;
}

/** Options of {@link corporateActionsFromRecords} and {@link readCorporateActionsCsv}. */
export interface CorporateActionOptions {
  /** @defaultValue `'auto'` */
  readonly timestampFormat?: TimestampFormat;
  /** Source name in issues. @defaultValue `'records'` */
  readonly file?: string;
}

/**
 * Turns records into core's {@link CorporateAction}s (splits and cash dividends), sorted by ex-date then
 * symbol. The engine applies them to positions and cash.
 *
 * @throws DataValidationError `bad-timestamp`, `missing-value` (symbol), `unknown-action`, `bad-ratio`
 * (a split ratio must be finite and > 0) or `bad-amount` (a dividend must be finite and ≥ 0), naming the row.
 */
export function corporateActionsFromRecords(
  records: readonly CorporateActionRecord[],
  options: CorporateActionOptions = {},
): CorporateAction[] {
  const file = options.file ?? 'records';
  const parse = timestampParser(options.timestampFormat);
  const issues = new IssueList(1000);
  const out: CorporateAction[] = [];
  records.forEach((r, i) => {
    const at = (column: string, rule: string, value: unknown, message: string): DataIssue => ({
      file,
      row: i + 1,
      column,
      ...(typeof r.symbol === 'string' && r.symbol !== '' ? { symbol: r.symbol } : {}),
      rule,
      value: String(value),
      message,
    });
    const timestamp = parse(r.timestamp);
    const symbol = typeof r.symbol === 'string' ? r.symbol.trim() : '';
    const kind = String(r.type).trim().toLowerCase();
    let bad = false;
    if (Number.isNaN(timestamp)) {
      issues.add(at('timestamp', 'bad-timestamp', r.timestamp, 'unparsable ex-date'));
      bad = true;
    }
    if (symbol === '') {
      issues.add(at('symbol', 'missing-value', r.symbol, 'symbol is empty'));
      bad = true;
    }
    if (kind === 'split') {
      const ratio = parseRatio(r.value);
      if (!(Number.isFinite(ratio) && ratio > 0))
        issues.add(at('value', 'bad-ratio', r.value, 'split ratio must be > 0'));
      else if (!bad) out.push({ kind: 'split', symbol, timestamp, ratio });
    } else if (kind === 'dividend' || kind === 'div' || kind === 'cash_dividend') {
      const amount = typeof r.value === 'number' ? r.value : r.value.trim() === '' ? Number.NaN : Number(r.value);
      if (!(Number.isFinite(amount) && amount >= 0)) {
        issues.add(at('value', 'bad-amount', r.value, 'dividend must be a finite amount ≥ 0'));
      } else if (!bad) out.push({ kind: 'dividend', symbol, timestamp, amount });
    } else {
      issues.add(at('type', 'unknown-action', r.type, 'type must be split or dividend'));
    }
  });
  if (issues.count > 0) throw new DataValidationError(issues.items);
  return out.sort((a, b) => a.timestamp - b.timestamp || (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0));
}

/**
 * Reads corporate actions from a CSV file with columns date (or timestamp), symbol (or asset/ticker), type
 * (or action/kind) and value (or ratio/amount); see {@link CorporateActionRecord} for the values.
 *
 * @throws DataValidationError as {@link corporateActionsFromRecords}, plus `missing-column`, `csv-syntax` and
 * `field-count`.
 */
export function readCorporateActionsCsv(path: string, options: CorporateActionOptions = {}): CorporateAction[] {
  const records: CorporateActionRecord[] = [];
  let cols: { ts: number; sym: number; type: number; value: number } | undefined;
  let width = 0;
  readCsvFile(path, (fields, record) => {
    if (record === 0) {
      const header = [...fields];
      checkUniqueHeader(header, path);
      width = header.length;
      const need = (candidates: string[]): number => {
        const at = findColumn(header, candidates);
        if (at < 0) throw missingColumn(path, candidates[0] as string, header);
        return at;
      };
      const sym = resolveSymbolColumn(header, undefined, path);
      if (sym < 0) throw missingColumn(path, 'symbol', header);
      cols = {
        ts: need(['date', 'timestamp', 'ex_date', 'exdate']),
        sym,
        type: need(['type', 'action', 'kind']),
        value: need(['value', 'ratio', 'amount']),
      };
      return;
    }
    if (fields.length !== width) {
      throw new DataValidationError({
        file: path,
        row: record,
        rule: 'field-count',
        value: String(fields.length),
        message: `${fields.length} fields, the header has ${width}`,
      });
    }
    const c = cols as { ts: number; sym: number; type: number; value: number };
    records.push({
      timestamp: fields[c.ts] ?? '',
      symbol: fields[c.sym] ?? '',
      type: fields[c.type] ?? '',
      value: fields[c.value] ?? '',
    });
  });
  return corporateActionsFromRecords(records, { ...options, file: path });
}

function parseRatio(value: number | string): number {
  if (typeof value === 'number') return value;
  const text = value.trim();
  const m = /^(\d+(?:\.\d+)?)\s*(?::|-for-|\/)\s*(\d+(?:\.\d+)?)$/i.exec(text);
  if (m) return Number(m[1]) / Number(m[2]);
  return text === '' ? Number.NaN : Number(text);
}
