/**
 * Cross-framework parity with backtrader: the scenarios, the runner and the comparison.
 *
 * @packageDocumentation
 */
export { main } from './cli.js';
export { compareRecords, type ParityReport, TOLERANCE } from './compare.js';
export { CrossOver } from './crossover.js';
export { fsum } from './fsum.js';
export type { GoldenDay, GoldenFill, GoldenOpenTrade, GoldenOrderEvent, GoldenTrade, ParityRecord } from './golden.js';
export { readGolden } from './golden.js';
export { type RunScenarioOptions, runScenario } from './run-scenario.js';
export { type Protective, SCENARIOS, type ScenarioCosts, type ScenarioSpec, type Sizing } from './scenario-spec.js';
export { ScenarioStrategy, type SignalRecord } from './scenario-strategy.js';
