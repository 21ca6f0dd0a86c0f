import { ConfigError, type SymbolId } from '@ml4t/core';
import type { ImpactInput, MarketImpactModel } from './market-impact-model.js';

/** Options of {@link almgrenChrissImpact}. */
export interface AlmgrenChrissOptions {
  /** Temporary impact coefficient η: this fill pays `price × η × participation^exponent` per unit. */
  readonly temporary: number;
  /** Permanent impact coefficient γ: each fill shifts the price by `γ × participation` (a fraction), signed. */
  readonly permanent: number;
  /** Exponent of the temporary term (1 = Almgren-Chriss linear, 0.5 = square-root law). @defaultValue 1 */
  readonly exponent?: number;
  /** Half-life of the permanent displacement, in bars of the symbol. @defaultValue 10 */
  readonly halfLifeBars?: number;
}

/**
 * Almgren-Chriss style market impact: a temporary cost proportional to participation (quantity ÷ bar volume)
 * and a permanent displacement that accumulates across fills and decays geometrically with the bar count.
 * Buys push the price up, sells down; a later fill pays the displacement when it trades in the same direction
 * and gains it when it trades against it. With an unknown or zero bar volume the participation is taken as 0.
 *
 * @example
 * ```ts
 * new SimulatedBroker({ impact: almgrenChrissImpact({ temporary: 0.1, permanent: 0.05, halfLifeBars: 5 }) });
 * ```
 */
export function almgrenChrissImpact(options: AlmgrenChrissOptions): MarketImpactModel {
  const eta = options.temporary;
  const gamma = options.permanent;
  const exponent = options.exponent ?? 1;
  const halfLife = options.halfLifeBars ?? 10;
  if (!(eta >= 0)) throw new ConfigError('impact.temporary', 'non-negative', 'must be ≥ 0');
  if (!(gamma >= 0)) throw new ConfigError('impact.permanent', 'non-negative', 'must be ≥ 0');
  if (!(exponent > 0)) throw new ConfigError('impact.exponent', 'positive', 'must be > 0');
  if (!(halfLife > 0)) throw new ConfigError('impact.halfLifeBars', 'positive', 'must be > 0');
  const decay = 2 ** (-1 / halfLife);
  // Signed displacement per symbol as a fraction of price (+ = pushed up).
  const displacement: number[] = [];
  const participation = (input: ImpactInput): number => (input.barVolume > 0 ? input.quantity / input.barVolume : 0);
  return {
    name: 'almgren-chriss',
    impactPerUnit(input) {
      const sign = input.side === 'BUY' ? 1 : -1;
      const temporary = eta * participation(input) ** exponent;
      const permanent = sign * (displacement[input.symbolId] ?? 0);
      return input.basePrice * (temporary + permanent);
    },
    onFill(input) {
      const sign = input.side === 'BUY' ? 1 : -1;
      displacement[input.symbolId] = (displacement[input.symbolId] ?? 0) + sign * gamma * participation(input);
    },
    onBar(symbolId: SymbolId) {
      const d = displacement[symbolId];
      if (d !== undefined && d !== 0) displacement[symbolId] = d * decay;
    },
  };
}
