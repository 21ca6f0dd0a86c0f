import { describe, expect, it } from 'vitest';
import { coldAndWarmRuns } from '../src/harness/cold-and-warm-runs.js';
import type { PreparedWorkload, WorkloadOutcome } from '../src/harness/workload-outcome.js';

const outcome = (seconds: number, fills = 10): WorkloadOutcome => ({
  workload: 'W1',
  symbols: 250,
  bars: 1_260_000,
  seconds,
  pageFaults: seconds * 1000,
  fills,
  trades: 5,
  finalEquity: '100.00',
});

/** A prepared workload that replays the given outcomes, one per call, and counts the calls. */
function scripted(outcomes: readonly WorkloadOutcome[]): PreparedWorkload & { readonly calls: () => number } {
  let calls = 0;
  return {
    run: async () => {
      const next = outcomes[calls++];
      if (next === undefined) throw new Error('run called too often');
      return next;
    },
    dispose: () => Promise.resolve(),
    calls: () => calls,
  };
}

describe('coldAndWarmRuns', () => {
  it('reports the fastest warm run as seconds and the first run as the cold one', async () => {
    const prepared = scripted([outcome(0.6), outcome(0.3), outcome(0.25), outcome(0.27), outcome(0.26)]);
    const m = await coldAndWarmRuns(prepared, 4);
    expect(prepared.calls()).toBe(5);
    expect(m).toMatchObject({
      workload: 'W1',
      seconds: 0.25,
      pageFaults: 250,
      coldSeconds: 0.6,
      coldPageFaults: 600,
      warmRuns: 4,
      fills: 10,
    });
    expect(m.peakRssMB).toBeGreaterThan(0);
  });

  it('takes the fastest warm run even when the cold run was faster', async () => {
    const m = await coldAndWarmRuns(scripted([outcome(0.2), outcome(0.3), outcome(0.4)]), 2);
    expect([m.seconds, m.pageFaults, m.coldSeconds]).toEqual([0.3, 300, 0.2]);
  });

  it('reports the cold run alone with no warm runs', async () => {
    const prepared = scripted([outcome(0.6)]);
    const m = await coldAndWarmRuns(prepared, 0);
    expect(prepared.calls()).toBe(1);
    expect([m.seconds, m.pageFaults, m.coldSeconds, m.coldPageFaults, m.warmRuns]).toEqual([0.6, 600, 0.6, 600, 0]);
  });

  it('fails naming the run and the field when a warm run computes something else', async () => {
    const prepared = scripted([outcome(0.6), outcome(0.3), outcome(0.3, 11), outcome(0.3)]);
    await expect(coldAndWarmRuns(prepared, 3)).rejects.toThrow(
      'W1 is not deterministic: warm run 2 has fills 11, the cold run 10',
    );
    expect(prepared.calls()).toBe(3);
  });
});
