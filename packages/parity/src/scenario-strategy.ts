import {
  bracket,
  type FillEvent,
  type OrderEvent,
  OrderType,
  type Strategy,
  type StrategyContext,
  type TimeSlice,
} from '@ml4t/core';
import { CrossOver } from './crossover.js';
import type { ScenarioSpec } from './scenario-spec.js';

/** One non-zero crossover and what the strategy did about it (the golden files' `signals`). */
export interface SignalRecord {
  readonly timestamp: number;
  readonly symbol: string;
  readonly cross: -1 | 1;
  readonly position: number;
  readonly action: string;
}

/**
 * The SMA-crossover strategy of every scenario, written against the public API only.
 *
 * Protective orders are placed on the decision step of the bar whose open filled the entry (backtrader notifies
 * fills after the bar), before the bar's new signals, so they are first tried on the next bar; an exit signal's
 * close joins the resting protective order's OCO group.
 */
export class ScenarioStrategy implements Strategy {
  readonly name: string;
  readonly signals: SignalRecord[] = [];
  private readonly crosses = new Map<number, CrossOver>();
  private readonly groups = new Map<number, string>();
  private entriesFilled: FillEvent[] = [];
  private groupCounter = 0;

  constructor(private readonly spec: ScenarioSpec) {
    this.name = `parity:${spec.id}`;
  }

  onFill(fill: FillEvent, ctx: StrategyContext): void {
    const held = ctx.portfolio.quantity(fill.symbolId);
    const opened = fill.side === 'BUY' ? held > 0 : held < 0;
    if (opened && Math.abs(held) === fill.quantity) this.entriesFilled.push(fill);
    if (held === 0) this.groups.delete(fill.symbolId);
  }

  onTimeSlice(slice: TimeSlice, ctx: StrategyContext): void {
    this.placeProtectiveOrders(ctx);
    const equity = ctx.portfolio.equity;
    for (let i = 0; i < slice.size; i++) {
      const sid = slice.symbolIds[i] as number;
      let xo = this.crosses.get(sid);
      if (xo === undefined) {
        xo = new CrossOver(this.spec.fast, this.spec.slow);
        this.crosses.set(sid, xo);
      }
      const close = slice.close[i] as number;
      const cross = xo.push(close);
      if (cross === 0) continue;
      const symbol = slice.symbols.name(sid);
      const held = ctx.portfolio.quantity(sid);
      const action = this.act(ctx, symbol, sid, cross, held, close, equity);
      this.signals.push({ timestamp: slice.timestamp, symbol, cross, position: held, action });
    }
  }

  private act(
    ctx: StrategyContext,
    symbol: string,
    sid: number,
    cross: -1 | 1,
    held: number,
    close: number,
    equity: number,
  ): string {
    const spec = this.spec;
    if (spec.mode === 'long_short') {
      const target = cross > 0 ? 100 : -100;
      if ((cross > 0 && held > 0) || (cross < 0 && held < 0)) return 'none';
      const delta = target - held;
      ctx.bus.submit({ type: OrderType.Market, symbol, side: delta > 0 ? 'BUY' : 'SELL', quantity: Math.abs(delta) });
      return `target ${target > 0 ? '+' : ''}${target}`;
    }
    if (cross > 0) {
      if (held !== 0) return 'none';
      const shares =
        spec.sizing.kind === 'fixed' ? spec.sizing.shares : Math.floor((spec.sizing.percent * equity) / close);
      if (shares <= 0) return 'none';
      const entry: OrderEvent = { type: OrderType.Market, symbol, side: 'BUY', quantity: shares };
      if (spec.bracket) {
        ctx.bus.submit(
          bracket({
            entry,
            stopPrice: close * spec.bracket.stopFactor,
            takeProfitPrice: close * spec.bracket.limitFactor,
          }),
        );
      } else {
        ctx.bus.submit(entry);
      }
      return 'buy';
    }
    if (held <= 0) return 'none';
    if (spec.bracket) {
      for (const order of ctx.bus.openOrders(sid)) ctx.bus.cancel(order.id);
    }
    const group = this.groups.get(sid);
    ctx.bus.submit({
      type: OrderType.Market,
      symbol,
      side: 'SELL',
      quantity: held,
      ...(group !== undefined ? { ocoGroup: group } : {}),
    });
    return 'close';
  }

  private placeProtectiveOrders(ctx: StrategyContext): void {
    const protective = this.spec.protective;
    const fills = this.entriesFilled;
    this.entriesFilled = [];
    if (protective === undefined) return;
    for (const fill of fills) {
      const held = ctx.portfolio.quantity(fill.symbolId);
      if (held <= 0) continue;
      this.groupCounter += 1;
      const group = `${fill.symbol}#${this.groupCounter}`;
      this.groups.set(fill.symbolId, group);
      const common = { symbol: fill.symbol, side: 'SELL', quantity: held, ocoGroup: group } as const;
      if (protective.kind === 'stop') {
        ctx.bus.submit({ ...common, type: OrderType.Stop, stopPrice: fill.price * protective.factor });
      } else if (protective.kind === 'limit') {
        ctx.bus.submit({ ...common, type: OrderType.Limit, limitPrice: fill.price * protective.factor });
      } else {
        ctx.bus.submit({ ...common, type: OrderType.TrailingStop, trailPercent: protective.percent });
      }
    }
  }
}
