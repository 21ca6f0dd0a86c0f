import type { FillEvent, Money } from '@ml4t/core';

/** Symbol ids at or above this are not tracked. */
const MAX_ID = 1 << 20;

function isTracked(symbolId: unknown): symbolId is number {
  return typeof symbolId === 'number' && symbolId >= 0 && symbolId < MAX_ID && (symbolId | 0) === symbolId;
}

/**
 * What a trade record may take from its entry fill: the fill's row, time, slice index, order id and amounts
 * (references, to compare with), copied so that the fill object itself is not kept alive. One reusable
 * instance per symbol and role.
 */
export class EntryFill {
  /** The fill's row, −1 for none. */
  row = -1;
  /** True if the fill was coded (its amounts are valid money). */
  coded = false;
  timestamp = Number.NaN;
  sliceIndex = -1;
  orderId = '';
  commission: Money | undefined;
  slippage: Money | undefined;
  impact: Money | undefined;
  notional: Money | undefined;

  /** Takes the facts of `fill`, logged at `row` (`coded`: as a coded row). */
  set(fill: FillEvent, row: number, coded: boolean): void {
    this.row = row;
    this.coded = coded;
    this.timestamp = fill.timestamp;
    this.sliceIndex = fill.sliceIndex;
    this.orderId = fill.orderId;
    this.commission = fill.commission;
    this.slippage = fill.slippage;
    this.impact = fill.impact;
    this.notional = fill.notional;
  }

  /** Forgets the fill. */
  clear(): void {
    this.row = -1;
    this.coded = false;
    this.commission = undefined;
    this.slippage = undefined;
    this.impact = undefined;
    this.notional = undefined;
  }
}

/**
 * Which fills a trade record most likely takes its fields from, so that the trade log can store a row
 * reference instead of the fields when they are the same: its exit fill is the fill logged last (the ledger
 * closes a trade as it applies a fill); its entry fill is the first fill of its symbol since that symbol's
 * previous trade, or that trade's entry fill if the trade is of the same position (a partial close). The
 * guess is only a candidate: the trade log compares every field it takes.
 *
 * Keeps the last fill and, per symbol, two {@link EntryFill} records.
 */
export class FillLinks {
  /** The fill logged last, undefined before the first. */
  last: FillEvent | undefined;
  /** The row of {@link FillLinks.last}. */
  lastRow = -1;
  /** True if {@link FillLinks.last} was coded (its amounts are valid money). */
  lastCoded = false;
  /** First fill of each symbol since its last trade. */
  private readonly opening: EntryFill[] = [];
  /** Entry fill of each symbol's last trade. */
  private readonly entries: EntryFill[] = [];
  /** Position id of each symbol's last trade, as its number if it is `P<n>` (see `idNumber`), else −1. */
  private readonly positionNumbers: number[] = [];
  private readonly positionIds: (string | undefined)[] = [];

  /** Records the fill logged at `row` (`coded`: as a coded row). */
  fill(fill: FillEvent, row: number, coded: boolean): void {
    this.last = fill;
    this.lastRow = row;
    this.lastCoded = coded;
    const id = fill.symbolId;
    if (!isTracked(id)) return;
    let opening = this.opening[id];
    if (opening === undefined) {
      opening = new EntryFill();
      this.opening[id] = opening;
      this.entries[id] = new EntryFill();
      this.positionNumbers[id] = -1;
    }
    if (opening.row < 0) opening.set(fill, row, coded);
  }

  /**
   * The candidate entry fill of a trade of `symbolId` and `positionId` (`positionNumber`: its number, or −1),
   * valid until {@link FillLinks.traded}.
   */
  find(symbolId: number, positionId: string, positionNumber: number): EntryFill | undefined {
    if (!isTracked(symbolId)) return undefined;
    const samePosition =
      positionNumber > 0
        ? this.positionNumbers[symbolId] === positionNumber
        : this.positionNumbers[symbolId] === -1 && this.positionIds[symbolId] === positionId;
    const entry = samePosition ? this.entries[symbolId] : this.opening[symbolId];
    return entry !== undefined && entry.row >= 0 ? entry : undefined;
  }

  /**
   * Records that a trade of `quantity` of `symbolId` and `positionId` (number `positionNumber`), with entry fill
   * `entry` (from {@link FillLinks.find}), was logged. The symbol's next position opens with a later fill, or
   * with the last one if it closed less than its quantity (a fill that reverses a position).
   */
  traded(
    symbolId: number,
    positionId: string,
    positionNumber: number,
    quantity: number,
    entry: EntryFill | undefined,
  ): void {
    const kept = isTracked(symbolId) ? this.entries[symbolId] : undefined;
    // A symbol without an entry record has had no fill (and its trade no entry fill).
    if (kept === undefined) return;
    let opening = this.opening[symbolId] as EntryFill;
    if (entry === undefined) {
      kept.clear();
    } else if (entry === opening) {
      // The opening fill becomes the position's entry fill: swap the records, the old one is reused.
      this.entries[symbolId] = opening;
      this.opening[symbolId] = kept;
      opening = kept;
    }
    this.positionNumbers[symbolId] = positionNumber;
    this.positionIds[symbolId] = positionNumber > 0 ? undefined : positionId;
    const last = this.last;
    if (last !== undefined && last.symbolId === symbolId && last.quantity > quantity) {
      opening.set(last, this.lastRow, this.lastCoded);
    } else {
      opening.clear();
    }
  }
}
