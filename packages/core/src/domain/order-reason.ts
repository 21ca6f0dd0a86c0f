/** Machine-readable codes for rejections, cancellations and expiries. */
export const ReasonCode = {
  InvalidOrder: 'invalid_order',
  UnknownSymbol: 'unknown_symbol',
  InsufficientCash: 'insufficient_cash',
  InsufficientMargin: 'insufficient_margin',
  ShortNotAllowed: 'short_not_allowed',
  LeverageNotAllowed: 'leverage_not_allowed',
  RiskRule: 'risk_rule',
  TradingHalted: 'trading_halted',
  ReentryBlocked: 'reentry_blocked',
  OcoCancelled: 'oco_cancelled',
  ParentCancelled: 'parent_cancelled',
  UserCancelled: 'user_cancelled',
  Expired: 'expired',
  IocUnfilled: 'ioc_unfilled',
  FokUnfilled: 'fok_unfilled',
  PositionClosed: 'position_closed',
  MarginCall: 'margin_call',
  EndOfData: 'end_of_data',
} as const;

/** A known {@link ReasonCode}, or a plugin's own code prefixed with `custom:`. */
export type ReasonCode = (typeof ReasonCode)[keyof typeof ReasonCode] | `custom:${string}`;

/** Why an order was rejected, cancelled or expired: a code to switch on and a sentence for people. */
export interface OrderReason {
  readonly code: ReasonCode;
  readonly message: string;
  /** Name of the rule or component that decided (e.g. `maxPositions`, `cashAccount`). */
  readonly source?: string;
}
