import type { ExecutionConfig } from '@ml4t/execution';
import type { ExecutionSection } from '../config/execution-schema.js';
import { buildAccount, buildCommission, buildImpact, buildSlippage } from './build-cost-models.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Turns the `execution` section of a configuration (or a profile) into the partial `ExecutionConfig` that
 * `SimulatedBroker` takes: enum and number knobs pass through unchanged, cost models are built from their
 * `{ type, … }` form or loaded as plugins. Knobs absent from the section stay absent.
 *
 * @param baseDir - Folder that plugin module paths are relative to (the config file's folder).
 * @param path - Key path of the section, used in errors.
 */
export async function buildExecutionConfig(
  section: ExecutionSection,
  baseDir: string,
  path = 'execution',
): Promise<Partial<ExecutionConfig>> {
  const { slippage, stopSlippage, commission, account, impact, volumeLimit, ...knobs } = section;
  const out: Partial<Mutable<ExecutionConfig>> = {};
  for (const [key, value] of Object.entries(knobs)) {
    if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  }
  if (slippage !== undefined) out.slippage = await buildSlippage(slippage, baseDir, `${path}.slippage`);
  if (stopSlippage !== undefined) out.stopSlippage = await buildSlippage(stopSlippage, baseDir, `${path}.stopSlippage`);
  if (commission !== undefined) out.commission = await buildCommission(commission, baseDir, `${path}.commission`);
  if (account !== undefined) out.account = buildAccount(account);
  if (impact !== undefined) out.impact = await buildImpact(impact, baseDir, `${path}.impact`);
  if (volumeLimit !== undefined) out.volumeLimit = volumeLimit;
  return out;
}
