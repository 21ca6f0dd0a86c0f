import { OrderStatus } from '@ml4t/core';
import { describe, expect, it } from 'vitest';
import { canTransition, IllegalTransitionError, ORDER_TRANSITIONS, transition } from '../src/index.js';

describe('order state machine', () => {
  it('allows the documented lifecycle', () => {
    expect(transition('O1', 'SUBMITTED', 'ACCEPTED')).toBe('ACCEPTED');
    expect(canTransition('ACCEPTED', 'PARTIALLY_FILLED')).toBe(true);
    expect(canTransition('PARTIALLY_FILLED', 'FILLED')).toBe(true);
    for (const to of ['CANCELLED', 'EXPIRED', 'REJECTED'] as const) {
      expect(canTransition('ACCEPTED', to)).toBe(true);
      expect(canTransition('PARTIALLY_FILLED', to)).toBe(true);
    }
  });

  it('final states have no exits; an illegal transition is a bug and throws', () => {
    for (const s of ['FILLED', 'CANCELLED', 'REJECTED', 'EXPIRED'] as const) expect(ORDER_TRANSITIONS[s]).toEqual([]);
    expect(() => transition('O7', 'FILLED', 'CANCELLED')).toThrow(IllegalTransitionError);
    expect(() => transition('O7', 'SUBMITTED', 'FILLED')).toThrow(/O7: illegal transition SUBMITTED → FILLED/);
    expect(canTransition(OrderStatus.Submitted, OrderStatus.PartiallyFilled)).toBe(false);
  });
});
