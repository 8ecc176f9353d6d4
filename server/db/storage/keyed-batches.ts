/**
 * Per-key group commit. Callers for one key queue up; at most one runner per key works at a
 * time, and each run takes everything queued for that key so far. Under load N callers cost
 * one database round instead of N, and callers of one key in one process never race each other
 * (only other processes can, and the storage module's claims settle that).
 *
 * Optional linger (`lingerMs`): a run starts only when its oldest queued job has waited that
 * long, or as soon as the queue is full: `maxJobs` jobs, or jobs weighing `maxWeight` together
 * (`weigh`: e.g. the work each job brings that shares the run's fixed cost). Without load a
 * batch then gathers the callers of a few milliseconds instead of one tick; under load the
 * jobs queued behind a running batch are already that old and go at once, so a linger bounds
 * the added wait, it never stacks up.
 * Nothing else changes: each caller still settles only when its run settles its job.
 */
export interface BatchOptions<Job = unknown> {
  /** The most a queued job waits for companions before its run starts (default 0: one tick). */
  lingerMs?: number;
  /** A queue this long starts its run without waiting out the linger. */
  maxJobs?: number;
  /** With `maxWeight`: a queue whose jobs weigh that much together starts its run at once. */
  weigh?: (job: Job) => number;
  maxWeight?: number;
}

export class KeyedBatches<Job> {
  private readonly queued = new Map<string, Job[]>();
  private readonly running = new Set<string>();
  /** When the oldest job of each queued list arrived (only kept with a linger). */
  private readonly firstAt = new Map<string, number>();
  /** Wakes a runner lingering on a key, once the queue is full. */
  private readonly wakers = new Map<string, () => void>();
  /** What each queued list weighs (only kept with `maxWeight`). */
  private readonly weights = new Map<string, number>();

  /** `run` must settle every job it is given (resolve or reject); a throw rejects none of them. */
  constructor(
    private readonly run: (key: string, jobs: Job[]) => Promise<void>,
    private readonly onCrash: (err: unknown) => void,
    private readonly options: BatchOptions<Job> = {}
  ) {}

  push(key: string, job: Job): void {
    const { maxWeight, weigh } = this.options;
    if (maxWeight !== undefined && weigh) this.weights.set(key, (this.weights.get(key) ?? 0) + weigh(job));
    const list = this.queued.get(key);
    if (list) {
      list.push(job);
      if (this.isFull(key, list)) this.wakers.get(key)?.();
    } else {
      this.queued.set(key, [job]);
      if (this.options.lingerMs) this.firstAt.set(key, performance.now());
    }
    if (!this.running.has(key)) void this.drain(key);
  }

  private isFull(key: string, jobs: Job[]): boolean {
    return jobs.length >= (this.options.maxJobs ?? Infinity) || (this.weights.get(key) ?? 0) >= (this.options.maxWeight ?? Infinity);
  }

  /** Waits until the oldest job of the key's queue is `lingerMs` old or the queue is full. */
  private linger(key: string): Promise<void> | null {
    const { lingerMs = 0 } = this.options;
    const jobs = this.queued.get(key);
    if (lingerMs <= 0 || !jobs || this.isFull(key, jobs)) return null;
    const wait = (this.firstAt.get(key) ?? 0) + lingerMs - performance.now();
    if (wait <= 0) return null;
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, wait);
      function done() { clearTimeout(timer); resolve(); }
      this.wakers.set(key, done);
    }).finally(() => this.wakers.delete(key));
  }

  private async drain(key: string): Promise<void> {
    this.running.add(key);
    try {
      // One tick lets a burst of concurrent callers join the first batch.
      await new Promise<void>((resolve) => setImmediate(resolve));
      for (;;) {
        // Again after each wait: a timer may fire a fraction of a millisecond early (libuv counts
        // whole milliseconds), and a linger must have fully elapsed (or the queue filled).
        for (let waiting = this.linger(key); waiting; waiting = this.linger(key)) await waiting;
        const jobs = this.queued.get(key);
        if (!jobs || jobs.length === 0) break;
        this.queued.delete(key);
        this.firstAt.delete(key);
        this.weights.delete(key);
        await this.run(key, jobs).catch(this.onCrash);
      }
    } finally {
      this.running.delete(key);
      this.queued.delete(key);
      this.firstAt.delete(key);
      this.weights.delete(key);
    }
  }
}
