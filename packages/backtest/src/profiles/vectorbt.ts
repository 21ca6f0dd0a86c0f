import type { FrameworkProfile } from './framework-profile.js';

/**
 * The `vectorbt` profile: `vbt.Portfolio.from_signals` defaults (fills at the signal bar's close, fractional
 * sizes, no costs, stops checked against the bar's high and low).
 */
export const vectorbtProfile: FrameworkProfile = {
  name: 'vectorbt',
  description: 'vectorbt from_signals defaults: close fills on the signal bar, fractional size, no fees.',
  execution: {
    fillTiming: 'same_bar',
    orderPriority: 'exit_first',
    intrabarPath: 'nearest_extreme_first',
    bracketConflict: 'pessimistic',
    stopFillMode: 'stop_price',
    trailingUpdate: 'high_low',
    shareType: 'fractional',
    cashCheck: 'fill',
    capSlippageToBar: false,
    slippage: { type: 'none' },
    commission: { type: 'none' },
    account: { type: 'cash' },
  },
  engine: { blockReentryAfterExit: true, riskOnEntryBar: true },
  reasons: {
    fillTiming: 'price=close by default: a signal on bar t fills at t’s close.',
    orderPriority: 'With call_seq="auto", sells are executed before buys to free cash.',
    intrabarPath: 'Stops are checked against open, high and low; the default path matches that order.',
    bracketConflict: 'When stop loss and take profit both hit on one bar, the stop loss wins.',
    stopFillMode: 'sl_stop fills at the stop price, or at the open when the bar opens beyond it.',
    trailingUpdate: 'Trailing stops follow the bar’s high (long) or low (short).',
    shareType: 'Sizes are floats; size=inf invests all cash.',
    cashCheck: 'Orders are capped by available cash at execution.',
    capSlippageToBar: 'Slippage is a plain price fraction.',
    slippage: 'slippage=0 by default.',
    commission: 'fees=0 and fixed_fees=0 by default.',
    account: 'direction="longonly" by default; cash cannot go negative.',
    blockReentryAfterExit: 'One order per bar per column: no re-entry on the bar of a stop exit.',
    riskOnEntryBar: 'Stops are active from the bar after a close entry; open entries are checked on their bar.',
  },
};
