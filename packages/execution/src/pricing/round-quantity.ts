import type { InstrumentSpec } from '@ml4t/core';
import type { ShareType } from '../config/execution-config.js';

/**
 * Rounds a quantity down to the instrument's lot size (when set) and to whole units under `integer` shares.
 * A tiny tolerance absorbs float noise (`2.9999999999` lots count as 3).
 */
export function roundQuantity(quantity: number, spec: InstrumentSpec, shareType: ShareType): number {
  let q = quantity;
  if (spec.lotSize > 0) q = Math.floor(q / spec.lotSize + 1e-9) * spec.lotSize;
  if (shareType === 'integer') q = Math.floor(q + 1e-9);
  return Math.max(q, 0);
}
