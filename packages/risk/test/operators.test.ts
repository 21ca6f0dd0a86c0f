import { type ExitAction, type GateDecision, type OrderEvent, type PortfolioSnapshot, toMoney } from '@ml4t/core';
import { from, lastValueFrom, Subject, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import {
  asOrderOperator,
  type GateContextProvider,
  maxDrawdownHalt,
  maxPositionWeight,
  positionRuleOperator,
  stopLoss,
} from '../src/index.js';
import { gateInput, market } from './support/gate-input.js';
import { ohlc, position, ruleInput } from './support/rule-input.js';

/** Context for every order from a fixed hand-made book. */
const context: GateContextProvider = (order) => {
  const { order: _order, ...facts } = gateInput(order, { positions: { A: { quantity: 100, price: 50 } } });
  return facts;
};

describe('asOrderOperator', () => {
  it('passes accepted orders, resizes, and drops refused ones with a report', async () => {
    const refused: [OrderEvent, GateDecision][] = [];
    const op = asOrderOperator(maxPositionWeight({ max: 0.1 }), context, {
      onRefuse: (o, d) => refused.push([o, d]),
    });
    const out = await lastValueFrom(
      from([market('A', 'BUY', 50), market('A', 'BUY', 150), market('A', 'SELL', 100), market('B', 'BUY', 1e9)]).pipe(
        op,
        toArray(),
      ),
    );
    // Weight 10 % of 100,000 at 100 (B) or 50 (A): A may grow to 200 units.
    expect(out.map((o) => [o.symbol, o.side, o.quantity])).toEqual([
      ['A', 'BUY', 50],
      ['A', 'BUY', 100],
      ['A', 'SELL', 100],
      ['B', 'BUY', 100],
    ]);
    expect(refused).toEqual([]);
  });

  it('feeds snapshots to stateful rules and reports halts', () => {
    const snapshots = new Subject<PortfolioSnapshot>();
    const refused: string[] = [];
    const orders = new Subject<OrderEvent>();
    const passed: OrderEvent[] = [];
    orders
      .pipe(
        asOrderOperator(maxDrawdownHalt({ max: 0.1 }), context, {
          snapshots,
          onRefuse: (_o, d) => refused.push(d.action),
        }),
      )
      .subscribe((o) => passed.push(o));
    const snap = (equity: number): PortfolioSnapshot => ({
      timestamp: 0,
      index: 0,
      cash: toMoney(equity),
      cashValue: equity,
      positionsValue: 0,
      equity,
      grossExposure: 0,
      netExposure: 0,
      openPositions: 0,
    });
    orders.next(market('B', 'BUY', 1));
    snapshots.next(snap(100_000));
    snapshots.next(snap(85_000));
    orders.next(market('B', 'BUY', 1));
    orders.next(market('A', 'SELL', 10));
    expect(passed.map((o) => o.symbol)).toEqual(['B', 'A']);
    expect(refused).toEqual(['halt']);
  });

  it('passes orders it cannot judge and fails the stream when a rule throws', async () => {
    const op = asOrderOperator(maxPositionWeight({ max: 0.1 }), () => undefined);
    expect(await lastValueFrom(from([market('Z', 'BUY', 5)]).pipe(op, toArray()))).toHaveLength(1);
    const boom = asOrderOperator(
      {
        name: 'boom',
        check: () => {
          throw new Error('boom');
        },
      },
      context,
    );
    await expect(lastValueFrom(from([market('A', 'BUY', 1)]).pipe(boom))).rejects.toThrow('boom');
  });
});

describe('positionRuleOperator', () => {
  it('maps rule inputs to the exits the rule decides', async () => {
    const inputs = [
      ruleInput(position(), ohlc(99, 100, 96, 97)),
      ruleInput(position(), ohlc(97, 98, 94, 95)),
      ruleInput(position({ quantity: -10 }), ohlc(104, 106, 103, 105)),
    ];
    const exits: ExitAction[] = await lastValueFrom(
      from(inputs).pipe(positionRuleOperator(stopLoss({ percent: 0.05 })), toArray()),
    );
    expect(exits.map((e) => e.price)).toEqual([95, 105]);
  });
});
