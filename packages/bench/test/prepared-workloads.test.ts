import { describe, expect, it } from 'vitest';
import { WORKLOADS } from '../src/workloads/registry.js';

describe('prepared workloads', () => {
  it.each(WORKLOADS.map((w) => [w.id, w] as const))(
    '%s runs repeatedly on one prepared dataset with identical results',
    async (_id, workload) => {
      const prepared = await workload.prepare(true);
      try {
        const first = await prepared.run();
        const second = await prepared.run();
        expect(first.workload).toBe(workload.id);
        expect(first.bars).toBeGreaterThan(0);
        expect(first.seconds).toBeGreaterThan(0);
        const { seconds: _s1, pageFaults: _p1, ...firstResult } = first;
        const { seconds: _s2, pageFaults: _p2, ...secondResult } = second;
        expect(secondResult).toEqual(firstResult);
      } finally {
        await prepared.dispose();
      }
    },
  );
});
