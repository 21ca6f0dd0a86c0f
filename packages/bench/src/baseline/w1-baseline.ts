import type { BarColumns } from '@ml4t/feeds';
import { type SmaCrossoverParams, validateSmaCrossoverParams } from '../strategies/sma-crossover-params.js';

/** What the baseline loop computed. */
export interface BaselineResult {
  readonly bars: number;
  readonly fills: number;
  /** Round trips closed (one per sell). */
  readonly trades: number;
  /** Buys refused because cash could not pay notional + commission. */
  readonly rejected: number;
  /** Cash at the end, in dollars (compensated double sum). */
  readonly finalCash: number;
  /** Cash plus every position marked at its last close, in dollars. */
  readonly finalEquity: number;
}

/**
 * The practical ceiling for W1: one hand-written loop over the bars' typed columns doing W1's exact work,
 * with none of the engine's machinery (no events, orders, Decimal or results).
 *
 * Semantics, identical to the engine run: after each close, per symbol, the rolling sums of the last `fast`
 * and `slow` closes give the two SMAs; a cross up (fast ≤ slow on the previous bar, fast > slow now) while
 * flat buys `quantity` shares, a cross down while long sells them. Orders fill at the next bar's open,
 * sells before buys (exit first), at `open × (1 ± slippageRate)`; commission is `commissionRate` of the
 * trade value; a buy the cash cannot pay is rejected. Orders decided on the last bar never fill. Cash is a
 * double sum with Neumaier compensation, so it equals the engine's exact Decimal cash to well below a cent.
 *
 * Rows must be sorted by timestamp (a `ColumnarFeed`'s order). The rolling sums are updated with the same operations in the same order as the engine strategy, so both
 * see bit-identical SMAs and take the same decisions.
 */
export function runW1Baseline(bars: BarColumns, params: SmaCrossoverParams): BaselineResult {
  validateSmaCrossoverParams(params);
  const { fast, slow, quantity } = params;
  const n = bars.symbols.length;
  const rows = bars.timestamp.length;
  const { timestamp, symbol, open, close } = bars;
  const buyFactor = 1 + params.slippageRate;
  const sellFactor = 1 - params.slippageRate;
  const rate = params.commissionRate;

  const ring = new Float64Array(n * slow);
  const sumFast = new Float64Array(n);
  const sumSlow = new Float64Array(n);
  const prevFast = new Float64Array(n);
  const prevSlow = new Float64Array(n);
  const seen = new Int32Array(n);
  const slot = new Int32Array(n);
  const held = new Float64Array(n);
  const lastClose = new Float64Array(n);
  // The symbols with an order decided at their previous close: +1 buy, −1 sell.
  const pending = new Int8Array(n);

  let cash = params.initialCash;
  let carry = 0;
  let fills = 0;
  let trades = 0;
  let rejected = 0;

  let start = 0;
  while (start < rows) {
    const ts = timestamp[start] as number;
    let end = start + 1;
    while (end < rows && timestamp[end] === ts) end++;
    // Next-bar open of each symbol with a bar now: exits first, then entries.
    for (let i = start; i < end; i++) {
      const s = symbol[i] as number;
      if (pending[s] !== -1) continue;
      pending[s] = 0;
      const notional = (open[i] as number) * sellFactor * quantity;
      const fee = notional * rate;
      // Neumaier-compensated cash += notional − fee.
      let x = notional;
      let sum = cash + x;
      carry += Math.abs(cash) >= Math.abs(x) ? cash - sum + x : x - sum + cash;
      cash = sum;
      x = -fee;
      sum = cash + x;
      carry += Math.abs(cash) >= Math.abs(x) ? cash - sum + x : x - sum + cash;
      cash = sum;
      held[s] = (held[s] as number) - quantity;
      fills++;
      trades++;
    }
    for (let i = start; i < end; i++) {
      const s = symbol[i] as number;
      if (pending[s] !== 1) continue;
      pending[s] = 0;
      const notional = (open[i] as number) * buyFactor * quantity;
      const fee = notional * rate;
      if (cash + carry < notional + fee) {
        rejected++;
        continue;
      }
      let x = -notional;
      let sum = cash + x;
      carry += Math.abs(cash) >= Math.abs(x) ? cash - sum + x : x - sum + cash;
      cash = sum;
      x = -fee;
      sum = cash + x;
      carry += Math.abs(cash) >= Math.abs(x) ? cash - sum + x : x - sum + cash;
      cash = sum;
      held[s] = (held[s] as number) + quantity;
      fills++;
    }
    // Decide at the close.
    for (let i = start; i < end; i++) {
      const s = symbol[i] as number;
      const c = close[i] as number;
      lastClose[s] = c;
      const t = seen[s] as number;
      seen[s] = t + 1;
      const base = s * slow;
      const k = slot[s] as number;
      slot[s] = k + 1 === slow ? 0 : k + 1;
      const kFast = k >= fast ? k - fast : k - fast + slow;
      const outFast = t >= fast ? (ring[base + kFast] as number) : 0;
      const outSlow = t >= slow ? (ring[base + k] as number) : 0;
      ring[base + k] = c;
      const sf = (sumFast[s] as number) + c - outFast;
      const ss = (sumSlow[s] as number) + c - outSlow;
      sumFast[s] = sf;
      sumSlow[s] = ss;
      if (t + 1 < slow) continue;
      const f = sf / fast;
      const w = ss / slow;
      if (t + 1 > slow) {
        const pf = prevFast[s] as number;
        const pw = prevSlow[s] as number;
        if (pf <= pw && f > w && held[s] === 0) pending[s] = 1;
        else if (pf >= pw && f < w && (held[s] as number) > 0) pending[s] = -1;
      }
      prevFast[s] = f;
      prevSlow[s] = w;
    }
    start = end;
  }

  const finalCash = cash + carry;
  let equity = finalCash;
  for (let s = 0; s < n; s++) if (held[s] !== 0) equity += (held[s] as number) * (lastClose[s] as number);
  return { bars: rows, fills, trades, rejected, finalCash, finalEquity: equity };
}
