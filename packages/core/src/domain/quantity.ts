/** Significant digits a quantity keeps through {@link addQuantity}: every 15-digit decimal is a distinct double. */
const DIGITS = 15;
/** Powers of ten that are exact doubles (10⁰ … 10²²). */
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);
const GRID_LIMIT = 10 ** DIGITS;

/**
 * `a + b` for quantities (units, shares, contracts), rounded to the 15th significant digit of the larger
 * operand, so that sums of decimal quantities come out as the decimal a person would write: 0.3 − 0.1 is 0.2,
 * not 0.19999999999999998, and selling those 0.2 closes the position. Integers add exactly (below 2⁵³). The
 * ledger, the broker and working orders add quantities with it (ADR 0016); a plugin that keeps its own
 * running quantities can too.
 *
 * Limits: a sum that needs a 16th significant digit relative to the larger operand loses it; operands below
 * 10⁻⁸ are added without rounding.
 *
 * @example
 * ```ts
 * addQuantity(0.3, -0.1); // 0.2
 * addQuantity(100, 50); // 150
 * ```
 */
export function addQuantity(a: number, b: number): number {
  const sum = a + b;
  if (Number.isInteger(a) && Number.isInteger(b)) return sum;
  const m = Math.max(Math.abs(a), Math.abs(b));
  if (!Number.isFinite(sum) || m === 0) return sum;
  // Decimal places of the grid: 10^d × m must stay below 10¹⁵ (log10 of a value just below a power of ten can
  // round up to it, hence the check).
  let d = DIGITS - 1 - Math.floor(Math.log10(m));
  if (d < -22 || d > 22) return sum;
  if (scaleBy(m, d) >= GRID_LIMIT) d -= 1;
  const rounded = d >= 0 ? Math.round(sum * pow10(d)) / pow10(d) : Math.round(sum / pow10(-d)) * pow10(-d);
  return rounded === 0 ? 0 : rounded;
}

/** `x × 10^d`, with an exact power of ten (|d| ≤ 22). */
function scaleBy(x: number, d: number): number {
  return d >= 0 ? x * pow10(d) : x / pow10(-d);
}

function pow10(k: number): number {
  return POW10[k] as number;
}
