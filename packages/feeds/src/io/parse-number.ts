/** Outcome of reading one numeric cell: `Ok`, `Missing` (empty, null or undefined) or `Invalid` (e.g. `abc`). */
export const CellStatus = { Ok: 0, Missing: 1, Invalid: 2 } as const;

/** One of the {@link CellStatus} values. */
export type CellStatus = (typeof CellStatus)[keyof typeof CellStatus];

const SPECIAL: Readonly<Record<string, number>> = {
  NaN: Number.NaN,
  nan: Number.NaN,
  NAN: Number.NaN,
  inf: Number.POSITIVE_INFINITY,
  '+inf': Number.POSITIVE_INFINITY,
  '-inf': Number.NEGATIVE_INFINITY,
  Inf: Number.POSITIVE_INFINITY,
  '-Inf': Number.NEGATIVE_INFINITY,
  Infinity: Number.POSITIVE_INFINITY,
  '+Infinity': Number.POSITIVE_INFINITY,
  '-Infinity': Number.NEGATIVE_INFINITY,
};

/**
 * Reads numeric cells without allocating: call {@link NumberCell.read}, then look at `value`.
 *
 * Text is read with JavaScript number syntax (surrounding spaces allowed); `NaN`, `inf` and `Infinity` spellings
 * give those values so that validation reports them as `not-finite` rather than as unparsable.
 */
export class NumberCell {
  /** The value of the last cell read (`NaN` unless the status is `Ok`). */
  value = Number.NaN;

  /** Reads `cell` (string, number, bigint, null…) and returns its status. */
  read(cell: unknown): CellStatus {
    if (typeof cell === 'number') {
      this.value = cell;
      return CellStatus.Ok;
    }
    if (typeof cell === 'string') {
      if (cell.length === 0 || cell.trim().length === 0) return this.fail(CellStatus.Missing);
      const x = Number(cell);
      if (!Number.isNaN(x)) {
        this.value = x;
        return CellStatus.Ok;
      }
      const special = SPECIAL[cell.trim()];
      if (special !== undefined) {
        this.value = special;
        return CellStatus.Ok;
      }
      return this.fail(CellStatus.Invalid);
    }
    if (typeof cell === 'bigint') {
      this.value = Number(cell);
      return CellStatus.Ok;
    }
    if (cell === null || cell === undefined) return this.fail(CellStatus.Missing);
    return this.fail(CellStatus.Invalid);
  }

  private fail(status: CellStatus): CellStatus {
    this.value = Number.NaN;
    return status;
  }
}
