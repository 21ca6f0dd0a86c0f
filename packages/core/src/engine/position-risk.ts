import type { Broker } from '../contracts/broker.js';
import type { FeatureView } from '../contracts/feature-provider.js';
import type { PositionRule, PositionRuleInput } from '../contracts/position-rule.js';
import type { Position } from '../domain/position.js';
import type { Timestamp } from '../domain/timestamp.js';
import { StrategyError } from '../errors/strategy-error.js';
import type { PositionState } from '../ledger/position-state.js';
import type { BarCursor } from './bar-cursor.js';
import type { MarketState } from './market-state.js';

/** The mutable input handed to rules; reused for every position and rule. */
class RuleInput implements PositionRuleInput {
  position!: Position;
  bar!: BarCursor;
  timestamp: Timestamp = Number.NaN;
  index = -1;
  isEntryBar = false;
  state: Record<string, unknown> = {};

  constructor(readonly features: FeatureView) {}
}

/**
 * DESIGN §3 step 3: evaluates the position rules for every open position with a bar now; the first rule that
 * answers with an exit wins and the broker executes it. Each rule's per-position state lives on the
 * position ({@link PositionState.ruleStates}).
 *
 * @internal
 */
export class PositionRiskStep {
  private readonly input: RuleInput;
  /** Reused copy of the positions of one `run` (exits change the ledger's list while it runs). */
  private readonly scratch: (PositionState | undefined)[] = [];

  constructor(
    private readonly rules: readonly PositionRule[],
    private readonly market: MarketState,
    private readonly cursor: BarCursor,
    features: FeatureView,
    private readonly onEntryBar: boolean,
  ) {
    this.input = new RuleInput(features);
  }

  /** Runs the rules on `positions` (a copy: exits change the ledger's list). */
  run(positions: readonly PositionState[], broker: Broker, onExit: (symbolId: number) => void): void {
    if (this.rules.length === 0 || positions.length === 0) return;
    const market = this.market;
    const input = this.input;
    input.timestamp = market.timestamp;
    input.index = market.index;
    const list = this.scratch;
    const n = positions.length;
    for (let k = 0; k < n; k++) list[k] = positions[k];
    try {
      this.evaluate(list, n, broker, onExit);
    } finally {
      // Drop the references (closed positions) without shrinking the array.
      for (let k = 0; k < n; k++) list[k] = undefined;
    }
  }

  private evaluate(
    positions: readonly (PositionState | undefined)[],
    n: number,
    broker: Broker,
    onExit: (symbolId: number) => void,
  ): void {
    const market = this.market;
    const input = this.input;
    for (let k = 0; k < n; k++) {
      const pos = positions[k] as PositionState;
      const sid = pos.symbolId;
      if (!market.hasBar(sid) || pos.quantity === 0) continue;
      const entryBar = pos.entryIndex === market.index;
      if (entryBar && (pos.entryAtClose || !this.onEntryBar)) continue;
      let states = pos.ruleStates;
      if (states === undefined) {
        states = this.rules.map(() => ({}));
        pos.ruleStates = states;
      }
      input.position = pos;
      input.bar = this.cursor.at(sid);
      input.isEntryBar = entryBar;
      for (let r = 0; r < this.rules.length; r++) {
        const rule = this.rules[r] as PositionRule;
        input.state = states[r] as Record<string, unknown>;
        let action: ReturnType<PositionRule['evaluate']>;
        try {
          action = rule.evaluate(input);
        } catch (err) {
          throw new StrategyError(`positionRule:${rule.name}`, market.timestamp, pos.symbol, err);
        }
        if (action === undefined) continue;
        const held = Math.abs(pos.quantity);
        const quantity = action.quantity === undefined ? held : Math.min(held, action.quantity);
        if (!(quantity > 0)) continue;
        const filled = broker.exit({
          symbolId: sid,
          quantity,
          trigger: action.trigger,
          price: action.price,
          reason: action.reason,
          rule: action.rule,
        });
        if (filled) onExit(sid);
        break;
      }
    }
  }
}
