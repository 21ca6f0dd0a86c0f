import { ACCEPT, type GateDecision, type InstrumentSpec, type OrderGateInput, OrderSide } from '@ml4t/core';
import { roundDown } from '../internal/quantity.js';
import { nonNegative, oneOf } from '../internal/validate.js';
import { rejectOrder, resizeOrder } from './gate-decisions.js';

/** Options shared by the portfolio rules that cap an order's size (exposure, weight, leverage, sector). */
export interface SizingRuleOptions {
  /** Rule name, recorded as the `source` of its decisions. @defaultValue the factory's name */
  readonly name?: string;
  /**
   * What to do with an order that would breach the limit: shrink it to the largest size that fits, or refuse
   * it. @defaultValue 'resize'
   */
  readonly onBreach?: 'resize' | 'reject';
  /** Resized quantities are rounded down to a multiple of this (0 = no rounding). @defaultValue 1 */
  readonly quantityStep?: number;
  /**
   * Instrument specs by symbol (the same object as the engine's `instruments`), for contract multipliers
   * (and sectors). Symbols not listed have multiplier 1.
   */
  readonly instruments?: Readonly<Record<string, Partial<InstrumentSpec>>>;
}

/** Validated sizing settings. @internal */
export interface SizingSettings {
  readonly name: string;
  readonly resize: boolean;
  readonly step: number;
  readonly instruments: Readonly<Record<string, Partial<InstrumentSpec>>>;
}

/** Validates {@link SizingRuleOptions} under `path`. @internal */
export function sizingSettings(path: string, options: SizingRuleOptions): SizingSettings {
  return {
    name: options.name ?? path,
    resize:
      (options.onBreach === undefined
        ? 'resize'
        : oneOf(`${path}.onBreach`, options.onBreach, ['resize', 'reject'])) === 'resize',
    step: nonNegative(`${path}.quantityStep`, options.quantityStep ?? 1),
    instruments: options.instruments ?? {},
  };
}

/** Value of one unit of the order's symbol at the reference price (price × multiplier). @internal */
export function unitValue(input: OrderGateInput, s: SizingSettings): number {
  const multiplier = s.instruments[input.order.symbol]?.multiplier ?? 1;
  return input.price * multiplier;
}

/** +1 for a buy, −1 for a sell. @internal */
export function orderSign(input: OrderGateInput): 1 | -1 {
  return input.order.side === OrderSide.Buy ? 1 : -1;
}

/**
 * The largest order quantity whose resulting position holds at most `maxAbsAfter` units (absolute) of the
 * symbol, for an order that opens exposure. A reversal counts the units it closes first. @internal
 */
export function quantityForAbsolute(input: OrderGateInput, maxAbsAfter: number): number {
  const held = input.portfolio.quantity(input.symbolId);
  const sameDirection = held === 0 || Math.sign(held) === orderSign(input);
  return sameDirection ? maxAbsAfter - Math.abs(held) : maxAbsAfter + Math.abs(held);
}

/**
 * The decision for an exposure-opening order whose quantity may be at most `maxQuantity`: accept when it
 * fits, else resize (rounded down to the step) or reject per the settings. @internal
 */
export function capDecision(input: OrderGateInput, s: SizingSettings, maxQuantity: number, what: string): GateDecision {
  const q = input.order.quantity;
  if (q <= maxQuantity * (1 + 1e-12)) return ACCEPT;
  const fit = maxQuantity > 0 ? roundDown(maxQuantity, s.step) : 0;
  if (!s.resize || !(fit > 0)) {
    return rejectOrder(
      s.name,
      `${input.order.symbol}: ${q} units would exceed ${what}; at most ${Math.max(0, fit)} fit`,
    );
  }
  return resizeOrder(s.name, fit, `${input.order.symbol}: resized from ${q} to ${fit} units to stay within ${what}`);
}

/**
 * Rejects orders that cannot be sized (no finite reference price, or equity ≤ 0); `undefined` when sizing can
 * proceed. @internal
 */
export function unsizable(input: OrderGateInput, s: SizingSettings): GateDecision | undefined {
  if (!(input.price > 0) || !Number.isFinite(input.price)) {
    return rejectOrder(s.name, `${input.order.symbol}: no reference price to size the order`);
  }
  if (!(input.portfolio.equity > 0)) return rejectOrder(s.name, 'equity is not positive');
  return undefined;
}

/** The largest order quantity that keeps gross exposure (Σ |position value|) at most `limit`. @internal */
export function grossCapQuantity(input: OrderGateInput, s: SizingSettings, limit: number): number {
  const unitVal = unitValue(input, s);
  const held = Math.abs(input.portfolio.quantity(input.symbolId));
  const others = input.portfolio.grossExposure - held * unitVal;
  return quantityForAbsolute(input, (limit - others) / unitVal);
}
