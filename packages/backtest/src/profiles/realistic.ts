import type { FrameworkProfile } from './framework-profile.js';

/**
 * The `realistic` profile: conservative assumptions for research you intend to trade — next-open fills,
 * pessimistic intrabar choices, participation-dependent slippage with a volume cap, IB fees, whole shares and
 * T+1 settlement in a cash account.
 */
export const realisticProfile: FrameworkProfile = {
  name: 'realistic',
  description: 'Conservative costs and fills: volume-aware slippage, 10 % volume cap, IB fees, T+1 cash.',
  execution: {
    fillTiming: 'next_bar',
    orderPriority: 'exit_first',
    intrabarPath: 'nearest_extreme_first',
    bracketConflict: 'pessimistic',
    stopFillMode: 'stop_price',
    trailingUpdate: 'close',
    shareType: 'integer',
    cashCheck: 'fill',
    capSlippageToBar: false,
    slippage: { type: 'volume-aware', baseRate: 0.0002, coefficient: 0.05, maxParticipation: 0.1 },
    stopSlippage: { type: 'volume-aware', baseRate: 0.0005, coefficient: 0.05, maxParticipation: 0.1 },
    commission: { type: 'ib-fixed' },
    volumeLimit: { maxParticipation: 0.1 },
    account: { type: 'cash' },
    settlementDelayDays: 1,
  },
  engine: { blockReentryAfterExit: true, riskOnEntryBar: true },
  reasons: {
    fillTiming: 'A decision made on a close can trade at the next open at the earliest.',
    orderPriority: 'Exits first, so their proceeds and freed risk budget serve the entries.',
    intrabarPath: 'Visit the extreme nearer the open first: the most plausible path of an OHLC bar.',
    bracketConflict: 'When one bar touches both bracket legs, assume the worse one filled.',
    stopFillMode: 'Stops fill at their level, or at the open on a gap (never better than the market).',
    trailingUpdate: 'Ratcheting on closes avoids using intrabar highs the stop could not have known.',
    shareType: 'Equities trade in whole shares.',
    cashCheck: 'Cash is checked against the real fill price.',
    capSlippageToBar: 'Costs are not capped: a large order can trade outside the printed range.',
    slippage: '2 bp plus 5 bp per 100 % participation, participation capped at 10 %.',
    stopSlippage: 'Stops trade into moving markets: 5 bp base instead of 2 bp.',
    commission: 'Interactive Brokers fixed pricing: $0.005/share, $1 minimum, 1 % maximum.',
    volumeLimit: 'At most 10 % of a bar’s volume; the rest fills on later bars.',
    account: 'A cash account: no leverage, no shorts.',
    settlementDelayDays: 'US equities settle T+1: sale proceeds are spendable the next day.',
    blockReentryAfterExit: 'No re-entry on the bar of a stop exit.',
    riskOnEntryBar: 'The part of the entry bar after the open can trigger a stop.',
  },
};
