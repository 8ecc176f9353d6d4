/**
 * Server-side sessions. The cookie holds a random token; the database holds only
 * HMAC(secret, token), so a leaked sessions collection cannot be replayed. Expiry is checked
 * on every lookup (and expired rows are swept), which works the same on MongoDB and FerretDB.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Collections, SessionDoc } from '../db/collections';

export const SESSION_COOKIE = 'gc_session';

export interface SessionStore {
  create(userId: string, orgId: string, address: string): Promise<{ token: string; expiresAt: Date }>;
  lookup(token: string | undefined): Promise<SessionDoc | null>;
  destroy(token: string | undefined): Promise<void>;
  destroyForUser(userId: string, exceptToken?: string): Promise<void>;
  sweep(): Promise<number>;
}

export function createSessionStore(c: Collections, secret: string, ttlMs: number): SessionStore {
  const idOf = (token: string) => createHmac('sha256', secret).update(token).digest('base64url');
  const looksValid = (t: string | undefined): t is string => typeof t === 'string' && /^[A-Za-z0-9_-]{43}$/.test(t);
  return {
    async create(userId, orgId, address) {
      const token = randomBytes(32).toString('base64url');
      const now = new Date();
      const expiresAt = new Date(now.getTime() + ttlMs);
      await c.sessions.insertOne({ _id: idOf(token), userId, orgId, createdAt: now, expiresAt, address });
      return { token, expiresAt };
    },
    async lookup(token) {
      if (!looksValid(token)) return null;
      const s = await c.sessions.findOne({ _id: idOf(token) });
      if (!s) return null;
      if (s.expiresAt.getTime() <= Date.now()) {
        await c.sessions.deleteOne({ _id: s._id });
        return null;
      }
      return s;
    },
    async destroy(token) {
      if (looksValid(token)) await c.sessions.deleteOne({ _id: idOf(token) });
    },
    async destroyForUser(userId, exceptToken) {
      const filter = exceptToken && looksValid(exceptToken) ? { userId, _id: { $ne: idOf(exceptToken) } } : { userId };
      await c.sessions.deleteMany(filter);
    },
    async sweep() {
      const r = await c.sessions.deleteMany({ expiresAt: { $lte: new Date() } });
      return r.deletedCount;
    }
  };
}
