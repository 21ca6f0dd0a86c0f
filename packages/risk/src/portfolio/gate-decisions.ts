import { type GateDecision, type OrderReason, ReasonCode } from '@ml4t/core';

/** A `reject` decision with a `risk_rule` reason from `source`. @internal */
export function rejectOrder(
  source: string,
  message: string,
  code: OrderReason['code'] = ReasonCode.RiskRule,
): GateDecision {
  return { action: 'reject', reason: { code, message, source } };
}

/** A `resize` decision to `quantity` units. @internal */
export function resizeOrder(source: string, quantity: number, message: string): GateDecision {
  return { action: 'resize', quantity, reason: { code: ReasonCode.RiskRule, message, source } };
}

/** A `halt` decision (trading halted) from `source`. @internal */
export function haltOrder(source: string, message: string): GateDecision {
  return { action: 'halt', reason: { code: ReasonCode.TradingHalted, message, source } };
}
