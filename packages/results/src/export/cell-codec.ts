import { DataValidationError, type Money, toIso, toMoney } from '@ml4t/core';

/** Where a cell came from, for error messages. */
export interface CellSite {
  readonly file: string;
  /** 1-based data row (header excluded). */
  readonly row: number;
}

/** Builds the error for a missing or malformed cell. */
export function badCell(
  site: CellSite,
  column: string,
  rule: string,
  value: unknown,
  message: string,
): DataValidationError {
  return new DataValidationError({
    file: site.file,
    row: site.row,
    column,
    rule,
    value: typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value)),
    message,
  });
}

/**
 * A float as text that reads back to the same value: the shortest round-trip form, plus `-0`, `NaN`,
 * `Infinity` and `-Infinity`.
 */
export function numberText(value: number): string {
  return Object.is(value, -0) ? '-0' : String(value);
}

/** A float as a JSON value: a JSON number when JSON can hold it exactly, else its {@link numberText}. */
export function jsonNumber(value: number): number | string {
  return Number.isFinite(value) && !Object.is(value, -0) ? value : numberText(value);
}

const NUMBER_TEXT = /^(?:[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|NaN|[+-]?Infinity)$/;

/** Parses {@link numberText} output (or a JSON number); `undefined` when it is not a number. */
export function parseNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && NUMBER_TEXT.test(value)) return Number(value);
  return undefined;
}

/** Money as an exact decimal string without exponent (`1234.5`, `-0.000001`). */
export function moneyText(value: Money): string {
  return value.toFixed();
}

/** Parses a money string; `undefined` when it is not a finite decimal. */
export function parseMoney(value: unknown): Money | undefined {
  if (typeof value !== 'string' || !NUMBER_TEXT.test(value)) return undefined;
  try {
    return toMoney(value);
  } catch {
    return undefined;
  }
}

/** A timestamp as ISO-8601 text; the empty string for `NaN`. */
export function timestampText(value: number): string {
  return Number.isFinite(value) ? toIso(value) : '';
}

const ISO = /^[+-]?\d{4,6}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;

/** Parses {@link timestampText} output: ISO-8601 UTC to epoch ms, the empty string to `NaN`. */
export function parseTimestamp(value: unknown): number | undefined {
  if (value === '') return Number.NaN;
  if (typeof value !== 'string' || !ISO.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** A record of floats as JSON text (non-finite values and `-0` as strings, see {@link jsonNumber}). */
export function numberRecordText(record: Readonly<Record<string, number>>): string {
  return JSON.stringify(numberRecordJson(record));
}

/** A record of floats as a JSON-safe object. */
export function numberRecordJson(record: Readonly<Record<string, number>>): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const [key, value] of Object.entries(record)) defineKey(out, key, jsonNumber(value));
  return out;
}

/** Restores a record of floats from its JSON form; `undefined` when malformed. */
export function parseNumberRecord(value: unknown): Record<string, number> | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const out: Record<string, number> = {};
  for (const [key, raw] of Object.entries(value)) {
    const n = parseNumber(raw);
    if (n === undefined) return undefined;
    defineKey(out, key, n);
  }
  return out;
}

/** Restores a list of strings from its JSON form; `undefined` when malformed. */
export function parseStringList(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return undefined;
  return value as string[];
}

/** Parses JSON text, `undefined` when it is not valid JSON. */
export function parseJsonText(text: unknown): unknown {
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Sets an own enumerable key, even one named `__proto__`. */
export function defineKey<V>(target: Record<string, V>, key: string, value: V): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
