import {
  ACCEPT,
  ConfigError,
  type GateDecision,
  type OrderGateInput,
  type PortfolioRule,
  type PortfolioSnapshot,
} from '@ml4t/core';
import { finite, nonEmpty, openFraction, optionsObject, positive } from '../internal/validate.js';
import { haltOrder } from './gate-decisions.js';

const DAY_MS = 86_400_000;

/** Options of {@link dailyLossLimit}. Set `max` (a fraction) or `maxAmount` (money), or both. */
export interface DailyLossLimitOptions {
  /** Largest loss in one day as a fraction of the day's starting equity (0.02 = 2 %). */
  readonly max?: number;
  /** Largest loss in one day in currency. */
  readonly maxAmount?: number;
  /**
   * Offset of the trading day's calendar from UTC in minutes (e.g. −300 for New York standard time), so days
   * roll over at local midnight. @defaultValue 0 (UTC days)
   */
  readonly utcOffsetMinutes?: number;
  /** @defaultValue 'dailyLossLimit' */
  readonly name?: string;
}

/**
 * A daily loss limit: once equity has fallen `max` (or `maxAmount`) below the day's starting equity (the last
 * snapshot of the previous day; the initial cash on the first day), exposure-opening orders are halted for the
 * rest of that calendar day. Resets at the next day. The loss is checked against the account's equity when an
 * order arrives and at every snapshot; exits always pass.
 *
 * Stateful: use one instance per run.
 *
 * @example
 * ```ts
 * dailyLossLimit({ max: 0.02 });
 * ```
 */
export function dailyLossLimit(options: DailyLossLimitOptions): PortfolioRule {
  const p = 'dailyLossLimit';
  optionsObject(p, options);
  if (options.max === undefined && options.maxAmount === undefined) {
    throw new ConfigError(p, 'required', "set 'max', 'maxAmount' or both");
  }
  const maxFraction = options.max === undefined ? Number.POSITIVE_INFINITY : openFraction(`${p}.max`, options.max);
  const maxAmount =
    options.maxAmount === undefined ? Number.POSITIVE_INFINITY : positive(`${p}.maxAmount`, options.maxAmount);
  const offsetMs = finite(`${p}.utcOffsetMinutes`, options.utcOffsetMinutes ?? 0) * 60_000;
  const name = nonEmpty(`${p}.name`, options.name ?? p);
  const dayOf = (ts: number): number => Math.floor((ts + offsetMs) / DAY_MS);
  let initialEquity = Number.NaN;
  let snapDay = Number.NaN;
  let lastEquity = Number.NaN;
  /** Equity at the last snapshot before `snapDay` began. */
  let snapDayStart = Number.NaN;
  let haltedDay = Number.NaN;

  const startOf = (day: number): number => {
    const start = day === snapDay ? snapDayStart : lastEquity;
    return Number.isNaN(start) ? initialEquity : start;
  };
  const breached = (start: number, equity: number): boolean => {
    const loss = start - equity;
    // Relative slack so a loss of exactly the limit counts despite float noise.
    return loss > 0 && (loss >= maxAmount * (1 - 1e-12) || loss >= maxFraction * start * (1 - 1e-12));
  };

  return {
    name,
    check(input: OrderGateInput): GateDecision {
      if (Number.isNaN(initialEquity)) initialEquity = input.portfolio.initialCash.toNumber();
      const day = dayOf(input.timestamp);
      if (haltedDay !== day && breached(startOf(day), input.portfolio.equity)) haltedDay = day;
      if (haltedDay !== day || !input.opensExposure) return ACCEPT;
      return haltOrder(name, `daily loss limit reached; new entries resume tomorrow`);
    },
    onSnapshot(snapshot: PortfolioSnapshot): void {
      const day = dayOf(snapshot.timestamp);
      if (day !== snapDay) {
        snapDayStart = lastEquity;
        snapDay = day;
      }
      lastEquity = snapshot.equity;
      const start = startOf(day);
      if (!Number.isNaN(start) && breached(start, snapshot.equity)) haltedDay = day;
    },
  };
}
