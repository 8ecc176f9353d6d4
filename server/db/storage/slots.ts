/**
 * Counted slots: "at most `limit` of these per key", decided on a count that includes the
 * caller, without atomic counters. Slot n of a key is the document `<key>#<n>` (unique _id);
 * a caller owns the first slot it manages to insert, and is refused when slots 1..limit are all
 * taken. So of any number of concurrent callers exactly `limit` get a slot, in every process.
 * A released slot (a successful sign-in frees its failure slot) can be taken again.
 */
import type { Collection } from 'mongodb';
import { isDuplicateKey } from './errors';

export interface SlotDoc { _id: string; key: string; n: number; at: Date }

export interface Slots {
  /**
   * The slot number taken (1..limit), or null when every slot is taken. `reusable` keys (whose
   * slots get released) look below this process's hint again before refusing.
   */
  take(key: string, limit: number, reusable?: boolean): Promise<number | null>;
  release(key: string, n: number): Promise<void>;
  clear(key: string): Promise<void>;
  /** Removes slots taken before `before` (their window has passed). */
  sweep(before: Date): Promise<number>;
}

export function createSlots(collection: Collection<SlotDoc>): Slots {
  // Where this process last found a free slot: the next caller probes from there.
  const hint = new Map<string, number>();

  async function probe(key: string, from: number, limit: number): Promise<number | null> {
    for (let n = from; n <= limit; n++) {
      try {
        await collection.insertOne({ _id: `${key}#${n}`, key, n, at: new Date() });
        hint.set(key, n + 1);
        return n;
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
    }
    return null;
  }

  return {
    async take(key, limit, reusable = false) {
      const from = Math.min(hint.get(key) ?? 1, limit + 1);
      const n = await probe(key, from, limit);
      if (n !== null || from === 1 || !reusable) return n;
      // Slots below the hint may have been released (here or in another process).
      return probe(key, 1, Math.min(from - 1, limit));
    },
    async release(key, n) {
      await collection.deleteOne({ _id: `${key}#${n}` });
      hint.set(key, Math.min(hint.get(key) ?? 1, n));
    },
    async clear(key) {
      await collection.deleteMany({ key });
      hint.delete(key);
    },
    async sweep(before) {
      const r = await collection.deleteMany({ at: { $lt: before } });
      return r.deletedCount;
    }
  };
}
