import { Decimal } from '@ml4t/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FlatRecords, RECORD_MAX_INTS, RECORD_MAX_NUMS } from '../src/collector/flat-record.js';
import { isMoney, MONEY_MAX_INTS, readMoney, writeMoney } from '../src/collector/money-words.js';
import { TupleTable } from '../src/collector/tuple-table.js';
import { WordCursor, WordStream } from '../src/collector/word-stream.js';

describe('word streams', () => {
  it('read back records of any size across chunks, as the writer reserved them', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(40), fc.nat(40)), { maxLength: 300 }),
        fc.integer({ min: 1, max: 64 }),
        (sizes, chunk) => {
          const stream = new WordStream(chunk);
          sizes.forEach(([ni, nf], r) => {
            stream.reserve(40, 40);
            for (let k = 0; k < ni; k++) stream.ints[stream.ip++] = r * 100 + k;
            for (let k = 0; k < nf; k++) stream.nums[stream.fp++] = r + k / 64;
          });
          const cursor = new WordCursor(stream);
          sizes.forEach(([ni, nf], r) => {
            cursor.reserve(40, 40);
            for (let k = 0; k < ni; k++) expect(cursor.int()).toBe(r * 100 + k);
            for (let k = 0; k < nf; k++) expect(cursor.num()).toBe(r + k / 64);
          });
        },
      ),
    );
  });
});

describe('money words', () => {
  it('store decimal.js digit words exactly: many digits, tiny and huge exponents, both zeros', () => {
    const texts = [
      '0',
      '-0',
      '1',
      '-1e-40',
      '12345678.9',
      '1e+30',
      '-98765432109876543210.0123456789012345',
      '0.5',
      '9999999999999999999999999999999999',
      '1e-9000000',
      '-1.000000000000000000000000000000001e+9000000',
    ];
    const values = texts
      .map((t) => new Decimal(t))
      .concat([new Decimal(1).div(3), new Decimal(2).sqrt().neg(), new Decimal(10).pow(50).plus(7)]);
    const stream = new WordStream(4);
    for (const v of values) {
      expect(isMoney(v)).toBe(true);
      stream.reserve(MONEY_MAX_INTS, 0);
      stream.ip = writeMoney(stream.ints, stream.ip, v);
    }
    const cursor = new WordCursor(stream);
    const back = values.map(() => {
      cursor.reserve(MONEY_MAX_INTS, 0);
      return readMoney(cursor);
    });
    expect(back).toEqual(values);
    expect(back.map((d) => [d.s, d.e, d.d])).toEqual(values.map((d) => [d.s, d.e, d.d]));
  });

  it('refuse what they cannot code: other classes, non-finite values, too many digits or too large exponents', () => {
    expect(isMoney(new (Decimal.clone())(1))).toBe(false);
    expect(isMoney(new Decimal(Number.NaN))).toBe(false);
    expect(isMoney(new Decimal(Number.POSITIVE_INFINITY))).toBe(false);
    expect(isMoney(new Decimal(`1.${'1'.repeat(60)}`))).toBe(false);
    expect(isMoney(new Decimal('1e200000000'))).toBe(false);
    expect(isMoney(1)).toBe(false);
    expect(isMoney({ d: [1], e: 0, s: 1, constructor: Decimal })).toBe(true);
    expect(isMoney(null)).toBe(false);
  });
});

describe('tuple table', () => {
  it('codes equal tuples alike, distinct ones apart (undefined included), also past the recent ones', () => {
    const table = new TupleTable();
    const tuples: [string, string | undefined, string][] = [];
    for (let k = 0; k < 40; k++) tuples.push([`a${k % 7}`, k % 3 === 0 ? undefined : `b${k % 5}`, 'c']);
    const codes = tuples.map((t) => table.code(...t));
    for (let i = 0; i < tuples.length; i++) {
      for (let j = 0; j < tuples.length; j++) {
        expect(codes[i] === codes[j]).toBe(JSON.stringify(tuples[i]) === JSON.stringify(tuples[j]));
      }
      expect(table.tuples[codes[i] as number]?.slice(0, 3)).toEqual(tuples[i]);
    }
    expect(table.code('null', 'c', 'c')).not.toBe(table.code(undefined as unknown as string, 'c', 'c'));
  });
});

/** Flat records of up to 16 keys: strings, numbers (−0, NaN, infinities), booleans, null, undefined. */
const flatValue = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.constantFrom(0, -0, Number.NaN, Number.POSITIVE_INFINITY, 1e-300, 7, -2.5),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);
const flatRecord = fc
  .uniqueArray(fc.constantFrom('type', 'symbol', 'side', 'quantity', 'tag', 'k1', 'k2', '7', 'x y', ''), {
    maxLength: 10,
  })
  .chain((keys) => fc.tuple(fc.constant(keys), fc.array(flatValue, { minLength: keys.length, maxLength: keys.length })))
  .map(([keys, values]) => Object.fromEntries(keys.map((k, i) => [k, values[i]])));

describe('flat records', () => {
  it('rebuild equal records (keys, order, values, frozen or not), values equal to the base taken from it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(flatRecord, fc.boolean(), flatRecord), { maxLength: 30 }),
        fc.integer({ min: 1, max: 64 }),
        (items, chunk) => {
          const codec = new FlatRecords(new Set(['type', 'symbol', 'quantity', 'tag']));
          const stream = new WordStream(chunk);
          const records = items.map(([r, frozen]) => (frozen ? Object.freeze({ ...r }) : r));
          items.forEach(([, , base], k) => {
            stream.reserve(RECORD_MAX_INTS, RECORD_MAX_NUMS);
            expect(codec.write(records[k], stream, base)).toBe(true);
          });
          const cursor = new WordCursor(stream);
          items.forEach(([, frozen, base], k) => {
            cursor.reserve(RECORD_MAX_INTS, RECORD_MAX_NUMS);
            const back = codec.read(cursor, base);
            expect(back).toStrictEqual(records[k]);
            expect(Object.keys(back)).toEqual(Object.keys(records[k] as object));
            expect(Object.isFrozen(back)).toBe(frozen);
          });
        },
      ),
    );
  });

  it('refuse records that are not flat, leaving the stream as it was', () => {
    const codec = new FlatRecords();
    const stream = new WordStream();
    stream.reserve(RECORD_MAX_INTS, RECORD_MAX_NUMS);
    const many = Object.fromEntries(Array.from({ length: 16 }, (_, k) => [`k${k}`, k]));
    const proto = JSON.parse('{"__proto__": 1}') as object;
    for (const value of [{ a: {} }, { a: [1] }, { a: 1n }, many, proto, Object.create(null), new Date(), [1], 'x']) {
      expect(codec.write(value, stream)).toBe(false);
      expect([stream.ip, stream.fp]).toEqual([0, 0]);
    }
  });
});
