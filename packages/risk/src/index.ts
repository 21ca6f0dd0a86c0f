/**
 * `@ml4t/risk`: position rules (stops, targets, trailing, volatility-scaled, time and signal exits, scaling
 * out, break-even), their composites, and portfolio rules (position count, exposure, weight, leverage,
 * drawdown halt, daily loss, sector, regime filters) for the ml4t-backtest engine, each usable as a plain
 * object and as an RxJS operator.
 *
 * @packageDocumentation
 */

export { type AllOfOptions, allOf } from './compose/all-of.js';
export { type AnyOfOptions, anyOf } from './compose/any-of.js';
export { byPriority, type PrioritizedRule } from './compose/by-priority.js';
export type { CompositeOptions } from './compose/composite-options.js';
export { firstTrigger } from './compose/first-trigger.js';
export { chainPortfolioRules } from './compose/portfolio-chain.js';
export { asOrderOperator, type OrderOperatorOptions } from './operators/as-order-operator.js';
export { type GateContextProvider, strategyGateContext } from './operators/gate-context.js';
export { positionRuleOperator } from './operators/position-rule-operator.js';
export { type DailyLossLimitOptions, dailyLossLimit } from './portfolio/daily-loss-limit.js';
export type { ExposureLimitOptions } from './portfolio/exposure-limit.js';
export { type MaxDrawdownHaltOptions, maxDrawdownHalt } from './portfolio/max-drawdown-halt.js';
export { maxGrossExposure } from './portfolio/max-gross-exposure.js';
export { type MaxLeverageOptions, maxLeverage } from './portfolio/max-leverage.js';
export { maxNetExposure } from './portfolio/max-net-exposure.js';
export { type MaxPositionWeightOptions, maxPositionWeight } from './portfolio/max-position-weight.js';
export { type MaxPositionsOptions, maxPositions } from './portfolio/max-positions.js';
export { type FeatureScope, type RegimeFilterOptions, regimeFilter } from './portfolio/regime-filter.js';
export { type RegimeSwitchOptions, regimeSwitch } from './portfolio/regime-switch.js';
export { type SectorExposureOptions, sectorExposure } from './portfolio/sector-exposure.js';
export type { SizingRuleOptions } from './portfolio/sizing.js';
export { type BreakEvenStopOptions, breakEvenStop } from './position/break-even-stop.js';
export {
  type DynamicTrailingStopOptions,
  dynamicTrailingStop,
  type TrailStep,
} from './position/dynamic-trailing-stop.js';
export type { FixedDistanceOptions } from './position/fixed-distance-exit.js';
export type { IntrabarPath } from './position/intrabar-path.js';
export type { PriceBasis } from './position/price-basis.js';
export type { PositionRuleOptions } from './position/rule-options.js';
export { type ScaledExitOptions, type ScaleOutTarget, scaledExit } from './position/scaled-exit.js';
export { type SignalExitOptions, signalExit, type ThresholdCondition } from './position/signal-exit.js';
export { type StopLossOptions, stopLoss } from './position/stop-loss.js';
export { type TakeProfitOptions, takeProfit } from './position/take-profit.js';
export { type MarketExitFill, type TimeExitOptions, timeExit } from './position/time-exit.js';
export type { TrailTiming, WaterMarkSource } from './position/trail.js';
export { type TrailingStopOptions, trailingStop } from './position/trailing-stop.js';
export type { VolatilityLevelOptions, VolatilityMeasure } from './position/volatility-distance.js';
export { type VolatilityStopOptions, volatilityStop } from './position/volatility-stop.js';
export { type VolatilityTakeProfitOptions, volatilityTakeProfit } from './position/volatility-take-profit.js';
