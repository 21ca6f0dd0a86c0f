import { ExitReason, type FillEvent, OrderSide, OrderType } from '@ml4t/core';
import type { CellReader, TableSchema } from './table-schema.js';

const EXIT_REASONS = Object.values(ExitReason);
const SIDES = Object.values(OrderSide);
const ORDER_TYPES = Object.values(OrderType);

/** Columns of `fills.*`: every {@link FillEvent} field. */
export const FILL_TABLE: TableSchema<FillEvent> = {
  name: 'fills',
  columns: [
    { name: 'id', kind: 'string', get: (f) => f.id },
    { name: 'orderId', kind: 'string', get: (f) => f.orderId },
    { name: 'timestamp', kind: 'timestamp', get: (f) => f.timestamp },
    { name: 'sliceIndex', kind: 'int', get: (f) => f.sliceIndex },
    { name: 'symbol', kind: 'string', get: (f) => f.symbol },
    { name: 'symbolId', kind: 'int', get: (f) => f.symbolId },
    { name: 'side', kind: 'string', get: (f) => f.side },
    { name: 'orderType', kind: 'string', get: (f) => f.orderType },
    { name: 'quantity', kind: 'number', get: (f) => f.quantity },
    { name: 'price', kind: 'number', get: (f) => f.price },
    { name: 'basePrice', kind: 'number', get: (f) => f.basePrice },
    { name: 'slippagePerUnit', kind: 'number', get: (f) => f.slippagePerUnit },
    { name: 'impactPerUnit', kind: 'number', get: (f) => f.impactPerUnit },
    { name: 'slippage', kind: 'money', get: (f) => f.slippage },
    { name: 'impact', kind: 'money', get: (f) => f.impact },
    { name: 'commission', kind: 'money', get: (f) => f.commission },
    { name: 'notional', kind: 'money', get: (f) => f.notional },
    { name: 'multiplier', kind: 'number', get: (f) => f.multiplier },
    { name: 'signalPrice', kind: 'number', get: (f) => f.signalPrice },
    { name: 'priceRule', kind: 'string', get: (f) => f.priceRule },
    { name: 'liquidity', kind: 'string', get: (f) => f.liquidity },
    { name: 'exitReason', kind: 'string', get: (f) => f.exitReason },
    { name: 'rule', kind: 'optionalString', get: (f) => f.rule },
    { name: 'tag', kind: 'optionalString', get: (f) => f.tag },
    { name: 'settleAt', kind: 'optionalTimestamp', get: (f) => f.settleAt },
  ],
  read(c: CellReader): FillEvent {
    const rule = c.optionalString('rule');
    const tag = c.optionalString('tag');
    const settleAt = c.optionalTimestamp('settleAt');
    return {
      id: c.string('id'),
      orderId: c.string('orderId'),
      timestamp: c.timestamp('timestamp'),
      sliceIndex: c.int('sliceIndex'),
      symbol: c.string('symbol'),
      symbolId: c.int('symbolId'),
      side: c.oneOf('side', SIDES),
      orderType: c.oneOf('orderType', ORDER_TYPES),
      quantity: c.number('quantity'),
      price: c.number('price'),
      basePrice: c.number('basePrice'),
      slippagePerUnit: c.number('slippagePerUnit'),
      impactPerUnit: c.number('impactPerUnit'),
      slippage: c.money('slippage'),
      impact: c.money('impact'),
      commission: c.money('commission'),
      notional: c.money('notional'),
      multiplier: c.number('multiplier'),
      signalPrice: c.number('signalPrice'),
      priceRule: c.string('priceRule'),
      liquidity: c.oneOf('liquidity', ['maker', 'taker'] as const),
      exitReason: c.oneOf('exitReason', EXIT_REASONS),
      ...(rule !== undefined ? { rule } : {}),
      ...(tag !== undefined ? { tag } : {}),
      ...(settleAt !== undefined ? { settleAt } : {}),
    };
  },
};
