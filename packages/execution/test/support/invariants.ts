import {
  Decimal,
  type FillEvent,
  type MarketEvent,
  type Money,
  type OrderUpdate,
  type PortfolioSnapshot,
  type ResultSink,
  type RunSummary,
  type Trade,
} from '@ml4t/core';

/** Everything a test backtest produced, collected by {@link RecordingSink}. */
export interface Recording {
  readonly fills: FillEvent[];
  readonly trades: Trade[];
  readonly orders: OrderUpdate[];
  readonly snapshots: PortfolioSnapshot[];
  summary: RunSummary | undefined;
}

/** A result sink that records every event; also checks per-snapshot cash and equity against its own ledger. */
export class RecordingSink implements ResultSink, Recording {
  readonly fills: FillEvent[] = [];
  readonly trades: Trade[] = [];
  readonly orders: OrderUpdate[] = [];
  readonly snapshots: PortfolioSnapshot[] = [];
  summary: RunSummary | undefined;
  readonly problems: string[] = [];
  private cash: Money;
  /** Held quantity per symbol, the exact decimal sum of its fills' quantities. */
  private readonly qty = new Map<string, Decimal>();
  private readonly mult = new Map<string, number>();
  private readonly lastClose = new Map<string, number>();
  private readonly bars: Map<string, MarketEvent>;
  private readonly barsByTime: Map<number, MarketEvent[]>;

  constructor(initialCash: number, events: readonly MarketEvent[]) {
    this.cash = new Decimal(initialCash);
    this.bars = new Map(events.map((e) => [`${e.symbol}@${e.timestamp}`, e]));
    this.barsByTime = new Map();
    for (const e of events) {
      const list = this.barsByTime.get(e.timestamp) ?? [];
      list.push(e);
      this.barsByTime.set(e.timestamp, list);
    }
  }

  onOrder(update: OrderUpdate): void {
    this.orders.push(update);
  }

  onFill(fill: FillEvent): void {
    const prev = this.fills.at(-1);
    if (prev !== undefined && fill.timestamp < prev.timestamp) this.problems.push(`fill ${fill.id} goes back in time`);
    this.fills.push(fill);
    const bar = this.bars.get(`${fill.symbol}@${fill.timestamp}`);
    if (bar === undefined) this.problems.push(`fill ${fill.id} on a missing bar of ${fill.symbol}`);
    else if (fill.basePrice < bar.low - 1e-9 || fill.basePrice > bar.high + 1e-9) {
      this.problems.push(`fill ${fill.id} base price ${fill.basePrice} outside [${bar.low}, ${bar.high}]`);
    }
    const before = this.qty.get(fill.symbol) ?? new Decimal(0);
    const after = before.plus(fill.side === 'BUY' ? fill.quantity : -fill.quantity);
    if (!before.isZero() && !after.isZero() && before.isNeg() !== after.isNeg()) {
      this.problems.push(`fill ${fill.id} crosses zero (${before} → ${after})`);
    }
    this.qty.set(fill.symbol, after);
    this.mult.set(fill.symbol, fill.multiplier);
    const expectNotional = new Decimal(fill.price).times(fill.quantity).times(fill.multiplier);
    if (!expectNotional.eq(fill.notional)) this.problems.push(`fill ${fill.id} notional ${fill.notional} ≠ q × p × m`);
    if (fill.commission.lt(0)) this.problems.push(`fill ${fill.id} negative commission`);
    const delta =
      fill.side === 'BUY' ? fill.notional.plus(fill.commission).neg() : fill.notional.minus(fill.commission);
    this.cash = this.cash.plus(delta);
  }

  onTrade(trade: Trade): void {
    this.trades.push(trade);
  }

  onSnapshot(snap: PortfolioSnapshot): void {
    this.snapshots.push(snap);
    for (const e of this.barsByTime.get(snap.timestamp) ?? []) this.lastClose.set(e.symbol, e.close);
    if (!this.cash.eq(snap.cash))
      this.problems.push(`snapshot ${snap.index}: cash ${snap.cash} ≠ fills ledger ${this.cash}`);
    let value = 0;
    for (const [symbol, q] of this.qty) {
      if (!q.isZero()) {
        value += q.toNumber() * (this.lastClose.get(symbol) ?? Number.NaN) * (this.mult.get(symbol) ?? 1);
      }
    }
    const equity = this.cash.toNumber() + value;
    if (Math.abs(equity - snap.equity) > 1e-6 * Math.max(1, Math.abs(equity))) {
      this.problems.push(`snapshot ${snap.index}: equity ${snap.equity} ≠ cash + Σ positions ${equity}`);
    }
  }

  onEnd(summary: RunSummary): void {
    this.summary = summary;
  }
}

/**
 * The ledger invariants of SCENARIOS "Always", checked on a finished recording. Returns the list of
 * violations (empty when all hold).
 */
export function checkInvariants(rec: RecordingSink, initialCash: number): string[] {
  const problems = [...rec.problems];
  const summary = rec.summary;
  if (summary === undefined) return [...problems, 'no run summary'];
  // initial cash + Σ closed pnlNet + Σ open pnlNet = final equity, exactly.
  let total = new Decimal(initialCash);
  for (const t of [...rec.trades, ...summary.openTrades]) total = total.plus(t.pnlNet);
  total = total.plus(summary.dividends);
  let equity = summary.finalCash;
  for (const t of summary.openTrades) {
    const v = new Decimal(t.exitPrice).times(t.quantity).times(t.multiplier);
    equity = t.direction === 'LONG' ? equity.plus(v) : equity.minus(v);
  }
  if (!total.eq(equity)) problems.push(`initial + Σ pnlNet = ${total} ≠ final equity ${equity}`);
  for (const t of [...rec.trades, ...summary.openTrades]) {
    if (!t.pnlGross.minus(t.commission).eq(t.pnlNet)) problems.push(`trade ${t.id}: gross − fees ≠ net`);
    if (Math.sign(t.pnlGross.toNumber()) !== Math.sign(t.returnPct))
      problems.push(`trade ${t.id}: sign(gross) ≠ sign(return)`);
    if (!(t.mfe >= 0) || !(t.mae <= 0)) problems.push(`trade ${t.id}: mfe ${t.mfe} / mae ${t.mae}`);
  }
  // Order bookkeeping: the last update's filled quantity = Σ its fills; limit fills never beyond the limit.
  const lastUpdate = new Map<string, OrderUpdate>();
  for (const u of rec.orders) lastUpdate.set(u.order.id, u);
  const filled = new Map<string, number>();
  for (const f of rec.fills) {
    filled.set(f.orderId, (filled.get(f.orderId) ?? 0) + f.quantity);
    const order = lastUpdate.get(f.orderId)?.order;
    if (order === undefined) {
      problems.push(`fill ${f.id} of unknown order ${f.orderId}`);
      continue;
    }
    const r = order.request;
    if (r.type === 'LIMIT' || r.type === 'STOP_LIMIT') {
      if (r.side === 'BUY' ? f.price > r.limitPrice + 1e-9 : f.price < r.limitPrice - 1e-9) {
        problems.push(`fill ${f.id} at ${f.price} beyond limit ${r.limitPrice}`);
      }
    }
  }
  for (const [id, u] of lastUpdate) {
    const sum = filled.get(id) ?? 0;
    if (Math.abs(sum - u.order.filledQuantity) > 1e-9) {
      problems.push(`order ${id}: filledQuantity ${u.order.filledQuantity} ≠ Σ fills ${sum}`);
    }
  }
  return problems;
}
