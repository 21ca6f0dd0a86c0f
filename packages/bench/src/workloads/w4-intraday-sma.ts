import type { Workload } from '../harness/workload-outcome.js';
import { smaCrossoverWorkload } from './sma-workload.js';

/**
 * W4: W1's logic and costs on 100 symbols × 25,740 one-minute bars (66 sessions of 390 minutes): ten times
 * as many timestamps as W1 with fewer bars each, so the engine's per-timestamp cost weighs more.
 */
export const w4IntradaySma: Workload = smaCrossoverWorkload('W4');
