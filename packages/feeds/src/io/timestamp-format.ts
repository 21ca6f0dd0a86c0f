/**
 * How timestamps are written in a source:
 * - `'auto'`: ISO-8601 text, or a number: epoch milliseconds when its magnitude is ≥ 1e11, else epoch seconds;
 * - `'iso'`: ISO-8601 date (`2020-01-02`, UTC midnight) or date-time (`2020-01-02T14:30:00Z`,
 *   `2020-01-02 14:30:00.250`, `…+01:00`; no zone means UTC);
 * - `'iso-date'`: ISO-8601 date only;
 * - `'epoch-s'` / `'epoch-ms'`: seconds or milliseconds since the Unix epoch (fractions allowed);
 * - a function from the cell text to epoch milliseconds, returning `NaN` when it cannot parse.
 *
 * Native date-time cells (Parquet and Arrow timestamp and date columns) are converted exactly, whatever the
 * format.
 */
export type TimestampFormat = 'auto' | 'iso' | 'iso-date' | 'epoch-s' | 'epoch-ms' | ((text: string) => number);

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Parses a strict ISO-8601 date or date-time into epoch milliseconds (UTC when no zone is given).
 * Returns `NaN` for anything else, including impossible dates such as `2021-02-29`.
 */
export function parseIsoTimestamp(text: string): number {
  const m = ISO.exec(text);
  if (m === null) return Number.NaN;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return Number.NaN;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 1 : 0;
  if (day > (DAYS_IN_MONTH[month - 1] as number) + leap) return Number.NaN;
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (hour > 23 || minute > 59 || second > 59) return Number.NaN;
  const fraction = m[7] === undefined ? 0 : Number(`0.${m[7]}`) * 1000;
  let ms = Date.UTC(year, month - 1, day, hour, minute, second) + Math.round(fraction);
  const zone = m[8];
  if (zone !== undefined && zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const zh = Number(digits.slice(0, 2));
    const zm = Number(digits.slice(2));
    if (zh > 23 || zm > 59) return Number.NaN;
    ms -= sign * (zh * 60 + zm) * 60_000;
  }
  return ms;
}

/** A function turning one cell into epoch milliseconds, `NaN` when it cannot. */
export type TimestampParser = (value: unknown) => number;

/**
 * The parser for `format`. Text cells are read per the format; numbers and bigints follow the epoch unit of
 * `'epoch-s'` / `'epoch-ms'` (and the magnitude rule otherwise); `Date` cells convert exactly.
 */
export function timestampParser(format: TimestampFormat = 'auto'): TimestampParser {
  const text = textParser(format);
  const numeric = format === 'epoch-s' ? 1000 : format === 'epoch-ms' ? 1 : 0;
  // Long-format files repeat each timestamp once per symbol: remember the last text parsed.
  let lastText = '';
  let lastValue = Number.NaN;
  return (value: unknown): number => {
    if (typeof value === 'string') {
      if (value === lastText) return lastValue;
      lastText = value;
      lastValue = text(value);
      return lastValue;
    }
    if (typeof value === 'number' || typeof value === 'bigint') {
      const x = Number(value);
      if (typeof format === 'function') return format(String(value));
      return numeric !== 0 ? x * numeric : fromEpochNumber(x);
    }
    if (value instanceof Date) return value.getTime();
    return Number.NaN;
  };
}

function textParser(format: TimestampFormat): (text: string) => number {
  if (typeof format === 'function') return format;
  switch (format) {
    case 'iso':
      return parseIsoTimestamp;
    case 'iso-date':
      return (t) => (t.length === 10 ? parseIsoTimestamp(t) : Number.NaN);
    case 'epoch-s':
      return (t) => epochText(t) * 1000;
    case 'epoch-ms':
      return epochText;
    case 'auto':
      return (t) => {
        const x = epochText(t);
        return Number.isNaN(x) ? parseIsoTimestamp(t) : fromEpochNumber(x);
      };
    default: {
      const never: never = format;
      throw new TypeError(`unknown timestamp format ${String(never)}`);
    }
  }
}

const EPOCH = /^[+-]?\d+(\.\d+)?$/;

function epochText(text: string): number {
  return EPOCH.test(text) ? Number(text) : Number.NaN;
}

function fromEpochNumber(x: number): number {
  return Math.abs(x) >= 1e11 ? x : x * 1000;
}
