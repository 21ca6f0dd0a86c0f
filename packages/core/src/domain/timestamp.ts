/**
 * A point in time as milliseconds since the Unix epoch (UTC).
 *
 * Timestamps are plain numbers on the hot path; use {@link toIso} to format one.
 */
export type Timestamp = number;

/**
 * Formats a {@link Timestamp} as an ISO-8601 string (UTC).
 *
 * @example
 * ```ts
 * toIso(Date.UTC(2020, 0, 2)); // '2020-01-02T00:00:00.000Z'
 * ```
 */
export function toIso(ts: Timestamp): string {
  return new Date(ts).toISOString();
}
