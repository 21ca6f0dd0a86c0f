/**
 * An independent reference simulator for one symbol, written from the documented rules only. It shares NO code
 * with `@ml4t/execution` or the core ledger: its own order book, its own fill rules and its own cash arithmetic
 * (decimal.js used directly).
 *
 * Semantics modelled (the defaults of the simulated broker, with a cash account):
 * - an order decided on bar t is first tried on bar t + 1; GTC; cancelled at the end of the data;
 * - market: the open; buy limit L: the open if open ≤ L, else L if low ≤ L; sell limit mirrored with the high;
 *   buy stop S: the open if open ≥ S, else S if high ≥ S; sell stop mirrored with the low;
 * - percentage slippage r against the trader on every fill (buy × (1 + r), sell × (1 − r)), but a limit order never
 *   fills beyond its limit; percentage commission c of the fill value;
 * - on a bar, orders that reduce the position are tried before the others (exit first), each group in
 *   submission order; the position used to classify is the one before the bar's first fill;
 * - cash account: a sell when nothing is held or bought-pending is refused at submission; at fill, a sell larger
 *   than the position is refused, and a buy whose value + commission exceeds cash is refused.
 */
import { Decimal as BaseDecimal } from 'decimal.js';

/** The oracle's own exact arithmetic: enough digits that no cash sum here ever rounds. */
const Decimal = BaseDecimal.clone({ precision: 100 });

export interface OracleBar {
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
}

export interface OracleOrder {
  /** Bar on which the order is decided (at its close). */
  readonly bar: number;
  readonly kind: 'market' | 'limit' | 'stop';
  readonly side: 'BUY' | 'SELL';
  readonly qty: number;
  /** Limit or stop level (ignored for market). */
  readonly level: number;
}

export interface OracleFill {
  readonly bar: number;
  readonly side: 'BUY' | 'SELL';
  readonly qty: number;
  readonly price: number;
  readonly commission: string;
}

export interface OracleResult {
  readonly fills: OracleFill[];
  readonly cash: string;
  readonly position: number;
  /** Orders refused, by input index. */
  readonly refused: number[];
}

interface Live {
  readonly index: number;
  readonly order: OracleOrder;
}

/** Where an order would fill on a bar before costs, or `undefined`. */
function touchPrice(o: OracleOrder, b: OracleBar): number | undefined {
  if (o.kind === 'market') return b.open;
  const buy = o.side === 'BUY';
  if (o.kind === 'limit') {
    if (buy) {
      if (b.open <= o.level) return b.open;
      return b.low <= o.level ? o.level : undefined;
    }
    if (b.open >= o.level) return b.open;
    return b.high >= o.level ? o.level : undefined;
  }
  if (buy) {
    if (b.open >= o.level) return b.open;
    return b.high >= o.level ? o.level : undefined;
  }
  if (b.open <= o.level) return b.open;
  return b.low <= o.level ? o.level : undefined;
}

/** Runs the reference simulation. */
export function oracle(
  bars: readonly OracleBar[],
  orders: readonly OracleOrder[],
  initialCash: number,
  slippageRate: number,
  commissionRate: number,
): OracleResult {
  let cash = new Decimal(initialCash);
  let position = 0;
  const fills: OracleFill[] = [];
  const refused: number[] = [];
  let live: Live[] = [];
  const rate = new Decimal(commissionRate);

  for (let t = 0; t < bars.length; t++) {
    const b = bars[t] as OracleBar;
    // Try orders decided before this bar: exits first, then the rest, submission order within each.
    const eligible = live.filter((l) => l.order.bar < t);
    const reducing = (l: Live) => (l.order.side === 'SELL' ? position > 0 : position < 0);
    const ordered = [...eligible.filter(reducing), ...eligible.filter((l) => !reducing(l))];
    const done = new Set<number>();
    for (const l of ordered) {
      const o = l.order;
      const base = touchPrice(o, b);
      if (base === undefined) continue;
      const buy = o.side === 'BUY';
      let price = buy ? base * (1 + slippageRate) : base * (1 - slippageRate);
      if (o.kind === 'limit') price = buy ? Math.min(price, o.level) : Math.max(price, o.level);
      const value = new Decimal(price).times(o.qty);
      const commission = value.times(rate);
      done.add(l.index);
      if (buy) {
        if (value.plus(commission).gt(cash)) {
          refused.push(l.index);
          continue;
        }
        cash = cash.minus(value).minus(commission);
        position += o.qty;
      } else {
        if (o.qty > position) {
          refused.push(l.index);
          continue;
        }
        cash = cash.plus(value).minus(commission);
        position -= o.qty;
      }
      fills.push({ bar: t, side: o.side, qty: o.qty, price, commission: commission.toString() });
    }
    live = live.filter((l) => !done.has(l.index));
    // New orders decided at this bar's close (submission check of a cash account).
    orders.forEach((o, index) => {
      if (o.bar !== t) return;
      if (o.side === 'SELL') {
        const pendingBuys = live.filter((l) => l.order.side === 'BUY').reduce((s, l) => s + l.order.qty, 0);
        if (position + pendingBuys <= 0) {
          refused.push(index);
          return;
        }
      }
      live.push({ index, order: o });
    });
  }
  return { fills, cash: cash.toString(), position, refused: refused.sort((a, b) => a - b) };
}
