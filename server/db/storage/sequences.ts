/**
 * Sequence numbers per scope (an encounter, a sign-in window): unique, increasing, never
 * duplicated, correct across processes, without atomic updates.
 *
 * A block [start, end) is claimed by inserting `{_id: "<scope>#<start>", end}`: a unique _id,
 * so of two writers that want the same start exactly one wins. Every start is the end of an
 * earlier block (or 1), so blocks form one chain per scope and never overlap. A loser reads the
 * winner's block and tries again at its end. Callers of one scope in one tick share one block
 * (KeyedBatches), so a burst of N numbers is one insert.
 *
 * A process remembers where its scope's chain ended for CACHE_MS; the sweep deletes only blocks
 * older than SWEEP_AGE_MS (> CACHE_MS) and never the newest of a scope, so a remembered end is
 * never behind a block that was deleted.
 */
import type { Collection } from 'mongodb';
import { conflict } from '../../errors';
import { isDuplicateKey } from './errors';
import { KeyedBatches } from './keyed-batches';

export interface SequenceBlockDoc { _id: string; scope: string; start: number; end: number; at: Date }

export const CACHE_MS = 60_000;
export const SWEEP_AGE_MS = 10 * 60_000;

interface Job { count: number; resolve(first: number): void; reject(e: unknown): void }

export interface SequenceAllocator {
  /** The first of `count` consecutive numbers reserved for the caller (numbers start at 1). */
  next(scope: string, count?: number): Promise<number>;
  sweep(): Promise<number>;
}

export function createSequenceAllocator(blocks: Collection<SequenceBlockDoc>, onBackgroundError: (err: unknown) => void): SequenceAllocator {
  const ends = new Map<string, { end: number; at: number }>();

  const newestEnd = async (scope: string) => {
    const [last] = await blocks.find({ scope }).sort({ start: -1 }).limit(1).toArray();
    return last?.end ?? 1;
  };

  async function claim(scope: string, count: number): Promise<number> {
    const known = ends.get(scope);
    let start = known && Date.now() - known.at < CACHE_MS ? known.end : await newestEnd(scope);
    for (let attempt = 0; attempt < 1000; attempt++) {
      try {
        await blocks.insertOne({ _id: `${scope}#${start}`, scope, start, end: start + count, at: new Date() });
        ends.set(scope, { end: start + count, at: Date.now() });
        return start;
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        const taken = await blocks.findOne({ _id: `${scope}#${start}` });
        start = taken ? taken.end : await newestEnd(scope);
      }
    }
    throw conflict('Could not reserve a sequence number; try again');
  }

  const batches = new KeyedBatches<Job>(async (scope, jobs) => {
    const total = jobs.reduce((n, j) => n + j.count, 0);
    try {
      let first = await claim(scope, total);
      for (const job of jobs) { job.resolve(first); first += job.count; }
    } catch (err) {
      jobs.forEach((j) => j.reject(err));
    }
  }, onBackgroundError);

  return {
    next(scope, count = 1) {
      if (!Number.isInteger(count) || count < 1) return Promise.reject(new RangeError('count must be a positive integer'));
      return new Promise<number>((resolve, reject) => batches.push(scope, { count, resolve, reject }));
    },
    async sweep() {
      const old = await blocks.find({ at: { $lt: new Date(Date.now() - SWEEP_AGE_MS) } }).project<{ _id: string; scope: string; start: number }>({ _id: 1, scope: 1, start: 1 }).toArray();
      if (old.length === 0) return 0;
      const newest = new Map<string, number>();
      for (const scope of new Set(old.map((b) => b.scope))) {
        const [last] = await blocks.find({ scope }).sort({ start: -1 }).limit(1).toArray();
        if (last) newest.set(scope, last.start);
      }
      const ids = old.filter((b) => newest.get(b.scope) !== b.start).map((b) => b._id);
      if (ids.length > 0) await blocks.deleteMany({ _id: { $in: ids } });
      return ids.length;
    }
  };
}
