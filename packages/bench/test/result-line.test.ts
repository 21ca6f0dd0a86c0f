import { describe, expect, it } from 'vitest';
import { formatResultLine, type RunMeasurement, toResultLine } from '../src/harness/result-line.js';

const m: RunMeasurement = {
  workload: 'W1',
  symbols: 250,
  bars: 1_260_000,
  seconds: 0.25,
  peakRssMB: 180.123,
  pageFaults: 7000,
  fills: 34_119,
  trades: 17_004,
  finalEquity: '49367065.45',
  coldSeconds: 0.6,
  coldPageFaults: 21_000,
  warmRuns: 4,
};

const baseline: RunMeasurement = {
  ...m,
  workload: 'W1-baseline',
  seconds: 0.02,
  coldSeconds: 0.025,
  pageFaults: 10,
  coldPageFaults: 300,
};

describe('result lines', () => {
  it('prints the BENCHMARKS.md fields in order, then page faults and the cold run', () => {
    expect(formatResultLine(toResultLine(m))).toBe(
      '{"workload":"W1","symbols":250,"bars":1260000,"seconds":0.25,"barsPerSec":5040000,"peakRssMB":180.1,' +
        '"fills":34119,"trades":17004,"finalEquity":"49367065.45","pageFaults":7000,' +
        '"coldSeconds":0.6,"coldBarsPerSec":2100000,"coldPageFaults":21000,"warmRuns":4}',
    );
  });

  it('rounds seconds to 4 decimals and bars per second to whole bars, warm and cold alike', () => {
    const line = JSON.parse(formatResultLine(toResultLine({ ...m, seconds: 0.234_567, coldSeconds: 0.512_345 })));
    expect([line.seconds, line.barsPerSec]).toEqual([0.2346, 5_371_600]);
    expect([line.coldSeconds, line.coldBarsPerSec]).toEqual([0.5123, 2_459_280]);
  });

  it('adds runs and both medians for a repeated workload, before the baseline ratios', () => {
    const repeated = { ...m, runs: 3, medianSeconds: 0.312_345, coldMedianSeconds: 0.654_321 };
    const line = JSON.parse(formatResultLine(toResultLine(repeated, baseline)));
    expect(Object.keys(line).slice(-5)).toEqual([
      'runs',
      'medianSeconds',
      'coldMedianSeconds',
      'baselineRatio',
      'coldBaselineRatio',
    ]);
    expect([line.runs, line.medianSeconds, line.coldMedianSeconds]).toEqual([3, 0.3123, 0.6543]);
    const single = JSON.parse(formatResultLine(toResultLine({ ...repeated, runs: 1 })));
    expect(Object.keys(single)).not.toContain('runs');
    expect(Object.keys(single)).not.toContain('coldMedianSeconds');
    expect(Object.keys(single).at(-1)).toBe('warmRuns');
  });

  it('appends the warm and cold baseline ratios, fastest of each, when given the baseline', () => {
    const line = JSON.parse(formatResultLine(toResultLine(m, baseline)));
    expect(Object.keys(line).slice(-2)).toEqual(['baselineRatio', 'coldBaselineRatio']);
    expect(line.baselineRatio).toBe(12.5);
    expect(line.coldBaselineRatio).toBe(24);
    expect(toResultLine(m)).not.toHaveProperty('baselineRatio');
  });

  it('reports zero bars per second for a zero-second run', () => {
    const line = toResultLine({ ...m, seconds: 0, coldSeconds: 0 });
    expect([line.barsPerSec, line.coldBarsPerSec]).toEqual([0, 0]);
  });
});
