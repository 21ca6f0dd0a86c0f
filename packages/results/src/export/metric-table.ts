import { DataValidationError, type Money } from '@ml4t/core';
import type { BenchmarkMetrics } from '../metrics/benchmark.js';
import type { PerformanceMetrics } from '../metrics/performance-metrics.js';
import type { TradeStats } from '../metrics/trade-stats.js';
import { defineKey, jsonNumber, moneyText, numberText, parseMoney, parseNumber } from './cell-codec.js';
import type { JsonValue } from './json-format.js';
import type { CellReader, TableSchema } from './table-schema.js';

/**
 * One metric in long format: `scope` is `portfolio`, `trades`, `side:LONG`, `side:SHORT`, `symbol:<name>` or
 * `benchmark`; `value` is exact text (money as a decimal string, floats in round-trip form).
 */
export interface MetricRow {
  readonly scope: string;
  readonly metric: string;
  readonly value: string;
}

type Kind = 'number' | 'money';
type Fields<T> = readonly (readonly [keyof T & string, Kind])[];

const PORTFOLIO: Fields<PerformanceMetrics> = [
  ['periods', 'number'],
  ['periodsPerYear', 'number'],
  ['startTime', 'number'],
  ['endTime', 'number'],
  ['years', 'number'],
  ['initialCapital', 'money'],
  ['finalEquity', 'number'],
  ['totalReturn', 'number'],
  ['cagr', 'number'],
  ['volatility', 'number'],
  ['sharpe', 'number'],
  ['sortino', 'number'],
  ['calmar', 'number'],
  ['maxDrawdown', 'number'],
  ['maxDrawdownDurationBars', 'number'],
  ['maxDrawdownDurationMs', 'number'],
  ['longestDrawdownBars', 'number'],
  ['longestDrawdownMs', 'number'],
  ['exposure', 'number'],
  ['timeInMarket', 'number'],
  ['turnover', 'number'],
  ['annualTurnover', 'number'],
  ['totalCommission', 'money'],
  ['totalSlippage', 'money'],
  ['totalImpact', 'money'],
  ['costDrag', 'number'],
];

const TRADES: Fields<TradeStats> = [
  ['count', 'number'],
  ['wins', 'number'],
  ['losses', 'number'],
  ['winRate', 'number'],
  ['grossPnl', 'money'],
  ['netPnl', 'money'],
  ['grossProfit', 'money'],
  ['grossLoss', 'money'],
  ['profitFactor', 'number'],
  ['expectancy', 'number'],
  ['avgWin', 'number'],
  ['avgLoss', 'number'],
  ['payoffRatio', 'number'],
  ['avgBarsHeld', 'number'],
  ['avgHoldingMs', 'number'],
  ['commission', 'money'],
  ['slippage', 'money'],
];

const BENCHMARK: Fields<BenchmarkMetrics> = [
  ['benchmarkReturn', 'number'],
  ['beta', 'number'],
  ['alpha', 'number'],
  ['trackingError', 'number'],
  ['informationRatio', 'number'],
  ['correlation', 'number'],
];

/** The metrics table: three text columns. */
export const METRIC_TABLE: TableSchema<MetricRow> = {
  name: 'metrics',
  columns: [
    { name: 'scope', kind: 'string', get: (r) => r.scope },
    { name: 'metric', kind: 'string', get: (r) => r.metric },
    { name: 'value', kind: 'string', get: (r) => r.value },
  ],
  read: (c: CellReader): MetricRow => ({
    scope: c.string('scope'),
    metric: c.string('metric'),
    value: c.string('value'),
  }),
};

function encode(kind: Kind, value: unknown): string {
  return kind === 'money' ? moneyText(value as Money) : numberText(value as number);
}

function section<T>(scope: string, fields: Fields<T>, values: T, out: MetricRow[]): void {
  for (const [key, kind] of fields) out.push({ scope, metric: key, value: encode(kind, values[key]) });
}

/** Flattens metrics to {@link MetricRow}s: portfolio, trades, sides, symbols, then benchmark. */
export function metricsToRows(m: PerformanceMetrics): MetricRow[] {
  const out: MetricRow[] = [];
  section('portfolio', PORTFOLIO, m, out);
  section('trades', TRADES, m.trades, out);
  section('side:LONG', TRADES, m.bySide.LONG, out);
  section('side:SHORT', TRADES, m.bySide.SHORT, out);
  for (const [symbol, stats] of Object.entries(m.bySymbol)) section(`symbol:${symbol}`, TRADES, stats, out);
  if (m.benchmark) section('benchmark', BENCHMARK, m.benchmark, out);
  return out;
}

/**
 * Rebuilds {@link PerformanceMetrics} from {@link MetricRow}s.
 *
 * @throws DataValidationError when a metric is missing, unknown or malformed.
 */
export function metricsFromRows(rows: readonly MetricRow[], file: string): PerformanceMetrics {
  const scopes = new Map<string, Map<string, string>>();
  rows.forEach((row, i) => {
    let scope = scopes.get(row.scope);
    if (!scope) {
      scope = new Map();
      scopes.set(row.scope, scope);
    }
    if (scope.has(row.metric)) {
      throw new DataValidationError({
        file,
        row: i + 1,
        column: 'metric',
        rule: 'duplicate',
        value: row.metric,
        message: `${row.scope}.${row.metric} appears twice`,
      });
    }
    scope.set(row.metric, row.value);
  });
  const read = <T>(scope: string, fields: Fields<T>): T => {
    const values = scopes.get(scope);
    if (!values)
      throw new DataValidationError({
        file,
        rule: 'missing-scope',
        value: scope,
        message: `no metrics for scope ${scope}`,
      });
    const out: Record<string, unknown> = {};
    for (const [key, kind] of fields) {
      const text = values.get(key);
      const value = kind === 'money' ? parseMoney(text) : parseNumber(text);
      if (value === undefined) {
        throw new DataValidationError({
          file,
          column: 'value',
          rule: kind,
          value: text ?? '',
          message: `${scope}.${key} is missing or malformed`,
        });
      }
      out[key] = value;
    }
    return out as T;
  };
  const bySymbol: Record<string, TradeStats> = {};
  for (const scope of scopes.keys()) {
    if (scope.startsWith('symbol:')) defineKey(bySymbol, scope.slice('symbol:'.length), read(scope, TRADES));
  }
  const portfolio = read('portfolio', PORTFOLIO);
  return {
    ...portfolio,
    trades: read('trades', TRADES),
    bySymbol,
    bySide: { LONG: read('side:LONG', TRADES), SHORT: read('side:SHORT', TRADES) },
    ...(scopes.has('benchmark') ? { benchmark: read('benchmark', BENCHMARK) } : {}),
  };
}

/**
 * Metrics as a nested JSON object `{ portfolio, trades, bySide, bySymbol, benchmark? }`: money as exact
 * strings, floats as numbers (`NaN`, `±Infinity` and `-0` as strings).
 */
export function metricsToJson(m: PerformanceMetrics): JsonValue {
  const groups: Record<string, Record<string, JsonValue>> = {};
  const sub = (path: string[]): Record<string, JsonValue> => {
    let node: Record<string, JsonValue> = groups;
    for (const key of path) {
      if (!Object.hasOwn(node, key)) defineKey(node, key, {});
      node = node[key] as Record<string, JsonValue>;
    }
    return node;
  };
  const fieldKinds = new Map<string, Kind>([...PORTFOLIO, ...TRADES, ...BENCHMARK]);
  for (const row of metricsToRows(m)) {
    const [head, rest] = splitScope(row.scope);
    const node = sub(rest === undefined ? [head] : [head === 'side' ? 'bySide' : 'bySymbol', rest]);
    const kind = fieldKinds.get(row.metric);
    defineKey(node, row.metric, kind === 'money' ? row.value : jsonNumber(Number(row.value)));
  }
  return groups;
}

/** Reverses {@link metricsToJson}. @throws DataValidationError when the object is malformed. */
export function metricsFromJson(value: unknown, file: string): PerformanceMetrics {
  const rows: MetricRow[] = [];
  const obj = asObject(value, file, '');
  for (const [group, content] of Object.entries(obj)) {
    if (group === 'bySide' || group === 'bySymbol') {
      for (const [name, stats] of Object.entries(asObject(content, file, group))) {
        pushRows(rows, `${group === 'bySide' ? 'side' : 'symbol'}:${name}`, asObject(stats, file, `${group}.${name}`));
      }
    } else {
      pushRows(rows, group, asObject(content, file, group));
    }
  }
  return metricsFromRows(rows, file);
}

function pushRows(rows: MetricRow[], scope: string, values: Record<string, unknown>): void {
  for (const [metric, v] of Object.entries(values)) {
    rows.push({ scope, metric, value: typeof v === 'number' ? numberText(v) : String(v) });
  }
}

function asObject(value: unknown, file: string, path: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new DataValidationError({
      file,
      column: path,
      rule: 'json-object',
      message: `expected an object at '${path}'`,
    });
  }
  return value as Record<string, unknown>;
}

function splitScope(scope: string): [string, string | undefined] {
  const i = scope.indexOf(':');
  return i < 0 ? [scope, undefined] : [scope.slice(0, i), scope.slice(i + 1)];
}
