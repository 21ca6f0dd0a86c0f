/**
 * True if the enumerable keys of `value` are `keys[0..required)` followed by a subsequence of the rest, in that
 * order, and every optional key present has a defined value (the rebuilt copies omit undefined ones). The
 * common case, no optional key, costs one `for…in` over V8's cached key list and no property read.
 */
export function hasKeys(value: object, keys: readonly string[], required: number): boolean {
  let k = 0;
  for (const key in value) {
    if (k < required) {
      if (key !== keys[k]) return false;
      k++;
      continue;
    }
    while (k < keys.length && keys[k] !== key) k++;
    if (k === keys.length || (value as Record<string, unknown>)[key] === undefined) return false;
    k++;
  }
  return k >= required;
}

/**
 * A record seen through its `constructor`: a record is plain as equality checks see it (what `toStrictEqual`
 * compares) when `(record as Constructed).constructor === Object`. That test is written at each call site
 * rather than in a shared function, so that each property load has its own feedback (a shared one would see
 * every kind of record and go megamorphic); it is much cheaper than `Object.getPrototypeOf`.
 */
export interface Constructed {
  readonly constructor?: unknown;
}

/** True if `value` is an int32 (and not −0). */
export function isInt32(value: unknown): value is number {
  return typeof value === 'number' && (value | 0) === value && (value !== 0 || 1 / value > 0);
}
