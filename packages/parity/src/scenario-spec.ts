/** How a scenario sizes its entries. */
export type Sizing =
  | { readonly kind: 'fixed'; readonly shares: number }
  | { readonly kind: 'target_percent'; readonly percent: number };

/** A protective order placed when an entry fills, one-cancels-other with a later exit signal's close. */
export type Protective =
  | { readonly kind: 'stop'; readonly factor: number }
  | { readonly kind: 'limit'; readonly factor: number }
  | { readonly kind: 'trailing'; readonly percent: number };

/** Costs of a scenario, in backtrader's terms. */
export interface ScenarioCosts {
  readonly commission?:
    | { readonly kind: 'percent'; readonly rate: number }
    | { readonly kind: 'per_share'; readonly perShare: number; readonly minimum: number };
  readonly slippage?:
    | { readonly kind: 'fixed'; readonly amount: number }
    | { readonly kind: 'percent'; readonly rate: number };
}

/** One cross-framework scenario (see the backtrader scenarios README). */
export interface ScenarioSpec {
  readonly id: string;
  readonly description: string;
  readonly fast: number;
  readonly slow: number;
  readonly mode: 'long_only' | 'long_short';
  readonly sizing: Sizing;
  readonly protective?: Protective;
  /** Bracket entries with legs at the signal bar's close × factors. */
  readonly bracket?: { readonly stopFactor: number; readonly limitFactor: number };
  readonly costs: ScenarioCosts;
}

const base = { fast: 10, slow: 30, mode: 'long_only', sizing: { kind: 'fixed', shares: 100 }, costs: {} } as const;

/** S01–S11. */
export const SCENARIOS: Readonly<Record<string, ScenarioSpec>> = {
  S01: { ...base, id: 'S01', description: 'long-only SMA(10/30) crossover, fixed 100 shares, no costs' },
  S02: { ...base, id: 'S02', mode: 'long_short', description: 'long/short SMA crossover, target ±100 shares' },
  S03: {
    ...base,
    id: 'S03',
    protective: { kind: 'stop', factor: 0.95 },
    description: 'S01 + 5 % stop from the entry fill',
  },
  S04: {
    ...base,
    id: 'S04',
    protective: { kind: 'limit', factor: 1.1 },
    description: 'S01 + 10 % take profit from the entry fill',
  },
  S05: {
    ...base,
    id: 'S05',
    costs: { commission: { kind: 'percent', rate: 0.001 } },
    description: 'S01 + 0.1 % commission',
  },
  S06: {
    ...base,
    id: 'S06',
    costs: { commission: { kind: 'per_share', perShare: 0.005, minimum: 1 } },
    description: 'S01 + $0.005 per share, $1 minimum',
  },
  S07: {
    ...base,
    id: 'S07',
    costs: { slippage: { kind: 'fixed', amount: 0.05 } },
    description: 'S01 + $0.05 fixed slippage',
  },
  S08: {
    ...base,
    id: 'S08',
    costs: { slippage: { kind: 'percent', rate: 0.001 } },
    description: 'S01 + 0.1 % slippage',
  },
  S09: { ...base, id: 'S09', protective: { kind: 'trailing', percent: 0.03 }, description: 'S01 + 3 % trailing stop' },
  S10: { ...base, id: 'S10', bracket: { stopFactor: 0.95, limitFactor: 1.1 }, description: 'S01 entries as brackets' },
  S11: {
    ...base,
    id: 'S11',
    sizing: { kind: 'target_percent', percent: 0.2 },
    description: 'target 20 % of portfolio value on a cross up, 0 % on a cross down',
  },
};
