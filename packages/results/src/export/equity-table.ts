import type { EquityPoint } from '../metrics/equity-curve.js';
import type { CellReader, TableSchema } from './table-schema.js';

/** Columns of `equity.*`: one row per equity-curve point. */
export const EQUITY_TABLE: TableSchema<EquityPoint> = {
  name: 'equity',
  columns: [
    { name: 'timestamp', kind: 'timestamp', get: (p) => p.timestamp },
    { name: 'equity', kind: 'number', get: (p) => p.equity },
    { name: 'cash', kind: 'number', get: (p) => p.cash },
    { name: 'grossExposure', kind: 'number', get: (p) => p.grossExposure },
    { name: 'netExposure', kind: 'number', get: (p) => p.netExposure },
    { name: 'openPositions', kind: 'int', get: (p) => p.openPositions },
  ],
  read(c: CellReader): EquityPoint {
    return {
      timestamp: c.timestamp('timestamp'),
      equity: c.number('equity'),
      cash: c.number('cash'),
      grossExposure: c.number('grossExposure'),
      netExposure: c.number('netExposure'),
      openPositions: c.int('openPositions'),
    };
  },
};
