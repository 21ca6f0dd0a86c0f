import { resolveExecutionConfig } from '@ml4t/execution';
import { describe, expect, it } from 'vitest';
import { executionSchema } from '../src/config/execution-schema.js';
import { parseOptions } from '../src/config/parse-options.js';
import { PROFILE_NAMES, profiles } from '../src/profiles/profiles.js';
import { buildExecutionConfig } from '../src/run/build-execution.js';
import { runBacktest } from '../src/run/run-backtest.js';
import { smaCrossover } from '../src/strategies/sma-crossover.js';
import { feedOf } from './support/bars.js';

const closes = [10, 9, 8, 9, 10, 11, 10, 9, 8];

describe('framework profiles', () => {
  it.each(PROFILE_NAMES)('%s: valid knobs, every one with a reason, accepted by SimulatedBroker', async (name) => {
    const profile = profiles[name];
    expect(profile.name).toBe(name);
    const section = parseOptions(executionSchema, profile.execution, `profiles.${name}.execution`);
    const config = resolveExecutionConfig(await buildExecutionConfig(section, '.'));
    for (const [knob, value] of Object.entries(profile.execution)) {
      expect(profile.reasons[knob], `${name}.${knob} has a reason`).toBeTruthy();
      if (typeof value !== 'object') expect(config[knob as keyof typeof config], knob).toBe(value);
    }
    for (const knob of Object.keys(profile.engine)) expect(profile.reasons[knob], `${name}.${knob}`).toBeTruthy();
  });

  it.each(PROFILE_NAMES)('%s: runs, deterministically', async (name) => {
    const run = () =>
      runBacktest({
        feeds: feedOf({ AAA: closes }),
        strategy: smaCrossover({ fast: 2, slow: 3, quantity: 10 }),
        profile: name,
      });
    const [a, b] = await Promise.all([run(), run()]);
    expect(a.getFills().length).toBeGreaterThan(0);
    expect(b.getFills()).toEqual(a.getFills());
    expect(b.summary.finalEquity).toBe(a.summary.finalEquity);
  });

  it('lets explicit execution knobs override the profile', async () => {
    const results = await runBacktest({
      feeds: feedOf({ AAA: closes }),
      strategy: smaCrossover({ fast: 2, slow: 3, quantity: 10 }),
      profile: 'vectorbt',
      execution: { fillTiming: 'next_bar' },
    });
    expect(results.getFills().map((f) => f.price)).toEqual([11, 8]);
  });

  it('charges the profile costs: zipline pays 5 bp and $0.001 a share', async () => {
    const results = await runBacktest({
      feeds: feedOf({ AAA: closes }),
      strategy: smaCrossover({ fast: 2, slow: 3, quantity: 10 }),
      profile: 'zipline',
    });
    const [entry] = results.getFills();
    expect(entry?.price).toBeCloseTo(11 * 1.0005, 12);
    expect(entry?.commission.toNumber()).toBe(0.01);
    // Decided on the close of bar 4, filled at the close of bar 5 (zipline's next-bar close).
    expect([entry?.sliceIndex, entry?.priceRule]).toEqual([5, 'market@close']);
  });
});
