import { ConfigError, DataValidationError, SymbolTable } from '@ml4t/core';
import { describe, expect, it } from 'vitest';
import { PrecomputedFeatureProvider } from '../src/index.js';

const D = (d: number): number => Date.UTC(2024, 0, d);

const provider = (lag = 0): PrecomputedFeatureProvider =>
  PrecomputedFeatureProvider.fromRecords(
    [
      { timestamp: D(2), symbol: 'A', score: 0.1, atr: 1.5 },
      { timestamp: D(2), symbol: 'B', score: 0.2 },
      { timestamp: D(3), symbol: 'B', score: 0.3, atr: 2.5 },
      { timestamp: D(2), vix: 14 },
      { timestamp: D(4), vix: 31, regime: 1 },
    ],
    { lag },
  );

describe('PrecomputedFeatureProvider', () => {
  it('answers exactly at the stamped timestamp, NaN elsewhere (no as-of fill)', () => {
    const p = provider();
    expect(p.featureNames).toEqual(['score', 'atr']);
    expect(p.marketFeatureNames).toEqual(['vix', 'regime']);
    expect(p.symbols).toEqual(['A', 'B']);
    expect(Array.from(p.timestamps)).toEqual([D(2), D(3), D(4)]);
    expect(p.value(D(2), 0, 'score')).toBe(0.1);
    expect(p.value(D(3), 1, 'atr')).toBe(2.5);
    expect(p.value(D(3), 0, 'score')).toBeNaN(); // A has no score at D3, and D2's is not carried
    expect(p.value(D(2) + 1, 0, 'score')).toBeNaN();
    expect(p.value(D(2), 0, 'nope')).toBeNaN();
    expect(p.value(D(2), 7, 'score')).toBeNaN();
    expect(p.marketValue(D(4), 'vix')).toBe(31);
    expect(p.marketValue(D(3), 'vix')).toBeNaN();
  });

  it('crossSection returns a reused buffer indexed by symbol id, undefined when nothing is stamped', () => {
    const p = provider();
    const a = p.crossSection(D(2), 'score');
    expect(Array.from(a ?? [])).toEqual([0.1, 0.2]);
    const b = p.crossSection(D(3), 'score');
    expect(b).toBe(a);
    expect(Array.from(b ?? [])).toEqual([Number.NaN, 0.3]);
    expect(p.crossSection(D(9), 'score')).toBeUndefined();
  });

  it('bind re-lays the columns out for the run symbol ids', () => {
    const p = provider();
    const run = new SymbolTable();
    run.register('Z');
    run.register('B');
    run.register('A');
    p.bind(run);
    expect(p.value(D(2), 2, 'score')).toBe(0.1);
    expect(p.value(D(2), 1, 'score')).toBe(0.2);
    expect(p.value(D(2), 0, 'score')).toBeNaN();
    expect(Array.from(p.crossSection(D(2), 'score') ?? [])).toEqual([Number.NaN, 0.2, 0.1]);
  });

  it('lag shifts visibility along the provider axis', () => {
    const p = provider(1);
    expect(p.value(D(2), 0, 'score')).toBeNaN();
    expect(p.value(D(3), 0, 'score')).toBe(0.1);
    expect(p.marketValue(D(3), 'vix')).toBe(14);
    expect(p.crossSection(D(2), 'score')).toBeUndefined();
    expect(() => provider(-1)).toThrow(ConfigError);
  });

  it('assertPointInTime catches values known after they become visible, and unaligned stamps', () => {
    const records = [
      { timestamp: D(2), symbol: 'A', score: 1, availableAt: D(2) },
      { timestamp: D(3), symbol: 'A', score: 2, availableAt: D(4) }, // computed from D4's data
      { timestamp: D(4), symbol: 'A', score: 3, availableAt: D(4) },
    ];
    const p = PrecomputedFeatureProvider.fromRecords(records);
    try {
      p.assertPointInTime();
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DataValidationError);
      expect(e).toMatchObject({ rule: 'look-ahead', row: 2, column: 'availableAt' });
      expect((e as DataValidationError).issues[0]?.symbol).toBe('A');
    }
    // With lag 1, D3's value is shown at D4, when it is known.
    expect(() => PrecomputedFeatureProvider.fromRecords(records, { lag: 1 }).assertPointInTime()).not.toThrow();
    expect(() =>
      PrecomputedFeatureProvider.fromRecords(records, { lag: 1 }).assertPointInTime({ barTimestamps: [D(2), D(4)] }),
    ).toThrow(/unaligned-feature/);
  });

  it('rejects duplicates, infinities and ragged columns', () => {
    expect(() =>
      PrecomputedFeatureProvider.fromRecords([
        { timestamp: D(2), symbol: 'A', score: 1 },
        { timestamp: D(2), symbol: 'A', score: 2 },
      ]),
    ).toThrow(/duplicate-feature/);
    expect(() => PrecomputedFeatureProvider.fromRecords([{ timestamp: D(2), vix: Number.POSITIVE_INFINITY }])).toThrow(
      /not-finite/,
    );
    expect(
      () => new PrecomputedFeatureProvider([{ kind: 'market', timestamp: [D(1), D(2)], features: { vix: [1] } }]),
    ).toThrow(/length-mismatch/);
  });
});

describe('PrecomputedFeatureProvider timestamp axis', () => {
  it('is the sorted distinct timestamps of every table, with symbol indices mapped to its symbols', () => {
    const p = new PrecomputedFeatureProvider([
      {
        kind: 'symbol',
        timestamp: [D(3), D(3), D(2), D(2)],
        symbol: Int32Array.from([1, 0, 1, 0]),
        symbols: ['B', 'A'],
        features: { score: [0.3, 0.4, 0.1, 0.2] },
      },
      {
        kind: 'symbol',
        timestamp: [D(4), D(4)],
        symbol: Int32Array.from([0, 1]),
        symbols: ['C', 'A'],
        features: { score: [0.5, 0.6] },
      },
      { kind: 'market', timestamp: [D(4), D(2)], features: { vix: [15, 12] } },
    ]);
    expect(Array.from(p.timestamps)).toEqual([D(2), D(3), D(4)]);
    expect(p.symbols).toEqual(['B', 'A', 'C']);
    expect(p.value(D(2), 1, 'score')).toBe(0.1);
    expect(p.value(D(3), 0, 'score')).toBe(0.4);
    expect(p.value(D(4), 2, 'score')).toBe(0.5);
    expect(p.value(D(4), 1, 'score')).toBe(0.6);
    expect(p.marketValue(D(4), 'vix')).toBe(15);
  });

  it('reports a non-finite timestamp with its row', () => {
    const tables = [{ kind: 'market', timestamp: [D(2), Number.NaN, D(3)], features: { vix: [1, 2, 3] } }] as const;
    expect(() => new PrecomputedFeatureProvider(tables)).toThrow(DataValidationError);
    expect(() => new PrecomputedFeatureProvider(tables)).toThrow(
      expect.objectContaining({ row: 2, rule: 'bad-timestamp' }),
    );
  });
});
