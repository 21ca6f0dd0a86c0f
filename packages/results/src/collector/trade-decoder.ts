import {
  type ExitReason,
  type FillEvent,
  type Money,
  moneyMinus,
  moneyPlus,
  type SymbolId,
  type Trade,
  type TradeContext,
  type TradeDirection,
} from '@ml4t/core';
import { readMoney } from './money-words.js';
import type { StringTable } from './string-table.js';
import { idOf } from './string-table.js';
import type { SymbolNames } from './symbol-names.js';
import {
  BARS,
  COMMISSION_SUM,
  DURATION,
  ENTRY,
  ENTRY_COSTS,
  EXIT,
  EXIT_COSTS,
  GROSS_LONG,
  GROSS_SHORT,
  ID_SEQUENTIAL,
  IMPACT_SUM,
  NET,
  NEW_ENTRY_CONTEXT,
  NEW_EXIT_CONTEXT,
  ONE_ORDER,
  OPEN,
  QUANTITY_EXIT,
  RAW,
  ROW_MAX_INTS,
  ROW_MAX_NUMS,
  SLIPPAGE_SUM,
  SYMBOL_BY_ID,
} from './trade-row.js';
import type { TupleTable } from './tuple-table.js';
import { WordCursor, type WordStream } from './word-stream.js';

/** The storage of a trade log: its rows, the tables their codes index, and what was kept as it came. */
export interface TradeStore {
  readonly stream: WordStream;
  readonly ids: StringTable;
  readonly symbols: StringTable;
  readonly names: SymbolNames;
  /** (direction, exit reason, exit rule) of each record. */
  readonly tuples: TupleTable;
  /** Each new entry and exit context, in row order. */
  readonly contexts: (TradeContext | undefined)[];
  /** The entry order id lists kept as they came, in row order. */
  readonly entryOrderIds: (readonly string[])[];
  /** The records kept as they came, in row order. */
  readonly raw: Trade[];
}

/** Rebuilds a trade log's records from its rows, reading them in order (see `trade-row.ts`). */
export class TradeDecoder {
  private readonly c: WordCursor;
  private entryContext: TradeContext | undefined;
  private exitContext: TradeContext | undefined;
  private contexts = 0;
  private kept = 0;
  private raw = 0;
  private fillList: readonly FillEvent[] | undefined;

  /** @param fills - the materialized fills the rows refer to (taken on the first reference) */
  constructor(
    private readonly store: TradeStore,
    private readonly fills: () => readonly FillEvent[],
  ) {
    this.c = new WordCursor(store.stream);
  }

  /** The first `n` records. */
  rebuild(n: number): Trade[] {
    const out: Trade[] = new Array(n);
    const c = this.c;
    for (let i = 0; i < n; i++) {
      c.reserve(ROW_MAX_INTS, ROW_MAX_NUMS);
      const h = c.int();
      out[i] = (h & RAW) !== 0 ? (this.store.raw[this.raw++] as Trade) : this.trade(h, i);
    }
    return out;
  }

  private fill(row: number): FillEvent {
    this.fillList ??= this.fills();
    return this.fillList[row] as FillEvent;
  }

  private trade(h: number, row: number): Trade {
    const c = this.c;
    const st = this.store;
    const id = (h & ID_SEQUENTIAL) !== 0 ? `T${row + 1}` : idOf(c.int(), 'T', st.ids);
    const positionId = idOf(c.int(), 'P', st.ids);
    const tuple = st.tuples.tuples[c.int()] as readonly (string | undefined)[];
    let symbol: string;
    let symbolId: SymbolId;
    let exitIndex: number;
    let exitOrderId: string;
    let x: FillEvent | undefined;
    if ((h & EXIT) !== 0) {
      x = this.fill(c.int());
      symbol = x.symbol;
      symbolId = x.symbolId;
      exitIndex = x.sliceIndex;
      exitOrderId = x.orderId;
    } else {
      symbolId = c.int() as SymbolId;
      symbol = (h & SYMBOL_BY_ID) !== 0 ? st.names.name(symbolId) : (st.symbols.values[c.int()] as string);
      exitIndex = c.int();
      exitOrderId = idOf(c.int(), 'O', st.ids);
    }
    const e = (h & (ENTRY | ENTRY_COSTS)) !== 0 ? this.fill(c.int()) : undefined;
    let entryIndex: number;
    let entryOrderIds: readonly string[];
    if ((h & ENTRY) !== 0) {
      const entry = e as FillEvent;
      entryIndex = entry.sliceIndex;
      entryOrderIds = [entry.orderId];
    } else {
      entryIndex = c.int();
      entryOrderIds =
        (h & ONE_ORDER) !== 0 ? [idOf(c.int(), 'O', st.ids)] : (st.entryOrderIds[this.kept++] as readonly string[]);
    }
    const barsHeld = (h & BARS) !== 0 ? exitIndex - entryIndex : c.int();
    const entryCosts = (h & ENTRY_COSTS) !== 0 ? (e as FillEvent) : undefined;
    const exitCosts = (h & EXIT_COSTS) !== 0 ? (x as FillEvent) : undefined;
    const entryCommission = entryCosts !== undefined ? entryCosts.commission : readMoney(c);
    const entrySlippage = entryCosts !== undefined ? entryCosts.slippage : readMoney(c);
    const entryImpact = entryCosts !== undefined ? entryCosts.impact : readMoney(c);
    const exitCommission = exitCosts !== undefined ? exitCosts.commission : readMoney(c);
    const exitSlippage = exitCosts !== undefined ? exitCosts.slippage : readMoney(c);
    const exitImpact = exitCosts !== undefined ? exitCosts.impact : readMoney(c);
    const commission = (h & COMMISSION_SUM) !== 0 ? moneyPlus(entryCommission, exitCommission) : readMoney(c);
    const slippage = (h & SLIPPAGE_SUM) !== 0 ? moneyPlus(entrySlippage, exitSlippage) : readMoney(c);
    const impact = (h & IMPACT_SUM) !== 0 ? moneyPlus(entryImpact, exitImpact) : readMoney(c);
    let pnlGross: Money;
    if ((h & GROSS_LONG) !== 0) pnlGross = moneyMinus((x as FillEvent).notional, (e as FillEvent).notional);
    else if ((h & GROSS_SHORT) !== 0) pnlGross = moneyMinus((e as FillEvent).notional, (x as FillEvent).notional);
    else pnlGross = readMoney(c);
    const pnlNet = (h & NET) !== 0 ? moneyMinus(pnlGross, commission) : readMoney(c);
    const quantity = (h & QUANTITY_EXIT) !== 0 ? (x as FillEvent).quantity : c.num();
    const multiplier = x !== undefined ? x.multiplier : c.num();
    const entryTime = (h & ENTRY) !== 0 ? (e as FillEvent).timestamp : c.num();
    const exitTime = x !== undefined ? x.timestamp : c.num();
    const entryPrice = c.num();
    const exitPrice = x !== undefined ? x.price : c.num();
    const entrySlippagePerUnit = c.num();
    const exitSlippagePerUnit = x !== undefined ? x.slippagePerUnit : c.num();
    const returnPct = c.num();
    const netReturnPct = c.num();
    const durationMs = (h & DURATION) !== 0 ? exitTime - entryTime : c.num();
    const mfe = c.num();
    const mae = c.num();
    if ((h & NEW_ENTRY_CONTEXT) !== 0) this.entryContext = st.contexts[this.contexts++];
    if ((h & NEW_EXIT_CONTEXT) !== 0) this.exitContext = st.contexts[this.contexts++];
    return {
      id,
      positionId,
      symbol,
      symbolId,
      direction: tuple[0] as TradeDirection,
      quantity,
      multiplier,
      entryTime,
      exitTime,
      entryIndex,
      exitIndex,
      entryPrice,
      exitPrice,
      entryCommission,
      exitCommission,
      commission,
      entrySlippagePerUnit,
      exitSlippagePerUnit,
      entrySlippage,
      exitSlippage,
      slippage,
      entryImpact,
      exitImpact,
      impact,
      entryOrderIds,
      exitOrderId,
      exitReason: tuple[1] as ExitReason,
      exitRule: tuple[2],
      pnlGross,
      pnlNet,
      returnPct,
      netReturnPct,
      barsHeld,
      durationMs,
      mfe,
      mae,
      entryContext: this.entryContext as TradeContext,
      exitContext: this.exitContext as TradeContext,
      isOpen: (h & OPEN) !== 0,
    };
  }
}
