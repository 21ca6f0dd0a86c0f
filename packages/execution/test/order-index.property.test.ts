import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OrderIndex } from '../src/orders/order-index.js';
import type { WorkingOrder } from '../src/orders/working-order.js';

/** A stand-in order: the index reads only the id. */
function order(id: string, tag: number): WorkingOrder {
  return { id, tag } as unknown as WorkingOrder;
}

const op = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), id: fc.integer({ min: 1, max: 300 }) }),
  fc.record({ kind: fc.constant('delete' as const), id: fc.integer({ min: 1, max: 300 }) }),
);

describe('OrderIndex', () => {
  it('answers like a Map through any sequence of adds and deletes, across growth and wrap-around', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 600 }), fc.boolean(), (ops, oddIds) => {
        const index = new OrderIndex();
        const model = new Map<string, WorkingOrder>();
        ops.forEach(({ kind, id }, step) => {
          const key = oddIds ? `X-${id * 7919}` : `O${id}`;
          if (kind === 'add') {
            const o = order(key, step);
            index.add(o);
            model.set(key, o);
          } else {
            index.delete(key);
            model.delete(key);
          }
        });
        expect(index.size).toBe(model.size);
        for (let id = 1; id <= 300; id++) {
          const key = oddIds ? `X-${id * 7919}` : `O${id}`;
          expect(index.get(key)).toBe(model.get(key));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps no reference to a deleted order', () => {
    const index = new OrderIndex();
    const orders = Array.from({ length: 200 }, (_, i) => order(`O${i + 1}`, i));
    for (const o of orders) index.add(o);
    for (const o of orders) index.delete(o.id);
    expect(index.size).toBe(0);
    const held = Object.values(index as unknown as Record<string, unknown>).filter(Array.isArray) as unknown[][];
    expect(held.length).toBe(2);
    for (const slots of held) expect(slots.every((x) => x === undefined)).toBe(true);
    expect(index.get('O7')).toBeUndefined();
  });
});
