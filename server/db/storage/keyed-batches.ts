/**
 * Per-key group commit. Callers for one key queue up; at most one runner per key works at a
 * time, and each run takes everything queued for that key so far. Under load N callers cost
 * one database round instead of N, and callers of one key in one process never race each other
 * (only other processes can, and the storage module's claims settle that).
 */
export class KeyedBatches<Job> {
  private readonly queued = new Map<string, Job[]>();
  private readonly running = new Set<string>();

  /** `run` must settle every job it is given (resolve or reject); a throw rejects none of them. */
  constructor(private readonly run: (key: string, jobs: Job[]) => Promise<void>, private readonly onCrash: (err: unknown) => void) {}

  push(key: string, job: Job): void {
    const list = this.queued.get(key);
    if (list) list.push(job);
    else this.queued.set(key, [job]);
    if (!this.running.has(key)) void this.drain(key);
  }

  private async drain(key: string): Promise<void> {
    this.running.add(key);
    try {
      // One tick lets a burst of concurrent callers join the first batch.
      await new Promise<void>((resolve) => setImmediate(resolve));
      for (;;) {
        const jobs = this.queued.get(key);
        if (!jobs || jobs.length === 0) break;
        this.queued.delete(key);
        await this.run(key, jobs).catch(this.onCrash);
      }
    } finally {
      this.running.delete(key);
      this.queued.delete(key);
    }
  }
}
