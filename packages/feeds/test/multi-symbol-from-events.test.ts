import { bar, ConfigError, DataValidationError, type MarketEvent } from '@ml4t/core';
import { describe, expect, it } from 'vitest';
import { MultiSymbolDataFeed } from '../src/index.js';

const D = (d: number): number => Date.UTC(2024, 0, d);
const ev = (d: number, symbol: string, c: number, quotes: { bid?: number; ask?: number } = {}): MarketEvent =>
  bar({ timestamp: D(d), symbol, open: c, high: c + 1, low: c - 1, close: c, volume: 10, ...quotes });

function replay(feed: MultiSymbolDataFeed): string[] {
  const out: string[] = [];
  for (let e = feed.next(); e !== undefined; e = feed.next())
    out.push(`${new Date(e.timestamp).getUTCDate()}${e.symbol}`);
  return out;
}

describe('MultiSymbolDataFeed.fromEvents', () => {
  it('groups events by symbol in order of first appearance and aligns them by timestamp', () => {
    // B appears first; A's events are interleaved and start a day later than B's
    const feed = MultiSymbolDataFeed.fromEvents(
      [ev(2, 'B', 20), ev(3, 'A', 10), ev(3, 'B', 21), ev(4, 'A', 11), ev(5, 'B', 22), ev(5, 'A', 12)],
      { name: 'events' },
    );
    expect(feed.name).toBe('events');
    expect(feed.symbols).toEqual(['B', 'A']);
    expect(feed.length).toBe(6);
    // within a timestamp, symbols come in symbol order (first appearance), whatever the event order
    expect(replay(feed)).toEqual(['2B', '3B', '3A', '4A', '5B', '5A']);
    expect(feed.firstTimestamp('A')).toBe(D(3));
    expect(feed.lastTimestamp('B')).toBe(D(5));
    feed.reset();
    expect(feed.next()).toEqual(ev(2, 'B', 20));
  });

  it('accepts events grouped by symbol as well as by time', () => {
    const byTime = MultiSymbolDataFeed.fromEvents([ev(2, 'A', 10), ev(2, 'B', 20), ev(3, 'A', 11), ev(3, 'B', 21)]);
    const bySymbol = MultiSymbolDataFeed.fromEvents([ev(2, 'A', 10), ev(3, 'A', 11), ev(2, 'B', 20), ev(3, 'B', 21)]);
    expect(bySymbol.symbols).toEqual(byTime.symbols);
    expect(replay(bySymbol)).toEqual(replay(byTime));
    expect(bySymbol.name).toBe('multi-symbol');
  });

  it('keeps finite quotes and treats NaN quotes as absent', () => {
    const feed = MultiSymbolDataFeed.fromEvents([ev(2, 'A', 10, { bid: 9.9, ask: 10.1 }), ev(3, 'A', 11)]);
    expect(feed.columns.bid).toBeInstanceOf(Float64Array);
    expect(feed.columns.bidSize).toBeUndefined();
    const first = feed.next() as MarketEvent;
    expect([first.bid, first.ask, first.bidSize]).toEqual([9.9, 10.1, Number.NaN]);
    const second = feed.next() as MarketEvent;
    expect([second.bid, second.ask]).toEqual([Number.NaN, Number.NaN]);
    expect(MultiSymbolDataFeed.fromEvents([ev(2, 'A', 10)]).columns.bid).toBeUndefined();
  });

  it('keeps each symbol in its given order, so validation sees a symbol going back in time', () => {
    const events = [ev(3, 'A', 10), ev(2, 'B', 20), ev(2, 'A', 11)];
    expect(() => MultiSymbolDataFeed.fromEvents(events, { name: 'mine' })).toThrow(DataValidationError);
    expect(() => MultiSymbolDataFeed.fromEvents(events, { name: 'mine' })).toThrow(
      expect.objectContaining({ rule: 'unsorted', file: 'mine:A' }),
    );
    const repaired = MultiSymbolDataFeed.fromEvents(events, { validation: { policy: 'repair' } });
    expect(replay(repaired)).toEqual(['2A', '2B', '3A']);
    expect(repaired.report.repairedCount).toBe(1);
  });

  it('validates bars with the given options', () => {
    const odd = bar({ timestamp: D(2), symbol: 'A', open: 12, high: 11, low: 9, close: 10, volume: 10 });
    expect(() => MultiSymbolDataFeed.fromEvents([odd])).toThrow(
      expect.objectContaining({ name: 'DataValidationError', rule: 'open-outside-range', file: 'multi-symbol:A' }),
    );
    const feed = MultiSymbolDataFeed.fromEvents([odd], { validation: { policy: 'repair' } });
    expect(feed.next()).toMatchObject({ open: 12, high: 12, low: 9, close: 10 });
  });

  it('rejects an empty event list', () => {
    expect(() => MultiSymbolDataFeed.fromEvents([])).toThrow(ConfigError);
  });
});
