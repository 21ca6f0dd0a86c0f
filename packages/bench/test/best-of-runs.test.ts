import { describe, expect, it } from 'vitest';
import { bestOfRuns } from '../src/harness/best-of-runs.js';
import type { RunMeasurement } from '../src/harness/result-line.js';

const run = (seconds: number, coldSeconds: number, peakRssMB: number, finalEquity = '100.00'): RunMeasurement => ({
  workload: 'W2',
  symbols: 250,
  bars: 1_260_000,
  seconds,
  peakRssMB,
  pageFaults: Math.round(seconds * 1000),
  fills: 10,
  trades: 5,
  finalEquity,
  coldSeconds,
  coldPageFaults: Math.round(coldSeconds * 1000),
  warmRuns: 4,
});

describe('bestOfRuns', () => {
  it('reports the fastest warm run, the median of the processes and the highest peak RSS', () => {
    const { measurement, problems } = bestOfRuns([run(1.9, 3.1, 230), run(1.5, 3.6, 241), run(2.4, 2.9, 236)]);
    expect(problems).toEqual([]);
    expect(measurement).toMatchObject({
      seconds: 1.5,
      medianSeconds: 1.9,
      pageFaults: 1500,
      peakRssMB: 241,
      runs: 3,
      fills: 10,
      warmRuns: 4,
    });
    expect(bestOfRuns([run(2, 5, 1), run(1, 4, 1)]).measurement.medianSeconds).toBe(1.5);
  });

  it('reports the fastest cold run with its page faults and the median cold run, independently of the warm', () => {
    const { measurement } = bestOfRuns([run(1.9, 3.1, 230), run(1.5, 3.6, 241), run(2.4, 2.9, 236)]);
    expect(measurement).toMatchObject({ coldSeconds: 2.9, coldPageFaults: 2900, coldMedianSeconds: 3.1 });
    expect(bestOfRuns([run(1, 4, 1), run(1, 3, 1)]).measurement.coldMedianSeconds).toBe(3.5);
  });

  it('keeps one process as it is', () => {
    const { measurement } = bestOfRuns([run(0.25, 0.6, 180)]);
    expect(measurement).toMatchObject({
      seconds: 0.25,
      medianSeconds: 0.25,
      coldSeconds: 0.6,
      coldMedianSeconds: 0.6,
      peakRssMB: 180,
      runs: 1,
    });
  });

  it('names every field in which a run differs from the first', () => {
    const { problems } = bestOfRuns([run(1, 2, 1), run(1, 2, 1, '100.01'), run(1, 2, 1)]);
    expect(problems).toEqual(['run 2 has finalEquity 100.01, run 1 100.00']);
    expect(() => bestOfRuns([])).toThrow(RangeError);
  });
});
