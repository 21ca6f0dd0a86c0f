/**
 * How long an order stays working.
 *
 * - `DAY`: expires at the end of the session (UTC calendar day) of the first bar it can be tried on — with daily
 *   bars and next-bar fills, that is the next bar's day.
 * - `GTC`: good till cancelled.
 * - `IOC`: immediate or cancel: whatever cannot fill on the first bar it is eligible for is cancelled.
 * - `FOK`: fill or kill: fills completely on its first eligible bar or is cancelled.
 * - `GTD`: good till date: expires after `expireAt`.
 * - `MOO`: market on open: fills at the open of the next bar only.
 * - `MOC`: market on close: fills at the close of the bar it is eligible on.
 */
export const TimeInForce = {
  Day: 'DAY',
  Gtc: 'GTC',
  Ioc: 'IOC',
  Fok: 'FOK',
  Gtd: 'GTD',
  Moo: 'MOO',
  Moc: 'MOC',
} as const;

/** One of the values of {@link TimeInForce}. */
export type TimeInForce = (typeof TimeInForce)[keyof typeof TimeInForce];
