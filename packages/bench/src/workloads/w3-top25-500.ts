import type { Workload } from '../harness/workload-outcome.js';
import { topKWorkload } from './top-k-workload.js';

/** W3: the W2 logic on a 500-stock universe × 2,520 days (the reference example's shape), same costs. */
export const w3Top25Of500: Workload = topKWorkload('W3');
