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
