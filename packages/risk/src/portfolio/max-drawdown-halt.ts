import {
  ACCEPT,
  ConfigError,
  type GateDecision,
  type OrderGateInput,
  type PortfolioRule,
  type PortfolioSnapshot,
} from '@ml4t/core';
import { nonEmpty, openFraction, optionsObject, positiveInteger } from '../internal/validate.js';
import { haltOrder } from './gate-decisions.js';

/** Float slack when comparing drawdowns with their limits: 1 − 90,000 / 100,000 is 0.09999999999999998. */
const EPSILON = 1e-12;

/** Options of {@link maxDrawdownHalt}. Without a resume option the halt lasts to the end of the run. */
export interface MaxDrawdownHaltOptions {
  /** Drawdown from the peak snapshot equity that halts new entries (0.2 = 20 %). */
  readonly max: number;
  /** Resume once the drawdown has recovered to at most this fraction (must be below `max`). */
  readonly resumeBelow?: number;
  /**
   * Resume this many snapshots (timestamps) after the halt; the peak is then reset to the equity at resumption,
   * so the old drawdown does not halt trading again at once.
   */
  readonly resumeAfterBars?: number;
  /** @defaultValue 'maxDrawdownHalt' */
  readonly name?: string;
}

/**
 * Halts new entries after a drawdown: at every portfolio snapshot (the end of each timestamp) it follows the
 * peak equity; once `1 − equity / peak ≥ max` every exposure-opening order is answered with `halt` (reason
 * `trading_halted`) until the rule resumes, by recovery (`resumeBelow`) or time (`resumeAfterBars`), whichever
 * comes first. Exits and reductions always pass. Orders decided at timestamp t see the state after the
 * snapshot of the previous timestamp.
 *
 * Stateful: use one instance per run.
 *
 * @example
 * ```ts
 * maxDrawdownHalt({ max: 0.15, resumeBelow: 0.05 });
 * ```
 */
export function maxDrawdownHalt(options: MaxDrawdownHaltOptions): PortfolioRule {
  const p = 'maxDrawdownHalt';
  optionsObject(p, options);
  const max = openFraction(`${p}.max`, options.max);
  const resumeBelow =
    options.resumeBelow === undefined ? Number.NaN : openFraction(`${p}.resumeBelow`, options.resumeBelow);
  if (resumeBelow >= max) throw new ConfigError(`${p}.resumeBelow`, 'below-max', 'must be below max');
  const resumeAfter =
    options.resumeAfterBars === undefined
      ? Number.POSITIVE_INFINITY
      : positiveInteger(`${p}.resumeAfterBars`, options.resumeAfterBars);
  const name = nonEmpty(`${p}.name`, options.name ?? p);
  let peak = Number.NaN;
  let drawdown = 0;
  let halted = false;
  let barsHalted = 0;
  return {
    name,
    check(input: OrderGateInput): GateDecision {
      if (!halted || !input.opensExposure) return ACCEPT;
      return haltOrder(name, `drawdown ${(drawdown * 100).toFixed(2)} % reached the ${max * 100} % limit`);
    },
    onSnapshot(snapshot: PortfolioSnapshot): void {
      const equity = snapshot.equity;
      if (!(equity <= peak)) peak = equity;
      drawdown = peak > 0 ? 1 - equity / peak : 1;
      if (!halted) {
        if (drawdown >= max - EPSILON) {
          halted = true;
          barsHalted = 0;
        }
        return;
      }
      barsHalted += 1;
      if (drawdown <= resumeBelow + EPSILON) {
        halted = false;
      } else if (barsHalted >= resumeAfter) {
        halted = false;
        peak = equity;
        drawdown = 0;
      }
    },
  };
}
