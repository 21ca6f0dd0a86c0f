/** 10⁰ … 10²², each exact as a double (and equal to `10 ** k`). */
const POW10 = Float64Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));
/** Relative margin from a power of ten within which the decimal exponent is left to `Math.log10`. */
const MARGIN = 1e-12;

/**
 * `level` rounded to 12 significant digits, so float noise in `basis × (1 ± percent)` does not move a level
 * off the price a user expects (`100 × 1.1 = 110.00000000000001` would miss a high of exactly 110, and would
 * put noise into exact fill notionals). Allocation-free.
 */
export function roundLevel(level: number): number {
  if (level === 0 || !Number.isFinite(level)) return level;
  const p = 11 - decimalExponent(Math.abs(level));
  const scale = p >= 0 && p <= 22 ? (POW10[p] as number) : 10 ** p;
  return Math.round(level * scale) / scale;
}

/**
 * `Math.floor(Math.log10(x))` for a finite `x > 0`, the same value, found by comparing with the powers of ten
 * where `x` is clearly between two of them (`Math.log10` takes ~30 ns): within a relative 10⁻¹² of a power of
 * ten, or outside [1, 10²²), it is `Math.log10`'s answer itself, since a result within an ulp of an integer
 * could floor either way.
 */
function decimalExponent(x: number): number {
  if (x >= 1 && x < 1e22) {
    let e = 0;
    while (x >= (POW10[e + 1] as number)) e++;
    if (x >= (POW10[e] as number) * (1 + MARGIN) && x <= (POW10[e + 1] as number) * (1 - MARGIN)) return e;
  }
  return Math.floor(Math.log10(x));
}
