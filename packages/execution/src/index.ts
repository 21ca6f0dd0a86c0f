/**
 * `@ml4t/execution`: the simulated broker of ml4t-backtest — order types and time in force, the order state
 * machine, fill timing and the intrabar path model, slippage, commissions, market impact, volume limits and
 * account policies.
 *
 * @packageDocumentation
 */

export type { AccountCheckInput, AccountPolicy } from './account/account-policy.js';
export { type CashAccountOptions, cashAccount } from './account/cash-account.js';
export { cryptoAccount } from './account/crypto-account.js';
export { type MarginAccountOptions, marginAccount } from './account/margin-account.js';
export { SimulatedBroker } from './broker/simulated-broker.js';
export { type AssetClassCommissionOptions, assetClassCommission } from './commission/asset-class.js';
export { type FlatCommissionOptions, flatCommission } from './commission/flat.js';
export { type IbFixedCommissionOptions, ibFixedCommission } from './commission/ib-fixed.js';
export { type IbTieredCommissionOptions, type IbVolumeTier, ibTieredCommission } from './commission/ib-tiered.js';
export { type MakerTakerCommissionOptions, makerTakerCommission } from './commission/maker-taker.js';
export { noCommission } from './commission/no-commission.js';
export { type PerShareCommissionOptions, perShareCommission } from './commission/per-share.js';
export { type PercentageCommissionOptions, percentageCommission } from './commission/percentage.js';
export { type CommissionTier, type TieredCommissionOptions, tieredCommission } from './commission/tiered.js';
export {
  type BracketConflict,
  type CashCheck,
  type ExecutionConfig,
  type FillTiming,
  type OrderPriority,
  resolveExecutionConfig,
  type ShareType,
  type StopFillMode,
  type TrailingUpdate,
  type VolumeLimit,
} from './config/execution-config.js';
export { type AlmgrenChrissOptions, almgrenChrissImpact } from './impact/almgren-chriss.js';
export type { ImpactInput, MarketImpactModel } from './impact/market-impact-model.js';
export { firstTouch, type IntrabarPath, pathPoints, priceAt } from './matching/intrabar-path.js';
export { type PathFillModelOptions, pathFillModel } from './matching/path-fill-model.js';
export {
  canTransition,
  IllegalTransitionError,
  ORDER_TRANSITIONS,
  transition,
} from './orders/order-state-machine.js';
export { roundQuantity } from './pricing/round-quantity.js';
export { type AssetClassSlippageOptions, assetClassSlippage } from './slippage/asset-class.js';
export { type FixedSlippageOptions, fixedSlippage } from './slippage/fixed.js';
export { type LinearImpactSlippageOptions, linearImpactSlippage } from './slippage/linear-impact.js';
export { noSlippage } from './slippage/no-slippage.js';
export { type OrderTypeSlippageOptions, orderTypeSlippage } from './slippage/order-type.js';
export { type PercentageSlippageOptions, percentageSlippage } from './slippage/percentage.js';
export { type SpreadAwareSlippageOptions, spreadAwareSlippage } from './slippage/spread-aware.js';
export { type SquareRootImpactSlippageOptions, squareRootImpactSlippage } from './slippage/square-root-impact.js';
export { type VolumeAwareSlippageOptions, volumeAwareSlippage } from './slippage/volume-aware.js';
export { type VolumeShareSlippageOptions, volumeShareSlippage } from './slippage/volume-share.js';
