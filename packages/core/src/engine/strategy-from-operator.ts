import { Subject } from 'rxjs';
import type { Strategy, StrategyOperator } from '../contracts/strategy.js';
import type { TimeSlice } from '../domain/time-slice.js';

/**
 * Adapts an RxJS operator strategy (`slices$ → orders$`) to the {@link Strategy} callbacks: each slice is pushed
 * into the operator and every order it emits synchronously is submitted on that slice. An error inside the
 * operator (or while submitting) surfaces synchronously from the slice that caused it.
 */
export function strategyFromOperator(operator: StrategyOperator, name = 'operator'): Strategy {
  const slices = new Subject<TimeSlice>();
  let failure: { readonly error: unknown } | undefined;
  const rethrow = (): void => {
    if (failure) throw failure.error;
  };
  return {
    name,
    onStart(ctx) {
      operator(slices.asObservable()).subscribe({
        next(order) {
          if (failure) return;
          try {
            ctx.bus.submit(order);
          } catch (error) {
            failure = { error };
          }
        },
        error(error: unknown) {
          failure = { error };
        },
      });
      rethrow();
    },
    onTimeSlice(slice) {
      slices.next(slice);
      rethrow();
    },
    onEnd() {
      slices.complete();
      rethrow();
    },
  };
}
