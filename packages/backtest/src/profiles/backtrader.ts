import type { FrameworkProfile } from './framework-profile.js';

/**
 * The `backtrader` profile: backtrader 1.9's default broker (`bt.brokers.BackBroker`) and order execution, as
 * described in the cross-framework scenarios. Used to reproduce backtrader runs trade for trade.
 */
export const backtraderProfile: FrameworkProfile = {
  name: 'backtrader',
  description: "backtrader's default broker: next-open fills, FIFO orders, a running cash check at submission.",
  execution: {
    fillTiming: 'next_bar',
    orderPriority: 'fifo',
    intrabarPath: 'nearest_extreme_first',
    bracketConflict: 'pessimistic',
    stopFillMode: 'stop_price',
    trailingUpdate: 'close',
    shareType: 'integer',
    cashCheck: 'submission_running',
    capSlippageToBar: true,
    slippage: { type: 'none' },
    commission: { type: 'none' },
    account: { type: 'cash', allowShorts: true },
  },
  engine: { blockReentryAfterExit: false, riskOnEntryBar: false },
  reasons: {
    fillTiming: 'Orders decided on a bar close are first tried on the next bar, at its open.',
    orderPriority: 'Pending orders are tried once each in acceptance order; no exits-first reordering.',
    intrabarPath: 'backtrader tests each order against the bar independently; the path only matters for brackets.',
    bracketConflict: 'The stop leg of a bracket is created (and tried) before the limit leg.',
    stopFillMode: 'A triggered stop fills at its level, or at the open when the bar gaps through it.',
    trailingUpdate: "The trailing level is recomputed from each bar's close, after the bar.",
    shareType: 'Sizers return whole shares.',
    cashCheck: 'Orders are pseudo-executed at submission against a running cash balance (status Margin).',
    capSlippageToBar: "slip_match=True: a slipped price is cut to the bar's high/low.",
    slippage: 'No slippage by default.',
    commission: 'No commission by default.',
    account: 'The default broker lets shorts add their proceeds to cash, with no margin requirement.',
    blockReentryAfterExit: 'backtrader has no same-bar re-entry block.',
    riskOnEntryBar: 'Protective orders placed when notified of the entry fill are first tried on the next bar.',
  },
};
