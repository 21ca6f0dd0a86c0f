import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdMap } from '../src/index.js';

interface Item {
  readonly id: string;
  readonly step: number;
}

const op = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), id: fc.integer({ min: 1, max: 300 }) }),
  fc.record({ kind: fc.constant('delete' as const), id: fc.integer({ min: 1, max: 300 }) }),
);

describe('IdMap', () => {
  it('answers like a Map through any sequence of adds and deletes, across growth and wrap-around', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 600 }), fc.boolean(), (ops, oddIds) => {
        const map = new IdMap<Item>();
        const model = new Map<string, Item>();
        ops.forEach(({ kind, id }, step) => {
          const key = oddIds ? `X-${id * 7919}` : `O${id}`;
          if (kind === 'add') {
            const item = { id: key, step };
            map.set(key, item);
            model.set(key, item);
          } else {
            expect(map.delete(key)).toBe(model.delete(key));
          }
        });
        expect(map.size).toBe(model.size);
        for (let id = 1; id <= 300; id++) {
          const key = oddIds ? `X-${id * 7919}` : `O${id}`;
          expect(map.get(key)).toBe(model.get(key));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps no reference to a deleted value', () => {
    const map = new IdMap<Item>();
    const items = Array.from({ length: 200 }, (_, i) => ({ id: `O${i + 1}`, step: i }));
    for (const item of items) map.set(item.id, item);
    for (const item of items) map.delete(item.id);
    expect(map.size).toBe(0);
    const held = Object.values(map as unknown as Record<string, unknown>).filter(Array.isArray) as unknown[][];
    expect(held.length).toBe(2);
    for (const slots of held) expect(slots.every((x) => x === undefined)).toBe(true);
    expect(map.get('O7')).toBeUndefined();
  });
});
