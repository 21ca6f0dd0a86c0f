import { ConfigError } from '@ml4t/core';
import { describe, expect, it } from 'vitest';
import { parseBenchOptions } from '../src/harness/bench-options.js';

describe('parseBenchOptions', () => {
  it('runs every workload at full size by default', () => {
    expect(parseBenchOptions([])).toEqual({
      quick: false,
      only: ['W0', 'W1', 'W2', 'W3', 'W4'],
      exportDir: undefined,
      cpuProfileDir: undefined,
      repeat: 3,
      warm: 4,
      json: true,
    });
  });

  it('repeats full runs three times by default, quick and profiled runs once, or as asked', () => {
    expect(parseBenchOptions(['--quick']).repeat).toBe(1);
    expect(parseBenchOptions(['--cpu-prof', 'prof']).repeat).toBe(1);
    expect(parseBenchOptions(['--repeat', '5']).repeat).toBe(5);
    expect(parseBenchOptions(['--quick', '--repeat', '2']).repeat).toBe(2);
    expect(() => parseBenchOptions(['--repeat', '0'])).toThrow(/^repeat: must be a whole number from 1 to 20/);
    expect(() => parseBenchOptions(['--repeat', '1.5'])).toThrow(/^repeat:/);
  });

  it('runs 4 warm runs per process by default, 2 with --quick, or as asked (0 for the cold run alone)', () => {
    expect(parseBenchOptions(['--quick']).warm).toBe(2);
    expect(parseBenchOptions(['--cpu-prof', 'prof']).warm).toBe(4);
    expect(parseBenchOptions(['--warm', '0']).warm).toBe(0);
    expect(parseBenchOptions(['--quick', '--warm', '7']).warm).toBe(7);
    expect(parseBenchOptions(['--warm', '100']).warm).toBe(100);
  });

  it('rejects a --warm that is not a whole number from 0 to 100', () => {
    expect(() => parseBenchOptions(['--warm=-1'])).toThrow(ConfigError);
    expect(() => parseBenchOptions(['--warm=-1'])).toThrow(/^warm: must be a whole number from 0 to 100, got -1/);
    for (const bad of ['1.5', '', ' 3', '2e1', 'four', '101']) {
      expect(() => parseBenchOptions(['--warm', bad])).toThrow(/^warm:/);
    }
  });

  it('reads --quick, --only (any case, run order, no duplicates) and the directories', () => {
    const o = parseBenchOptions(['--', '--quick', '--only', 'w2,W1,W2', '--export-data', 'out', '--cpu-prof', 'prof']);
    expect(o.quick).toBe(true);
    expect(o.only).toEqual(['W1', 'W2']);
    expect(o.exportDir).toBe('out');
    expect(o.cpuProfileDir).toBe('prof');
  });

  it('names the option of a bad value', () => {
    expect(() => parseBenchOptions(['--only', 'W9'])).toThrow(ConfigError);
    expect(() => parseBenchOptions(['--only', 'W9'])).toThrow(/^only: unknown workload W9/);
    expect(() => parseBenchOptions(['--only', ','])).toThrow(/^only:/);
    expect(() => parseBenchOptions(['--export-data', ' '])).toThrow(/^export-data:/);
    expect(() => parseBenchOptions(['--fast'])).toThrow(/^argv:/);
  });
});
