import type { AccountCheckInput } from './account-policy.js';

/** Gross exposure after a fill, valuing this symbol at the fill price. @internal */
export function postTradeGross(input: AccountCheckInput): number {
  const signed = input.side === 'BUY' ? input.quantity : -input.quantity;
  const newValue = Math.abs((input.position + signed) * input.price * input.multiplier);
  return input.grossExposure - input.positionValue + newValue;
}
