import type { Workload } from '../harness/workload-outcome.js';
import { topKWorkload } from './top-k-workload.js';

/**
 * W2: 250 symbols × 5,040 days plus one ML score per symbol per day and a VIX series; hold the top 25 scores
 * equal weight, 5 % stop loss, no new entries while VIX > 30; next-bar open, 5 bps slippage, 10 bps
 * commission, cash account.
 */
export const w2Top25: Workload = topKWorkload('W2');
