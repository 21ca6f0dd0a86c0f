import type { Money } from '../money/decimal.js';
import type { ExitReason } from './exit-reason.js';
import type { SymbolId } from './symbol-table.js';
import type { Timestamp } from './timestamp.js';

/** Direction of a trade. */
export type TradeDirection = 'LONG' | 'SHORT';

/** What was known at a trade's entry or exit: the ML score, chosen features and market context. */
export interface TradeContext {
  /** The configured score feature at that time; `NaN` when absent. */
  readonly score: number;
  readonly features: Readonly<Record<string, number>>;
  readonly market: Readonly<Record<string, number>>;
}

/**
 * A closed (or, at the end of a run, still open) round trip or part of one.
 *
 * A trade opens when a position leaves zero. Every fill that reduces the position closes a trade record for
 * the quantity it closes, at the position's average entry price, with the entry commission and slippage
 * allocated pro rata. So partial exits produce several records, and
 * `initial cash + Σ pnlNet + open P&L = final equity` holds exactly.
 */
export interface Trade {
  /** Deterministic id (`T1`, `T2`, …). */
  readonly id: string;
  /** Id shared by every record of one position's life (partial exits of one round trip). */
  readonly positionId: string;
  readonly symbol: string;
  readonly symbolId: SymbolId;
  readonly direction: TradeDirection;
  readonly quantity: number;
  readonly multiplier: number;
  readonly entryTime: Timestamp;
  readonly exitTime: Timestamp;
  readonly entryIndex: number;
  readonly exitIndex: number;
  /** Average entry price per unit (after entry slippage). */
  readonly entryPrice: number;
  /** Exit price per unit (after exit slippage); for open trades, the last mark. */
  readonly exitPrice: number;
  readonly entryCommission: Money;
  readonly exitCommission: Money;
  readonly commission: Money;
  /** Average per-unit entry slippage (market impact excluded; see `entryImpact`). */
  readonly entrySlippagePerUnit: number;
  readonly exitSlippagePerUnit: number;
  /** Dollar slippage of the entry (pro rata for partial exits) and of the exit, and their sum. */
  readonly entrySlippage: Money;
  readonly exitSlippage: Money;
  readonly slippage: Money;
  /** Dollar market impact of the entry and the exit (recorded apart from slippage), and their sum. */
  readonly entryImpact: Money;
  readonly exitImpact: Money;
  readonly impact: Money;
  readonly entryOrderIds: readonly string[];
  readonly exitOrderId: string;
  readonly exitReason: ExitReason;
  /** Name of the rule behind the exit (risk exits); `undefined` for exits by an order. */
  readonly exitRule?: string | undefined;
  /** `(exitPrice − entryPrice) × quantity × multiplier`, sign-adjusted for shorts; exact. */
  readonly pnlGross: Money;
  /** `pnlGross − commission`. */
  readonly pnlNet: Money;
  /** Gross return on the entry notional (same sign as `pnlGross`). */
  readonly returnPct: number;
  /** Net return on the entry notional. */
  readonly netReturnPct: number;
  /** Number of bars of this symbol from the entry fill to the exit fill. */
  readonly barsHeld: number;
  readonly durationMs: number;
  /** Maximum favourable excursion as a fraction of the entry price (≥ 0), from bar extremes after entry. */
  readonly mfe: number;
  /** Maximum adverse excursion as a fraction of the entry price (≤ 0). */
  readonly mae: number;
  /**
   * Context at the entry decision: captured when the strategy submitted the opening order (so a next-bar fill
   * records the score the decision used); for orders the broker creates itself, at the fill.
   */
  readonly entryContext: TradeContext;
  /** Context at the exit decision (same rule: the closing order's submission, or the fill for risk exits). */
  readonly exitContext: TradeContext;
  /** True for a position still open at the end of the run, marked to the last price. */
  readonly isOpen: boolean;
}
