/**
 * Fixed-window counters for sign-in attempts, kept in the database so every node of a
 * scaled-out deployment counts the same attempts. Keys: `account:<email>` (failures only) and
 * `address:<ip>` (every attempt). One atomic findOneAndUpdate per hit.
 */
import type { Collections } from '../db/collections';

export interface AttemptCounter {
  /** Seconds until the key may try again, or 0 when it is under the limit. */
  retryAfter(key: string, limit: number): Promise<number>;
  hit(key: string): Promise<void>;
  reset(key: string): Promise<void>;
}

export function createAttemptCounter(c: Collections, windowMs: number): AttemptCounter {
  const current = async (key: string) => {
    const doc = await c.loginAttempts.findOne({ _id: key });
    if (!doc || doc.windowStart.getTime() + windowMs <= Date.now()) return null;
    return doc;
  };
  return {
    async retryAfter(key, limit) {
      const doc = await current(key);
      if (!doc || doc.count < limit) return 0;
      return Math.max(1, Math.ceil((doc.windowStart.getTime() + windowMs - Date.now()) / 1000));
    },
    async hit(key) {
      const windowFloor = new Date(Date.now() - windowMs);
      // A stale window restarts at 1; a live one counts up. Two single-document updates keep it
      // atomic without transactions: the first only matches a live window.
      const live = await c.loginAttempts.updateOne({ _id: key, windowStart: { $gt: windowFloor } }, { $inc: { count: 1 } });
      if (live.matchedCount === 0) {
        await c.loginAttempts.updateOne({ _id: key }, { $set: { count: 1, windowStart: new Date() } }, { upsert: true });
      }
    },
    async reset(key) {
      await c.loginAttempts.deleteOne({ _id: key });
    }
  };
}
