import { Engine, type EngineConfig } from '@ml4t/core';
import type { ResultsCollector } from '@ml4t/results';
import { exactEquity, toCents } from '../harness/cents.js';
import { timed } from '../harness/stopwatch.js';
import type { WorkloadOutcome } from '../harness/workload-outcome.js';

/**
 * Times one engine run: engine construction, `run()` and the collector's `results()`, i.e. everything a
 * user pays for after the data is loaded. The feeds in `config` must be fresh (not yet replayed).
 *
 * @param id - the workload id for the result line
 * @param config - the full engine configuration, `collector` among its sinks; or a function building it
 *   (e.g. loading the data from files), whose time is then measured too
 * @param collector - the results collector whose `results()` closes the measured part
 */
export async function measureEngine(
  id: string,
  config: EngineConfig | (() => Promise<EngineConfig>),
  collector: ResultsCollector,
): Promise<WorkloadOutcome> {
  const { value, seconds, pageFaults } = await timed(async () => {
    const engine = new Engine(typeof config === 'function' ? await config() : config);
    const summary = await engine.run();
    collector.results();
    return { engine, summary };
  });
  const { engine, summary } = value;
  return {
    workload: id,
    symbols: engine.symbols.size,
    bars: summary.bars,
    seconds,
    pageFaults,
    fills: summary.fills,
    trades: summary.closedTrades,
    finalEquity: toCents(exactEquity(engine.portfolio)),
  };
}
