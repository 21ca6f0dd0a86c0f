/**
 * `level` rounded to 12 significant digits, so float noise in `basis × (1 ± percent)` does not move a level
 * off the price a user expects (`100 × 1.1 = 110.00000000000001` would miss a high of exactly 110, and would
 * put noise into exact fill notionals). Allocation-free.
 */
export function roundLevel(level: number): number {
  if (level === 0 || !Number.isFinite(level)) return level;
  const scale = 10 ** (11 - Math.floor(Math.log10(Math.abs(level))));
  return Math.round(level * scale) / scale;
}
