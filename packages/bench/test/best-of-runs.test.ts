import { describe, expect, it } from 'vitest';
import { bestOfRuns } from '../src/harness/best-of-runs.js';
import type { RunMeasurement } from '../src/harness/result-line.js';

const run = (seconds: number, peakRssMB: number, finalEquity = '100.00'): RunMeasurement => ({
  workload: 'W2',
  symbols: 250,
  bars: 1_260_000,
  seconds,
  peakRssMB,
  pageFaults: Math.round(seconds * 1000),
  fills: 10,
  trades: 5,
  finalEquity,
});

describe('bestOfRuns', () => {
  it('reports the fastest run, the median seconds and the highest peak RSS', () => {
    const { measurement, problems } = bestOfRuns([run(1.9, 230), run(1.5, 241), run(2.4, 236)]);
    expect(problems).toEqual([]);
    expect(measurement).toMatchObject({ seconds: 1.5, medianSeconds: 1.9, peakRssMB: 241, runs: 3, fills: 10 });
    expect(measurement.pageFaults).toBe(1500);
    expect(bestOfRuns([run(2, 1), run(1, 1)]).measurement.medianSeconds).toBe(1.5);
  });

  it('names every field in which a run differs from the first', () => {
    const { problems } = bestOfRuns([run(1, 1), run(1, 1, '100.01'), run(1, 1)]);
    expect(problems).toEqual(['run 2 has finalEquity 100.01, run 1 100.00']);
    expect(() => bestOfRuns([])).toThrow(RangeError);
  });
});
