/**
 * Sign-in attempt limits in fixed windows, kept in the database so every node of a scaled-out
 * deployment counts the same attempts. Keys: `account:<email>` (failed passwords, also on the
 * password-change form) and `address:<ip>` (every attempt).
 *
 * An attempt takes its place before it is evaluated: one slot of the key's current window
 * (server/db/storage slots, claimed by unique inserts). The decision is made on a count that
 * includes this attempt, so of any number of parallel attempts exactly `limit` are evaluated,
 * on every node; the rest are refused with the time until the window ends. A failed attempt
 * keeps its slot; a successful one clears the account's window.
 */
import type { Slots } from '../db/storage';

export type Attempt = { ok: true; key: string; slot: number } | { ok: false; retryAfter: number };

export interface AttemptLimiter {
  /** Takes this attempt's slot in the key's window, or says how many seconds until it may try. */
  take(key: string, limit: number): Promise<Attempt>;
  /** An attempt that turned out not to count (a right password): its slot is free again. */
  release(attempt: Attempt): Promise<void>;
  /** A successful sign-in: the account's earlier failures in this window stop counting. */
  clear(key: string): Promise<void>;
}

export function createAttemptLimiter(slots: Slots, windowMs: number): AttemptLimiter {
  const windowOf = (now: number) => Math.floor(now / windowMs);
  const windowKey = (key: string, now: number) => `${key}@${windowOf(now)}`;
  return {
    async take(key, limit) {
      const now = Date.now();
      const wkey = windowKey(key, now);
      // Account slots are released by right passwords, so they are looked for again below the hint.
      const slot = await slots.take(wkey, limit, key.startsWith('account:'));
      if (slot !== null) return { ok: true, key: wkey, slot };
      const retryAfter = Math.max(1, Math.ceil(((windowOf(now) + 1) * windowMs - now) / 1000));
      return { ok: false, retryAfter };
    },
    async release(attempt) {
      if (attempt.ok) await slots.release(attempt.key, attempt.slot);
    },
    async clear(key) {
      await slots.clear(windowKey(key, Date.now()));
    }
  };
}
