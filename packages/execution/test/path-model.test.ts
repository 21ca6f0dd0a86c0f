import type { BarView, Order } from '@ml4t/core';
import { describe, expect, it } from 'vitest';
import { firstTouch, pathFillModel, pathPoints, priceAt } from '../src/index.js';

describe('intrabar path', () => {
  it('nearest extreme first; ties go low first; explicit orders', () => {
    const out = new Float64Array(4);
    expect([...pathPoints(100, 101, 95, 98, 'nearest_extreme_first', out)]).toEqual([100, 101, 95, 98]);
    expect([...pathPoints(100, 106, 99, 98, 'nearest_extreme_first', out)]).toEqual([100, 99, 106, 98]);
    expect([...pathPoints(100, 105, 95, 98, 'nearest_extreme_first', out)]).toEqual([100, 95, 105, 98]);
    expect([...pathPoints(100, 105, 95, 98, 'high_first', out)]).toEqual([100, 105, 95, 98]);
    expect([...pathPoints(100, 101, 95, 98, 'low_first', out)]).toEqual([100, 95, 101, 98]);
  });

  it('first touch times along the path (each leg a third)', () => {
    const p = pathPoints(100, 106, 94, 100, 'high_first', new Float64Array(4));
    expect(firstTouch(p, 103, 1, 0)).toBeCloseTo(1 / 6, 12); // half way up the first leg
    expect(firstTouch(p, 97, -1, 0)).toBeCloseTo(1 / 3 + 0.75 / 3, 12); // 106 → 94 passes 97 at 3/4
    expect(firstTouch(p, 99, 1, 0)).toBe(0); // already at or above at the open
    expect(firstTouch(p, 110, 1, 0)).toBeNaN();
    // From t = 0.5 (price 100 on the way down) the path never reaches 105 again.
    expect(firstTouch(p, 105, 1, 0.5)).toBeNaN();
    // From t = 0.8 (96.4 on the last leg 94 → 100) it reaches 98 at 0.8 + (1.6 / 3.6) × 0.2.
    expect(firstTouch(p, 98, 1, 0.8)).toBeCloseTo(0.8 + (1.6 / 3.6) * 0.2, 12);
  });

  it('priceAt interpolates', () => {
    const p = pathPoints(100, 106, 94, 100, 'high_first', new Float64Array(4));
    expect(priceAt(p, 0)).toBe(100);
    expect(priceAt(p, 1 / 6)).toBeCloseTo(103, 12);
    expect(priceAt(p, 1)).toBe(100);
  });
});

describe('pathFillModel (core FillModel)', () => {
  const bar: BarView = {
    symbolId: 0,
    timestamp: 0,
    open: 100,
    high: 104,
    low: 97,
    close: 103,
    volume: 1000,
    bid: Number.NaN,
    ask: Number.NaN,
    bidSize: Number.NaN,
    askSize: Number.NaN,
  };
  const order = (request: Order['request'], extra: Partial<Order> = {}): Order =>
    ({
      id: 'O1',
      request,
      symbol: 'A',
      symbolId: 0,
      side: request.side,
      type: request.type,
      quantity: request.quantity,
      timeInForce: 'GTC',
      status: 'ACCEPTED',
      filledQuantity: 0,
      avgFillPrice: Number.NaN,
      submittedAt: 0,
      submittedIndex: 0,
      signalPrice: 100,
      stopLevel: Number.NaN,
      triggered: false,
      ...extra,
    }) as Order;

  it('decides market, limit and stop fills without touching the order', () => {
    const m = pathFillModel();
    expect(m.evaluate(order({ type: 'MARKET', symbol: 'A', side: 'BUY', quantity: 5 }), bar, 'open')).toEqual({
      price: 100,
      quantity: 5,
      priceRule: 'market@open',
      liquidity: 'taker',
      kind: 'market',
    });
    expect(
      m.evaluate(order({ type: 'LIMIT', symbol: 'A', side: 'BUY', quantity: 5, limitPrice: 98 }), bar, 'open'),
    ).toMatchObject({
      price: 98,
      priceRule: 'limit@level',
      liquidity: 'maker',
    });
    const stop = order({ type: 'STOP', symbol: 'A', side: 'SELL', quantity: 5, stopPrice: 96 }, { stopLevel: 96 });
    expect(m.evaluate(stop, bar, 'open')).toBeUndefined();
    expect(
      m.evaluate(order({ type: 'LIMIT', symbol: 'A', side: 'BUY', quantity: 5, limitPrice: 98 }), bar, 'close'),
    ).toBeUndefined();
    expect(m.evaluate(order({ type: 'MARKET', symbol: 'A', side: 'BUY', quantity: 5 }), bar, 'close')?.price).toBe(103);
  });
});
