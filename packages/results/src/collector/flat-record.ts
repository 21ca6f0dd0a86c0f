import type { Constructed } from './record-keys.js';
import { StringTable } from './string-table.js';
import type { WordCursor, WordStream } from './word-stream.js';

/** Most keys of a record {@link FlatRecords} codes (one mask bit each). */
const MAX_KEYS = 15;
/** Most shapes: the shape index shares the header with the 15-bit mask. */
const MAX_SHAPES = 1 << 16;
/** Most ints one coded record takes: a header and a tag per key. */
export const RECORD_MAX_INTS = 1 + MAX_KEYS;
/** Most floats one coded record takes. */
export const RECORD_MAX_NUMS = MAX_KEYS;

// Value tags (a string is its code, ≥ 0).
const NUMBER = -1;
const FALSE = -2;
const TRUE = -3;
const UNDEFINED = -4;
const NULL = -5;

/** A field of a record, by a keyed load. */
function keyed(record: object, key: string): unknown {
  return (record as Record<string, unknown>)[key];
}

/** The keys of a record, in order, and whether it is frozen. */
interface Shape {
  readonly keys: readonly string[];
  readonly frozen: boolean;
  /** Per key: true if it may be taken from the base record (see {@link FlatRecords.write}). */
  readonly based: readonly boolean[];
}

/**
 * Codes flat records (plain objects of at most 15 keys whose values are strings, numbers, booleans, `null` or
 * `undefined`, such as order requests and reasons) into a {@link WordStream}: per record a header (its shape:
 * keys, order, frozen or not; and a mask of the values equal to the base record's) and a tag per other value
 * (strings as codes, numbers in the float stream). {@link FlatRecords.read} rebuilds an equal record.
 */
export class FlatRecords<B extends object = object> {
  private readonly shapes: Shape[] = [];
  private readonly byName = new Map<string, number>();
  private readonly strings = new StringTable();
  private last = -1;

  /**
   * @param baseKeys - the keys whose value may be taken from the base record when it is the same
   * @param field - reads a field of a record (e.g. with named loads for the usual keys, cheaper than a keyed
   *   load)
   * @param baseField - reads a field of a base record
   */
  constructor(
    private readonly baseKeys: ReadonlySet<string> = new Set(),
    private readonly field: (record: object, key: string) => unknown = keyed,
    private readonly baseField: (base: B, key: string) => unknown = keyed,
  ) {}

  /**
   * Codes `value` at the stream's positions (advancing them), taking from `base` the values of its
   * {@link FlatRecords} base keys that are the same (`Object.is`). Returns false, the positions unchanged, if
   * `value` is not a flat record.
   */
  write(value: unknown, s: WordStream, base?: B): boolean {
    if (typeof value !== 'object' || value === null || (value as Constructed).constructor !== Object) return false;
    const index = this.shapeOf(value);
    if (index < 0) return false;
    const shape = this.shapes[index] as Shape;
    const ints = s.ints;
    const nums = s.nums;
    const at = s.ip;
    let ip = at + 1;
    let fp = s.fp;
    let mask = 0;
    for (let k = 0; k < shape.keys.length; k++) {
      const key = shape.keys[k] as string;
      const v = this.field(value, key);
      if (base !== undefined && shape.based[k] === true && Object.is(v, this.baseField(base, key))) {
        mask |= 1 << k;
        continue;
      }
      if (typeof v === 'string') ints[ip++] = this.strings.code(v);
      else if (typeof v === 'number') {
        ints[ip++] = NUMBER;
        nums[fp++] = v;
      } else if (typeof v === 'boolean') ints[ip++] = v ? TRUE : FALSE;
      else if (v === undefined) ints[ip++] = UNDEFINED;
      else if (v === null) ints[ip++] = NULL;
      else return false;
    }
    ints[at] = index * 32768 + mask;
    s.ip = ip;
    s.fp = fp;
    return true;
  }

  /**
   * Codes a record that has exactly the keys of shape `index` (from {@link FlatRecords.shapeIndexOf}), every one
   * a base key whose value is the base record's — as {@link FlatRecords.write} would code it, without reading
   * the record again: the caller has checked all that.
   */
  writeBased(index: number, s: WordStream): void {
    const shape = this.shapes[index] as Shape;
    s.ints[s.ip++] = index * 32768 + (1 << shape.keys.length) - 1;
  }

  /**
   * The index of the shape of records with keys `keys` (in that order) and frozen or not, as
   * {@link FlatRecords.write} numbers it; −1 if it cannot be coded.
   */
  shapeIndexOf(keys: readonly string[], frozen: boolean): number {
    if (keys.length > MAX_KEYS || keys.includes('__proto__')) return -1;
    const name = `${frozen ? 'F' : 'M'}${JSON.stringify(keys)}`;
    let index = this.byName.get(name);
    if (index === undefined) {
      if (this.shapes.length === MAX_SHAPES) return -1;
      index = this.shapes.length;
      this.shapes.push({ keys: [...keys], frozen, based: keys.map((key) => this.baseKeys.has(key)) });
      this.byName.set(name, index);
    }
    return index;
  }

  /** The record {@link FlatRecords.write} coded at the cursor (`base`: the base record given then, rebuilt). */
  read(c: WordCursor, base?: B): object {
    const header = c.int();
    const shape = this.shapes[header >>> 15] as Shape;
    const mask = header & 32767;
    const out: Record<string, unknown> = {};
    for (let k = 0; k < shape.keys.length; k++) {
      const key = shape.keys[k] as string;
      if ((mask & (1 << k)) !== 0) {
        out[key] = this.baseField(base as B, key);
        continue;
      }
      const tag = c.int();
      out[key] =
        tag >= 0
          ? this.strings.values[tag]
          : tag === NUMBER
            ? c.num()
            : tag === TRUE
              ? true
              : tag === FALSE
                ? false
                : tag === NULL
                  ? null
                  : undefined;
    }
    return shape.frozen ? Object.freeze(out) : out;
  }

  /** The index of the shape of `value`, −1 if it cannot be coded (too many keys, `__proto__`, too many shapes). */
  private shapeOf(value: object): number {
    const frozen = !Object.isExtensible(value) && Object.isFrozen(value);
    const last = this.shapes[this.last];
    if (last !== undefined && last.frozen === frozen) {
      let k = 0;
      for (const key in value) {
        if (key !== last.keys[k]) {
          k = -1;
          break;
        }
        k++;
      }
      if (k === last.keys.length) return this.last;
    }
    const index = this.shapeIndexOf(Object.keys(value), frozen);
    if (index >= 0) this.last = index;
    return index;
  }
}
