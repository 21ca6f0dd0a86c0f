/**
 * `quantity` rounded down to a multiple of `step` (no rounding when `step` is 0). A relative epsilon keeps
 * float noise (`0.3 / 0.1 = 2.9999…`) from losing a whole step.
 */
export function roundDown(quantity: number, step: number): number {
  if (!(step > 0)) return quantity;
  return Math.floor(quantity / step + 1e-9) * step;
}
