import type { FrameworkProfile } from './framework-profile.js';

/**
 * The `lean` profile: QuantConnect LEAN's default brokerage model for US equities on daily data (Interactive
 * Brokers fees, a 2× margin account, integer shares).
 */
export const leanProfile: FrameworkProfile = {
  name: 'lean',
  description: "QuantConnect LEAN's equity defaults: IB fixed fees, margin account, next-open fills.",
  execution: {
    fillTiming: 'next_bar',
    orderPriority: 'fifo',
    intrabarPath: 'nearest_extreme_first',
    bracketConflict: 'pessimistic',
    stopFillMode: 'stop_price',
    trailingUpdate: 'high_low',
    shareType: 'integer',
    cashCheck: 'fill',
    capSlippageToBar: false,
    slippage: { type: 'none' },
    commission: { type: 'ib-fixed' },
    account: { type: 'margin', initialMargin: 0.5, maintenanceMargin: 0.25 },
  },
  engine: { blockReentryAfterExit: false, riskOnEntryBar: true },
  reasons: {
    fillTiming: 'With daily data, a market order placed in OnData fills at the next bar’s open.',
    orderPriority: 'Orders are processed in submission order.',
    intrabarPath: 'LEAN fill models look at the bar’s high and low only; the default path is kept.',
    bracketConflict: 'No native brackets; the conservative choice is kept.',
    stopFillMode: 'Stop market orders fill at the stop price, or at the open on a gap.',
    trailingUpdate: 'Trailing stops are updated from the bar’s high or low.',
    shareType: 'Equity quantities are whole shares.',
    cashCheck: 'Buying power is checked when the order is processed.',
    capSlippageToBar: 'Slippage models are not capped to the bar.',
    slippage: 'The default equity slippage model is null (no slippage).',
    commission: 'InteractiveBrokersFeeModel: $0.005/share, $1 minimum, 1 % maximum.',
    account: 'The default brokerage model is a margin account with 2× leverage for equities.',
    blockReentryAfterExit: 'LEAN has no same-bar re-entry block.',
    riskOnEntryBar: 'Risk management runs on every bar of a holding.',
  },
};
