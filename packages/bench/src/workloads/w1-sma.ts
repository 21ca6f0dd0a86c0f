import type { Workload } from '../harness/workload-outcome.js';
import { smaCrossoverWorkload } from './sma-workload.js';

/**
 * W1: SMA 10/50 crossover per symbol, long only, 100 shares, on 250 symbols × 5,040 business days; next-bar
 * open fills, 5 bps slippage, 10 bps commission. Its final equity must equal the baseline loop's to the cent.
 */
export const w1Sma: Workload = smaCrossoverWorkload('W1');
