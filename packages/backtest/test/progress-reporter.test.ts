import { describe, expect, it } from 'vitest';
import type { CliIo } from '../src/cli/io.js';
import { progressReporter } from '../src/cli/progress-reporter.js';
import { day } from './support/bars.js';

function io(tty: boolean, env: Record<string, string> = {}): { io: CliIo; text: () => string } {
  let text = '';
  const stream = {
    isTTY: tty,
    columns: 100,
    write: (s: string) => {
      text += s;
      return true;
    },
    cursorTo: () => true,
    clearLine: () => true,
    moveCursor: () => true,
    on: () => stream,
    removeListener: () => stream,
  };
  return { io: { stdout: stream, stderr: stream, env, cwd: '.' }, text: () => text };
}

describe('progressReporter', () => {
  it('prints a plain line per 10 % when stderr is not a terminal', () => {
    const { io: cli, text } = io(false);
    const reporter = progressReporter(cli, { quiet: false });
    for (let i = 1; i <= 20; i++) reporter.update({ slices: i, timestamp: day(i), fraction: i / 20, done: false });
    reporter.update({ slices: 20, timestamp: day(20), fraction: 1, done: true });
    const lines = text().trim().split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[0]).toBe('progress: 10% (2 timestamps, 2021-01-06)');
    expect(lines[10]).toBe('progress: done, 20 timestamps up to 2021-01-24');
  });

  it('counts timestamps when the length of the run is unknown', () => {
    const { io: cli, text } = io(false);
    const reporter = progressReporter(cli, { quiet: false, logEvery: 5 });
    for (let i = 1; i <= 12; i++) reporter.update({ slices: i, timestamp: day(i), fraction: undefined, done: false });
    expect(text()).toBe('progress: 5 timestamps (2021-01-09)\nprogress: 10 timestamps (2021-01-14)\n');
  });

  it('uses plain lines on a terminal when CI is set, and nothing when quiet', () => {
    const ci = io(true, { CI: 'true' });
    progressReporter(ci.io, { quiet: false }).update({ slices: 1, timestamp: day(1), fraction: 0.5, done: false });
    expect(ci.text()).toBe('progress: 50% (1 timestamps, 2021-01-05)\n');
    const quiet = io(true);
    progressReporter(quiet.io, { quiet: true }).update({ slices: 1, timestamp: day(1), fraction: 0.5, done: true });
    expect(quiet.text()).toBe('');
  });

  it('draws a progress bar on a terminal', () => {
    const { io: cli, text } = io(true);
    const reporter = progressReporter(cli, { quiet: false });
    reporter.update({ slices: 1, timestamp: day(1), fraction: 0.25, done: false });
    reporter.update({ slices: 4, timestamp: day(4), fraction: 1, done: true });
    reporter.stop();
    expect(text()).toContain('backtest [');
    expect(text()).toContain('100% | 4 timestamps | 2021-01-08');
    expect(text()).not.toContain('progress:');
  });
});
