/**
 * Why a position (or part of one) was closed. Recorded on every {@link Trade}; never parsed from text.
 */
export const ExitReason = {
  /** The strategy sent the closing order. */
  Signal: 'SIGNAL',
  StopLoss: 'STOP_LOSS',
  TakeProfit: 'TAKE_PROFIT',
  TrailingStop: 'TRAILING_STOP',
  /** A stop or take-profit scaled by volatility (ATR or realised volatility). */
  VolatilityStop: 'VOLATILITY_STOP',
  VolatilityTakeProfit: 'VOLATILITY_TAKE_PROFIT',
  BreakEven: 'BREAK_EVEN',
  TimeExit: 'TIME_EXIT',
  /** A feature crossed a threshold (signal-based risk exit). */
  SignalExit: 'SIGNAL_EXIT',
  ScaledExit: 'SCALED_EXIT',
  MarginCall: 'MARGIN_CALL',
  /** A portfolio rule forced the exit (e.g. drawdown liquidation). */
  RiskLimit: 'RISK_LIMIT',
  /** An opposite order larger than the position closed it and opened the other side. */
  Reversal: 'REVERSAL',
  /** A resting protective order (stop, limit, trailing stop, bracket leg) filled. */
  StopOrder: 'STOP_ORDER',
  LimitOrder: 'LIMIT_ORDER',
  /** Open at the end of the data: reported as an open trade marked to the last price. */
  EndOfData: 'END_OF_DATA',
  /** A rule from a third-party package; see the trade's `exitRule` for its name. */
  Custom: 'CUSTOM',
} as const;

/** One of the values of {@link ExitReason}. */
export type ExitReason = (typeof ExitReason)[keyof typeof ExitReason];
