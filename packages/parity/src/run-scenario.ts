import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  Engine,
  type FillEvent,
  type OrderUpdate,
  type PortfolioSnapshot,
  type ResultSink,
  type Trade,
  toIso,
} from '@ml4t/core';
import { csvFeed } from '@ml4t/feeds';
import { backtraderBroker } from './backtrader-broker.js';
import type { GoldenDay, GoldenFill, GoldenOrderEvent, GoldenTrade, ParityRecord } from './golden.js';
import type { ScenarioSpec } from './scenario-spec.js';
import { ScenarioStrategy } from './scenario-strategy.js';

/** Options of {@link runScenario}. */
export interface RunScenarioOptions {
  /** Folder of one CSV per symbol (`date,open,high,low,close,volume`), used in file-name order. */
  readonly dataDir: string;
  /** @defaultValue 100000 */
  readonly initialCash?: number;
}

/** Collects what the golden files record. */
class Recorder implements ResultSink {
  readonly fills: FillEvent[] = [];
  readonly trades: Trade[] = [];
  readonly snapshots: PortfolioSnapshot[] = [];
  readonly events: OrderUpdate[] = [];
  onFill(fill: FillEvent): void {
    this.fills.push(fill);
  }
  onTrade(trade: Trade): void {
    this.trades.push(trade);
  }
  onSnapshot(snapshot: PortfolioSnapshot): void {
    this.snapshots.push(snapshot);
  }
  onOrder(update: OrderUpdate): void {
    if (update.status === 'CANCELLED' || update.status === 'REJECTED' || update.status === 'EXPIRED') {
      this.events.push(update);
    }
  }
}

const day = (ts: number): string => toIso(ts).slice(0, 10);

/**
 * Runs one scenario with the backtrader profile on the CSVs of `dataDir` and returns the run in the golden
 * files' shape.
 */
export async function runScenario(spec: ScenarioSpec, options: RunScenarioOptions): Promise<ParityRecord> {
  const files = readdirSync(options.dataDir)
    .filter((f) => f.toLowerCase().endsWith('.csv'))
    .sort()
    .map((f) => join(options.dataDir, f));
  const feed = csvFeed(files, {});
  const initialCash = options.initialCash ?? 100_000;
  const strategy = new ScenarioStrategy(spec);
  const recorder = new Recorder();
  const engine = new Engine({
    initialCash,
    feeds: [feed],
    strategy,
    broker: await backtraderBroker(spec.costs),
    sinks: [recorder],
    blockReentryAfterExit: false,
    riskOnEntryBar: false,
  });
  const summary = await engine.run();
  const symbols = engine.symbols.list();
  const finalPositions = Object.fromEntries(symbols.map((s) => [s, engine.portfolio.quantity(engine.symbols.id(s))]));
  const fills = mergeFills(recorder.fills);
  return {
    scenario: spec.id,
    engine: 'ml4t-backtest (backtrader profile)',
    initial_cash: initialCash,
    symbols,
    final_value: summary.finalEquity,
    final_cash: summary.finalCash.toNumber(),
    final_positions: finalPositions,
    counts: {
      trades: recorder.trades.length,
      fills: fills.length,
      order_events: recorder.events.length,
      signals: strategy.signals.length,
      open_trades: summary.openTrades.length,
    },
    trades: recorder.trades.map(toGoldenTrade),
    open_trades: summary.openTrades.map((t) => ({
      asset: t.symbol,
      entry_date: day(t.entryTime),
      entry_price: t.entryPrice,
      size: t.direction === 'LONG' ? t.quantity : -t.quantity,
    })),
    fills,
    order_events: recorder.events.map(toGoldenEvent),
    daily: recorder.snapshots.map((s): GoldenDay => ({ date: day(s.timestamp), value: s.equity, cash: s.cashValue })),
  };
}

function toGoldenTrade(t: Trade): GoldenTrade {
  return {
    asset: t.symbol,
    direction: t.direction === 'LONG' ? 'long' : 'short',
    entry_date: day(t.entryTime),
    entry_price: t.entryPrice,
    size: t.direction === 'LONG' ? t.quantity : -t.quantity,
    exit_date: day(t.exitTime),
    exit_price: t.exitPrice,
    exit_type: t.exitReason,
    pnl_gross: t.pnlGross.toNumber(),
    commission: t.commission.toNumber(),
    pnl_net: t.pnlNet.toNumber(),
    entry_commission: t.entryCommission.toNumber(),
    exit_commission: t.exitCommission.toNumber(),
    bars: t.barsHeld,
  };
}

function toGoldenEvent(u: OrderUpdate): GoldenOrderEvent {
  return {
    date: day(u.timestamp),
    asset: u.order.symbol,
    status: u.status.toLowerCase(),
    ref: u.order.id,
    type: u.order.type,
    cause: u.reason?.code ?? '',
  };
}

/**
 * One golden fill per execution: the engine splits a reversal into a closing and an opening fill (each with its
 * own commission); backtrader reports one fill with `closed` and `opened` parts.
 */
function mergeFills(fills: readonly FillEvent[]): GoldenFill[] {
  const out: GoldenFill[] = [];
  const held = new Map<string, number>();
  let previous: FillEvent | undefined;
  for (const f of fills) {
    const signed = f.side === 'BUY' ? f.quantity : -f.quantity;
    const before = held.get(f.symbol) ?? 0;
    const after = before + signed;
    held.set(f.symbol, after);
    const closed =
      Math.sign(before) !== Math.sign(signed) ? Math.sign(signed) * Math.min(Math.abs(before), f.quantity) : 0;
    const opened = signed - closed;
    const last = out[out.length - 1];
    if (last && previous && previous.orderId === f.orderId && previous.timestamp === f.timestamp) {
      out[out.length - 1] = {
        ...last,
        size: last.size + signed,
        commission: last.commission + f.commission.toNumber(),
        closed: last.closed + closed,
        opened: last.opened + opened,
      };
    } else {
      out.push({
        date: day(f.timestamp),
        asset: f.symbol,
        side: f.side === 'BUY' ? 'buy' : 'sell',
        size: signed,
        price: f.price,
        commission: f.commission.toNumber(),
        type: f.orderType,
        closed,
        opened,
        rule: f.priceRule,
      });
    }
    previous = f;
  }
  return out;
}
