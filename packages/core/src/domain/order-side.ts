/** Direction of an order: buying adds to the position, selling subtracts from it. */
export const OrderSide = {
  Buy: 'BUY',
  Sell: 'SELL',
} as const;

/** `'BUY' | 'SELL'`. See {@link OrderSide}. */
export type OrderSide = (typeof OrderSide)[keyof typeof OrderSide];

/** +1 for a buy, −1 for a sell. */
export function sideSign(side: OrderSide): 1 | -1 {
  return side === OrderSide.Buy ? 1 : -1;
}
