/** A table of distinct strings: a string is stored as its index. Append-only. */
export class StringTable {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();
  private last: string | undefined;
  private lastCode = 0;

  /** The index of `value`, added on first sight (the value of the previous call is answered without a lookup). */
  code(value: string): number {
    if (value === this.last) return this.lastCode;
    let k = this.index.get(value);
    if (k === undefined) {
      k = this.values.length;
      this.values.push(value);
      this.index.set(value, k);
    }
    this.last = value;
    this.lastCode = k;
    return k;
  }
}

/**
 * The code of a sequential id `<prefix><n>` (n ≥ 1, no leading zero, at most 9 digits): `n`; any other string
 * is stored in `table` and coded as `−(index + 1)`. Decoded by {@link idOf}.
 *
 * @param prefix - the char code of the prefix (`O` = 79, `F` = 70…)
 */
export function idCode(id: string, prefix: number, table: StringTable): number {
  const n = idNumber(id, prefix);
  return n > 0 ? n : -table.code(id) - 1;
}

/** `n` for an id `<prefix><n>` (n ≥ 1, no leading zero, at most 9 digits), −1 for any other string. */
export function idNumber(id: string, prefix: number): number {
  const len = id.length;
  if (len < 2 || len > 10 || id.charCodeAt(0) !== prefix) return -1;
  let value = 0;
  for (let k = 1; k < len; k++) {
    const digit = id.charCodeAt(k) - 48;
    if (digit < 0 || digit > 9 || (k === 1 && digit === 0)) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** The id of an {@link idCode} code. */
export function idOf(code: number, prefix: string, table: StringTable): string {
  return code > 0 ? prefix + code : (table.values[-code - 1] as string);
}
