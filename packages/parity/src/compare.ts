import type { GoldenFill, GoldenTrade, ParityRecord } from './golden.js';

/** Prices, commissions and values may differ by at most this many dollars. */
export const TOLERANCE = 0.01;

/** The outcome of comparing a run with a golden file: empty `differences` means parity. */
export interface ParityReport {
  readonly scenario: string;
  readonly checked: number;
  readonly differences: readonly string[];
}

/**
 * Compares the engine's record with a golden file: counts exactly; each trade's asset, direction, dates and size
 * exactly and prices, commissions within {@link TOLERANCE}; each fill's date, asset, side and size exactly and
 * price and commission within tolerance; the open positions; the daily value and the final value within tolerance.
 */
export function compareRecords(actual: ParityRecord, golden: ParityRecord): ParityReport {
  const diffs: string[] = [];
  let checked = 0;
  const eq = (what: string, a: unknown, g: unknown): void => {
    checked += 1;
    if (a !== g) diffs.push(`${what}: engine ${String(a)}, golden ${String(g)}`);
  };
  const near = (what: string, a: number, g: number): void => {
    checked += 1;
    if (!(Math.abs(a - g) <= TOLERANCE + 1e-9)) diffs.push(`${what}: engine ${a}, golden ${g}`);
  };
  eq('trade count', actual.trades.length, golden.trades.length);
  eq('fill count', actual.fills.length, golden.fills.length);
  eq('open trade count', actual.open_trades.length, golden.open_trades.length);
  near('final value', actual.final_value, golden.final_value);
  near('final cash', actual.final_cash, golden.final_cash);
  const n = Math.min(actual.trades.length, golden.trades.length);
  for (let i = 0; i < n; i++)
    compareTrade(`trade ${i + 1}`, actual.trades[i] as GoldenTrade, golden.trades[i] as GoldenTrade, eq, near);
  const m = Math.min(actual.fills.length, golden.fills.length);
  for (let i = 0; i < m; i++)
    compareFill(`fill ${i + 1}`, actual.fills[i] as GoldenFill, golden.fills[i] as GoldenFill, eq, near);
  for (const [asset, size] of Object.entries(golden.final_positions ?? {})) {
    eq(`final position ${asset}`, actual.final_positions[asset] ?? 0, size);
  }
  const days = new Map(actual.daily.map((d) => [d.date, d]));
  for (const day of golden.daily) {
    const mine = days.get(day.date);
    if (mine === undefined) {
      diffs.push(`daily ${day.date}: missing in engine output`);
      continue;
    }
    near(`value on ${day.date}`, mine.value, day.value);
    near(`cash on ${day.date}`, mine.cash, day.cash);
  }
  return { scenario: golden.scenario, checked, differences: diffs };
}

type Eq = (what: string, a: unknown, g: unknown) => void;
type Near = (what: string, a: number, g: number) => void;

function compareTrade(label: string, a: GoldenTrade, g: GoldenTrade, eq: Eq, near: Near): void {
  const what = `${label} (${g.asset} ${g.entry_date}→${g.exit_date})`;
  eq(`${what} asset`, a.asset, g.asset);
  eq(`${what} direction`, a.direction, g.direction);
  eq(`${what} entry date`, a.entry_date, g.entry_date);
  eq(`${what} exit date`, a.exit_date, g.exit_date);
  eq(`${what} size`, a.size, g.size);
  near(`${what} entry price`, a.entry_price, g.entry_price);
  near(`${what} exit price`, a.exit_price, g.exit_price);
  near(`${what} commission`, a.commission, g.commission);
  near(`${what} gross P&L`, a.pnl_gross, g.pnl_gross);
  near(`${what} net P&L`, a.pnl_net, g.pnl_net);
  eq(`${what} bars`, a.bars, g.bars);
}

function compareFill(label: string, a: GoldenFill, g: GoldenFill, eq: Eq, near: Near): void {
  const what = `${label} (${g.date} ${g.asset} ${g.side} ${g.size})`;
  eq(`${what} date`, a.date, g.date);
  eq(`${what} asset`, a.asset, g.asset);
  eq(`${what} side`, a.side, g.side);
  eq(`${what} size`, a.size, g.size);
  near(`${what} price`, a.price, g.price);
  near(`${what} commission`, a.commission, g.commission);
}
