import { ConfigError, ExitReason, type PositionAction, type PositionRule, type PositionRuleInput } from '@ml4t/core';
import { nonEmpty, nonNegative, oneOf, openFraction, optionsObject } from '../internal/validate.js';
import { cachedBasis, direction } from './exit-at-level.js';
import { type IntrabarPath, intrabarPathOption } from './intrabar-path.js';
import { type PriceBasis, priceBasisOption } from './price-basis.js';
import type { PositionRuleOptions } from './rule-options.js';
import { type TrailTiming, trailExit, trailSettings, type WaterMarkSource, waterMark } from './trail.js';

/** One step of a profit-tightened trail: from a peak gain of `profit` on, trail by `trail`. */
export interface TrailStep {
  /** Peak gain as a fraction of the basis price (0.10 = +10 %), measured at the favourable water mark. */
  readonly profit: number;
  /** Trail as a fraction of the water mark in effect from this gain on. */
  readonly trail: number;
}

/**
 * Options of {@link dynamicTrailingStop}. `tighten: 'bars'` (default) shrinks the trail linearly with bars held;
 * `tighten: 'profit'` steps it down a schedule of peak gains.
 */
export interface DynamicTrailingStopOptions extends PositionRuleOptions {
  /** What tightens the trail. @defaultValue 'bars' */
  readonly tighten?: 'bars' | 'profit';
  /** Trail on the entry bar (fraction, 0.05 = 5 %). Required for `tighten: 'bars'`. */
  readonly initial?: number;
  /** Trail removed per bar held (fraction per bar; `bars` only). @defaultValue 0.001 */
  readonly perBar?: number;
  /** Floor of the trail (fraction; `bars` only). @defaultValue 0.005 */
  readonly minimum?: number;
  /**
   * Steps for `tighten: 'profit'`, by ascending `profit`; the first step's trail applies below every threshold.
   * Trails must not widen as the profit grows.
   */
  readonly schedule?: readonly TrailStep[];
  /** Price the peak gain is measured from (`profit` only). @defaultValue 'fill_price' */
  readonly basis?: PriceBasis;
  /** @defaultValue 'lagged' */
  readonly timing?: TrailTiming;
  /** @defaultValue 'extreme' */
  readonly waterMark?: WaterMarkSource;
  /** @defaultValue 'nearest_extreme_first' */
  readonly path?: IntrabarPath;
}

/**
 * A tightening trailing stop: like {@link trailingStop} (same timing and water-mark knobs), but the trail
 * fraction shrinks as the trade matures.
 *
 * - `bars`: `trail = max(minimum, initial − perBar × barsHeld)` (barsHeld is 0 on the entry bar).
 * - `profit`: the trail of the last schedule step whose `profit` is ≤ the peak gain
 *   `(waterMark − basis) / basis` (mirrored for shorts); the peak never falls, so neither does the protection.
 *
 * The trail is fixed at the start of each bar (from the previous bars' water mark). Exit reason
 * `TRAILING_STOP`.
 *
 * @example
 * ```ts
 * dynamicTrailingStop({ initial: 0.05, perBar: 0.001, minimum: 0.01 });
 * dynamicTrailingStop({ tighten: 'profit', schedule: [{ profit: 0, trail: 0.05 }, { profit: 0.1, trail: 0.02 }] });
 * ```
 */
export function dynamicTrailingStop(options: DynamicTrailingStopOptions): PositionRule {
  const p = 'dynamicTrailingStop';
  optionsObject(p, options);
  const tighten = options.tighten === undefined ? 'bars' : oneOf(`${p}.tighten`, options.tighten, ['bars', 'profit']);
  const settings = trailSettings(p, options.timing, options.waterMark, intrabarPathOption(`${p}.path`, options.path));
  const basis = priceBasisOption(`${p}.basis`, options.basis);
  const name = nonEmpty(`${p}.name`, options.name ?? p);
  const skipEntryBar = options.skipEntryBar ?? false;
  let initial = Number.NaN;
  let perBar = 0;
  let minimum = 0;
  let thresholds = new Float64Array(0);
  let trails = new Float64Array(0);
  if (tighten === 'bars') {
    if (options.initial === undefined)
      throw new ConfigError(`${p}.initial`, 'required', "required with tighten 'bars'");
    initial = openFraction(`${p}.initial`, options.initial);
    perBar = nonNegative(`${p}.perBar`, options.perBar ?? 0.001);
    minimum = openFraction(`${p}.minimum`, options.minimum ?? 0.005);
    if (minimum > initial) throw new ConfigError(`${p}.minimum`, 'minimum-le-initial', 'must not exceed initial');
  } else {
    const schedule = options.schedule;
    if (!Array.isArray(schedule) || schedule.length === 0) {
      throw new ConfigError(`${p}.schedule`, 'non-empty', "a non-empty schedule is required with tighten 'profit'");
    }
    thresholds = new Float64Array(schedule.length);
    trails = new Float64Array(schedule.length);
    schedule.forEach((step: TrailStep, i: number) => {
      thresholds[i] = nonNegative(`${p}.schedule.${i}.profit`, step.profit);
      trails[i] = openFraction(`${p}.schedule.${i}.trail`, step.trail);
      if (i > 0 && (step.profit <= (thresholds[i - 1] as number) || step.trail > (trails[i - 1] as number))) {
        throw new ConfigError(
          `${p}.schedule.${i}`,
          'tightening',
          'steps must have strictly ascending profit and non-increasing trail',
        );
      }
    });
  }
  return {
    name,
    evaluate(input: PositionRuleInput): PositionAction {
      if (skipEntryBar && input.isEntryBar) return undefined;
      const position = input.position;
      const d = direction(position);
      if (d === 0) return undefined;
      let trail: number;
      if (tighten === 'bars') {
        trail = Math.max(minimum, initial - perBar * position.barsHeld);
      } else {
        const b = cachedBasis(input, basis);
        const gain = (d * (waterMark(position, d, settings.waterMark) - b)) / b;
        trail = trails[0] as number;
        for (let i = 1; i < thresholds.length && gain >= (thresholds[i] as number); i++) trail = trails[i] as number;
      }
      return trailExit(position, input.bar, d, trail, Number.NaN, settings, ExitReason.TrailingStop, name);
    },
  };
}
