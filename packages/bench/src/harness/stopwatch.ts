/**
 * Runs `fn` once and resolves with its result and the elapsed wall-clock seconds, measured with
 * `process.hrtime.bigint()` (monotonic, nanoseconds).
 */
export async function timed<T>(fn: () => Promise<T> | T): Promise<{ readonly value: T; readonly seconds: number }> {
  const start = process.hrtime.bigint();
  const value = await fn();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { value, seconds };
}

/** The process's peak resident set size so far, in MiB (`process.resourceUsage().maxRSS` is in KiB). */
export function peakRssMB(): number {
  return process.resourceUsage().maxRSS / 1024;
}
