/**
 * `@ml4t/core`: the contracts, domain types, exact money, ledger and event-driven engine of ml4t-backtest.
 *
 * @packageDocumentation
 */

export { IdMap } from './collections/id-map.js';
export type { BarView } from './contracts/bar-view.js';
export type { Broker, BrokerContext, ExitRequest, SubmitMeta } from './contracts/broker.js';
export type { CommissionInput, CommissionModel } from './contracts/commission-model.js';
export type { BarSink, DataFeed } from './contracts/data-feed.js';
export type { FeatureProvider, FeatureView } from './contracts/feature-provider.js';
export type { FillDecision, FillModel, FillPhase } from './contracts/fill-model.js';
export type { HistoryView } from './contracts/history-view.js';
export type { MarketView } from './contracts/market-view.js';
export type { OrderBus, OrderModification } from './contracts/order-bus.js';
export {
  ACCEPT,
  type GateDecision,
  type OrderGateInput,
  type OrderOperator,
  type PortfolioRule,
} from './contracts/portfolio-rule.js';
export type { PortfolioView } from './contracts/portfolio-view.js';
export type {
  ExitAction,
  ExitTrigger,
  PositionAction,
  PositionRule,
  PositionRuleInput,
} from './contracts/position-rule.js';
export type { ResultSink, RunInfo, RunSummary } from './contracts/result-sink.js';
export type { SlippageInput, SlippageModel } from './contracts/slippage-model.js';
export type { Strategy, StrategyContext, StrategyOperator } from './contracts/strategy.js';
export { type BracketOptions, bracket } from './domain/bracket.js';
export type { CorporateAction, DividendAction, SplitAction } from './domain/corporate-action.js';
export { ExitReason } from './domain/exit-reason.js';
export type { FillEvent } from './domain/fill-event.js';
export { type AssetClass, DEFAULT_INSTRUMENT, type InstrumentSpec } from './domain/instrument-spec.js';
export { type BarInput, bar, type MarketEvent } from './domain/market-event.js';
export type { Order, OrderUpdate } from './domain/order.js';
export type {
  ContingentOrder,
  DistributiveOmit,
  LimitOrder,
  MarketOrder,
  OrderBase,
  OrderEvent,
  StopLimitOrder,
  StopOrder,
  TrailingStopOrder,
} from './domain/order-event.js';
export { type OrderReason, ReasonCode } from './domain/order-reason.js';
export { OrderSide, sideSign } from './domain/order-side.js';
export { isFinalStatus, OrderStatus } from './domain/order-status.js';
export { OrderType } from './domain/order-type.js';
export type { PortfolioSnapshot } from './domain/portfolio-snapshot.js';
export type { Position } from './domain/position.js';
export { addQuantity } from './domain/quantity.js';
export { type SymbolId, SymbolTable } from './domain/symbol-table.js';
export { TimeInForce } from './domain/time-in-force.js';
export type { TimeSlice } from './domain/time-slice.js';
export { type Timestamp, toIso } from './domain/timestamp.js';
export type { Trade, TradeContext, TradeDirection } from './domain/trade.js';
export { validateOrder } from './domain/validate-order.js';
export { Clock, type SliceWriter } from './engine/clock.js';
export { Engine } from './engine/engine.js';
export type { EngineConfig, TradeContextConfig } from './engine/engine-config.js';
export { strategyFromOperator } from './engine/strategy-from-operator.js';
export { ConfigError } from './errors/config-error.js';
export { type DataIssue, DataValidationError, formatIssue } from './errors/data-validation-error.js';
export { InvalidOrderError } from './errors/invalid-order-error.js';
export { Ml4tError } from './errors/ml4t-error.js';
export { StrategyError } from './errors/strategy-error.js';
export { type FillTiming, Portfolio } from './ledger/portfolio.js';
export { EMPTY_TRADE_CONTEXT } from './ledger/trade-context.js';
export {
  ALLOCATION_PLACES,
  Decimal,
  type Money,
  type MoneyInput,
  proRata,
  roundCents,
  sumMoney,
  toMoney,
  ZERO,
} from './money/decimal.js';
export { exactNotional, exactPrice, exactUnits } from './money/exact-notional.js';
export { decimalToNumber, numberToDecimal } from './money/number-conversion.js';
export { moneyCompare, moneyMinus, moneyPlus, moneyTimes } from './money/word-arithmetic.js';
