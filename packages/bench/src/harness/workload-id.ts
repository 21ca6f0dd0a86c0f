/** The standard workloads of BENCHMARKS.md, in run order. */
export const WORKLOAD_IDS = ['W0', 'W1', 'W2', 'W3', 'W4'] as const;

/** One of the standard workload ids (`W0` … `W4`). */
export type WorkloadId = (typeof WORKLOAD_IDS)[number];

/** True when `value` names a standard workload. */
export function isWorkloadId(value: string): value is WorkloadId {
  return (WORKLOAD_IDS as readonly string[]).includes(value);
}
