/**
 * An example third-party plugin package for ml4t-backtest: one slippage model and one risk rule, built on
 * `@ml4t/core`'s contracts alone. Config files load them with `{ module: '@ml4t/example-custom-plugin', export,
 * options }`.
 *
 * @packageDocumentation
 */

export { type GapDownExitOptions, gapDownExit } from './gap-down-exit.js';
export { type HalfSpreadSlippageOptions, halfSpreadSlippage } from './half-spread-slippage.js';
