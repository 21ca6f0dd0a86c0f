import {
  type BarView,
  decimalToNumber,
  exactPrice,
  type InstrumentSpec,
  type Money,
  moneyMinus,
  numberToDecimal,
  type Order,
  type SlippageModel,
  ZERO,
} from '@ml4t/core';
import type { MarketImpactModel } from '../impact/market-impact-model.js';

/** Everything needed to turn a base price into a fill price. */
export interface PriceFillInput {
  readonly order: Order;
  readonly bar: BarView;
  readonly quantity: number;
  readonly basePrice: number;
  readonly kind: string;
  readonly spec: InstrumentSpec;
  readonly slippage: SlippageModel;
  readonly impact: MarketImpactModel | undefined;
  /** The fill may not be worse than this (limit orders); `NaN` for none. */
  readonly limit: number;
  /** Cut the slipped price to the bar's [low, high]. */
  readonly capToBar: boolean;
}

/** The priced fill: per-unit price and its decomposition (adverse costs are positive). */
export interface PricedFill {
  price: number;
  slippagePerUnit: number;
  impactPerUnit: number;
  /** Exact per-unit slippage, `sign × (price − base) − impact`. */
  slippageExact: Money;
  impactExact: Money;
  /** Suffix for the price rule: ` capped@high`, ` capped@limit`, … (empty when untouched). */
  capped: string;
}

/**
 * Applies slippage, market impact, the bar cap, tick rounding and the limit cap, in that order, and splits
 * the result into slippage and impact per unit. A cap takes away slippage before impact. Tick rounding is
 * adverse (buys round up, sells down) and counts as slippage. A limit order never fills beyond its limit.
 */
export function priceFill(input: PriceFillInput, out: PricedFill): PricedFill {
  const { order, bar, basePrice: base, limit, spec } = input;
  const buy = order.side === 'BUY';
  const sign = buy ? 1 : -1;
  const slipped = input.slippage.fillPrice({
    order,
    bar,
    quantity: input.quantity,
    basePrice: base,
    kind: input.kind,
    spec,
  });
  let impact =
    input.impact === undefined
      ? 0
      : input.impact.impactPerUnit({
          symbolId: order.symbolId,
          side: order.side,
          quantity: input.quantity,
          basePrice: base,
          barVolume: bar.volume,
        });
  let price = slipped + sign * impact;
  let capped = '';
  if (input.capToBar) {
    if (buy && price > bar.high) {
      price = bar.high;
      capped = ' capped@high';
    } else if (!buy && price < bar.low) {
      price = bar.low;
      capped = ' capped@low';
    }
  }
  if (spec.tickSize > 0) {
    const ticks = price / spec.tickSize;
    const rounded = (buy ? Math.ceil(ticks - 1e-9) : Math.floor(ticks + 1e-9)) * spec.tickSize;
    price = Number(rounded.toFixed(12));
  }
  if (!Number.isNaN(limit) && (buy ? price > limit : price < limit)) {
    price = limit;
    capped += ' capped@limit';
  }
  const total = sign * (price - base);
  if (capped !== '' && impact > 0) impact = Math.min(impact, Math.max(total, 0));
  const impactExact = impact === 0 ? ZERO : numberToDecimal(impact);
  // sign × (price − base) − impact, exact; a zero impact needs no Decimal arithmetic.
  const exact = exactPrice(price);
  const exactBase = numberToDecimal(base);
  const signed = buy ? moneyMinus(exact, exactBase) : moneyMinus(exactBase, exact);
  const raw = impact === 0 ? signed : moneyMinus(signed, impactExact);
  // Normalise −0 (a sell with no slippage) to 0 so records compare cleanly.
  const slippageExact = raw.isZero() ? ZERO : raw;
  out.price = price;
  out.impactPerUnit = impact;
  out.impactExact = impactExact;
  out.slippageExact = slippageExact;
  out.slippagePerUnit = decimalToNumber(slippageExact);
  out.capped = capped;
  return out;
}
