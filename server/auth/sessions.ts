/**
 * Server-side sessions. The cookie holds a random token; the database holds only
 * HMAC(secret, token), so a leaked sessions collection cannot be replayed. Expiry is checked
 * on every lookup (and expired rows are swept), which works the same on MongoDB and FerretDB.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import type { Collections, SessionDoc } from '../db/collections';

export const SESSION_COOKIE = 'gc_session';

/**
 * Ended sessions are announced so that live sockets of those sessions are closed at once
 * (sockets/index.ts listens), not only at their next session check.
 */
export interface SessionEvents {
  'session.ended': [sessionId: string];
  'user.sessions-ended': [userId: string, exceptSessionId: string | null];
  /** A user's role or teams changed: open sockets re-read their actor at once. */
  'user.role-changed': [userId: string];
}

export interface SessionStore {
  /** The stored id of a cookie token (also the name of the socket room of that session). */
  idOf(token: string): string;
  create(userId: string, orgId: string, address: string): Promise<{ token: string; expiresAt: Date }>;
  lookup(token: string | undefined): Promise<SessionDoc | null>;
  destroy(token: string | undefined): Promise<void>;
  destroyForUser(userId: string, exceptToken?: string): Promise<void>;
  sweep(): Promise<number>;
}

export function createSessionStore(c: Collections, secret: string, ttlMs: number, events: EventEmitter<SessionEvents>): SessionStore {
  const idOf = (token: string) => createHmac('sha256', secret).update(token).digest('base64url');
  const looksValid = (t: string | undefined): t is string => typeof t === 'string' && /^[A-Za-z0-9_-]{43}$/.test(t);
  return {
    idOf,
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
      if (!looksValid(token)) return;
      await c.sessions.deleteOne({ _id: idOf(token) });
      events.emit('session.ended', idOf(token));
    },
    async destroyForUser(userId, exceptToken) {
      const keep = exceptToken && looksValid(exceptToken) ? idOf(exceptToken) : null;
      await c.sessions.deleteMany(keep ? { userId, _id: { $ne: keep } } : { userId });
      events.emit('user.sessions-ended', userId, keep);
    },
    async sweep() {
      const r = await c.sessions.deleteMany({ expiresAt: { $lte: new Date() } });
      return r.deletedCount;
    }
  };
}
