import { toIso } from '@ml4t/core';
import cliProgress from 'cli-progress';
import type { BacktestProgress } from '../run/backtest-progress.js';
import type { CliIo } from './io.js';

/** Receives run progress and shows it to a shell user. */
export interface ProgressReporter {
  update(progress: BacktestProgress): void;
  /** Removes the bar (if any); safe to call twice. */
  stop(): void;
}

const BAR_TOTAL = 1000;

/**
 * A progress display for `ml4t-backtest run`: a cli-progress bar on stderr when stderr is a terminal and
 * `CI` is not set, plain `progress:` lines otherwise (at most one per 10 % of the run, or one per
 * `logEvery` slices when the run's length is unknown), nothing when `quiet`.
 */
export function progressReporter(
  io: CliIo,
  options: { readonly quiet: boolean; readonly logEvery?: number },
): ProgressReporter {
  if (options.quiet) return { update: () => undefined, stop: () => undefined };
  const ci = io.env.CI !== undefined && io.env.CI !== '' && io.env.CI !== 'false' && io.env.CI !== '0';
  if (io.stderr.isTTY === true && !ci) return new BarReporter(io);
  return new LineReporter(io, options.logEvery ?? 10_000);
}

class BarReporter implements ProgressReporter {
  private readonly bar: cliProgress.SingleBar;
  private started = false;

  constructor(io: CliIo) {
    this.bar = new cliProgress.SingleBar(
      {
        // cli-progress writes with cursor control, so it needs the real terminal stream.
        stream: io.stderr as NodeJS.WritableStream,
        format: 'backtest [{bar}] {percentage}% | {slices} timestamps | {date} | ETA {eta_formatted}',
        hideCursor: true,
        clearOnComplete: false,
      },
      cliProgress.Presets.shades_classic,
    );
  }

  update(p: BacktestProgress): void {
    const payload = { slices: p.slices, date: toIso(p.timestamp).slice(0, 10) };
    const value = Math.round((p.fraction ?? 0) * BAR_TOTAL);
    if (!this.started) {
      this.bar.start(BAR_TOTAL, value, payload);
      this.started = true;
    } else {
      this.bar.update(value, payload);
    }
    if (p.done) this.stop();
  }

  stop(): void {
    if (!this.started) return;
    this.started = false;
    this.bar.stop();
  }
}

class LineReporter implements ProgressReporter {
  private nextFraction = 0.1;
  private nextSlices: number;

  constructor(
    private readonly io: CliIo,
    private readonly every: number,
  ) {
    this.nextSlices = every;
  }

  update(p: BacktestProgress): void {
    const date = toIso(p.timestamp).slice(0, 10);
    if (p.done) {
      this.io.stderr.write(`progress: done, ${p.slices} timestamps up to ${date}\n`);
      return;
    }
    if (p.fraction !== undefined) {
      if (p.fraction < this.nextFraction) return;
      this.io.stderr.write(`progress: ${Math.floor(p.fraction * 100)}% (${p.slices} timestamps, ${date})\n`);
      while (this.nextFraction <= p.fraction) this.nextFraction += 0.1;
      return;
    }
    if (p.slices < this.nextSlices) return;
    this.io.stderr.write(`progress: ${p.slices} timestamps (${date})\n`);
    while (this.nextSlices <= p.slices) this.nextSlices += this.every;
  }

  stop(): void {}
}
