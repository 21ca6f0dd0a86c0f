import type { BarView, ExitAction, ExitReason, Position } from '@ml4t/core';
import { ConfigError } from '@ml4t/core';
import { roundLevel } from '../internal/round-level.js';
import { oneOf } from '../internal/validate.js';
import { exitAction, stopExit } from './exit-at-level.js';
import { highFirst, type IntrabarPath } from './intrabar-path.js';

/**
 * When a trailing stop's level is taken and tested.
 * - `lagged` (default): the level comes from the water mark of the previous bars (the engine updates water
 *   marks at the end of each bar); the current bar triggers it when it trades through. Fills as a `stop`.
 * - `intrabar`: the water mark also follows the current bar's favourable extreme along the intrabar path
 *   (see {@link IntrabarPath}), so a bar that first rallies and then falls back can trigger the raised level
 *   on the same bar. Requires `waterMark: 'extreme'`.
 * - `close_confirmed`: the lagged level triggers only when the bar *closes* through it; fills at that close.
 */
export type TrailTiming = 'lagged' | 'intrabar' | 'close_confirmed';

/**
 * What the trail's water mark follows: `extreme` (default) the highest high (long) / lowest low (short) since
 * entry; `close` the highest / lowest close since entry.
 */
export type WaterMarkSource = 'extreme' | 'close';

/** Validated trail settings shared by the trailing-stop rules. @internal */
export interface TrailSettings {
  readonly timing: TrailTiming;
  readonly waterMark: WaterMarkSource;
  readonly path: IntrabarPath;
}

/** Validates timing and water-mark options (rejecting `intrabar` with close water marks). @internal */
export function trailSettings(
  path: string,
  timing: TrailTiming | undefined,
  waterMark: WaterMarkSource | undefined,
  intrabarPath: IntrabarPath,
): TrailSettings {
  const t =
    timing === undefined ? 'lagged' : oneOf(`${path}.timing`, timing, ['lagged', 'intrabar', 'close_confirmed']);
  const w = waterMark === undefined ? 'extreme' : oneOf(`${path}.waterMark`, waterMark, ['extreme', 'close']);
  if (t === 'intrabar' && w === 'close') {
    throw new ConfigError(
      `${path}.waterMark`,
      'intrabar-needs-extreme',
      "timing 'intrabar' follows the bar's extremes; use waterMark 'extreme' (a close is only known at the end of the bar)",
    );
  }
  return { timing: t, waterMark: w, path: intrabarPath };
}

/** The favourable water mark of `position` (before the current bar). @internal */
export function waterMark(position: Position, d: 1 | -1, source: WaterMarkSource): number {
  if (source === 'close') return d > 0 ? position.highClose : position.lowClose;
  return d > 0 ? position.highWater : position.lowWater;
}

/**
 * Evaluates a trailing stop whose distance is `fraction` of the water mark (when finite) or `amount` in price
 * units. @internal
 */
export function trailExit(
  position: Position,
  bar: BarView,
  d: 1 | -1,
  fraction: number,
  amount: number,
  settings: TrailSettings,
  reason: ExitReason,
  rule: string,
): ExitAction | undefined {
  let wm = waterMark(position, d, settings.waterMark);
  let level = trailLevel(wm, d, fraction, amount);
  if (settings.timing === 'lagged') return stopExit(bar, d, level, reason, rule);
  if (settings.timing === 'close_confirmed') {
    const close = bar.close;
    return d * (close - level) <= 0 ? exitAction('close', close, reason, rule) : undefined;
  }
  // intrabar: walk open → first extreme → second extreme → close, raising the water mark on the way.
  const open = bar.open;
  if (d * (open - level) <= 0) return exitAction('stop', level, reason, rule);
  if (d * (open - wm) > 0) {
    wm = open;
    level = trailLevel(wm, d, fraction, amount);
  }
  const fav = d > 0 ? bar.high : bar.low;
  const adv = d > 0 ? bar.low : bar.high;
  const favFirst = highFirst(settings.path, open, bar.high, bar.low) === d > 0;
  if (favFirst) {
    if (d * (fav - wm) > 0) level = trailLevel(fav, d, fraction, amount);
    return d * (adv - level) <= 0 ? levelExit(open, d, level, reason, rule) : undefined;
  }
  if (d * (adv - level) <= 0) return levelExit(open, d, level, reason, rule);
  if (d * (fav - wm) > 0) level = trailLevel(fav, d, fraction, amount);
  return d * (bar.close - level) <= 0 ? levelExit(open, d, level, reason, rule) : undefined;
}

function trailLevel(wm: number, d: 1 | -1, fraction: number, amount: number): number {
  return roundLevel(Number.isNaN(fraction) ? wm - d * amount : wm * (1 - d * fraction));
}

/**
 * An exit at a level crossed during the bar. When the level is still on the adverse side of the open it is an
 * ordinary `stop`. When the bar's own rally raised it to or beyond the open, a `stop` would look like a gap to
 * the broker and fill at the open; the price really crossed the level after the rally, so the exit is sent as
 * a `limit` at the level, which every broker fills at exactly that level (the open is not better).
 */
function levelExit(open: number, d: 1 | -1, level: number, reason: ExitReason, rule: string): ExitAction {
  return exitAction(d * (open - level) > 0 ? 'stop' : 'limit', level, reason, rule);
}
