/** Group commit with a linger (server/db/storage/keyed-batches.ts): who shares a run, and how long anyone waits. */
import { describe, expect, it } from 'vitest';
import { KeyedBatches } from '../../../server/db/storage/keyed-batches';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function recorder(options?: ConstructorParameters<typeof KeyedBatches>[2]) {
  const runs: number[][] = [];
  const batches = new KeyedBatches<{ n: number; done(): void }>(async (_key, jobs) => {
    runs.push(jobs.map((j) => j.n));
    jobs.forEach((j) => j.done());
  }, (err) => { throw err; }, options);
  const push = (n: number) => new Promise<number>((resolve) => batches.push('k', { n, done: () => resolve(performance.now()) }));
  return { runs, push };
}

describe('KeyedBatches', () => {
  it('without a linger, callers of one tick share a run and a later caller gets its own', async () => {
    const { runs, push } = recorder();
    await Promise.all([push(1), push(2)]);
    await sleep(5);
    await push(3);
    expect(runs).toEqual([[1, 2], [3]]);
  });

  it('with a linger, callers a few milliseconds apart share one run, in arrival order', async () => {
    const { runs, push } = recorder({ lingerMs: 40 });
    const started = performance.now();
    const done = [push(1)];
    await sleep(10);
    done.push(push(2));
    await sleep(10);
    done.push(push(3));
    const settled = await Promise.all(done);
    expect(runs).toEqual([[1, 2, 3]]);
    // Nobody waits much longer than the linger of the oldest job.
    expect(Math.max(...settled) - started).toBeLessThan(40 + 200);
    expect(Math.min(...settled) - started).toBeGreaterThanOrEqual(39);
  });

  it('a full queue starts at once, without waiting out the linger', async () => {
    const { runs, push } = recorder({ lingerMs: 10_000, maxJobs: 3 });
    const started = performance.now();
    await Promise.all([push(1), push(2), push(3)]);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(runs).toEqual([[1, 2, 3]]);
  });

  it('a queue whose jobs weigh maxWeight together starts at once; lighter ones wait out the linger', async () => {
    const runs: number[][] = [];
    const batches = new KeyedBatches<{ w: number; done(): void }>(async (_key, jobs) => {
      runs.push(jobs.map((j) => j.w));
      jobs.forEach((j) => j.done());
    }, (err) => { throw err; }, { lingerMs: 10_000, weigh: (j) => j.w, maxWeight: 10 });
    const push = (w: number) => new Promise<void>((resolve) => batches.push('k', { w, done: resolve }));
    const started = performance.now();
    const light = [push(4), push(4)];
    await sleep(50);
    expect(runs).toEqual([]); // 8 of 10: still lingering
    await Promise.all([...light, push(3)]);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(runs).toEqual([[4, 4, 3]]);
    // The weight starts again from nothing for the next queue.
    const next = push(9);
    await sleep(50);
    expect(runs).toHaveLength(1);
    await Promise.all([next, push(1)]);
    expect(runs).toEqual([[4, 4, 3], [9, 1]]);
  });

  it('jobs queued behind a running batch are already old: they go right after it, in one run', async () => {
    const starts: number[] = [];
    const ends: number[] = [];
    const batches = new KeyedBatches<() => void>(async (_key, jobs) => {
      starts.push(performance.now());
      await sleep(300);
      ends.push(performance.now());
      jobs.forEach((done) => done());
    }, (err) => { throw err; }, { lingerMs: 200 });
    const push = () => new Promise<void>((resolve) => batches.push('k', resolve));
    const first = push();
    await sleep(250); // the first run is under way (it started at ~200 ms and takes 300)
    await Promise.all([first, push(), push()]);
    expect(starts).toHaveLength(2);
    // Lingering again would start the second run 200 ms after the first ended; it starts at once.
    expect(starts[1]! - ends[0]!).toBeLessThan(100);
  });
});
