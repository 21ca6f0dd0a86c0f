/** Options every position rule of this package accepts. */
export interface PositionRuleOptions {
  /** Name recorded on the trade as its exit rule. @defaultValue the factory's name (e.g. `stopLoss`) */
  readonly name?: string;
  /**
   * Skip the bar on which the position was opened, even when the engine's `riskOnEntryBar` knob lets rules
   * see it (SCENARIOS 4): the part of the entry bar after the open then cannot trigger this rule.
   * @defaultValue false
   */
  readonly skipEntryBar?: boolean;
}
