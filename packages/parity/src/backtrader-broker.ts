import { backtraderProfile, buildExecutionConfig, executionSchema } from '@ml4t/backtest';
import { SimulatedBroker } from '@ml4t/execution';
import type { ScenarioCosts } from './scenario-spec.js';

/**
 * A {@link SimulatedBroker} with the `backtrader` profile's knobs and a scenario's costs (backtrader's
 * `setcommission(commission=…)`, a per-share scheme with a minimum, `set_slippage_fixed`, `set_slippage_perc`).
 */
export async function backtraderBroker(costs: ScenarioCosts): Promise<SimulatedBroker> {
  const execution = { ...backtraderProfile.execution };
  const c = costs.commission;
  if (c?.kind === 'percent') execution.commission = { type: 'percentage', rate: c.rate };
  if (c?.kind === 'per_share') execution.commission = { type: 'per-share', rate: c.perShare, minimum: c.minimum };
  const s = costs.slippage;
  if (s?.kind === 'fixed') execution.slippage = { type: 'fixed', amount: s.amount };
  if (s?.kind === 'percent') execution.slippage = { type: 'percentage', rate: s.rate };
  return new SimulatedBroker(await buildExecutionConfig(executionSchema.parse(execution), process.cwd()));
}
