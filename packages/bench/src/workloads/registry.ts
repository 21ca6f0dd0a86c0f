import type { Workload } from '../harness/workload-outcome.js';
import { w0Empty } from './w0-empty.js';
import { w0Parquet } from './w0-parquet.js';
import { w1Baseline } from './w1-baseline-workload.js';
import { w1Sma } from './w1-sma.js';
import { w2Top25 } from './w2-top25.js';
import { w3Top25Of500 } from './w3-top25-500.js';
import { w4IntradaySma } from './w4-intraday-sma.js';

/** Every runnable workload, the baseline included, by id. */
export const WORKLOADS: readonly Workload[] = [
  w0Empty,
  w0Parquet,
  w1Sma,
  w1Baseline,
  w2Top25,
  w3Top25Of500,
  w4IntradaySma,
];
