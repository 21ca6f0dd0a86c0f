/**
 * Runs `fn` once and resolves with its result, the elapsed wall-clock seconds, measured with
 * `process.hrtime.bigint()` (monotonic, nanoseconds), and the process's minor page faults meanwhile.
 */
export async function timed<T>(
  fn: () => Promise<T> | T,
): Promise<{ readonly value: T; readonly seconds: number; readonly pageFaults: number }> {
  const faults = process.resourceUsage().minorPageFault;
  const start = process.hrtime.bigint();
  const value = await fn();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { value, seconds, pageFaults: process.resourceUsage().minorPageFault - faults };
}

/** The process's peak resident set size so far, in MiB (`process.resourceUsage().maxRSS` is in KiB). */
export function peakRssMB(): number {
  return process.resourceUsage().maxRSS / 1024;
}
