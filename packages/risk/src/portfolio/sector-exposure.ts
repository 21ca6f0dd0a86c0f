import { ACCEPT, type GateDecision, type OrderGateInput, type PortfolioRule } from '@ml4t/core';
import { nonEmpty, oneOf, optionsObject, unitFraction } from '../internal/validate.js';
import { rejectOrder } from './gate-decisions.js';
import {
  capDecision,
  quantityForAbsolute,
  type SizingRuleOptions,
  sizingSettings,
  unitValue,
  unsizable,
} from './sizing.js';

/** Options of {@link sectorExposure}. Sectors come from `sectors`, else from `instruments[symbol].sector`. */
export interface SectorExposureOptions extends SizingRuleOptions {
  /** Largest Σ |position value| of one sector as a fraction of equity (0.3 = 30 %). */
  readonly max: number;
  /** Sector by symbol; takes precedence over `instruments`. */
  readonly sectors?: Readonly<Record<string, string>>;
  /**
   * What to do with an entry in a symbol without a sector: let it through, or refuse it.
   * @defaultValue 'accept'
   */
  readonly unknownSector?: 'accept' | 'reject';
}

/**
 * Caps exposure per sector: an entry or add that would bring the sector's gross exposure (Σ |position value| of
 * its symbols at the last marks) above `max × equity` is resized to fit (or rejected). Reductions always pass.
 *
 * The sector of a symbol is looked up in `sectors`, then in `instruments`; for the order's own symbol, finally in
 * the gate input's instrument spec. Pass the engine's `instruments` object so the sectors of the other held
 * symbols are known too.
 *
 * @example
 * ```ts
 * sectorExposure({ max: 0.3, sectors: { AAPL: 'tech', MSFT: 'tech', XOM: 'energy' } });
 * ```
 */
export function sectorExposure(options: SectorExposureOptions): PortfolioRule {
  optionsObject('sectorExposure', options);
  const s = sizingSettings('sectorExposure', options);
  nonEmpty('sectorExposure.name', s.name);
  const max = unitFraction('sectorExposure.max', options.max);
  const sectors = options.sectors ?? {};
  const rejectUnknown =
    oneOf('sectorExposure.unknownSector', options.unknownSector ?? 'accept', ['accept', 'reject']) === 'reject';
  const sectorOf = (symbol: string): string | undefined => sectors[symbol] ?? s.instruments[symbol]?.sector;
  return {
    name: s.name,
    check(input: OrderGateInput): GateDecision {
      if (!input.opensExposure) return ACCEPT;
      const sector = sectorOf(input.order.symbol) ?? input.instrument.sector;
      if (sector === undefined) {
        return rejectUnknown ? rejectOrder(s.name, `${input.order.symbol} has no sector`) : ACCEPT;
      }
      const refused = unsizable(input, s);
      if (refused) return refused;
      let others = 0;
      for (const position of input.portfolio.positions()) {
        if (position.symbolId !== input.symbolId && sectorOf(position.symbol) === sector) {
          others += Math.abs(position.marketValue);
        }
      }
      const maxAbs = (max * input.portfolio.equity - others) / unitValue(input, s);
      return capDecision(input, s, quantityForAbsolute(input, maxAbs), `${max} of equity in sector ${sector}`);
    },
  };
}
