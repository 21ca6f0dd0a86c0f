import { type CommissionModel, ConfigError, type SlippageModel } from '@ml4t/core';
import type { AccountPolicy } from '../account/account-policy.js';
import { cashAccount } from '../account/cash-account.js';
import { noCommission } from '../commission/no-commission.js';
import type { MarketImpactModel } from '../impact/market-impact-model.js';
import type { IntrabarPath } from '../matching/intrabar-path.js';
import { noSlippage } from '../slippage/no-slippage.js';

/**
 * When market orders fill.
 * - `next_bar`: the next bar's open (default).
 * - `same_bar`: the close of the bar they were decided on.
 * - `next_close`: the next bar's close (zipline's daily fills). The fill comes in the close phase, after that
 *   bar's strategy step, which still sees the order working. Limit and stop orders are matched from the next
 *   bar on as under `next_bar`.
 */
export type FillTiming = 'next_bar' | 'same_bar' | 'next_close';

/**
 * Order in which eligible orders are tried on a bar.
 * - `exit_first`: orders that reduce a position first, then the rest; acceptance order within each (DESIGN §3).
 * - `fifo`: acceptance order (backtrader).
 * - `sequential`: by the path time at which each order triggers on its bar (open first), ties in acceptance order.
 */
export type OrderPriority = 'exit_first' | 'fifo' | 'sequential';

/**
 * Which member of a one-cancels-other group fills when one bar triggers several (e.g. both bracket legs).
 * - `pessimistic`: the one worst for the trader (a sell at the lowest price, a buy at the highest).
 * - `path`: the one the intrabar path reaches first.
 */
export type BracketConflict = 'pessimistic' | 'path';

/**
 * Price of a triggered stop (stop orders, trailing stops, risk exits with a `stop` trigger).
 * - `stop_price`: the stop level, or the open when the bar opens through it (gap).
 * - `close`: the bar's close.
 * - `bar_extreme`: the bar's low for sells, high for buys (worst case).
 * - `next_bar_open`: a market order at the next bar's open.
 */
export type StopFillMode = 'stop_price' | 'close' | 'bar_extreme' | 'next_bar_open';

/** How trailing stops ratchet: on each bar's close after the bar (backtrader), or along the intrabar path. */
export type TrailingUpdate = 'close' | 'high_low';

/** Backtrader's cash check at submission (see {@link ExecutionConfig.cashCheck}). */
export type CashCheck = 'fill' | 'submission_running';

/** Whether quantities are whole units (rounded down) or fractional. */
export type ShareType = 'integer' | 'fractional';

/** Volume participation cap: a fill may take at most this share of its bar's volume; the rest waits. */
export interface VolumeLimit {
  /** Fraction of the bar's volume (0.1 = 10 %), shared by every order of the symbol on that bar. */
  readonly maxParticipation: number;
}

/**
 * Every execution knob of {@link SimulatedBroker}, each with a documented default. Framework profiles
 * (backtrader, zipline, vectorbt, lean, realistic) are sets of these values. Pass a partial object; see
 * {@link resolveExecutionConfig}.
 */
export interface ExecutionConfig {
  /** @defaultValue `'next_bar'` */
  readonly fillTiming: FillTiming;
  /** @defaultValue `'exit_first'` */
  readonly orderPriority: OrderPriority;
  /** @defaultValue `'nearest_extreme_first'` */
  readonly intrabarPath: IntrabarPath;
  /** @defaultValue `'pessimistic'` */
  readonly bracketConflict: BracketConflict;
  /** @defaultValue `'stop_price'` */
  readonly stopFillMode: StopFillMode;
  /** @defaultValue `'close'` */
  readonly trailingUpdate: TrailingUpdate;
  /** Slippage of market, limit and close fills. @defaultValue no slippage */
  readonly slippage: SlippageModel;
  /** Slippage of stop and trailing-stop fills (orders and risk exits). @defaultValue the `slippage` model */
  readonly stopSlippage: SlippageModel;
  /** @defaultValue no commission */
  readonly commission: CommissionModel;
  /** Cash, margin or crypto rules. @defaultValue `cashAccount()` (no shorts, no leverage) */
  readonly account: AccountPolicy;
  /** @defaultValue `'fractional'` */
  readonly shareType: ShareType;
  /** Max participation per bar with multi-bar partial fills. @defaultValue none (fills are never split) */
  readonly volumeLimit: VolumeLimit | undefined;
  /** Market impact with memory, recorded apart from slippage. @defaultValue none */
  readonly impact: MarketImpactModel | undefined;
  /** Sale proceeds become spendable this many bars (slices) later. @defaultValue 0 */
  readonly settlementDelayBars: number;
  /** Sale proceeds become spendable this many calendar days later (via the fill's `settleAt`). @defaultValue 0 */
  readonly settlementDelayDays: number;
  /** Cut a slipped price that falls outside the bar's [low, high] to the bar (backtrader). @defaultValue false */
  readonly capSlippageToBar: boolean;
  /**
   * `fill`: check cash only when an order fills. `submission_running`: also pseudo-execute every new order
   * once, in creation order, against a running cash balance that is not restored after a rejection, at the
   * order's created price (its level, or the signal close for market orders) — backtrader's submission check.
   * @defaultValue `'fill'`
   */
  readonly cashCheck: CashCheck;
}

const ENUMS: Readonly<Record<string, readonly string[]>> = {
  fillTiming: ['next_bar', 'same_bar', 'next_close'],
  orderPriority: ['exit_first', 'fifo', 'sequential'],
  intrabarPath: ['nearest_extreme_first', 'high_first', 'low_first'],
  bracketConflict: ['pessimistic', 'path'],
  stopFillMode: ['stop_price', 'close', 'bar_extreme', 'next_bar_open'],
  trailingUpdate: ['close', 'high_low'],
  shareType: ['integer', 'fractional'],
  cashCheck: ['fill', 'submission_running'],
};

const KNOWN = new Set([
  ...Object.keys(ENUMS),
  'slippage',
  'stopSlippage',
  'commission',
  'account',
  'volumeLimit',
  'impact',
  'settlementDelayBars',
  'settlementDelayDays',
  'capSlippageToBar',
]);

/**
 * Applies the defaults to a partial configuration and validates it once, at the boundary.
 *
 * @param partial - any subset of the knobs
 * @param path - key path prefix used in error messages (e.g. `execution`)
 * @throws ConfigError naming the key path of the first invalid or unknown knob
 */
export function resolveExecutionConfig(partial: Partial<ExecutionConfig> = {}, path = 'execution'): ExecutionConfig {
  if (partial === null || typeof partial !== 'object') throw new ConfigError(path, 'object', 'must be an object');
  for (const key of Object.keys(partial)) {
    if (!KNOWN.has(key)) throw new ConfigError(`${path}.${key}`, 'unknown-key', `unknown execution option ${key}`);
  }
  for (const [key, allowed] of Object.entries(ENUMS)) {
    const v = (partial as Record<string, unknown>)[key];
    if (v !== undefined && !allowed.includes(v as string)) {
      throw new ConfigError(`${path}.${key}`, 'enum', `must be one of ${allowed.join(', ')}, got ${String(v)}`);
    }
  }
  const slippage = partial.slippage ?? noSlippage();
  checkPlugin(slippage, 'fillPrice', `${path}.slippage`);
  const stopSlippage = partial.stopSlippage ?? slippage;
  checkPlugin(stopSlippage, 'fillPrice', `${path}.stopSlippage`);
  const commission = partial.commission ?? noCommission();
  checkPlugin(commission, 'commission', `${path}.commission`);
  const account = partial.account ?? cashAccount();
  checkPlugin(account, 'check', `${path}.account`);
  if (partial.impact !== undefined) checkPlugin(partial.impact, 'impactPerUnit', `${path}.impact`);
  const volumeLimit = partial.volumeLimit;
  if (volumeLimit !== undefined) {
    const p = volumeLimit?.maxParticipation;
    if (typeof p !== 'number' || !(p > 0 && p <= 1)) {
      throw new ConfigError(`${path}.volumeLimit.maxParticipation`, 'fraction', `must be in (0, 1], got ${String(p)}`);
    }
  }
  const bars = partial.settlementDelayBars ?? 0;
  const days = partial.settlementDelayDays ?? 0;
  for (const [key, v] of [
    ['settlementDelayBars', bars],
    ['settlementDelayDays', days],
  ] as const) {
    if (!Number.isInteger(v) || v < 0)
      throw new ConfigError(`${path}.${key}`, 'non-negative-integer', `must be an integer ≥ 0, got ${v}`);
  }
  if (bars > 0 && days > 0) {
    throw new ConfigError(
      `${path}.settlementDelayDays`,
      'exclusive',
      'set settlementDelayBars or settlementDelayDays, not both',
    );
  }
  const cap = partial.capSlippageToBar ?? false;
  if (typeof cap !== 'boolean') throw new ConfigError(`${path}.capSlippageToBar`, 'boolean', 'must be a boolean');
  return Object.freeze({
    fillTiming: partial.fillTiming ?? 'next_bar',
    orderPriority: partial.orderPriority ?? 'exit_first',
    intrabarPath: partial.intrabarPath ?? 'nearest_extreme_first',
    bracketConflict: partial.bracketConflict ?? 'pessimistic',
    stopFillMode: partial.stopFillMode ?? 'stop_price',
    trailingUpdate: partial.trailingUpdate ?? 'close',
    slippage,
    stopSlippage,
    commission,
    account,
    shareType: partial.shareType ?? 'fractional',
    volumeLimit,
    impact: partial.impact,
    settlementDelayBars: bars,
    settlementDelayDays: days,
    capSlippageToBar: cap,
    cashCheck: partial.cashCheck ?? 'fill',
  });
}

function checkPlugin(value: unknown, method: string, path: string): void {
  if (value === null || typeof value !== 'object' || typeof (value as Record<string, unknown>)[method] !== 'function') {
    throw new ConfigError(path, 'plugin', `must be an object with a ${method}() method`);
  }
}
