import { ClockFeatureView } from '../../src/engine/clock-feature-view.js';
import { SliceBuffer } from '../../src/engine/slice-buffer.js';
import type { SymbolTable } from '../../src/index.js';

export { bar, Clock, DataValidationError, SymbolTable } from '../../src/index.js';

/** Builds the engine's internal slice buffer for driving a Clock directly. */
export const ClockFeatureViewForTests = {
  buffer(symbols: SymbolTable): SliceBuffer {
    return new SliceBuffer(symbols, new ClockFeatureView(undefined, symbols), 2);
  },
};
