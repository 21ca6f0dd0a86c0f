/** The order types the engine understands; the `type` discriminant of {@link OrderEvent}. */
export const OrderType = {
  Market: 'MARKET',
  Limit: 'LIMIT',
  Stop: 'STOP',
  StopLimit: 'STOP_LIMIT',
  TrailingStop: 'TRAILING_STOP',
} as const;

/** One of the values of {@link OrderType}. */
export type OrderType = (typeof OrderType)[keyof typeof OrderType];
