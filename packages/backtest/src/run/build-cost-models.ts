import type { CommissionModel, SlippageModel } from '@ml4t/core';
import {
  type AccountPolicy,
  almgrenChrissImpact,
  assetClassCommission,
  assetClassSlippage,
  cashAccount,
  cryptoAccount,
  fixedSlippage,
  flatCommission,
  ibFixedCommission,
  ibTieredCommission,
  linearImpactSlippage,
  type MarketImpactModel,
  makerTakerCommission,
  marginAccount,
  noCommission,
  noSlippage,
  orderTypeSlippage,
  percentageCommission,
  percentageSlippage,
  perShareCommission,
  spreadAwareSlippage,
  squareRootImpactSlippage,
  tieredCommission,
  volumeAwareSlippage,
  volumeShareSlippage,
} from '@ml4t/execution';
import type { z } from 'zod';
import type { CommissionConfig, SimpleCommissionConfig } from '../config/commission-schema.js';
import type { accountSchema, impactSchema } from '../config/execution-schema.js';
import type { SimpleSlippageConfig, SlippageConfig } from '../config/slippage-schema.js';
import { type Compact, compact } from './compact.js';
import { loadPlugin } from './load-plugin.js';

/**
 * Builds the slippage model a configuration describes (a built-in `@ml4t/execution` model by `type`, or a
 * plugin). `baseDir` resolves plugin modules; `path` names the section in errors.
 */
export async function buildSlippage(config: SlippageConfig, baseDir: string, path: string): Promise<SlippageModel> {
  if ('module' in config) return (await loadPlugin(config, baseDir, path, 'fillPrice')) as SlippageModel;
  if (config.type === 'asset-class') {
    const models: Partial<Record<string, SlippageModel>> = {};
    for (const [cls, member] of Object.entries(config.models)) {
      if (member !== undefined) models[cls] = await buildSimpleSlippage(member, baseDir, `${path}.models.${cls}`);
    }
    return assetClassSlippage({
      models,
      fallback: await buildSimpleSlippage(config.fallback, baseDir, `${path}.fallback`),
    });
  }
  return buildSimpleSlippage(config, baseDir, path);
}

async function buildSimpleSlippage(
  config: SimpleSlippageConfig,
  baseDir: string,
  path: string,
): Promise<SlippageModel> {
  if ('module' in config) return (await loadPlugin(config, baseDir, path, 'fillPrice')) as SlippageModel;
  switch (config.type) {
    case 'none':
      return noSlippage();
    case 'fixed':
      return fixedSlippage({ amount: config.amount });
    case 'percentage':
      return percentageSlippage({ rate: config.rate });
    case 'linear-impact':
      return linearImpactSlippage({ coefficient: config.coefficient });
    case 'square-root-impact':
      return squareRootImpactSlippage({ coefficient: config.coefficient });
    case 'volume-share':
      return volumeShareSlippage(options(config));
    case 'spread-aware':
      return spreadAwareSlippage(options(config));
    case 'volume-aware':
      return volumeAwareSlippage(options(config));
    case 'order-type':
      return orderTypeSlippage(options(config));
    default:
      return unreachable(config);
  }
}

/** Builds the commission model a configuration describes (built-in by `type`, or a plugin). */
export async function buildCommission(
  config: CommissionConfig,
  baseDir: string,
  path: string,
): Promise<CommissionModel> {
  if ('module' in config) return (await loadPlugin(config, baseDir, path, 'commission')) as CommissionModel;
  if (config.type === 'asset-class') {
    const models: Partial<Record<string, CommissionModel>> = {};
    for (const [cls, member] of Object.entries(config.models)) {
      if (member !== undefined) models[cls] = await buildSimpleCommission(member, baseDir, `${path}.models.${cls}`);
    }
    return assetClassCommission({
      models,
      fallback: await buildSimpleCommission(config.fallback, baseDir, `${path}.fallback`),
    });
  }
  return buildSimpleCommission(config, baseDir, path);
}

async function buildSimpleCommission(
  config: SimpleCommissionConfig,
  baseDir: string,
  path: string,
): Promise<CommissionModel> {
  if ('module' in config) return (await loadPlugin(config, baseDir, path, 'commission')) as CommissionModel;
  switch (config.type) {
    case 'none':
      return noCommission();
    case 'flat':
      return flatCommission({ amount: config.amount });
    case 'percentage':
      return percentageCommission({ rate: config.rate });
    case 'per-share':
      return perShareCommission(options(config));
    case 'tiered':
      return tieredCommission(options(config));
    case 'maker-taker':
      return makerTakerCommission({ maker: config.maker, taker: config.taker });
    case 'ib-fixed':
      return ibFixedCommission(options(config));
    case 'ib-tiered':
      return ibTieredCommission(options(config));
    default:
      return unreachable(config);
  }
}

/** Builds the account policy of `execution.account`. */
export function buildAccount(config: z.output<typeof accountSchema>): AccountPolicy {
  switch (config.type) {
    case 'cash':
      return cashAccount(compact({ allowShorts: config.allowShorts }));
    case 'margin':
      return marginAccount(options(config));
    case 'crypto':
      return cryptoAccount();
    default:
      return unreachable(config);
  }
}

/** Builds the market impact model of `execution.impact` (built-in or plugin). */
export async function buildImpact(
  config: z.output<typeof impactSchema>,
  baseDir: string,
  path: string,
): Promise<MarketImpactModel> {
  if ('module' in config) return (await loadPlugin(config, baseDir, path, 'impactPerUnit')) as MarketImpactModel;
  return almgrenChrissImpact(options(config));
}

/** The factory options of a `{ type, …options }` configuration, without `type` and undefined values. */
function options<T extends { readonly type: string }>(config: T): Compact<Omit<T, 'type'>> {
  const { type: _type, ...rest } = config;
  return compact(rest);
}

function unreachable(value: never): never {
  throw new Error(`unhandled configuration ${JSON.stringify(value)}`);
}
