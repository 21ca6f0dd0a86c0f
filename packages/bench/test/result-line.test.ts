import { describe, expect, it } from 'vitest';
import { formatResultLine, toResultLine } from '../src/harness/result-line.js';

const m = {
  workload: 'W1',
  symbols: 250,
  bars: 1_260_000,
  seconds: 0.25,
  peakRssMB: 180.123,
  pageFaults: 7000,
  fills: 34_119,
  trades: 17_004,
  finalEquity: '49367065.45',
};

describe('result lines', () => {
  it('prints the BENCHMARKS.md fields in order, with bars per second', () => {
    expect(formatResultLine(toResultLine(m))).toBe(
      '{"workload":"W1","symbols":250,"bars":1260000,"seconds":0.25,"barsPerSec":5040000,"peakRssMB":180.1,' +
        '"fills":34119,"trades":17004,"finalEquity":"49367065.45","pageFaults":7000}',
    );
  });

  it('adds runs and the median seconds for a repeated workload, before the baseline ratio', () => {
    const line = JSON.parse(formatResultLine(toResultLine({ ...m, runs: 3, medianSeconds: 0.312_345 }, 2)));
    expect(Object.keys(line).slice(-3)).toEqual(['runs', 'medianSeconds', 'baselineRatio']);
    expect([line.runs, line.medianSeconds]).toEqual([3, 0.3123]);
    expect(
      Object.keys(JSON.parse(formatResultLine(toResultLine({ ...m, runs: 1, medianSeconds: 0.25 })))),
    ).not.toContain('runs');
  });

  it('appends the baseline ratio when given', () => {
    const line = JSON.parse(formatResultLine(toResultLine(m, 12.3456)));
    expect(Object.keys(line).at(-1)).toBe('baselineRatio');
    expect(line.baselineRatio).toBe(12.35);
  });
});
