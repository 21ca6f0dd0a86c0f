import type { BarView, FeatureView, Position, PositionRuleInput, Timestamp } from '@ml4t/core';

/**
 * A reusable {@link PositionRuleInput} that forwards a composite's input to its children, each with its own
 * per-position state. One instance per composite, re-pointed on every call, so composing costs no allocation
 * per bar. @internal
 */
export class ChildInput implements PositionRuleInput {
  position!: Position;
  bar!: BarView;
  features!: FeatureView;
  timestamp: Timestamp = Number.NaN;
  index = -1;
  isEntryBar = false;
  state: Record<string, unknown> = {};

  /** Copies `input` and returns the per-position state list of the children (created on first use). */
  load(input: PositionRuleInput, children: number): Record<string, unknown>[] {
    this.position = input.position;
    this.bar = input.bar;
    this.features = input.features;
    this.timestamp = input.timestamp;
    this.index = input.index;
    this.isEntryBar = input.isEntryBar;
    let states = input.state.children as Record<string, unknown>[] | undefined;
    if (states === undefined) {
      states = [];
      for (let i = 0; i < children; i++) states.push({});
      input.state.children = states;
    }
    return states;
  }
}
