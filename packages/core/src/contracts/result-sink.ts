import type { FillEvent } from '../domain/fill-event.js';
import type { OrderUpdate } from '../domain/order.js';
import type { PortfolioSnapshot } from '../domain/portfolio-snapshot.js';
import type { SymbolTable } from '../domain/symbol-table.js';
import type { Timestamp } from '../domain/timestamp.js';
import type { Trade } from '../domain/trade.js';
import type { Ml4tError } from '../errors/ml4t-error.js';
import type { Money } from '../money/decimal.js';

/** Facts about a run, given to sinks before the first event. */
export interface RunInfo {
  readonly initialCash: Money;
  readonly symbols: SymbolTable;
  /** A JSON-safe summary of the configuration, for reports. */
  readonly config: Readonly<Record<string, unknown>>;
  /**
   * True when the run's fills and trade records are in canonical form, so that a sink may store them without
   * checking their shape: the broker declares its fills so (`Broker.canonicalFills`), and the engine's ledger
   * builds each trade record from those fills as a fresh plain, extensible object with every {@link Trade}
   * field in declaration order (`exitRule` present, possibly undefined), each of its declared type. The
   * values that come from user code are not covered: the money amounts (cost models), a fill's `rule` and
   * `tag` and a trade's `exitRule` (a rule's name, a request's tag). Absent or false: unknown.
   */
  readonly canonicalRecords?: boolean;
}

/** Totals of a finished (or failed) run. */
export interface RunSummary {
  readonly initialCash: Money;
  readonly finalCash: Money;
  readonly finalEquity: number;
  /** Number of timestamps processed. */
  readonly slices: number;
  /** Number of bars processed. */
  readonly bars: number;
  readonly fills: number;
  readonly closedTrades: number;
  /** Positions still open at the end, as trade records marked to the last price (`isOpen: true`). */
  readonly openTrades: readonly Trade[];
  /** Σ dividends received (paid when short), exact. */
  readonly dividends: Money;
  readonly firstTimestamp: Timestamp;
  readonly lastTimestamp: Timestamp;
  /** Set when the run stopped early; everything before it is complete. */
  readonly error?: Ml4tError;
}

/**
 * A consumer of a run's events (results collectors, loggers, exporters). Every hook is optional; hooks run
 * synchronously in event order. Writing a new sink takes one small object.
 */
export interface ResultSink {
  onStart?(info: RunInfo): void;
  onOrder?(update: OrderUpdate): void;
  /**
   * An order update whose `order` is the broker's live record of the order rather than a frozen copy, and whose
   * update object the broker may reuse: read what you need during the call (copy it to keep it); do not keep the
   * update, and do not read the order's fields later, as they change with its next transitions. A sink that
   * has `onOrder` and this hook receives each update through exactly one of them; implementing it lets the
   * broker skip the copies (see `BrokerContext.liveOrders`).
   */
  onOrderLive?(update: OrderUpdate): void;
  onFill?(fill: FillEvent): void;
  onTrade?(trade: Trade): void;
  onSnapshot?(snapshot: PortfolioSnapshot): void;
  onEnd?(summary: RunSummary): void;
}
