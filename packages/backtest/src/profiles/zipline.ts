import type { FrameworkProfile } from './framework-profile.js';

/**
 * The `zipline` profile: zipline-reloaded's defaults for US equities (fixed-basis-points slippage with a 10 %
 * volume limit, per-share commission, integer shares, no cash check).
 */
export const ziplineProfile: FrameworkProfile = {
  name: 'zipline',
  description: "zipline-reloaded's US-equity defaults: 5 bp slippage, 10 % volume cap, $0.001/share.",
  execution: {
    fillTiming: 'next_close',
    orderPriority: 'fifo',
    intrabarPath: 'nearest_extreme_first',
    bracketConflict: 'pessimistic',
    stopFillMode: 'close',
    trailingUpdate: 'close',
    shareType: 'integer',
    cashCheck: 'fill',
    capSlippageToBar: false,
    slippage: { type: 'percentage', rate: 0.0005 },
    commission: { type: 'per-share', rate: 0.001 },
    volumeLimit: { maxParticipation: 0.1 },
    account: { type: 'margin' },
  },
  engine: { blockReentryAfterExit: false, riskOnEntryBar: true },
  reasons: {
    fillTiming: 'Orders placed in handle_data fill on the next bar, at its close price.',
    orderPriority: 'Open orders are processed in placement order.',
    intrabarPath: 'zipline does not model intrabar paths; the default path is kept.',
    bracketConflict: 'zipline has no brackets; the conservative choice is kept.',
    stopFillMode: 'A triggered stop becomes a market order priced at the bar’s close.',
    trailingUpdate: 'No native trailing stops; close-based updates match a handle_data implementation.',
    shareType: 'Orders are for whole shares.',
    cashCheck: 'zipline does not reject orders for lack of cash.',
    capSlippageToBar: 'Slipped prices are not capped to the bar.',
    slippage: 'FixedBasisPointsSlippage(basis_points=5), the equity default.',
    commission: 'PerShare(cost=0.001, min_trade_cost=0), the equity default.',
    volumeLimit: 'FixedBasisPointsSlippage(volume_limit=0.1): at most 10 % of a bar’s volume, the rest carries over.',
    account: 'zipline lets cash go negative; a margin account is the closest policy that still allows shorts.',
    blockReentryAfterExit: 'zipline has no same-bar re-entry block.',
    riskOnEntryBar: 'Stop checks run on every bar after the order fills.',
  },
};
