import { ConfigError } from '@ml4t/core';

/**
 * Option validators shared by every rule factory. Each throws a {@link ConfigError} naming the dotted key path
 * (`stopLoss.percent`) and returns the value so factories can validate and assign in one expression.
 */

/** A finite number > 0. */
export function positive(path: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new ConfigError(path, 'positive-number', `must be a finite number > 0, got ${String(value)}`);
  }
  return value;
}

/** A finite number ≥ 0. */
export function nonNegative(path: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new ConfigError(path, 'non-negative-number', `must be a finite number ≥ 0, got ${String(value)}`);
  }
  return value;
}

/** Any finite number. */
export function finite(path: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ConfigError(path, 'finite-number', `must be a finite number, got ${String(value)}`);
  }
  return value;
}

/** A fraction in (0, 1) exclusive, e.g. a stop distance of 0.05 = 5 %. */
export function openFraction(path: string, value: number): number {
  if (typeof value !== 'number' || !(value > 0 && value < 1)) {
    throw new ConfigError(path, 'fraction', `must be a fraction in (0, 1), got ${String(value)}`);
  }
  return value;
}

/** A fraction in (0, 1] (a share of a position, a weight). */
export function unitFraction(path: string, value: number): number {
  if (typeof value !== 'number' || !(value > 0 && value <= 1)) {
    throw new ConfigError(path, 'fraction', `must be a fraction in (0, 1], got ${String(value)}`);
  }
  return value;
}

/** An integer ≥ 1. */
export function positiveInteger(path: string, value: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new ConfigError(path, 'positive-integer', `must be an integer ≥ 1, got ${String(value)}`);
  }
  return value;
}

/** One of the allowed string values. */
export function oneOf<T extends string>(path: string, value: T, allowed: readonly T[]): T {
  if (!allowed.includes(value)) {
    throw new ConfigError(
      path,
      'one-of',
      `must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, got ${String(value)}`,
    );
  }
  return value;
}

/** A non-empty string (rule and feature names). */
export function nonEmpty(path: string, value: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new ConfigError(path, 'non-empty-string', `must be a non-empty string, got ${String(value)}`);
  }
  return value;
}

/** Exactly one of `keys` is set in `options`; returns the one that is. */
export function exactlyOne<K extends string>(
  path: string,
  options: Partial<Record<K, unknown>>,
  keys: readonly K[],
): K {
  const set = keys.filter((k) => options[k] !== undefined);
  if (set.length !== 1) {
    throw new ConfigError(
      path,
      'exactly-one',
      `set exactly one of ${keys.map((k) => `'${k}'`).join(', ')}${set.length > 1 ? `, got ${set.join(' and ')}` : ''}`,
    );
  }
  return set[0] as K;
}

/** The options argument is an object. */
export function optionsObject(path: string, options: unknown): void {
  if (options === null || typeof options !== 'object') {
    throw new ConfigError(path, 'object', `options must be an object, got ${String(options)}`);
  }
}
