import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GrowableColumn } from '../src/io/growable-column.js';
import { NumberColumn } from '../src/io/number-column.js';
import { openFileBuffer } from '../src/parquet/file-buffer.js';
import { PageBuffers } from '../src/parquet/page-buffers.js';

const dir = mkdtempSync(join(tmpdir(), 'ml4t-feeds-buffers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('GrowableColumn', () => {
  it('grows past its capacity and trims to the values pushed', () => {
    const column = new GrowableColumn((n) => new Int32Array(n), 2);
    for (let i = 0; i < 5; i++) column.push(i * 10);
    expect(column.length).toBe(5);
    expect(column.take()).toEqual(Int32Array.from([0, 10, 20, 30, 40]));
  });

  it('hands over its storage without a copy when exactly full', () => {
    let allocated: Float64Array | undefined;
    const column = new GrowableColumn((n) => {
      allocated = new Float64Array(n);
      return allocated;
    }, 3);
    for (const v of [1, 2, 3]) column.push(v);
    expect(column.take()).toBe(allocated);
  });
});

describe('NumberColumn', () => {
  it('returns a Float64Array as it is and copies other all-number columns into a reused buffer', () => {
    const reader = new NumberColumn();
    const typed = Float64Array.from([1, 2]);
    expect(reader.read(typed, 2)).toBe(typed);
    const first = reader.read([1.5, Number.NaN, 3], 3);
    expect(Array.from(first ?? [])).toEqual([1.5, Number.NaN, 3]);
    const second = reader.read(Int32Array.from([7, 8]), 2);
    expect(second).toBe(first);
    expect(Array.from(second ?? []).slice(0, 2)).toEqual([7, 8]);
  });

  it('gives undefined when a cell is not a number', () => {
    const reader = new NumberColumn();
    for (const cells of [[1, null], [1, '2'], [1, undefined], BigInt64Array.from([1n, 2n])]) {
      expect(reader.read(cells, 2)).toBeUndefined();
    }
  });
});

describe('openFileBuffer', () => {
  it('reads byte ranges of the file, and fails past its end', async () => {
    const path = join(dir, 'bytes.bin');
    writeFileSync(
      path,
      Uint8Array.from({ length: 200 }, (_, i) => i),
    );
    const file = await openFileBuffer(path);
    try {
      expect(file.byteLength).toBe(200);
      expect(Array.from(new Uint8Array(await file.slice(10, 14)))).toEqual([10, 11, 12, 13]);
      expect((await file.slice(195)).byteLength).toBe(5);
      expect((await file.slice(7, 7)).byteLength).toBe(0);
      await expect(file.slice(190, 210)).rejects.toThrow(/past the end/);
    } finally {
      await file.close();
    }
  });
});

describe('PageBuffers', () => {
  // Snappy: uncompressed length, then one literal of `bytes.length` bytes (tag (length - 1) << 2).
  const literal = (bytes: number[]): Uint8Array => Uint8Array.from([bytes.length, (bytes.length - 1) << 2, ...bytes]);

  it('decompresses Snappy pages, reusing the buffers of the previous row group after a reset', () => {
    const pages = new PageBuffers();
    const snappy = pages.compressors.SNAPPY as (input: Uint8Array, length: number) => Uint8Array;
    const a = snappy(literal([1, 2, 3]), 3);
    const b = snappy(literal([4, 5]), 2);
    expect(Array.from(a)).toEqual([1, 2, 3]);
    expect(Array.from(b)).toEqual([4, 5]);
    expect(b.buffer).not.toBe(a.buffer);
    pages.reset();
    const c = snappy(literal([6, 7]), 2);
    expect(c.buffer).toBe(a.buffer);
    expect(Array.from(c)).toEqual([6, 7]);
    const d = snappy(literal([8, 9, 10, 11]), 4);
    expect(d.buffer).not.toBe(b.buffer);
    expect(Array.from(d)).toEqual([8, 9, 10, 11]);
  });
});
