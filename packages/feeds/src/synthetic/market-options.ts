import { ConfigError, type Timestamp } from '@ml4t/core';
import { nyseCalendar } from '../calendars/nyse-calendar.js';
import type { TradingCalendar } from '../calendars/trading-calendar.js';

/** Options of {@link generateMarket}. Annual figures are converted per bar with the calendar. */
export interface MarketOptions {
  /** Number of symbols (named `S000`, `S001`, …). @defaultValue 10 */
  readonly symbols?: number;
  /** Bars per symbol. @defaultValue 252 */
  readonly bars?: number;
  /** PRNG seed; equal seeds and options give bit-identical markets. @defaultValue 42 */
  readonly seed?: number;
  /** First day (or instant, for minute bars): bars start at the first session on or after it. @defaultValue 2000-01-03 */
  readonly start?: Timestamp;
  /** `'daily'` (one bar per session, stamped at UTC midnight) or `'minute'` (session minutes). @defaultValue `'daily'` */
  readonly frequency?: 'daily' | 'minute';
  /** @defaultValue {@link nyseCalendar} */
  readonly calendar?: TradingCalendar;
  /** Pairwise correlation of returns through one market factor, in [0, 1). @defaultValue 0.3 */
  readonly correlation?: number;
  /** Annual drift of log prices. @defaultValue 0.07 */
  readonly drift?: number;
  /** Annual volatility in the calm regime. @defaultValue 0.2 */
  readonly volatility?: number;
  /** Volatility multiplier in the stressed regime. @defaultValue 2.5 */
  readonly stressMultiplier?: number;
  /** Per-bar probability of switching calm → stressed. @defaultValue 0.01 */
  readonly toStressed?: number;
  /** Per-bar probability of switching stressed → calm. @defaultValue 0.05 */
  readonly toCalm?: number;
  /** Share of daily variance realised overnight (the gap from the previous close to the open). @defaultValue 0.2 */
  readonly overnightShare?: number;
  /** Typical first price (each symbol draws around it). @defaultValue 100 */
  readonly initialPrice?: number;
  /** Typical volume per daily bar (per minute bar it is divided by the session's minutes). @defaultValue 1,000,000 */
  readonly volume?: number;
  /** Add bid/ask and sizes. @defaultValue false */
  readonly quotes?: boolean;
  /** Quoted spread in basis points of the close (doubled when stressed). @defaultValue 5 */
  readonly spreadBps?: number;
  /** Information coefficient of the `score` feature versus the next bar's return, in [−1, 1]. @defaultValue 0.05 */
  readonly ic?: number;
  /** VIX level the series reverts to in the calm regime. @defaultValue 15 */
  readonly vixCalm?: number;
  /** VIX level the series reverts to in the stressed regime. @defaultValue 35 */
  readonly vixStressed?: number;
}

/** {@link MarketOptions} with every default applied. */
export type ResolvedMarketOptions = Required<MarketOptions>;

/**
 * Applies the defaults of {@link MarketOptions} and validates them.
 *
 * @throws ConfigError naming the key (`market.correlation`…) of the first invalid value.
 */
export function resolveMarketOptions(options: MarketOptions = {}): ResolvedMarketOptions {
  const o: ResolvedMarketOptions = {
    symbols: options.symbols ?? 10,
    bars: options.bars ?? 252,
    seed: options.seed ?? 42,
    start: options.start ?? Date.UTC(2000, 0, 3),
    frequency: options.frequency ?? 'daily',
    calendar: options.calendar ?? nyseCalendar(),
    correlation: options.correlation ?? 0.3,
    drift: options.drift ?? 0.07,
    volatility: options.volatility ?? 0.2,
    stressMultiplier: options.stressMultiplier ?? 2.5,
    toStressed: options.toStressed ?? 0.01,
    toCalm: options.toCalm ?? 0.05,
    overnightShare: options.overnightShare ?? 0.2,
    initialPrice: options.initialPrice ?? 100,
    volume: options.volume ?? 1_000_000,
    quotes: options.quotes ?? false,
    spreadBps: options.spreadBps ?? 5,
    ic: options.ic ?? 0.05,
    vixCalm: options.vixCalm ?? 15,
    vixStressed: options.vixStressed ?? 35,
  };
  integer('symbols', o.symbols, 1);
  integer('bars', o.bars, 1);
  if (!Number.isInteger(o.seed)) throw new ConfigError('market.seed', 'integer', `must be an integer, got ${o.seed}`);
  if (!Number.isFinite(o.start)) throw new ConfigError('market.start', 'finite', `must be a timestamp, got ${o.start}`);
  if (o.frequency !== 'daily' && o.frequency !== 'minute') {
    throw new ConfigError('market.frequency', 'one-of', `must be daily or minute, got ${String(o.frequency)}`);
  }
  range('correlation', o.correlation, 0, 1, false);
  range('ic', o.ic, -1, 1, true);
  range('toStressed', o.toStressed, 0, 1, true);
  range('toCalm', o.toCalm, 0, 1, true);
  range('overnightShare', o.overnightShare, 0, 1, true);
  for (const key of ['volatility', 'stressMultiplier', 'initialPrice', 'volume', 'vixCalm', 'vixStressed'] as const) {
    if (!(o[key] > 0) || !Number.isFinite(o[key])) {
      throw new ConfigError(`market.${key}`, 'positive-number', `must be a finite number > 0, got ${o[key]}`);
    }
  }
  for (const key of ['drift', 'spreadBps'] as const) {
    if (!Number.isFinite(o[key]) || (key === 'spreadBps' && o[key] < 0)) {
      throw new ConfigError(`market.${key}`, 'finite', `must be a finite number, got ${o[key]}`);
    }
  }
  return o;
}

function integer(key: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new ConfigError(`market.${key}`, 'integer', `must be an integer ≥ ${min}, got ${value}`);
  }
}

function range(key: string, value: number, lo: number, hi: number, hiInclusive: boolean): void {
  if (!(value >= lo && (hiInclusive ? value <= hi : value < hi))) {
    throw new ConfigError(`market.${key}`, 'range', `must be in [${lo}, ${hi}${hiInclusive ? ']' : ')'}, got ${value}`);
  }
}
